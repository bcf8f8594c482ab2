#!/usr/bin/env bash
# Called by the web app with the user's search term as $1
TERM_ARG="$1"
python3 -c "import sys; print(len('$TERM_ARG'))"

python3 -c 'import sys; print(len(sys.argv[1]))' "$TERM_ARG"
