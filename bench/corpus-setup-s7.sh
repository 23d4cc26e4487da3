#!/bin/bash
# Session 7 (issue 13): the three projects added to the corpus, and pytest-describe from source.
# (bench/corpus-setup-all.sh does these steps and the others for the whole list, in one go.)
set -ex
export PIP_INDEX_URL=file:///opt/pypi/simple PIP_DISABLE_PIP_VERSION_CHECK=1
SP=$(python3 -c 'import sysconfig;print(sysconfig.get_paths()["purelib"])')
extract() { # name mirror commit
  [ -d /work/corpus/$1 ] || { mkdir -p /work/corpus/$1; git --git-dir=/work/.mirror/$2/repo archive $3 | tar -x -C /work/corpus/$1; }
}
extract graphql-core graphql-python+graphql-core e49e4e2d8aa7b752ddd194aa689ce418a327c503
extract python-json-logger nhairs+python-json-logger 806dba9d9642fbec4c8538b625494c96b288ce59
extract django-environ joke2k+django-environ df301b607f287df049b4efeda14717fcdbe123b1
mkdir -p /work/corpus/_src/pytest-describe
git --git-dir=/work/.mirror/pytest-dev+pytest-describe/repo archive cffdf710ebb9a7e1dd4e3a364f0986ac85bf51f2 | tar -x -C /work/corpus/_src/pytest-describe
venv903() {
  rm -rf .venv903; python3 -m venv --without-pip .venv903
  src=.venv/lib/python3.11/site-packages; dst=.venv903/lib/python3.11/site-packages
  cp -a $src/. $dst/
  rm -rf $dst/pytest $dst/_pytest $dst/py.py $dst/pytest-9.1.1.dist-info
  cp -a $SP/pytest $SP/_pytest $SP/py.py $SP/pytest-9.0.3.dist-info $dst/
}
# graphql-core: uv_build is not in the local index: source on sys.path via a .pth
cd /work/corpus/graphql-core
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q pytest pytest-timeout pytest-asyncio anyio py-cpuinfo /work/corpus/_src/pytest-describe
# pytest-benchmark 5.3 requires py-cpuinfo2 (not in the local index), a fork of py-cpuinfo with the same cpuinfo module
.venv/bin/pip install -q --no-deps pytest-benchmark
# pytest-describe 2.2 (the snapshot) pins pytest<9 and brought 8.4.2: back to the index's 9.1.1 (it collects under 9.1.1)
.venv/bin/pip install -q "pytest==9.1.1"
echo "$PWD/src" > "$(.venv/bin/python -c 'import sysconfig;print(sysconfig.get_paths()["purelib"])')/_corpus_src.pth"
venv903
# python-json-logger
cd /work/corpus/python-json-logger
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q -e . pytest freezegun tzdata || { echo "$PWD/src" > "$(.venv/bin/python -c 'import sysconfig;print(sysconfig.get_paths()["purelib"])')/_corpus_src.pth"; .venv/bin/pip install -q pytest freezegun tzdata; }
venv903
# django-environ
cd /work/corpus/django-environ
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q -e . pytest django
venv903
echo SETUP-DONE
