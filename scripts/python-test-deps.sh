#!/usr/bin/env bash
# `npm test` on a fresh machine: the tests compare fastest with pytest and with the plugins whose
# behaviour it reproduces or routes (pytest-xdist, pytest-mock, pytest-asyncio, hypothesis,
# pytest-benchmark, coverage and pytest-cov). Installs into python3 whichever of them it cannot import; nothing when all are
# there. FASTEST_SKIP_PYTHON_DEPS=1 leaves the interpreter alone.
set -euo pipefail
[ "${FASTEST_SKIP_PYTHON_DEPS:-}" = 1 ] && exit 0
python=${FASTEST_TEST_PYTHON:-python3}
missing=$("$python" - <<'PY'
import importlib.util
wanted = {"pytest": "pytest", "xdist": "pytest-xdist", "pytest_mock": "pytest-mock",
          "pytest_asyncio": "pytest-asyncio>=1", "hypothesis": "hypothesis", "pytest_benchmark": "pytest-benchmark",
          "coverage": "coverage", "pytest_cov": "pytest-cov"}
print(" ".join(req for module, req in wanted.items() if importlib.util.find_spec(module) is None))
PY
)
[ -z "$missing" ] && exit 0
echo "installing the Python packages the tests compare against: $missing"
# shellcheck disable=SC2086
"$python" -m pip install --quiet --disable-pip-version-check --retries 1 $missing 2>&1 \
  | grep -v -e "Running pip as the 'root' user" -e "is ignored: it is neither a file nor a directory" || true
