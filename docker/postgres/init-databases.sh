#!/bin/bash
# Run once by the postgres image on an empty data directory (/docker-entrypoint-initdb.d/):
# POSTGRES_DB (Airflow's metadata, owned by POSTGRES_USER) already exists; this adds the project's
# records database and its own role. Changing the passwords later: ALTER ROLE, not this script.
set -euo pipefail
: "${RECORDS_DB_NAME:?}" "${RECORDS_DB_USER:?}" "${RECORDS_DB_PASSWORD:?}"

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
     -v db="$RECORDS_DB_NAME" -v role="$RECORDS_DB_USER" -v pw="$RECORDS_DB_PASSWORD" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'pw';
CREATE DATABASE :"db" OWNER :"role" ENCODING 'UTF8' TEMPLATE template0;
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
SQL
