#!/usr/bin/env bash
# The private Python environment the tests run pytest and fastest's workers in (`npm test` makes it
# in `pretest`; test/global-setup.ts puts its bin/ first on PATH):
#   scripts/test-venv.sh [DIR [PYTHON [PYTEST_VERSION]]]
# DIR (default .venvs/test) gets a virtual environment of PYTHON (default python3 from PATH) with
# test/requirements.txt installed (--no-deps: the file pins everything), its pytest pin replaced by
# PYTEST_VERSION when given. Rebuilt only when the requirements, this script, the interpreter or
# the pin changed (a hash stamp in DIR). A pin the package index has no distribution of for this
# Python is made from this machine (scripts/local_wheels.py: the pure-Python part of a compiled
# wheel, or a copy of an installed pure-Python distribution); failing that, the install fails,
# unless FASTEST_VENV_PARTIAL=1 (the version matrix), which leaves the plugin out and lists it in
# DIR/left-out.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-.venvs/test}
python=${2:-python3}
pytest_version=${3:-}
requirements=test/requirements.txt
pins=$(grep -v -e '^\s*#' -e '^\s*$' "$requirements")
[ -n "$pytest_version" ] && pins=$(sed "s/^pytest==.*/pytest==$pytest_version/" <<<"$pins")
base=$("$python" -c 'import sys; print(sys.version.split()[0], sys.executable)')
apart=test/requirements-apart.txt
stamp=$( { echo "$base"; echo "$pins"; cat "$0" scripts/local_wheels.py "$apart"; } | sha256sum | cut -d' ' -f1)
[ "$(cat "$dir/.stamp" 2>/dev/null)" = "$stamp" ] && exit 0

echo "making the test environment $dir (Python $base, $(grep '^pytest==' <<<"$pins"))"
"$python" -m venv --clear "$dir"
venv_python=$(cd "$dir" && pwd)/bin/python3
wheels=$dir/wheels
mkdir -p "$wheels"
pip=("$venv_python" -m pip --disable-pip-version-check --retries 0 --quiet)
quiet() { grep -v -e "is ignored: it is neither a file nor a directory" -e "Running pip as the 'root' user" || true; }
install() { "${pip[@]}" install --no-deps --find-links "$wheels" --find-links test/wheels "$@" 2>&1 | quiet; return "${PIPESTATUS[0]}"; }

# A distribution of PIN this Python can install, made on this machine when the index has none.
local_wheel() {
  local pin=$1 name=${1%%==*} version=${1#*==} tmp candidate
  tmp=$(mktemp -d)
  if "${pip[@]}" download --no-deps --only-binary=:all: --python-version 3.11 --implementation cp \
    --abi cp311 --platform manylinux2014_x86_64 -d "$tmp" "$pin" 2>/dev/null | quiet \
    && "$venv_python" scripts/local_wheels.py pure "$tmp"/*.whl "$wheels" 2>/dev/null; then
    rm -rf "$tmp"; return 0
  fi
  rm -rf "$tmp"
  for candidate in python3 "$HOME"/.pyenv/versions/*/bin/python3; do
    [ -x "$(command -v "$candidate")" ] || continue
    "$candidate" scripts/local_wheels.py installed "$name" "$version" "$wheels" 2>/dev/null && return 0
  done
  return 1
}

pin_file=$(mktemp)
echo "$pins" >"$pin_file"
: >"$dir/left-out"
# The whole list in one pip run (pip skips a pin whose marker does not hold). pip names the first
# pin the index has no distribution of for this Python: it is made from this machine or left
# out, and the list tried again. One pip run per such pin, not one per pin (each costs ~1 s).
made=" "
norm() { tr 'A-Z_.' 'a-z--' <<<"$1"; }  # a distribution name as pip compares them
while ! output=$(install -r "$pin_file" 2>&1); do
  # "No matching distribution found for NAME==VERSION", or "Package 'NAME' requires a different
  # Python" (a distribution whose Requires-Python excludes this one)
  name=$(sed -n -e 's/^ERROR: No matching distribution found for \([^=]*\)==.*$/\1/p' \
    -e "s/^ERROR: Package '\\([^']*\\)' requires a different Python.*$/\\1/p" <<<"$output" | head -1)
  pin="" req=""
  while read -r line; do
    line_req=$(tr -d ' ' <<<"${line%%;*}")
    [ -n "$name" ] && [ "$(norm "${line_req%%==*}")" = "$(norm "$name")" ] && pin=$line req=$line_req
  done <"$pin_file"
  if [ -z "$pin" ]; then
    echo "$output" >&2
    echo "test/requirements.txt: cannot install the pins for Python ${base%% *}" >&2
    rm -f "$pin_file"; exit 1
  fi
  # (made before and refused again: that distribution does not suit this Python either)
  if [[ "$made" != *" $req "* ]] && local_wheel "$req" >/dev/null; then
    made="$made$req "
  elif [ "${FASTEST_VENV_PARTIAL:-}" = 1 ] && [ "${req%%==*}" != pytest ]; then
    made=${made/ $req / }
    echo "  $req: left out (no distribution for Python ${base%% *})"
    echo "${req%%==*}" >>"$dir/left-out"
    grep -vxF "$pin" "$pin_file" >"$pin_file.rest" || true
    mv "$pin_file.rest" "$pin_file"
  else
    echo "test/requirements.txt: cannot install $req for Python ${base%% *}" >&2
    rm -f "$pin_file"; exit 1
  fi
done
for req in $made; do echo "  $req: made from this machine (the package index has none for this Python)"; done
if [ -s "$dir/left-out" ]; then
  # A plugin whose own dependency was left out cannot load: leave it out too (py-cpuinfo2 is
  # provided by py-cpuinfo, test/requirements.txt says why).
  "$venv_python" -m pip check 2>/dev/null | grep -v py-cpuinfo2 \
    | sed -n 's/^\([^ ]*\) [^ ]* requires \([^,]*\), which is not installed\.$/\1 \2/p' \
    | while read -r plugin missing; do
      "${pip[@]}" uninstall -y "$plugin" >/dev/null 2>&1
      echo "  $plugin: left out (needs $missing)"
      echo "$plugin" >>"$dir/left-out"
    done || true
fi
rm -f "$pin_file"
# Plugins only the tests about them load (DIR/apart on their PYTHONPATH), installed apart so that
# pytest does not autoload them in every other test.
if ! "${pip[@]}" install --no-deps --find-links "$wheels" --target "$dir/apart" -r "$apart" 2>&1 | quiet; then
  echo "$apart: cannot install for Python ${base%% *}" >&2
  exit 1
fi
# pytest rewrites the assertions of every module of a plugin's distribution it imports (all of
# hypothesis, which its plugin imports at every session's end) and keeps the result only where
# bytecode may be written; PYTHONDONTWRITEBYTECODE, set on these machines, stops that, and each
# pytest run of the tests spent ~0.7 s of CPU rewriting hypothesis again. One session allowed to
# write leaves the rewritten modules in site-packages, where pytest reads them whatever the
# environment says (the same code: pytest's own cache of its own rewriting).
warm=$(mktemp -d)
apart_dir=$(cd "$dir" && pwd)/apart
echo 'def test_warm(): pass' >"$warm/test_warm.py"
if ! (cd "$warm" && env -u PYTHONDONTWRITEBYTECODE PYTHONPATH="$apart_dir" "$venv_python" -m pytest -q -p no:cacheprovider >/dev/null 2>&1); then
  echo "$dir: pytest could not run a trivial test" >&2
  rm -rf "$warm"; exit 1
fi
rm -rf "$warm"
echo "$stamp" >"$dir/.stamp"
