#!/usr/bin/env bash
# Installs what the tests need that this machine lacks, then runs every test project.
# CI runs exactly this (see .ci/run). Prints "N passed, N failed, N skipped" last.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
CONFIGURATION="${CONFIGURATION:-Release}"
results="$PWD/TestResults"
rm -rf "$results"

echo "==> tools"
dotnet tool restore
# maildev: a real SMTP server (with a JSON API) for the e-mail tests; npm, under the git-ignored .tools.
maildev_bin="$PWD/.tools/maildev/node_modules/maildev/bin/maildev"
if [ ! -f "$maildev_bin" ]; then
  npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$PWD/.tools/maildev" maildev@2 >/dev/null
fi
export MAILDEV_BIN="$maildev_bin"
# Chromium for the dashboard's end-to-end tests: Playwright drives Debian's browser and never downloads one.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [ ! -x /usr/bin/chromium ]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
fi

echo "==> build ($CONFIGURATION)"
dotnet build Platform.sln -c "$CONFIGURATION" --nologo -clp:ErrorsOnly

echo "==> test"
status=0
dotnet test Platform.sln -c "$CONFIGURATION" --no-build --nologo \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" || status=$?

passed=0 failed=0 total=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -1)"
  get() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  total=$((total + $(get total)))
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed)))
done
skipped=$((total - passed - failed))
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$total" -eq 0 ]; then echo "no test ran" >&2; exit 1; fi
exit "$status"
