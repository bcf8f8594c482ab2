#!/usr/bin/env bash
# post-receive hook: reads "oldrev newrev refname" lines pushed by any developer
while read -r oldrev newrev refname; do
  msg=$(git log -1 --format=%s "$newrev")
  eval "echo Deploying: $msg"

  printf 'Deploying: %s\n' "$msg"
done
