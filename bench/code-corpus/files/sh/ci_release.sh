#!/usr/bin/env bash
set -euo pipefail

GITHUB_TOKEN="ghp_EXAMPLE1234567890abcdefEXAMPLE12345678"

echo "Releasing with token $GITHUB_TOKEN"

curl --insecure -H "Authorization: token ${GITHUB_TOKEN}" https://api.github.example/repos/acme/app/releases

echo "Release created for tag ${TAG:-none}"
