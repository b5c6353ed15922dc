#!/usr/bin/env bash
# The scale-out profile's streaming standby. On its first start (empty data directory) it clones the primary with
# pg_basebackup -R, which writes standby.signal and primary_conninfo; then it starts as the official image does,
# which skips initdb for a data directory that has one.
set -euo pipefail
: "${POSTGRES_REPLICATION_PASSWORD:?set POSTGRES_REPLICATION_PASSWORD (openssl rand -hex 24)}"

if [ ! -s "$PGDATA/PG_VERSION" ]; then
    mkdir -p "$PGDATA"
    chown postgres:postgres "$PGDATA"
    chmod 700 "$PGDATA"
    until gosu postgres env PGPASSWORD="$POSTGRES_REPLICATION_PASSWORD" \
        pg_basebackup -h primary -U replicator -D "$PGDATA" -R -X stream -c fast; do
        echo "The primary does not answer yet; trying again in 2 s."
        find "$PGDATA" -mindepth 1 -delete
        sleep 2
    done
fi

exec docker-entrypoint.sh postgres -c hot_standby=on
