#!/usr/bin/env bash
# Installs everything the tests need on a fresh machine, starts the services, runs the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install --quiet --disable-pip-version-check -e '.[dev]'
bash scripts/install_chromium.sh  # browser tests of the web page (tests/test_web.py)
if [ -f scripts/start_postgres.sh ]; then
  # shellcheck source=/dev/null
  source scripts/start_postgres.sh
fi
python3 -m pytest -q "$@"
