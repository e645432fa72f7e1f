#!/usr/bin/env bash
# The README's screenshots of `aiact serve`, taken by the browser tests on the way through
# the Berlin company's interview (tests/test_web_browser.py); needs Chromium (see the README).
set -euo pipefail
cd "$(dirname "$0")/.."
AIACT_SCREENSHOTS=docs/screenshots AIACT_REQUIRE_BROWSER=1 .venv/bin/pytest -q tests/test_web_browser.py -k "ends_in_the_memo"
ls -l docs/screenshots/*.png
