#!/usr/bin/env bash
# Installs a second uWSGI oracle, newer than bookworm's 2.0.21: Debian forky's uwsgi-core (2.0.31 when this was
# written), in a minimal Debian tree of its own under a cache folder outside the source tree, which the tests run with
# `chroot DIR uwsgi-core ...` (test/differential/uwsgiOracle.ts, forkyUwsgi). It proves the claims about options that
# bookworm's uWSGI does not have (`max-requests-delta`, added in 2.0.29): the recycling-delta tests of
# test/differential/ineffectiveOptions.test.ts.
# Only uwsgi-core: that test serves requests with uWSGI's internal routing (`route-run = return:200`), so no language
# plugin, no Python; the tree is kept without apt's downloads and lists (about 140 MB on disk).
#
#   PYDEPLOY_CACHE          cache root (default ~/.cache/pydeploy); the tree goes to $PYDEPLOY_CACHE/uwsgi-forky
#   PYDEPLOY_DEBIAN_MIRROR  Debian mirror (default http://deb.debian.org/debian)
#
# Idempotent: when the folder holds a uWSGI that runs, it only checks (no network). Otherwise it needs root and
# debootstrap (scripts/setup-system.sh installs it from bookworm); without them it says what is missing and exits 0,
# or 1 when CI=true. Measured here: 112 s and 254 s (a busy machine), most of it debootstrap unpacking and
# configuring; a second run, which only checks, 0.2 s.
set -euo pipefail

SUITE=forky
# The oldest uWSGI that has every option the tests need (max-requests-delta).
NEEDED_VERSION=2.0.29
CACHE_ROOT="${PYDEPLOY_CACHE:-$HOME/.cache/pydeploy}"
DEST="$CACHE_ROOT/uwsgi-$SUITE"
MIRROR="${PYDEPLOY_DEBIAN_MIRROR:-http://deb.debian.org/debian}"

fail() {
  echo "setup-uwsgi-forky: $1" >&2
  [ "${CI:-}" = true ] && exit 1
  exit 0
}

# Prints the version of the uWSGI in $1 (e.g. 2.0.31-debian) when it runs and is at least NEEDED_VERSION.
usable_version() {
  local version
  version="$(chroot "$1" uwsgi-core --version 2>/dev/null)" || return 1
  [ "$(printf '%s\n%s\n' "$NEEDED_VERSION" "${version%%-*}" | sort -V | head -n1)" = "$NEEDED_VERSION" ] || return 1
  echo "$version"
}

[ "$(id -u)" -eq 0 ] || fail "needs root (chroot, debootstrap) to check or install uWSGI from Debian $SUITE in $DEST; run it as root: bash $0"

if version="$(usable_version "$DEST")"; then
  echo "setup-uwsgi-forky: uWSGI $version already installed in $DEST"
  exit 0
fi

command -v debootstrap >/dev/null 2>&1 || fail "debootstrap is not installed (apt-get install debootstrap, or bash scripts/setup-system.sh)"

# bookworm's debootstrap has no script named forky (newer than it); sid's script builds every newer suite.
script=/usr/share/debootstrap/scripts/sid
[ -f "/usr/share/debootstrap/scripts/$SUITE" ] && script="/usr/share/debootstrap/scripts/$SUITE"

echo "setup-uwsgi-forky: installing uwsgi-core from Debian $SUITE into $DEST (about 45 MB to download: the package list and ~95 packages; 2-4 min)"
mkdir -p "$CACHE_ROOT"
# Built beside DEST and moved into place whole, so that an interrupted run never leaves a tree that looks installed.
partial="$DEST.partial"
rm -rf "$partial"
started=$SECONDS
debootstrap --variant=minbase --include=uwsgi-core "$SUITE" "$partial" "$MIRROR" "$script" >"$CACHE_ROOT/uwsgi-$SUITE.debootstrap.log" 2>&1 ||
  { tail -n 20 "$CACHE_ROOT/uwsgi-$SUITE.debootstrap.log" >&2; fail "debootstrap failed (log: $CACHE_ROOT/uwsgi-$SUITE.debootstrap.log)"; }
rm -rf "$partial"/var/cache/apt/archives/*.deb "$partial"/var/cache/apt/*.bin "$partial"/var/lib/apt/lists/*_Packages* "$partial"/var/lib/apt/lists/*_InRelease
version="$(usable_version "$partial")" || fail "Debian $SUITE's uwsgi-core does not run or is older than $NEEDED_VERSION: $(chroot "$partial" uwsgi-core --version 2>&1 | head -n1)"
rm -rf "$DEST"
mv "$partial" "$DEST"
echo "setup-uwsgi-forky: uWSGI $version installed in $DEST in $((SECONDS - started)) s"
