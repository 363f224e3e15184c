#!/usr/bin/env bash
# Run every test: the README's second command, and what .ci/run calls.
#
#   Deploy/local/test.sh [swift test options...]     e.g. Deploy/local/test.sh --filter JobQueueTests
#
# 1. Starts the local throwaway PostgreSQL cluster if needed (Deploy/local/pg.sh start; installs
#    postgresql-15 from Debian packages if missing) and exports its DATABASE_URL.
#    SUPPORT_TEST_DATABASE_URL, if set, is used instead and no local cluster is started; it must
#    be a superuser on a throwaway server, because the tests create and drop databases.
# 2. Installs Debian's docker-compose if missing (a test validates docker-compose.yml with it).
# 3. Installs Debian's chromium and chromium-driver if missing (the browser tests drive the pages).
# 4. Creates/updates the Python venv .data/venv with Deploy/local/requirements-test.txt
#    (aiosmtpd, a real SMTP server for the mail tests) and puts its bin/ first on PATH.
# 5. Builds (`swift build --build-tests`), then runs `swift test --skip-build --disable-xctest "$@"`
#    under a deadline (SUPPORT_TEST_TIMEOUT, default 30m, per run); its exit code is this script's exit
#    code. Without arguments the Schemathesis suite runs on its own after the rest.
#    At most SUPPORT_TEST_PARALLELISM (default 6) tests run at once: hundreds of tests each with
#    their own database and worker processes, all at once on 2 cores, made every time bound a lottery
#    and took longer than a bounded run.
#    A cluster this script started is stopped again when it exits.
#
# Runs as root, non-interactively (CI=true, no stdin), and again on a machine where it already ran.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
repo="$(cd "$here/../.." && pwd -P)"
venv="$repo/.data/venv"
requirements="$here/requirements-test.txt"
export DEBIAN_FRONTEND=noninteractive

say() { echo "test.sh: $*" >&2; }

apt_updated=0
apt_install() {
  if [ "$apt_updated" = 0 ]; then
    apt-get update -q </dev/null >&2
    apt_updated=1
  fi
  apt-get install -y -q --no-install-recommends "$@" </dev/null >&2
}

# 1. The database.
if [ -n "${SUPPORT_TEST_DATABASE_URL:-}" ]; then
  say "using SUPPORT_TEST_DATABASE_URL instead of the local cluster"
  DATABASE_URL="$SUPPORT_TEST_DATABASE_URL"
else
  if ! "$here/pg.sh" status >/dev/null 2>&1; then
    # Started here, so stopped here: nothing of this run outlives it.
    trap '"$here/pg.sh" stop </dev/null >&2 || true' EXIT
  fi
  DATABASE_URL="$("$here/pg.sh" start </dev/null)"
  say "DATABASE_URL=$DATABASE_URL"
fi
export DATABASE_URL
# DATABASE_URL is the one source of connection settings for the tests.
unset POSTGRES_HOST POSTGRES_PORT POSTGRES_USER POSTGRES_PASSWORD POSTGRES_DB

# 2. docker-compose (v1, Debian package): validates docker-compose.yml without a Docker engine.
if ! command -v docker-compose >/dev/null 2>&1; then
  say "installing docker-compose (Debian package)"
  apt_install docker-compose
fi

# 3. A real browser for the page tests: Debian's Chromium and its WebDriver.
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  say "installing chromium and chromium-driver (Debian packages)"
  apt_install chromium chromium-driver
fi

# 4. Python test tools in .data/venv.
python_for_venv() {
  local py
  py="$(command -v python3 || true)"
  if [ -z "$py" ] || ! "$py" -c 'import venv, ensurepip' >/dev/null 2>&1; then
    say "installing python3-venv (Debian package)"
    apt_install python3 python3-venv
    py=/usr/bin/python3
  fi
  echo "$py"
}
if ! "$venv/bin/python" -c 'import sys' >/dev/null 2>&1 || [ ! -x "$venv/bin/pip" ]; then
  py="$(python_for_venv)"
  say "creating the Python venv $venv"
  rm -rf "$venv"
  mkdir -p "$repo/.data"
  "$py" -m venv "$venv" >&2
fi
stamp="$venv/.requirements-test.sha256"
want="$(sha256sum "$requirements" | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null || true)" != "$want" ]; then
  say "installing Python test packages ($requirements)"
  PIP_NO_INPUT=1 "$venv/bin/pip" install -q --disable-pip-version-check -r "$requirements" </dev/null >&2
  echo "$want" >"$stamp"
fi
export PATH="$venv/bin:$PATH"

# 5. The tests: build untimed, then run under a deadline, so a hung test fails the run with a
#    message instead of stalling CI until its own limit.
cd "$repo"
say "swift build --build-tests"
swift build --build-tests </dev/null
deadline="${SUPPORT_TEST_TIMEOUT:-30m}"
export SWT_EXPERIMENTAL_MAXIMUM_PARALLELIZATION_WIDTH="${SUPPORT_TEST_PARALLELISM:-6}"
say "swift test --skip-build --disable-xctest $* (deadline $deadline, $SWT_EXPERIMENTAL_MAXIMUM_PARALLELIZATION_WIDTH tests at once)"
status=0
# Line-buffered, so a CI log shows the last test started even when the run is killed.
run() { timeout --kill-after=30s "$deadline" stdbuf -oL -eL swift test --skip-build --disable-xctest "$@" </dev/null; }
if [ "$#" -eq 0 ]; then
  # The whole suite: Schemathesis fuzzing takes a core for minutes and starves the timed worker tests
  # beside it on 2 cores, so it runs on its own afterwards.
  run --skip SchemathesisTests || status=$?
  if [ "$status" = 0 ]; then run --filter SchemathesisTests || status=$?; fi
else
  run "$@" || status=$?
fi
if [ "$status" = 124 ] || [ "$status" = 137 ]; then
  say "error: the tests did not finish within $deadline (SUPPORT_TEST_TIMEOUT); see the last test started above"
fi
exit "$status"
