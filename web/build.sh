#!/usr/bin/env bash
# Builds the playground into web/dist: nudge's library without its terminal parts, compiled to
# WebAssembly, beside the static page. Serve web/dist with any static file server, e.g.
# `python3 -m http.server -d web/dist`. Needs only Rust (rustup) with the wasm32 target.
set -euo pipefail
cd "$(dirname "$0")/.."
rustup target add wasm32-unknown-unknown >/dev/null 2>&1 || true
# A cdylib is what a page instantiates; 32 MiB of stack (WebAssembly's default is 1 MiB)
# for deep expressions, as the terminal gives its engine thread room.
cargo rustc --release --lib --target wasm32-unknown-unknown --no-default-features \
  --crate-type cdylib -- -C link-arg=-zstack-size=33554432
mkdir -p web/dist
cp target/wasm32-unknown-unknown/release/nudge.wasm web/dist/
cp web/index.html web/style.css web/app.js web/plot.js web/worker.js web/dist/
gzip -9 -c web/dist/nudge.wasm | wc -c | awk '{printf "web/dist/nudge.wasm: %.2f MB gzipped\n", $1 / 1e6}'
