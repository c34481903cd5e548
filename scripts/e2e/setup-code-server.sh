#!/usr/bin/env bash
# Installs code-server 4.100.3 (VS Code 1.100.3, the newest release that runs on Node 20) into a cache folder
# outside the source tree, for scripts/e2e/run-code-server.mjs. Idempotent: a second run only checks.
#
#   PYDEPLOY_CACHE   cache root (default ~/.cache/pydeploy); code-server goes to $PYDEPLOY_CACHE/code-server-4.100.3
#   PYDEPLOY_SKIP_APT=1  never call apt-get (only report missing system packages)
#
# Works offline (only the npm registry and Debian's archive reachable), as root, with four tricks: unsafe-perm
# (its postinstall refuses root otherwise), npx --yes (node-pty's postinstall runs npx node-gyp), a pre-seeded
# ripgrep download cache holding Debian's rg, and libkrb5-dev (kerberos compiles from source).
set -euo pipefail

VERSION=4.100.3
CACHE_ROOT="${PYDEPLOY_CACHE:-$HOME/.cache/pydeploy}"
DEST="$CACHE_ROOT/code-server-$VERSION"
BIN="$DEST/node_modules/.bin/code-server"

# System packages: compilers for node-pty/kerberos, ripgrep (offline stand-in for @vscode/ripgrep's download),
# chromium (the browser the tests drive) and neovim (the second LSP client of test/interop).
SYSTEM_PACKAGES=(build-essential python3 pkg-config libkrb5-dev ripgrep chromium neovim)

missing=()
for pkg in "${SYSTEM_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "${PYDEPLOY_SKIP_APT:-0}" != 1 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "setup-code-server: installing system packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get -o DPkg::Lock::Timeout=600 update -qq
    apt-get -o DPkg::Lock::Timeout=600 install -y -qq "${missing[@]}"
  else
    echo "setup-code-server: missing system packages: ${missing[*]} (apt-get install -y ${missing[*]})" >&2
    exit 1
  fi
fi

if [ -x "$BIN" ] && [ "$(node -p "require('$DEST/node_modules/code-server/package.json').version" 2>/dev/null)" = "$VERSION" ]; then
  echo "setup-code-server: code-server $VERSION already installed in $DEST"
  exit 0
fi

echo "setup-code-server: installing code-server@$VERSION into $DEST (about 300 MB, 1.5-2 min)"
mkdir -p "$DEST"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Trick 3: @vscode/ripgrep@1.15.11 downloads rg from GitHub unless its cache already holds the tarball.
rg_cache="$work/vscode-ripgrep-cache-1.15.11"
mkdir -p "$rg_cache/stage"
cp "$(command -v rg)" "$rg_cache/stage/rg"
tar -C "$rg_cache/stage" -czf "$rg_cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" rg

[ -f "$DEST/package.json" ] || echo '{ "name": "pydeploy-code-server-cache", "private": true }' > "$DEST/package.json"

# Tricks 1 and 2: postinstall refuses root without unsafe-perm; node-pty's postinstall runs `npx node-gyp`.
TMPDIR="$work" npm_config_unsafe_perm=true npm_config_yes=true \
  npm install --prefix "$DEST" --no-audit --no-fund --save-exact --loglevel=error "code-server@$VERSION"

XDG_CONFIG_HOME="$work" "$BIN" --config "$work/config.yaml" --version
echo "setup-code-server: done: $BIN"
