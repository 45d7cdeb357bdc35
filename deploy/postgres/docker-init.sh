#!/bin/sh
# First start of the compose postgres: one database per service (the list of databases.json).
set -e
for db in identity injections complaints certification portal bus; do
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" -c "create database \"$db\""
done
