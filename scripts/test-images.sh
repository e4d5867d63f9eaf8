#!/usr/bin/env bash
# npm run test:images: builds the gateway's and collection's images with buildah (the base image
# first if missing, from Debian packages where no registry answers), then starts each inside its
# image against the local PostgreSQL and NATS and checks it (scripts/images/smoke.mjs). Not part
# of `npm test`: on vfs storage a first build takes tens of minutes (docs/ops.md, "Images").
#
#   npm run test:images                      gateway and collection
#   npm run test:images -- permits repair    other services
source "$(dirname "$0")/images/lib.sh"
cd "$REPO_ROOT"
ensure_workspace
ensure_postgres
ensure_nats
ensure_buildah
services=("$@")
((${#services[@]})) || services=(gateway collection)
for service in "${services[@]}"; do
  if [[ "${SKIP_IMAGE_BUILD:-0}" != 1 ]]; then bash scripts/images/build-image.sh "$service"; fi
done
bah images --format '{{.Name}}:{{.Tag}} {{.Size}}' | grep -E "/($(IFS='|'; echo "${services[*]}")):$IMAGE_TAG " >&2 || true
node scripts/images/smoke.mjs "${services[@]}"
