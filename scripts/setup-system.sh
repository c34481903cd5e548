#!/usr/bin/env bash
# Installs the programs the test suites use besides Node: Debian's uwsgi and gunicorn (the differential oracles), a
# newer uWSGI from Debian forky for the options bookworm's lacks, neovim (the second LSP client), pre-commit (runs the
# hook), chromium and code-server (the real VS Code). `npm test` runs it first, so a fresh machine needs no other
# set-up step; `npm run setup:system` runs it alone.
#
# Idempotent: when everything is there it only checks (no network). Otherwise it runs `apt-get update` once
# and installs what is missing; forky's uWSGI and code-server go into a cache folder outside the source tree
# (scripts/differential/setup-uwsgi-forky.sh, scripts/e2e/setup-code-server.sh). Without root or apt-get it says what
# is missing and leaves it to the suites, which then skip ("skipped: X is not installed"), or fail when CI=true.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

PACKAGES=(
  # test/differential/uwsgi.test.ts: Debian's real uWSGI 2.0.x, modular, with the Python 3 plugin.
  uwsgi-core
  uwsgi-plugin-python3
  # test/differential/ineffectiveOptions.test.ts: builds the Debian tree of the second, newer uWSGI (Debian forky's,
  # for options bookworm's 2.0.21 lacks) that scripts/differential/setup-uwsgi-forky.sh installs.
  debootstrap
  # test/differential/gunicorn.test.ts: Debian's real Gunicorn.
  gunicorn
  # test/differential/gunicornProcessModel.test.ts: gevent workers, and prometheus_client's multiprocess mode, for
  # Debian's Gunicorn (its Python is the system's).
  python3-gevent
  python3-prometheus-client
  # test/interop: Neovim's LSP client.
  neovim
  # test/pre-commit: the real pre-commit runs the hook of .pre-commit-hooks.yaml (its node language installs the
  # hook with npm from a clone; Debian's package brings nodeenv, which it uses to find the system's Node.js).
  pre-commit
  git
  # test/differential/newrelicIni.test.ts: Python's configparser, the reader the New Relic agent uses.
  python3
  # test/e2e: the browser that drives code-server, and what code-server's native modules build with (python3 too).
  chromium
  build-essential
  pkg-config
  libkrb5-dev
  ripgrep
  # test/e2e/ui/chinese.ts: a font with Chinese glyphs, so that the zh-cn screenshots show the text, not boxes.
  fonts-droid-fallback
)

missing=()
for package in "${PACKAGES[@]}"; do
  status="$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)"
  [ "$status" = "install ok installed" ] || missing+=("$package")
done

can_install() { [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; }

if [ "${#missing[@]}" -gt 0 ]; then
  if can_install; then
    export DEBIAN_FRONTEND=noninteractive
    echo "setup-system: installing ${missing[*]}"
    apt-get -o DPkg::Lock::Timeout=600 update -qq
    apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}"
  else
    echo "setup-system: cannot install ${missing[*]} (needs root and apt-get); the suites that use them will skip" >&2
    [ "${CI:-}" = true ] && exit 1
    exit 0
  fi
else
  echo "setup-system: Debian packages already installed"
fi

bash "$here/differential/setup-uwsgi-forky.sh"

PYDEPLOY_SKIP_APT=1 bash "$here/e2e/setup-code-server.sh"
