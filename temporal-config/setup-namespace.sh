#!/bin/sh
# Creates the namespace and registers the custom search attributes of temporal-config/search-attributes.json
# on a running Temporal server. Idempotent. Used by docker/compose.yaml (temporalio/admin-tools image, which
# has the `temporal` CLI); works the same against any server:
#   TEMPORAL_ADDRESS=host:7233 sh temporal-config/setup-namespace.sh
# The local dev server of `npm start` / `npm test` gets the same attributes from flags instead.
set -eu

ADDRESS=${TEMPORAL_ADDRESS:-temporal:7233}
NAMESPACE=${TEMPORAL_NAMESPACE:-default}
RETENTION=${TEMPORAL_RETENTION:-7d}
ATTRIBUTES_FILE=${SEARCH_ATTRIBUTES_FILE:-$(dirname "$0")/search-attributes.json}

echo "Waiting for Temporal at $ADDRESS..."
attempt=0
until temporal operator cluster health --address "$ADDRESS" >/dev/null 2>&1; do
  attempt=$((attempt + 1))
  if [ "$attempt" -ge 60 ]; then
    echo "Temporal at $ADDRESS is not healthy after 120 s" >&2
    exit 1
  fi
  sleep 2
done

if temporal operator namespace describe --address "$ADDRESS" -n "$NAMESPACE" >/dev/null 2>&1; then
  echo "Namespace $NAMESPACE exists"
else
  temporal operator namespace create --address "$ADDRESS" -n "$NAMESPACE" --retention "$RETENTION"
  echo "Namespace $NAMESPACE created (retention $RETENTION)"
fi

# A new namespace takes a few seconds to reach every service.
attempt=0
until existing=$(temporal operator search-attribute list --address "$ADDRESS" -n "$NAMESPACE" 2>/dev/null); do
  attempt=$((attempt + 1))
  if [ "$attempt" -ge 30 ]; then
    echo "Namespace $NAMESPACE is not usable after 60 s" >&2
    exit 1
  fi
  sleep 2
done

# search-attributes.json is a flat object, one "Name": "Type" pair per line: read it without jq.
sed -n 's/^[[:space:]]*"\([A-Za-z_][A-Za-z0-9_]*\)"[[:space:]]*:[[:space:]]*"\([A-Za-z]*\)".*/\1 \2/p' "$ATTRIBUTES_FILE" |
  while read -r name type; do
    if printf '%s\n' "$existing" | grep -q "^[[:space:]]*$name[[:space:]]"; then
      echo "Search attribute $name exists"
    else
      temporal operator search-attribute create --address "$ADDRESS" -n "$NAMESPACE" --name "$name" --type "$type"
      echo "Search attribute $name ($type) registered"
    fi
  done
