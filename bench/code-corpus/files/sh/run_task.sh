#!/bin/bash
# Called by the chat-ops bot: run_task.sh "<text the user typed after /make>"
TASK_ARGS="$1"

eval "make $TASK_ARGS"

if [[ "$TASK_ARGS" =~ ^[a-z][a-z0-9_-]*$ ]]; then
  make -- "$TASK_ARGS"
fi
