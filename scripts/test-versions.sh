#!/usr/bin/env bash
# The engine tests across the supported range, Python 3.9-3.13 and pytest 8.4-9.1 (`npm run
# test:versions`, in .ci/run). `npm test` covers python3 with test/requirements.txt's pytest; here
# each cell is a private environment (scripts/test-venv.sh, under .venvs/) whose python3 the tests
# run, both fastest's workers and the reference pytest (test/global-setup.ts, FASTEST_TEST_VENV).
# The ends of both ranges run the full engine set; the cells between run the native engine's core
# comparison, to stay within CI's time.
#   FASTEST_VERSION_CELLS="3.9:8.4.2:full ..."   cells to run, PYTHON:PYTEST:SET (default below)
#   scripts/test-versions.sh [TEST FILES]       the given test files in every cell instead
#   FASTEST_VERSION_JOBS=N                      cells run side by side (default 2)
#   scripts/test-versions.sh --prepare          only make the cells' environments (.ci/run does
#                                               that while the checks and `npm test` run)
# A Python is found as python3.X on PATH or in ~/.pyenv/versions. A plugin the package index has no
# distribution of for a cell's Python is left out, said so, and its tests skipped there.
set -euo pipefail
cd "$(dirname "$0")/.."
# Longest first (two run side by side; the next starts when one ends): 3.13's full set took 70 s in
# CI, 3.9's 51 s (plugins the index has no 3.9 build of are left out), the core cells 46 and 34 s.
cells=${FASTEST_VERSION_CELLS:-"3.13:9.1.1:full 3.9:8.4.2:full 3.10:9.0.3:core 3.12:8.4.2:core"}
# The native engine against pytest on the same suites (what depends on pytest's internals), the
# pytest engine's pool tests, and the step aside outside the supported range.
full=(test/native.test.ts test/native-async.test.ts test/native-asyncio.test.ts test/native_hooks.test.ts test/native_services.test.ts test/rewrite-lazy.test.ts
  test/compat-report.test.ts test/subtests.test.ts test/runner.test.ts test/engine-pytest-units.test.ts
  test/pytest-range.test.ts test/native-failure-texts.test.ts)
core=(test/native.test.ts test/native_hooks.test.ts test/compat-report.test.ts test/pytest-range.test.ts)
# The wall-time comparison with plain pytest is left to `npm test`.
always_skip=('runs 400 trivial tests')
# Tests that need a plugin, by the plugin's distribution name.
declare -A needs=(
  [pytest-asyncio]='with pytest-asyncio|runs un-marked async tests under asyncio_mode|through the CLI|--asyncio-mode=auto wins|auto mode: plain async fixtures|what native cannot tell|pytest-asyncio, natively'
  [hypothesis]='runs hypothesis tests|runs the modules natively|matches pytest per id'
  [pytest-mock]="names what the module needs from pytest plugins"
)

find_python() {
  local version=$1 found
  for found in "$(command -v "python$version" 2>/dev/null || true)" \
    "$(ls -d "$HOME"/.pyenv/versions/"$version".*/bin/python3 2>/dev/null | sort -V | tail -1)"; do
    # (a pyenv shim is on PATH for every version, and fails for those not selected)
    [ -n "$found" ] && "$found" -c '' 2>/dev/null && { echo "$found"; return; }
  done
  true
}

if [ "${1:-}" = --prepare ]; then
  for cell in $cells; do
    IFS=: read -r py pytest _ <<<"$cell"
    python=$(find_python "$py")
    [ -n "$python" ] && { FASTEST_VENV_PARTIAL=1 bash scripts/test-venv.sh ".venvs/py$py-pytest$pytest" "$python" "$pytest" || true; }
  done
  exit 0
fi

# One cell: its environment, its file set and skips, then vitest; the outcome line goes to $2.
run_cell() {
  local cell=$1 result=$2 py pytest set python dir files skip left_out plugin run file pattern start
  shift 2
  IFS=: read -r py pytest set <<<"$cell"
  python=$(find_python "$py")
  if [ -z "$python" ]; then
    echo "== Python $py: not found (python$py on PATH or ~/.pyenv/versions/$py.*)" >&2
    echo "FAILED $cell $cell: no Python $py" >"$result"; return
  fi
  dir=.venvs/py$py-pytest$pytest
  FASTEST_VENV_PARTIAL=1 bash scripts/test-venv.sh "$dir" "$python" "$pytest"
  if [ "$#" -gt 0 ]; then files=("$@"); elif [ "$set" = full ]; then files=("${full[@]}"); else files=("${core[@]}"); fi
  skip=("${always_skip[@]}")
  if [[ "$pytest" == 8.* ]]; then
    files=("${files[@]/test\/subtests.test.ts}")
    skip+=('--tb=line prints each failure')
  fi
  left_out=$(cat "$dir/left-out" 2>/dev/null || true)
  for plugin in $left_out; do
    if [ -n "${needs[$plugin]:-}" ]; then
      echo "   skipped here for want of $plugin: ${needs[$plugin]}"
      skip+=("${needs[$plugin]}")
    fi
  done
  run=()
  for file in "${files[@]}"; do [ -n "$file" ] && run+=("$file"); done
  pattern=$(IFS='|'; echo "${skip[*]}")
  echo "== Python $py, pytest $pytest ($set: ${#run[@]} files)"
  start=$SECONDS
  # (--no-cache: cells running side by side never share vitest's results file)
  if FASTEST_TEST_VENV=$dir npx vitest run --no-cache -t "^(?!.*($pattern)).*\$" "${run[@]}"; then
    echo "passed $cell $cell: passed in $((SECONDS - start)) s${left_out:+ (without $(echo $left_out))}" >"$result"
  else
    echo "FAILED $cell $cell: FAILED" >"$result"
  fi
}

# Cells run ${FASTEST_VERSION_JOBS:-2} at a time (each vitest keeps two files going; a cell's last
# file would otherwise leave a core idle), each cell's output shown whole when it ends.
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
jobs_at_once=${FASTEST_VERSION_JOBS:-2}
index=0
names=()
for cell in $cells; do
  names[index]=$cell
  while [ "$(jobs -rp | wc -l)" -ge "$jobs_at_once" ]; do wait -n || true; done
  { (run_cell "$cell" "$logs/$index.result" "$@") >"$logs/$index.log" 2>&1 || true; cat "$logs/$index.log"; } &
  index=$((index + 1))
done
wait
failed=()
summary=()
for ((i = 0; i < index; i++)); do
  line=$(cat "$logs/$i.result" 2>/dev/null || echo "FAILED ${names[i]} ${names[i]}: FAILED (stopped before its tests)")
  status=${line%% *} rest=${line#* }
  summary+=("${rest#* }")
  if [ "$status" = FAILED ]; then failed+=("${rest%% *}"); fi
done
printf '%s\n' "${summary[@]}"
if [ "${#failed[@]}" -gt 0 ]; then
  echo "failed: ${failed[*]}" >&2
  exit 1
fi
