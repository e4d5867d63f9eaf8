#!/usr/bin/env bash
# Generates TypeScript from proto/ into libs/contracts/src/generated (Nx target contracts:generate, cached).
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf libs/contracts/src/generated
node_modules/.bin/buf generate
