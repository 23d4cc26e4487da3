#!/bin/bash
# The whole corpus of bench/corpus.json in one go. It replaces the step-by-step scripts of
# sessions 1-8 (bench/corpus-setup.sh: 16 projects; corpus-setup-s7.sh: graphql-core,
# python-json-logger, django-environ; corpus-setup-s8.sh: natsort, backoff, pyflakes, marshmallow,
# filelock, sortedcontainers, holidays; removed in session 11, in git history) and django-ninja's
# (session 7, bench/REAL_RESULTS.md). Each project: `git archive`
# of its commit from the `fetch` tool's bare mirror (/work/.mirror/<owner>+<name>/repo) into
# /work/corpus/<name>, `.venv` with the local index's pytest 9.1.1 and the test dependencies,
# `.venv903` a copy of it with the system python's pytest 9.0.3 (the index only has 9.1.1).
#
# Idempotent: an existing checkout is kept, a venv whose setup finished (.venv/.corpus-setup-done)
# is not touched again, and an existing .venv903 with pytest 9.0.3 is kept (other runs may be
# using it). Usage: bash bench/corpus-setup-all.sh [NAME...]   (default: every project)
# Needs: the mirrors, the local package index (/opt/pypi/simple), python3 3.11 with pytest 9.0.3.
set -euo pipefail
export PIP_INDEX_URL=file:///opt/pypi/simple PIP_EXTRA_INDEX_URL=file:///opt/pypi-more/simple
export PIP_DISABLE_PIP_VERSION_CHECK=1 SETUPTOOLS_SCM_PRETEND_VERSION=99.0.0
HERE=$(cd "$(dirname "$0")" && pwd)
LIST=$HERE/corpus.json
ROOT=${CORPUS_ROOT:-/work/corpus}   # another root to try the script without touching the corpus in use
SP=$(python3 -c 'import sysconfig;print(sysconfig.get_paths()["purelib"])')
[ -f "$SP/pytest-9.0.3.dist-info/METADATA" ] || { echo "python3 has no pytest 9.0.3 in $SP" >&2; exit 1; }

field() { # name key -> the list's value
  python3 -c "import json,sys;print([x[sys.argv[3]] for x in json.load(open(sys.argv[1]))['projects'] if x['name']==sys.argv[2]][0])" "$LIST" "$1" "$2"
}
extract() { # dir-name owner/repo commit
  local dir=$ROOT/$1 mirror=/work/.mirror/${2/\//+}/repo
  [ -d "$dir" ] && return 0
  mkdir -p "$dir.tmp" && git --git-dir="$mirror" archive "$3" | tar -x -C "$dir.tmp" && mv "$dir.tmp" "$dir"
}
venv() { [ -x .venv/bin/python ] || python3 -m venv .venv; }
pth() { echo "$1" > "$(.venv/bin/python -c 'import sysconfig;print(sysconfig.get_paths()["purelib"])')/_corpus_src.pth"; }
project_deps() { # the dependencies of pyproject.toml's [project] table, one a line
  python3 -c "import tomllib;print('\n'.join(tomllib.load(open('pyproject.toml','rb')).get('project',{}).get('dependencies',[]) or []))"
}
venv903() {
  local dst=.venv903/lib/python3.11/site-packages
  [ -f "$dst/pytest-9.0.3.dist-info/METADATA" ] && [ -x .venv903/bin/python ] && return 0
  rm -rf .venv903; python3 -m venv --without-pip .venv903
  cp -a .venv/lib/python3.11/site-packages/. "$dst/"
  rm -rf "$dst/pytest" "$dst/_pytest" "$dst/py.py" "$dst"/pytest-9.1.1.dist-info
  cp -a "$SP/pytest" "$SP/_pytest" "$SP/py.py" "$SP/pytest-9.0.3.dist-info" "$dst/"
}
done_mark() { touch .venv/.corpus-setup-done; }
is_done() { [ -f .venv/.corpus-setup-done ]; }

# The first 16 (the old bench/corpus-setup.sh): `pip install -e . DEPS`; where the build backend is not in the
# index, flit projects are built with the index's flit_core 4, the others get their source on
# sys.path through a .pth.
declare -A deps=(
 [more-itertools]="pytest" [six]="pytest" [colorama]="pytest" [toolz]="pytest" [boltons]="pytest"
 [dateutil]="pytest freezegun hypothesis pytest-cov" [attrs]="pytest hypothesis cloudpickle pytest-xdist"
 [click]="pytest" [itsdangerous]="pytest freezegun" [jinja]="pytest pytest-timeout trio"
 [flask]="pytest asgiref greenlet python-dotenv" [loguru]="pytest freezegun colorama pytest-cov"
 [structlog]="pytest pytest-asyncio simplejson time-machine rich" [packaging]="pytest hypothesis tomli-w pip"
 [jsonschema]="pytest jsonpath-ng" [pygments]="pytest"
)
setup_editable() { # name
  local p=$1
  if ! .venv/bin/pip install -q -e . ${deps[$p]}; then
    project_deps > "/tmp/corpus-$p.req"
    case $p in
      click|flask|jinja|itsdangerous|boltons)   # flit_core<4
        .venv/bin/pip install -q flit-core ${deps[$p]} -r "/tmp/corpus-$p.req"
        .venv/bin/pip install -q --no-build-isolation --no-deps -e . ;;
      *)                                         # toolz, dateutil, loguru
        if [ -d src ]; then pth "$PWD/src"; else pth "$PWD"; fi
        .venv/bin/pip install -q ${deps[$p]} -r "/tmp/corpus-$p.req" ;;
    esac
  fi
}

