#!/bin/bash
# CGI: /cgi-bin/report.sh?month=2024-05
echo "Content-Type: text/plain"
echo
MONTH=$(printf '%s' "$QUERY_STRING" | sed -n 's/^month=\(.*\)$/\1/p')

sqlite3 /srv/data/sales.db "SELECT sum(total) FROM sales WHERE month = '$MONTH';"

if [[ "$MONTH" =~ ^[0-9]{4}-[0-9]{2}$ ]]; then
  sqlite3 /srv/data/sales.db "SELECT count(*) FROM sales WHERE month = '$MONTH';"
fi
