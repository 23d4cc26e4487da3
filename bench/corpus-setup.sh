#!/bin/bash
# The steps used on 2026-12-03 to make the checkouts and venvs that bench/corpus.json names
# (run as they were, step by step; this file collects them, it was not run in one go).
# bench/corpus-setup-all.sh does these steps and the other two scripts' for the whole list, in one go.
# Needs: the `fetch` tool's bare mirrors under /work/.mirror/<owner>+<name>/repo, the local
# package index, python3 3.11 with pytest 9.0.3 installed (for the .venv903 copies).
set -e
export PIP_INDEX_URL=file:///opt/pypi/simple PIP_DISABLE_PIP_VERSION_CHECK=1
export SETUPTOOLS_SCM_PRETEND_VERSION=99.0.0
declare -A deps=(
 [more-itertools]="pytest" [six]="pytest" [colorama]="pytest" [toolz]="pytest" [boltons]="pytest"
 [dateutil]="pytest freezegun hypothesis pytest-cov" [attrs]="pytest hypothesis cloudpickle pytest-xdist"
 [click]="pytest" [itsdangerous]="pytest freezegun" [jinja]="pytest pytest-timeout trio"
 [flask]="pytest asgiref greenlet python-dotenv" [loguru]="pytest freezegun colorama pytest-cov"
 [structlog]="pytest pytest-asyncio simplejson time-machine rich" [packaging]="pytest hypothesis tomli-w pip"
 [jsonschema]="pytest jsonpath-ng" [pygments]="pytest"
)
LIST=$(cd "$(dirname "$0")" && pwd)/corpus.json   # absolute: the loop changes directory
SP=$(python3 -c 'import sysconfig;print(sysconfig.get_paths()["purelib"])')
for p in "${!deps[@]}"; do
  repo=$(python3 -c "import json;print([x['repo'] for x in json.load(open('$LIST'))['projects'] if x['name']=='$p'][0])")
  commit=$(python3 -c "import json;print([x['commit'] for x in json.load(open('$LIST'))['projects'] if x['name']=='$p'][0])")
  dir=/work/corpus/$p
  [ -d "$dir" ] || { mkdir -p "$dir"; git --git-dir="/work/.mirror/${repo/\//+}/repo" archive "$commit" | tar -x -C "$dir"; }
  cd "$dir"
  [ -x .venv/bin/python ] || python3 -m venv .venv
  if ! .venv/bin/pip install -q -e . ${deps[$p]}; then
    # the build backend is not in the local index
    case $p in
      click|flask|jinja|itsdangerous|boltons)   # flit_core<4: build with the index's flit_core 4
        python3 -c "import tomllib;print('\n'.join(tomllib.load(open('pyproject.toml','rb')).get('project',{}).get('dependencies',[]) or []))" > /tmp/corpus-$p.req
        .venv/bin/pip install -q flit-core ${deps[$p]} -r /tmp/corpus-$p.req
        .venv/bin/pip install -q --no-build-isolation --no-deps -e . ;;
      *)                                         # toolz, dateutil, loguru: source on sys.path
        src=$PWD; [ -d src ] && src=$PWD/src
        echo "$src" > "$(.venv/bin/python -c 'import sysconfig;print(sysconfig.get_paths()["purelib"])')/_corpus_src.pth"
        python3 -c "import tomllib;print('\n'.join(tomllib.load(open('pyproject.toml','rb')).get('project',{}).get('dependencies',[]) or []))" > /tmp/corpus-$p.req
        .venv/bin/pip install -q ${deps[$p]} -r /tmp/corpus-$p.req ;;
    esac
  fi
  # .venv903: the same packages with the system's pytest 9.0.3 (the index only has 9.1.1)
  rm -rf .venv903; python3 -m venv --without-pip .venv903
  src=.venv/lib/python3.11/site-packages; dst=.venv903/lib/python3.11/site-packages
  cp -a $src/. $dst/
  rm -rf $dst/pytest $dst/_pytest $dst/py.py $dst/pytest-9.1.1.dist-info
  cp -a $SP/pytest $SP/_pytest $SP/py.py $SP/pytest-9.0.3.dist-info $dst/
done
