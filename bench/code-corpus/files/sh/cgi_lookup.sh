#!/bin/bash
# CGI script: /cgi-bin/lookup.sh?user=NAME
echo "Content-Type: text/html"
echo
USER_NAME=$(echo "$QUERY_STRING" | sed -n 's/^.*user=\([^&]*\).*$/\1/p')

psql -h db.internal -U report -d crm -c "SELECT email FROM customers WHERE name = '$USER_NAME'"

echo "<p>Lookup done</p>"

cat "/srv/reports/$USER_NAME"
