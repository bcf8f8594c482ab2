#!/usr/bin/env bash
set -euo pipefail

remote_env=$(curl -fsSL "https://config.internal.example/env/${STAGE:-dev}")
eval "$remote_env"

local_env=$(printf 'export STAGE=%s' "dev")
eval "$local_env"
