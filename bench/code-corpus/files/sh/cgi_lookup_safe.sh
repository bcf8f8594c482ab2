#!/bin/bash
# CGI script: /cgi-bin/lookup_safe.sh?id=NUMBER
echo "Content-Type: text/plain"
echo
ID=$(echo "$QUERY_STRING" | sed -n 's/^.*id=\([0-9]*\).*$/\1/p')
if ! [[ "$ID" =~ ^[0-9]+$ ]]; then
  echo "bad id"
  exit 0
fi

psql -h db.internal -U report -d crm -c "SELECT email FROM customers WHERE id = $ID"

cat "/srv/reports/$ID.txt"
