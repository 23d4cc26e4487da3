"""What differs between the pytest versions the native engine supports, read once at import.

The native engine reuses private pytest internals (IdMaker, ParameterSet, the warning types...)
that change between minor versions. Each difference is detected from pytest's own modules,
not from its version number. The range the engine is tested against is SUPPORTED_PYTEST in
this package's __init__ (checked before pytest is imported).
"""
from __future__ import annotations

import inspect
import sys
import warnings
from typing import Dict, Optional, Tuple

from _pytest import deprecated as _deprecated
from _pytest import fixtures as _fixtures
from _pytest import unittest as _unittest
from _pytest import warning_types as _warning_types

# pytest 9.1 removed PytestRemovedIn9Warning: what 9.0 deprecated with it now fails outright
# (a sync test requesting an async fixture).
REMOVED_IN_9_WARNING: Optional[type] = getattr(_warning_types, "PytestRemovedIn9Warning", None)

# pytest 9.1's new deprecations, each None where the running pytest has not got it.
CLASS_FIXTURE_INSTANCE_METHOD: Optional[Warning] = getattr(
    _deprecated, "CLASS_FIXTURE_INSTANCE_METHOD", None)
PARAMETRIZE_NON_COLLECTION_ITERABLE = getattr(_deprecated, "PARAMETRIZE_NON_COLLECTION_ITERABLE", None)
FIXTURE_GETFIXTUREVALUE_DURING_TEARDOWN = getattr(_deprecated, "FIXTURE_GETFIXTUREVALUE_DURING_TEARDOWN", None)

# pytest 9.1 orders a test's fixture closure depth-first and prunes it along override chains
# (fixtures.traverse_fixture_closure); 8.4 and 9.0 list the requested names first.
DEPTH_FIRST_CLOSURE: bool = hasattr(_fixtures, "traverse_fixture_closure")

# pytest 9.1 skips the tests of a @unittest.skip class from a class-scoped autouse fixture,
# before any function-scoped autouse fixture is set up (8.4 and 9.0 skip in the test's call).
UNITTEST_SKIP_FIXTURE: bool = hasattr(_unittest.UnitTestCase, "_register_unittest_skip_fixture")

_call_sites: Dict[Tuple[str, str], Tuple[str, int, dict]] = {}


def pytest_call_site(module_name: str, function_name: str, needle: str) -> Tuple[str, int, dict]:
    """(filename, lineno, module globals) of the first line of pytest's `function_name` that
    contains `needle`: where pytest's own warnings point when it warns with a stacklevel that
    lands in its code, and the native engine warns from elsewhere. Looked up once, on the
    (rare) warning path."""
    key = (module_name, function_name)
    site = _call_sites.get(key)
    if site is None:
        module = sys.modules[module_name]
        function = getattr(module, function_name)
        lines, first = inspect.getsourcelines(function)
        offset = next((i for i, line in enumerate(lines) if needle in line), 0)
        site = (inspect.getsourcefile(function) or module.__file__ or "?", first + offset, vars(module))
        _call_sites[key] = site
    return site


def warn_at_pytest_site(message: Warning, module_name: str, function_name: str, needle: str) -> None:
    filename, lineno, module_globals = pytest_call_site(module_name, function_name, needle)
    registry = module_globals.setdefault("__warningregistry__", {})
    warnings.warn_explicit(message, type(message), filename, lineno, module=module_name,
                           registry=registry, module_globals=module_globals)


__all__ = ["CLASS_FIXTURE_INSTANCE_METHOD", "DEPTH_FIRST_CLOSURE", "FIXTURE_GETFIXTUREVALUE_DURING_TEARDOWN",
           "PARAMETRIZE_NON_COLLECTION_ITERABLE",
           "REMOVED_IN_9_WARNING", "UNITTEST_SKIP_FIXTURE", "pytest_call_site", "warn_at_pytest_site"]
