"""Installed plugins the native engine loads itself, as pytest would load them: those made only of
fixtures and hooks the native engine calls (support.NATIVE_HOOKS). pytest-mock (`mocker` and its
scoped variants; its pytest_configure wraps unittest.mock's assert methods for pytest's
introspection, its pytest_addoption adds two ini keys) is the common one: a module using `mocker`
would otherwise start the pytest engine in its worker.

A plugin is loaded when a module requests one of its fixtures, and only if pytest would load it:
autoloaded from its entry point (not under PYTEST_DISABLE_PLUGIN_AUTOLOAD) or named with `-p`, and
not blocked with `-p no:NAME`. A version that defines another hook goes to pytest instead.
"""
from __future__ import annotations

import os
from typing import Callable, Dict, Optional

from .hooks import register_conftest

# entry-point name -> the fixtures its module defines
NATIVE_PLUGINS: Dict[str, frozenset] = {
    "pytest_mock": frozenset({"mocker", "class_mocker", "module_mocker", "package_mocker", "session_mocker"}),
}


def plugin_fixtures(pluginmanager) -> Dict[str, str]:
    """fixture name -> plugin name, for the native plugins this run would load."""
    known = pluginmanager._known()
    return {fixture: name for name, fixtures in NATIVE_PLUGINS.items() if name in known
            for fixture in fixtures}


def _package_location(name: str, pluginmanager) -> Optional[str]:
    """The directory (or file) of the top-level package plugin `name` comes from: pytest rewrites
    the asserts of an installed plugin's modules (pytest-mock's introspection of a failed
    assert_called_with is an assert of its own)."""
    import importlib.util

    loader = pluginmanager._known().get(name)
    entry_point = getattr(loader, "__self__", None)
    value = getattr(entry_point, "value", None) or name
    top = value.split(":")[0].split(".")[0]
    try:
        spec = importlib.util.find_spec(top)
    except (ImportError, ValueError):
        return None
    if spec is None or spec.origin is None:
        return None
    locations = list(spec.submodule_search_locations or ())
    return os.path.abspath(locations[0]) if locations else os.path.abspath(spec.origin)


def load_plugin(name: str, config, registry, rewrite: Callable[[str], None]) -> Optional[str]:
    """Loads plugin `name` as pytest registers a plugin: its modules' asserts rewritten (`rewrite`
    takes the package's location), its options and ini keys, its pytest_configure, its fixtures
    (no location: visible to every module, after pytest's own). Returns why it cannot be loaded
    natively, or None."""
    from .support import NATIVE_HOOKS

    location = _package_location(name, config.pluginmanager)
    if location is not None:
        rewrite(location)
    module = config.pluginmanager.get_plugin(name)  # None when it fails to load
    if module is None:
        return f"plugin {name} did not load"
    hooks = {attr for attr in dir(module) if attr.startswith("pytest_") and callable(getattr(module, attr, None))}
    others = sorted(hooks - NATIVE_HOOKS)
    if others or hasattr(module, "pytest_plugins"):
        return f"plugin {name} defines the pytest hook {others[0] if others else 'pytest_plugins'}"
    register_conftest(module, config)
    registry.parse_holder(module, None)
    return None
