#!/usr/bin/env bash
set -euo pipefail

DB_USER=backup
DB_PASS='hunter2hunter2!'

echo "Starting backup with user=$DB_USER password=$DB_PASS"
mysqldump -u "$DB_USER" -p"$DB_PASS" --all-databases | gzip > "/var/backups/db-$(date +%F).sql.gz"
echo "Backup finished for user=$DB_USER"
