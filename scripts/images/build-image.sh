#!/usr/bin/env bash
# Builds one service's image from deploy/docker/Dockerfile with buildah, without a Docker engine
# (ADR 0070). The Nx target `<app>:image` runs it; `nx affected -t image` builds only the images
# a change needs.
#
#   bash scripts/images/build-image.sh <service>
#
# Environment: IMAGE_REPOSITORY (transport-credit), IMAGE_TAG (dev) name the image
# <repository>/<service>:<tag>; NODE_IMAGE and BASE_IMAGE_SOURCE choose the base (lib.sh).
# Stages before the service's own steps are cached (--layers), so the second service's image
# reuses the first one's npm install and build.
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"
SERVICE="${1:?usage: build-image.sh <service>}"
read -r HTTP_PORT GRPC_PORT < <(service_ports "$SERVICE")
IMAGE="$IMAGE_REPOSITORY/$SERVICE:$IMAGE_TAG"

ensure_buildah
ensure_base_image
# Where the npm registry is reached through a TLS-inspecting proxy (the project's machines), npm
# in the build needs the host's CA bundle; a build secret, so it stays out of every layer.
secret=()
ca="${NODE_EXTRA_CA_CERTS:-/etc/ssl/certs/ca-certificates.crt}"
[[ -f "$ca" ]] && secret=(--secret "id=npm-ca,src=$ca")
started=$SECONDS
log "building $IMAGE (buildah, vfs storage, chroot isolation)"
bah bud \
  --isolation chroot \
  --layers \
  --pull=never \
  --file deploy/docker/Dockerfile \
  --ignorefile deploy/docker/Dockerfile.dockerignore \
  --build-arg NODE_IMAGE="$NODE_IMAGE" \
  --build-arg SERVICE="$SERVICE" \
  --build-arg HTTP_PORT="$HTTP_PORT" \
  --build-arg GRPC_PORT="$GRPC_PORT" \
  "${secret[@]}" \
  --tag "$IMAGE" \
  . >&2
log "built $IMAGE in $((SECONDS - started)) s, $(bah images --format '{{.Size}}' "$IMAGE")"
