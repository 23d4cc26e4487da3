#!/bin/bash
# Session 8 (issue 13, corpus13): projects added to the corpus. Each: git archive of the commit
# (bench/corpus-setup-all.sh does these steps and the others for the whole list, in one go.)
# into /work/corpus/<name>, .venv with pytest 9.1.1 and the test deps from the local index, and
# .venv903 (a copy with pytest 9.0.3). Sources go on sys.path through a .pth where the build
# backend's requirements (hatch-vcs, setuptools-scm versions, flit_core<4) are not all in the index.
set -ex
export PIP_INDEX_URL=file:///opt/pypi/simple PIP_EXTRA_INDEX_URL=file:///opt/pypi-more/simple PIP_DISABLE_PIP_VERSION_CHECK=1
SP=$(python3 -c 'import sysconfig;print(sysconfig.get_paths()["purelib"])')
extract() { # name mirror commit
  [ -d /work/corpus/$1 ] || { mkdir -p /work/corpus/$1; git --git-dir=/work/.mirror/$2/repo archive $3 | tar -x -C /work/corpus/$1; }
}
venv() { [ -x .venv/bin/python ] || python3 -m venv .venv; }
pth() { echo "$1" > "$(.venv/bin/python -c 'import sysconfig;print(sysconfig.get_paths()["purelib"])')/_corpus_src.pth"; }
venv903() {
  rm -rf .venv903; python3 -m venv --without-pip .venv903
  src=.venv/lib/python3.11/site-packages; dst=.venv903/lib/python3.11/site-packages
  cp -a $src/. $dst/
  rm -rf $dst/pytest $dst/_pytest $dst/py.py $dst/pytest-9.1.1.dist-info
  cp -a $SP/pytest $SP/_pytest $SP/py.py $SP/pytest-9.0.3.dist-info $dst/
}
extract natsort SethMMorton+natsort b0ea0aea274902c63b510d78112f892c33be957d
extract backoff litl+backoff d82b23c42d7a7e2402903e71e7a7f03014a00076
extract pyflakes PyCQA+pyflakes 59ec4593efd4c69ce00fdb13c40fcf5f3212ab10
extract marshmallow marshmallow-code+marshmallow 341b927f219205704728c05cd61f04d7e9727523
extract filelock tox-dev+filelock 61511ebc1cc5d40b28f8584f1078e63f2d63fb02
extract sortedcontainers grantjenks+python-sortedcontainers 3ac358631f58c1347f1d6d2d92784117db0f38ed

# natsort: hypothesis + pytest-mock; setuptools-scm writes _version.py (absent: __version__ "unknown version")
cd /work/corpus/natsort; venv; .venv/bin/pip install -q "pytest==9.1.1" pytest-mock hypothesis; pth "$PWD"; venv903
# backoff: caplog-heavy, pytest-asyncio, responses
cd /work/corpus/backoff; venv; .venv/bin/pip install -q "pytest==9.1.1" pytest-asyncio requests responses; pth "$PWD"; venv903
# pyflakes: unittest.TestCase suite (its CI runs `python -m unittest discover pyflakes`)
cd /work/corpus/pyflakes; venv; .venv/bin/pip install -q "pytest==9.1.1"; pth "$PWD"; venv903
# marshmallow: big parametrize; flit_core<4 is not in the local index
cd /work/corpus/marshmallow; venv; .venv/bin/pip install -q "pytest==9.1.1" simplejson; pth "$PWD/src"; venv903
# filelock: [tool.pytest] table, filterwarnings=error, pytest-timeout ini, pytest-asyncio, pytest-mock, virtualenv;
# hatch-vcs writes src/filelock/version.py at build: written here
cd /work/corpus/filelock; venv; .venv/bin/pip install -q "pytest==9.1.1" pytest-asyncio pytest-mock pytest-timeout virtualenv
[ -f src/filelock/version.py ] || printf 'version = "3.99.0"\n__version__ = version\nversion_tuple = (3, 99, 0)\n' > src/filelock/version.py
pth "$PWD/src"; venv903
# sortedcontainers: --doctest-modules and --doctest-glob "*.rst" in addopts, testpaths docs src/sortedcontainers tests
cd /work/corpus/sortedcontainers; venv; .venv/bin/pip install -q "pytest==9.1.1"; pth "$PWD/src"; venv903

# holidays: slow imports (one module per country), unittest.TestCase suite, [tool.pytest] addopts
# --cov-fail-under=100 (pytest-cov); polib (tests/test_l10n.py, and the .mo files) and hijridate
# are not in the index; installed -e (the tests read its version from the package metadata)
extract holidays vacanza+holidays c382fdec456ce76e03b841ab809d47e46be610a2
cd /work/corpus/holidays; venv; .venv/bin/pip install -q "pytest==9.1.1" pytest-cov coverage numpy pygments python-dateutil; .venv/bin/pip install -q -e .; venv903
echo SETUP-DONE
