#!/usr/bin/env bash
set -euo pipefail

: "${DB_PASSWORD:?DB_PASSWORD must be set}"
export PGPASSWORD="${DB_PASSWORD}"

echo "Deploying as ${USER} to ${TARGET_HOST:-localhost}"
psql -h db.internal -U app -c "SELECT 1"
