#!/usr/bin/env bash
# Backs up everything Tramita needs into one new folder: the whole database (Camunda's ACT_* tables and the tramita
# schema, with every document and certificate, which live in it) as one consistent snapshot taken while the nodes
# run, and the signing keystores. Run on any machine with PostgreSQL's client tools (pg_dump as new as the server):
#   set -a; . /etc/tramita/tramita.env; set +a; deploy/backup.sh /var/backups/tramita/$(date +%F)
# Restore with deploy/restore.sh. Keep backups where the keystores' password is not.
set -euo pipefail
here="$(dirname "$0")"
. "$here/database-env.sh"

target="${1:?usage: backup.sh <new-folder>}"
if [ -e "$target" ] && [ -n "$(ls -A "$target")" ]; then
  echo "backup.sh: $target is not empty; give a new folder" >&2
  exit 2
fi
umask 077
mkdir -p "$target"

pg_dump --format=custom --compress=6 --no-owner --file="$target/database.dump"
keys="${TRAMITA_SIGNING_KEYSTORE_DIR:?TRAMITA_SIGNING_KEYSTORE_DIR is not set}"
tar -C "$keys" -cf "$target/keystores.tar" .
(cd "$target" && sha256sum database.dump keystores.tar > SHA256SUMS)
echo "backup.sh: $(du -sh "$target" | cut -f1) in $target"
