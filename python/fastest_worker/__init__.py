"""fastest's Python runtime: a persistent worker that runs test units for the Node side."""

# The supported versions, tested in CI (scripts/test-versions.sh). package.json's "engines" and the
# README state the same ranges (test/versions.test.ts). The native engine's own pytest range is
# native/__init__.py's SUPPORTED_PYTEST; outside it the pytest engine runs every module.
SUPPORTED_PYTHON = ">=3.9,<3.14"
SUPPORTED_PYTEST = ">=8.4,<10"
