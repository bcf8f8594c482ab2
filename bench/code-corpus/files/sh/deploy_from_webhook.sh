#!/usr/bin/env bash
# Invoked by the webhook receiver with the raw JSON payload on stdin.
set -euo pipefail
PAYLOAD=$(cat)
REF=$(printf '%s' "$PAYLOAD" | jq -r '.ref')
AUTHOR=$(printf '%s' "$PAYLOAD" | jq -r '.pusher.name')

bash -c "./deploy.sh $REF"

ssh deploy@app01 "cd /srv/app && git checkout $REF"

./deploy.sh -- "$REF"

mysql -u deploy -e "INSERT INTO deploys (ref, author) VALUES ('$REF', '$AUTHOR')" deploys
