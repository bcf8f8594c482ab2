#!/bin/sh
# invoked by a CGI wrapper; QUERY_STRING comes from the request
BRANCH=$(echo "$QUERY_STRING" | sed -n 's/.*branch=\([^&]*\).*/\1/p')

sh -c "git -C /srv/app checkout $BRANCH"

case "$BRANCH" in
  main|staging|release-*) git -C /srv/app checkout -- "$BRANCH" ;;
  *) echo "refusing branch" ;;
esac
