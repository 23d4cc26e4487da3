#!/usr/bin/env bash
# The native engine against each end of its supported pytest range (the default `npm test` run
# covers whatever pytest python3 has): one virtual environment per version, made from the
# configured package index, then the engine comparison tests with that environment's python3
# first on PATH, so every `python3` they start (fastest's workers and the reference pytest) is it.
#   FASTEST_PYTEST_VERSIONS="8.4.2 9.1.1"   versions to test (default)
#   FASTEST_PYTEST_VENVS=.venvs             where the environments live (reused when current)
set -euo pipefail
cd "$(dirname "$0")/.."
venvs=${FASTEST_PYTEST_VENVS:-.venvs}
versions=${FASTEST_PYTEST_VERSIONS:-"8.4.2 9.1.1"}
# The native engine against pytest on the same suites (what depends on pytest's internals) and
# the pytest engine's pool tests; compat.test.ts and runner-faults.test.ts pass the same way, at
# several minutes more. The wall-time comparison with plain pytest is left to `npm test`.
files=(test/native.test.ts test/native-async.test.ts test/native_hooks.test.ts test/native_services.test.ts
  test/compat-report.test.ts test/subtests.test.ts test/runner.test.ts test/engine-pytest-units.test.ts)
skip='runs 400 trivial tests'
[ "$#" -gt 0 ] && files=("$@")  # or the test files given
failed=()
for version in $versions; do
  dir="$venvs/pytest-$version"
  if ! "$dir/bin/python3" -c "import sys, pytest; sys.exit(pytest.__version__ != '$version')" 2>/dev/null; then
    python3 -m venv --clear "$dir"
    "$dir/bin/python3" -m pip install --quiet --disable-pip-version-check --retries 1 "pytest==$version" \
      pytest-xdist pytest-mock "pytest-asyncio>=1" hypothesis 2>&1 | grep -v "is ignored: it is neither a file nor a directory" || true
  fi
  run=("${files[@]}")
  filter=(-t "^(?!.*($skip)).*\$")
  if [[ "$version" == 8.* ]]; then
    # pytest 8 has no subtest reports (subtests.test.ts is about pytest 9's), and its --tb=line
    # prints no E lines under the crash line: fastest's console prints pytest 9's (README,
    # known differences).
    run=()
    for file in "${files[@]}"; do [ "$file" = test/subtests.test.ts ] || run+=("$file"); done
    filter=(-t "^(?!.*($skip|--tb=line prints each failure)).*\$")
  fi
  echo "== pytest $version ($dir)"
  PATH="$PWD/$dir/bin:$PATH" npx vitest run "${filter[@]}" "${run[@]}" || failed+=("$version")
done
if [ "${#failed[@]}" -gt 0 ]; then
  echo "failed under pytest ${failed[*]}" >&2
  exit 1
fi
