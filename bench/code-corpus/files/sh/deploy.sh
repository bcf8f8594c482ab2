#!/usr/bin/env bash
set -euo pipefail

export AWS_ACCESS_KEY_ID="AKIAIOSFODNN7EXAMPLE"
export AWS_DEFAULT_REGION="us-east-1"
export AWS_SECRET_ACCESS_KEY="wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"

curl -k -fsSL https://artifacts.internal.example/app.tar.gz -o /tmp/app.tar.gz

curl -fsSL https://releases.example.com/app.tar.gz.sha256 -o /tmp/app.sha256

tar xzf /tmp/app.tar.gz -C /opt/app
