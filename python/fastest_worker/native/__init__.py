"""The native engine: runs pytest-style test modules without pytest's collection machinery."""

# The pytest versions the native engine is tested against (it reuses pytest internals that
# change between minor versions): 8.4 <= pytest < 9.2. Outside it, `--engine auto` runs every
# module through pytest and `--engine native` refuses to start. Update with the CI matrix
# (.ci/run, `npm run test:versions`) and the README.
SUPPORTED_PYTEST = ((8, 4), (9, 2))
SUPPORTED_PYTEST_TEXT = "pytest>=8.4,<9.2"


def unsupported_pytest(version):
    """Why the native engine cannot run with this pytest version string (None: it can).
    Read from pytest's version file before pytest is imported."""
    if not version:
        return None  # no pytest at all: the import of the engine says so
    parts = []
    for piece in str(version).split(".")[:2]:
        digits = ""
        for char in piece:
            if not char.isdigit():
                break
            digits += char
        parts.append(int(digits) if digits else 0)
    while len(parts) < 2:
        parts.append(0)
    low, high = SUPPORTED_PYTEST
    if low <= tuple(parts) < high:
        return None
    return "pytest %s is outside the native engine's supported range (%s)" % (version, SUPPORTED_PYTEST_TEXT)


def __getattr__(name):  # lazy: importing the package must not import pytest
    if name == "NativeEngine":
        from .engine import NativeEngine
        return NativeEngine
    raise AttributeError(name)
