#!/usr/bin/env bash
read -r -s -p "New password: " PW
echo
HASH=$(printf '%s' "$PW" | md5sum | cut -d' ' -f1)
echo "$HASH" >> /etc/app/htpasswd.md5

ARTIFACT_SUM=$(sha256sum dist/app.tar.gz | cut -d' ' -f1)
echo "$ARTIFACT_SUM  dist/app.tar.gz" > dist/SHA256SUMS
