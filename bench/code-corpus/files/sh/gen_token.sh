#!/usr/bin/env bash
# Generate a one-time admin token
TOKEN="$RANDOM$RANDOM$RANDOM"
echo "$TOKEN" > /etc/app/admin.token

SECURE_TOKEN=$(openssl rand -hex 32)
echo "$SECURE_TOKEN" > /etc/app/admin2.token

SLEEP_JITTER=$((RANDOM % 10))
sleep "$SLEEP_JITTER"
