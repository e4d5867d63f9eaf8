# Shared helpers for building and checking the service images with buildah (sourced, not run).
# No Docker engine runs on the project's machines; buildah builds the same Dockerfile without one
# (docs/decisions/0070-images-built-with-buildah.md). Where Docker runs, use `docker build` instead
# (docs/ops.md, "Images").
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

# The base image every stage starts from (deploy/docker/Dockerfile, ARG NODE_IMAGE).
NODE_IMAGE="${NODE_IMAGE:-node:24-bookworm-slim}"
# Where a registry answers, the base is pulled; here it is made from Debian packages (base-image.sh).
# auto: pull, and make it locally if the pull fails; pull: pull or fail; local: never pull.
BASE_IMAGE_SOURCE="${BASE_IMAGE_SOURCE:-auto}"
IMAGE_REPOSITORY="${IMAGE_REPOSITORY:-transport-credit}"
IMAGE_TAG="${IMAGE_TAG:-dev}"
# npm inside a locally made base image: the version the project's lock is written with (ADR 0007).
BASE_NPM_VERSION="${BASE_NPM_VERSION:-11.19.1}"
IMAGES_CACHE_DIR="${IMAGES_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/transport-credit/images}"

# vfs works without kernel overlay support or fuse (the project's machines have neither set up
# for containers); chroot isolation runs RUN steps without a container runtime.
bah() { buildah --storage-driver vfs "$@"; }
export BUILDAH_ISOLATION=chroot

ensure_buildah() {
  local missing=()
  command -v buildah >/dev/null || missing+=(buildah)
  command -v debootstrap >/dev/null || missing+=(debootstrap)
  if ((${#missing[@]})); then apt_install "${missing[@]}"; fi
}

image_exists() { bah inspect --type image "$1" >/dev/null 2>&1; }

# The fully qualified name a short name like node:24-bookworm-slim resolves to locally.
qualified_name() {
  case "$1" in
    */*/*) echo "$1" ;;
    */*) echo "docker.io/$1" ;;
    *) echo "docker.io/library/$1" ;;
  esac
}

ensure_base_image() {
  local name; name="$(qualified_name "$NODE_IMAGE")"
  if image_exists "$name"; then return 0; fi
  if [[ "$BASE_IMAGE_SOURCE" != local ]]; then
    log "pulling $name"
    if bah pull --quiet "$name" >/dev/null; then return 0; fi
    [[ "$BASE_IMAGE_SOURCE" == pull ]] && return 1
    log "no registry answers: making $name from Debian packages and Node $NODE_VERSION instead"
  fi
  bash "$REPO_ROOT/scripts/images/base-image.sh" "$name"
}

# Ports per service (deploy/local/platform.cjs, k8s/README.md): EXPOSE documents them.
service_ports() {
  (cd "$REPO_ROOT" && node -e '
    const s = require("./deploy/local/platform.cjs").SERVICES[process.argv[1]];
    if (!s) { console.error(`unknown service ${process.argv[1]}`); process.exit(64); }
    console.log(s.http, s.grpc);
  ' "$1")
}
