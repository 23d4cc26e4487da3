"""fastest's Python runtime: a persistent worker that runs test units for the Node side."""
import sys

# What the interpreter had imported before fastest's own code ran (site, .pth files): pytest warns
# about a plugin module imported before its assertion rewriting only for these, since under plain
# pytest nothing else is imported that early (engine_pytest.py).
MODULES_AT_START = frozenset(sys.modules)

# The supported versions, tested in CI (scripts/test-versions.sh). package.json's "engines" and the
# README state the same ranges (test/versions.test.ts). The native engine's own pytest range is
# native/__init__.py's SUPPORTED_PYTEST; outside it the pytest engine runs every module.
SUPPORTED_PYTHON = ">=3.9,<3.14"
SUPPORTED_PYTEST = ">=8.4,<10"
