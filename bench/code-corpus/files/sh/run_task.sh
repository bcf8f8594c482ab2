#!/bin/bash
# Called by the chat-ops bot: run_task.sh "<text the user typed after /make>"
TASK_ARGS="$1"

eval "make $TASK_ARGS"

make -- "$TASK_ARGS"