setup_graphql_core() { # uv_build is not in the index: source through a .pth
  mkdir -p $ROOT/_src
  extract _src/pytest-describe pytest-dev/pytest-describe cffdf710ebb9a7e1dd4e3a364f0986ac85bf51f2
  .venv/bin/pip install -q pytest pytest-timeout pytest-asyncio anyio py-cpuinfo $ROOT/_src/pytest-describe
  # pytest-benchmark 5.3 requires py-cpuinfo2 (not in the index), a fork with the same cpuinfo module
  .venv/bin/pip install -q --no-deps pytest-benchmark
  # pytest-describe 2.2 pins pytest<9 and brings 8.4.2: back to the index's 9.1.1 (it collects under 9.1.1)
  .venv/bin/pip install -q "pytest==9.1.1"
  pth "$PWD/src"
}
setup_python_json_logger() {
  .venv/bin/pip install -q -e . pytest freezegun tzdata || { pth "$PWD/src"; .venv/bin/pip install -q pytest freezegun tzdata; }
}
setup_django_environ() { .venv/bin/pip install -q -e . pytest django; }
# session 8's: sources through a .pth where the build backend's requirements (hatch-vcs,
# setuptools-scm versions, flit_core<4) are not all in the index
setup_natsort() { .venv/bin/pip install -q "pytest==9.1.1" pytest-mock hypothesis; pth "$PWD"; }
setup_backoff() { .venv/bin/pip install -q "pytest==9.1.1" pytest-asyncio requests responses; pth "$PWD"; }
setup_pyflakes() { .venv/bin/pip install -q "pytest==9.1.1"; pth "$PWD"; }
setup_marshmallow() { .venv/bin/pip install -q "pytest==9.1.1" simplejson; pth "$PWD/src"; }
setup_filelock() { # hatch-vcs writes src/filelock/version.py at build: written here
  .venv/bin/pip install -q "pytest==9.1.1" pytest-asyncio pytest-mock pytest-timeout virtualenv
  [ -f src/filelock/version.py ] || printf 'version = "3.99.0"\n__version__ = version\nversion_tuple = (3, 99, 0)\n' > src/filelock/version.py
  pth "$PWD/src"
}
setup_sortedcontainers() { .venv/bin/pip install -q "pytest==9.1.1"; pth "$PWD/src"; }
setup_holidays() { # polib and hijridate are not in the index (tests/test_l10n.py is ignored by the list's args)
  .venv/bin/pip install -q "pytest==9.1.1" pytest-cov coverage numpy pygments python-dateutil
  .venv/bin/pip install -q -e .
}
setup_django_ninja() {
  .venv/bin/pip install -q "pytest==9.1.1" django pydantic pytest-asyncio psycopg2-binary
  pth "$PWD"
}

setup_one() { # the checkout's directory name
  local base=$1 dir=$ROOT/$1
  echo "== $base"
  extract "$base" "$(field "$2" repo)" "$(field "$2" commit)"
  cd "$dir"
  venv
  if ! is_done; then
    if [ -n "${deps[$base]:-}" ]; then setup_editable "$base"; else "setup_${base//-/_}"; fi
    done_mark
  fi
  venv903
  .venv/bin/python -c 'import pytest; assert pytest.__version__ == "9.1.1", pytest.__version__'
  .venv903/bin/python -c 'import pytest; assert pytest.__version__ == "9.0.3", pytest.__version__'
}
if [ -n "${CORPUS_SETUP_ONE:-}" ]; then setup_one $CORPUS_SETUP_ONE; exit; fi

names=("$@")
[ ${#names[@]} -gt 0 ] || mapfile -t names < <(python3 -c "import json;[print(x['name']) for x in json.load(open('$LIST'))['projects']]")
declare -A seen=()
failed=()
for name in "${names[@]}"; do
  base=$(basename "$(field "$name" dir)")
  [ -n "${seen[$base]:-}" ] && continue   # boltons-ci, toolz-ci, loguru-ci, natsort-ci/-doc share a checkout
  seen[$base]=1
  # a separate shell per project: errexit holds inside it, and one failure does not stop the others
  CORPUS_SETUP_ONE="$base $name" bash "$HERE/corpus-setup-all.sh" || failed+=("$base")
done
[ ${#failed[@]} -eq 0 ] || { echo "setup failed: ${failed[*]}" >&2; exit 1; }
echo SETUP-DONE
