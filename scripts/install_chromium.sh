#!/usr/bin/env bash
# Installs Debian's chromium and chromium-driver for the browser tests, only when missing.
# Needs root (CI and the development machines run as root). Sourced or run.
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  echo "install_chromium: installing chromium and chromium-driver" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 && apt-get install -y -qq chromium chromium-driver >&2
fi
