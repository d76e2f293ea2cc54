#!/usr/bin/env bash
# Adds one EF Core migration, under the same name, for both engines after a change to the model:
#   SQLite     -> src/AttributionTracker/Data/Migrations/Sqlite
#   PostgreSQL -> src/AttributionTracker.Migrations.Postgres/Migrations
# Each project's design-time factory gives its own provider; neither opens a connection.
# Usage: tools/add-migration.sh NAME      (from anywhere in the repository)
set -euo pipefail
if [[ $# -ne 1 || ! "$1" =~ ^[A-Z][A-Za-z0-9]*$ ]]; then
    echo "usage: $0 NAME   (PascalCase, e.g. StatementIndexes)" >&2
    exit 2
fi
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet ef migrations add "$1" --project src/AttributionTracker --output-dir Data/Migrations/Sqlite
dotnet ef migrations add "$1" --project src/AttributionTracker.Migrations.Postgres --output-dir Migrations
echo "Added $1 for SQLite and PostgreSQL. Raw SQL (search triggers, indexes) is per engine: write each by hand."
