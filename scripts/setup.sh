#!/usr/bin/env bash
# Installs what building, serving and testing need, skipping whatever is already present.
#   scripts/setup.sh serve   wasm target, wasm-pack, wasm-bindgen-cli, npm dev dependencies (wasm-opt)
#   scripts/setup.sh test    all of the above plus Chromium, Firefox and their drivers
# Everything comes from crates.io, Debian's packages or the npm registry; nothing downloads from elsewhere.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-test}
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf 'setup: %s\n' "$*"; }
# Captures the output first: `cmd | grep -q` can break the pipe and fail under pipefail.
has_version() {
  local out
  out=$("$1" --version 2>/dev/null) && grep -q -- "$2" <<<"$out"
}

# Rust target for the browser build.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# wasm-bindgen-cli must equal the wasm-bindgen version locked in Cargo.lock.
bindgen_version=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/"/, "", $3); print $3 }' Cargo.lock)
if ! has_version wasm-bindgen " $bindgen_version\$"; then
  say "installing wasm-bindgen-cli $bindgen_version (a few minutes)"
  # Not --locked: its lock file names a webpki-roots release the registry does not serve.
  cargo install wasm-bindgen-cli --version "$bindgen_version" --force
fi

if ! has_version wasm-pack " 0.15.1"; then
  say "installing wasm-pack 0.15.1 (a few minutes)"
  cargo install wasm-pack --version 0.15.1 --locked --force
fi

# Debian's binaryen (wasm-opt 108) silently breaks wasm-bindgen modules; wasm-opt comes from npm instead.
if dpkg -s binaryen >/dev/null 2>&1; then
  say "removing Debian's binaryen (its wasm-opt corrupts the module)"
  DEBIAN_FRONTEND=noninteractive apt-get remove -y binaryen
fi

# npm dev dependencies: binaryen (wasm-opt), playwright-core (e2e), compromise and compromise-dates (benchmark only).
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm dev dependencies"
  npm ci --no-audit --no-fund --loglevel=error
fi

[ "$mode" = serve ] && exit 0

missing=()
for pkg in chromium chromium-driver firefox-esr; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
fi

if ! has_version geckodriver " 0.37.1"; then
  say "installing geckodriver 0.37.1 (a few minutes)"
  cargo install geckodriver --version 0.37.1 --locked --force
fi
say "all present"
