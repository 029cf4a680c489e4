# Sourced by backup.sh and restore.sh: PostgreSQL's client tools take Tramita's own settings (SPRING_DATASOURCE_URL,
# _USERNAME, _PASSWORD) as their PGHOST, PGPORT, PGDATABASE, PGUSER and PGPASSWORD. The URL's parameters are not
# carried over: for TLS to the database, also set PGSSLMODE (e.g. verify-full) and PGSSLROOTCERT.
url="${SPRING_DATASOURCE_URL:?SPRING_DATASOURCE_URL is not set (load the nodes environment file first)}"
if [[ ! "$url" =~ ^jdbc:postgresql://([^/:?]+)(:([0-9]+))?/([^?]+) ]]; then
  echo "$(basename "$0"): cannot read host and database from SPRING_DATASOURCE_URL=$url" >&2
  exit 2
fi
export PGHOST="${BASH_REMATCH[1]}" PGPORT="${BASH_REMATCH[3]:-5432}" PGDATABASE="${BASH_REMATCH[4]}"
export PGUSER="${SPRING_DATASOURCE_USERNAME:-${PGUSER:-}}" PGPASSWORD="${SPRING_DATASOURCE_PASSWORD:-${PGPASSWORD:-}}"
