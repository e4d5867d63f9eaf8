#!/usr/bin/env bash
# buf lint, and buf breaking against main when main has proto/ (CI: a change that breaks the wire contract fails).
set -euo pipefail
cd "$(dirname "$0")/.."
node_modules/.bin/buf lint
if git rev-parse --verify -q main >/dev/null && git ls-tree -d main proto >/dev/null 2>&1 && [ -n "$(git ls-tree -d main proto)" ]; then
  node_modules/.bin/buf breaking --against '.git#branch=main'
else
  echo "buf breaking: no proto/ on main yet, nothing to compare" >&2
fi
