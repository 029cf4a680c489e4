#!/usr/bin/env bash
# Restores a folder made by backup.sh onto an empty database and an empty keystore folder (it refuses anything else),
# with the nodes stopped. Then start the nodes: the engine carries on where the backup was taken (timers due in
# between fire at once).
#   set -a; . /etc/tramita/tramita.env; set +a; deploy/restore.sh /var/backups/tramita/2026-12-01
set -euo pipefail
here="$(dirname "$0")"
. "$here/database-env.sh"

source="${1:?usage: restore.sh <backup-folder>}"
(cd "$source" && sha256sum --check --quiet SHA256SUMS)

tables="$(psql --no-psqlrc --tuples-only --no-align --command \
  "SELECT count(*) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')")"
if [ "$tables" != "0" ]; then
  echo "restore.sh: the database $PGDATABASE already has $tables tables; restore onto an empty one" >&2
  exit 2
fi
keys="${TRAMITA_SIGNING_KEYSTORE_DIR:?TRAMITA_SIGNING_KEYSTORE_DIR is not set}"
if [ -e "$keys" ] && [ -n "$(ls -A "$keys")" ]; then
  echo "restore.sh: $keys is not empty" >&2
  exit 2
fi

pg_restore --exit-on-error --single-transaction --no-owner --dbname="$PGDATABASE" "$source/database.dump"
umask 077
mkdir -p "$keys"
tar -C "$keys" -xf "$source/keystores.tar"
echo "restore.sh: database $PGDATABASE and keystores in $keys restored from $source"
