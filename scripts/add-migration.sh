#!/usr/bin/env bash
# Adds a migration for both providers and refreshes the SQL Server script operators apply.
# usage: scripts/add-migration.sh <MigrationName>
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: scripts/add-migration.sh <MigrationName>}"
dotnet tool restore >/dev/null
for provider in Sqlite SqlServer; do
  dotnet ef migrations add "$name" --project "migrations/$provider" --startup-project "migrations/$provider" --output-dir Migrations
done
scripts/sqlserver-script.sh
