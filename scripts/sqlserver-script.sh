#!/usr/bin/env bash
# Writes migrations/SqlServer/platform.sql: the idempotent script a DBA runs on SQL Server.
# A test fails if it drifts from the migrations.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet ef migrations script --idempotent --project migrations/SqlServer --startup-project migrations/SqlServer \
  --output migrations/SqlServer/platform.sql
