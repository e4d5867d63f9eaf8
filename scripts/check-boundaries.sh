#!/usr/bin/env bash
# Lint at zero warnings with the module-boundary rule, then prove the rule is live: two
# deliberate violations (an app importing another app; a domain lib importing TypeORM) must fail.
set -euo pipefail
cd "$(dirname "$0")/.."
nx show projects >/dev/null   # the boundary rule reads the cached project graph; without it, it skips
eslint --max-warnings=0 apps libs test

probe_app="apps/collection/src/__boundary_probe__.ts"
probe_domain="libs/domain/credit/src/__boundary_probe__.ts"
trap 'rm -f "$probe_app" "$probe_domain"' EXIT
printf "import { gatewayDefinition } from '../../gateway/src/gateway.definition';\nexport const probe = gatewayDefinition;\n" > "$probe_app"
printf "import { DataSource } from 'typeorm';\nexport const probe = DataSource;\n" > "$probe_domain"
nx show projects >/dev/null
out="$(eslint --no-warn-ignored "$probe_app" "$probe_domain" 2>&1 || true)"
for expected in "$probe_app" "$probe_domain"; do
  if ! grep -A2 -F "$expected" <<<"$out" | grep -q "enforce-module-boundaries"; then
    echo "module-boundary rule did not flag $expected:" >&2; echo "$out" >&2; exit 1
  fi
done
echo "module boundaries: enforced (probe violations refused)"
