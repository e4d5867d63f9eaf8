#!/usr/bin/env bash
# Lint at zero warnings with the module-boundary rules, then prove each rule is live: deliberate
# violations must fail, each on the rule it is meant to trip:
#   - an app importing another app; a domain lib importing TypeORM (enforce-module-boundaries);
#   - a test reaching into an app or a lib by relative path: test/ is the platform-tests project,
#     so enforce-module-boundaries refuses it, and no-restricted-imports names the way round;
#   - a test file that is not a named bridge importing what a bridge may (service definitions,
#     the local platform launcher): only the files in eslint.config.mjs `testBridges` may.
set -euo pipefail
cd "$(dirname "$0")/.."
nx show projects >/dev/null   # the boundary rule reads the cached project graph; without it, it skips
eslint --max-warnings=0 apps libs test

probe_app="apps/collection/src/__boundary_probe__.ts"
probe_domain="libs/domain/credit/src/__boundary_probe__.ts"
probe_test_app="test/e2e/__boundary_probe__.ts"
probe_test_lib="test/integration/__boundary_probe__.ts"
probe_test_bridge="test/support/__boundary_probe__.ts"
probes=("$probe_app" "$probe_domain" "$probe_test_app" "$probe_test_lib" "$probe_test_bridge")
trap 'rm -f "${probes[@]}"' EXIT
printf "import { gatewayDefinition } from '../../gateway/src/gateway.definition';\nexport const probe = gatewayDefinition;\n" > "$probe_app"
printf "import { DataSource } from 'typeorm';\nexport const probe = DataSource;\n" > "$probe_domain"
printf "import { ClientSeeder } from '../../apps/gateway/src/auth/application/client-seeder';\nexport const probe = ClientSeeder;\n" > "$probe_test_app"
printf "import { defineFactory } from '../../libs/platform/testing/src/factory';\nexport const probe = defineFactory;\n" > "$probe_test_lib"
printf "import { collectionDefinition } from '../../apps/collection/src/collection.definition';\nimport { SERVICES } from '../../deploy/local/platform.cjs';\nexport const probe = [collectionDefinition, SERVICES];\n" > "$probe_test_bridge"
nx show projects >/dev/null
out="$(eslint --no-warn-ignored "${probes[@]}" 2>&1 || true)"

# The messages eslint reported for one file (its block in the stylish output).
messages_for() { awk -v file="$PWD/$1" '$0 == file { on = 1; next } on && /^$/ { exit } on' <<<"$out"; }
expect() { # expect FILE RULE [LINE]: FILE has a RULE error (on LINE, if given)
  local found
  found="$(messages_for "$1" | grep -E "${3:+^ *$3:[0-9]+ .*}$2\$" || true)"
  if [ -z "$found" ]; then
    echo "$2 did not flag $1${3:+ line $3}:" >&2; echo "$out" >&2; exit 1
  fi
}
expect "$probe_app" "@nx/enforce-module-boundaries"
expect "$probe_domain" "@nx/enforce-module-boundaries"
expect "$probe_test_app" "@nx/enforce-module-boundaries"
expect "$probe_test_app" "no-restricted-imports"
expect "$probe_test_lib" "@nx/enforce-module-boundaries"
expect "$probe_test_lib" "no-restricted-imports"
for line in 1 2; do
  expect "$probe_test_bridge" "@nx/enforce-module-boundaries" "$line"
  expect "$probe_test_bridge" "no-restricted-imports" "$line"
done
echo "module boundaries: enforced (probe violations refused, tests included)"
