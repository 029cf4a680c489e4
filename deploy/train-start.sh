#!/usr/bin/env bash
# Makes the class data sharing archive that lets a node start in about three quarters of the time: one training
# start of the extracted application that stops once its context is ready, recording the classes it loaded in
# <app-dir>/tramita.jsa (read by the systemd unit's -XX:SharedArchiveFile). Run it after each new jar, with the nodes'
# environment (it reaches the database like a node, and changes nothing there):
#   java -Djarmode=tools -jar tramita-<version>.jar extract --destination /opt/tramita/app --application-filename tramita.jar
#   set -a; . /etc/tramita/tramita.env; set +a; deploy/train-start.sh /opt/tramita/app
# The archive belongs to that jar and that JDK: the JVM ignores it (and starts the slow way) if either changed.
set -euo pipefail
app="${1:?usage: train-start.sh <extracted-app-dir> [application arguments]}"
shift
jar="$app/tramita.jar"
[ -f "$jar" ] || { echo "train-start.sh: no $jar; extract the application first" >&2; exit 2; }
rm -f "$app/tramita.jsa"
# shellcheck disable=SC2086 (JAVA_OPTS holds several options)
java ${JAVA_OPTS:-} -XX:ArchiveClassesAtExit="$app/tramita.jsa" -Dspring.context.exit=onRefresh -jar "$jar" "$@"
[ -s "$app/tramita.jsa" ] || { echo "train-start.sh: no archive was written" >&2; exit 1; }
echo "train-start.sh: $(du -h "$app/tramita.jsa" | cut -f1) archive in $app/tramita.jsa"
