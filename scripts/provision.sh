#!/usr/bin/env bash
# Installs what the real-editor tests (test:editor, test:ui), the Neovim, Emacs and
# pipeline tests, and `npm start` need:
#   - Debian's neovim, emacs-nox and elpa-eglot (the other-editor tests; Emacs 28
#     has no built-in eglot) and git (copydesk check --changed);
#   - Debian's chromium, plus the build tools code-server's native modules need
#     (build-essential python3 pkg-config libkrb5-dev), via apt when running as root;
#   - code-server (the real VS Code workbench with a Node extension host) from the
#     npm registry into .vscode-test/code-server/ (git-ignored).
# Idempotent: when everything is present it only checks and exits in well under a second.
# Where it cannot install something it stops with a plain message saying what to do.
# See ../shared/docs/real-editor-testing.md for why each workaround below exists.
set -euo pipefail

project_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
install_dir="$project_dir/.vscode-test/code-server"
chromium_path="${COPYDESK_CHROMIUM:-/usr/bin/chromium}"

say() { printf 'provision: %s\n' "$*"; }
fail() { printf 'provision: FAILED: %s\n' "$*" >&2; exit 1; }

# code-server pins the Node major it runs on; 4.100.3 (VS Code 1.100.3) is the
# last release for Node 20 and the one verified on these machines.
node_major="$(node -p 'process.versions.node.split(".")[0]')"
case "$node_major" in
  20) code_server_version=4.100.3 ;;
  22) code_server_version=4.117.0 ;;
  24) code_server_version=4.139.1 ;;
  *) fail "no code-server release is known to run on Node $node_major; use Node 20 (verified), 22 or 24." ;;
esac

code_server_entry="$install_dir/node_modules/code-server/out/node/entry.js"
# Written only after a complete install, so an interrupted one is redone.
install_stamp="$install_dir/.installed-$code_server_version"

code_server_ready() { [[ -f "$install_stamp" && -f "$code_server_entry" ]]; }

# --- Debian packages -------------------------------------------------------
missing_debs=()
[[ -x "$chromium_path" ]] || missing_debs+=(chromium)
command -v nvim >/dev/null || missing_debs+=(neovim)
command -v emacs >/dev/null || missing_debs+=(emacs-nox)
dpkg-query -W -f='${Status}' elpa-eglot 2>/dev/null | grep -q 'install ok installed' || missing_debs+=(elpa-eglot)
command -v git >/dev/null || missing_debs+=(git)
if ! code_server_ready; then
  # Only needed to build code-server's native modules (node-pty, kerberos, ...).
  for pkg in build-essential python3 pkg-config libkrb5-dev; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing_debs+=("$pkg")
  done
fi
if ((${#missing_debs[@]})); then
  if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null; then
    fail "missing Debian packages: ${missing_debs[*]}. Install them (as root: apt-get install -y ${missing_debs[*]}) or, for chromium, point COPYDESK_CHROMIUM at a Chromium binary."
  fi
  say "installing Debian packages: ${missing_debs[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq || fail "apt-get update failed (is Debian's package mirror reachable?)"
  apt-get install -y -qq --no-install-recommends "${missing_debs[@]}" >/dev/null \
    || fail "apt-get install ${missing_debs[*]} failed"
fi
[[ -x "$chromium_path" ]] || fail "no Chromium at $chromium_path after installing the chromium package"

# --- code-server -----------------------------------------------------------
if code_server_ready; then
  say "code-server $code_server_version, chromium, neovim, emacs with eglot and git present (nothing to do)"
  exit 0
fi

[[ -f /usr/include/node/node_api.h ]] \
  || fail "Node's C headers are missing under /usr/include/node; node-gyp would try to download them. Install Node with its headers (Debian: nodejs + libnode-dev) or set npm_config_nodedir to a Node source/headers folder."

say "installing code-server $code_server_version into ${install_dir#"$project_dir"/} (about 70 s, mostly native builds)"
rm -rf "$install_dir"
mkdir -p "$install_dir"

# @vscode/ripgrep downloads `rg` from GitHub in its postinstall, which fails here.
# It first looks in its download cache, so seed that cache with the rg binary
# that the npm package @vscode/ripgrep-linux-x64 ships.
ripgrep_cache="${TMPDIR:-/tmp}/vscode-ripgrep-cache-1.15.11"
ripgrep_archive="$ripgrep_cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
if [[ ! -s "$ripgrep_archive" ]]; then
  [[ "$(uname -m)" == x86_64 ]] || fail "seeding the ripgrep cache is only set up for x86_64 Linux"
  scratch="$(mktemp -d)"
  trap 'rm -rf "$scratch"' EXIT
  (cd "$scratch" && npm pack --silent @vscode/ripgrep-linux-x64@1.18.0 >/dev/null) \
    || fail "could not fetch @vscode/ripgrep-linux-x64 from the npm registry"
  tar -xzf "$scratch"/vscode-ripgrep-linux-x64-*.tgz -C "$scratch"
  rg_binary="$(find "$scratch/package" -type f -name rg | head -n 1)"
  [[ -n "$rg_binary" ]] || fail "@vscode/ripgrep-linux-x64 has no rg binary"
  mkdir -p "$ripgrep_cache"
  tar -czf "$ripgrep_archive" -C "$(dirname "$rg_binary")" rg
fi

# A package.json of its own keeps this install out of the project's lockfile.
printf '{ "name": "copydesk-code-server", "private": true }\n' >"$install_dir/package.json"
install_log="$install_dir/install.log"
(
  cd "$install_dir"
  # unsafe_perm: code-server's postinstall refuses to run as root without it.
  # yes: node-pty's build runs `npx node-gyp`, which would otherwise prompt.
  # nodedir: build against the local Node headers instead of downloading them.
  npm_config_unsafe_perm=true npm_config_yes=true npm_config_nodedir=/usr \
    npm install --no-audit --no-fund --no-package-lock "code-server@$code_server_version"
) >"$install_log" 2>&1 || {
  tail -n 25 "$install_log" >&2
  fail "npm install code-server@$code_server_version failed; full log in ${install_log#"$project_dir"/}"
}
[[ -f "$code_server_entry" ]] || fail "code-server installed but $code_server_entry is missing; see ${install_log#"$project_dir"/}"

# Always pass --config so code-server does not write into the user's home.
scratch_config="$(mktemp)"
printf 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n' >"$scratch_config"
version_line="$(node "$code_server_entry" --config "$scratch_config" --version 2>&1 | head -n 1)" \
  || { rm -f "$scratch_config"; fail "installed code-server does not start: $version_line"; }
rm -f "$scratch_config"
touch "$install_stamp"
say "code-server ready: $version_line"
