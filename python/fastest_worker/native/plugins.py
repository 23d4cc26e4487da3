"""Installed plugins in the native engine.

Those the native engine loads itself, as pytest would load them: made only of fixtures and hooks
the native engine calls (support.NATIVE_HOOKS). pytest-mock (`mocker` and its scoped variants; its
pytest_configure wraps unittest.mock's assert methods for pytest's introspection, its
pytest_addoption adds two ini keys) is the common one: a module using `mocker` would otherwise
start the pytest engine in its worker. Such a plugin is loaded, as pytest configures it, before
the first module is checked, and only if pytest would load it: autoloaded from its entry point
(not under PYTEST_DISABLE_PLUGIN_AUTOLOAD) or named with `-p`, and not blocked with `-p no:NAME`.
A version that defines another hook goes to pytest instead.

Every other plugin pytest would load is either one the native engine stands in for
(HANDLED_PLUGIN_MODULES) or, when its hooks may change a test, a reason for every module to go to
the pytest engine (unhandled_plugin_reason).
"""
from __future__ import annotations

import os
import re
from typing import Callable, Dict, List, Optional, Tuple

from .hooks import register_conftest

# entry-point name -> the fixtures its module defines
NATIVE_PLUGINS: Dict[str, frozenset] = {
    "pytest_mock": frozenset({"mocker", "class_mocker", "module_mocker", "package_mocker", "session_mocker"}),
    "anyio": frozenset({"anyio_backend", "anyio_backend_name", "anyio_backend_options", "free_tcp_port_factory",
                        "free_udp_port_factory", "free_tcp_port", "free_udp_port"}),
}
# Hooks of a native plugin that the native engine calls where pytest would (AnyioHooks), beyond
# support.NATIVE_HOOKS, and those of them the plugin must define: a version defining another hook,
# or lacking one of these, goes to pytest.
_PLUGIN_HOOKS: Dict[str, frozenset] = {
    "anyio": frozenset({"pytest_fixture_setup", "pytest_pycollect_makeitem", "pytest_collection_finish",
                        "pytest_pyfunc_call"}),
}
_PLUGIN_REQUIRED_HOOKS: Dict[str, frozenset] = {
    "anyio": frozenset({"pytest_fixture_setup", "pytest_pycollect_makeitem", "pytest_pyfunc_call"}),
}


# Installed plugins (entry-point modules) the native engine stands in for: what their hooks do it
# does itself (hypothesis_support, the async rules, PhaseTimer, coverage, reruns, NATIVE_PLUGINS,
# fastest's own -n), or the hooks act only on modules its static check sends to pytest (a mark or
# fixture of theirs, `module_rules` below).
HANDLED_PLUGIN_MODULES = frozenset({
    "_hypothesis_pytestplugin", "xdist.plugin", "xdist.looponfail", "pytest_asyncio.plugin",
    "anyio.pytest_plugin", "pytest_cov.plugin", "pytest_mock", "pytest_timeout",
    "pytest_benchmark.plugin", "pytest_rerunfailures", "time_machine", "pytest_describe.plugin",
})
# Hooks that change nothing a test does or how its result reads (header lines come from the first
# worker's pytest session when any plugin is installed: worker._header_needs_pytest).
_INERT_HOOKS = frozenset({"pytest_addoption", "pytest_addhooks", "pytest_report_header"})
_HOOK_WORD = re.compile(r"\bpytest_[A-Za-z0-9_]+")


def unhandled_plugin_reason(plugins: List[Tuple[str, str]]) -> Optional[str]:
    """Why no module can run natively: one of `plugins` (the manager's plugin_modules) whose hooks may change
    what a test does, is or reports (the native engine runs no plugin hooks), or None."""
    from _pytest import hookspec

    specs = {name for name in dir(hookspec) if name.startswith("pytest_")} | {"pytest_plugins"}
    for name, module in plugins:
        if module in HANDLED_PLUGIN_MODULES:
            continue
        source = _module_source(module)
        if source is None or re.search(r"^\s*from\s+\S+\s+import\s+\*", source, re.M):
            return f"plugin {name} ({module}) may implement pytest hooks the native engine does not run"
        hooks = sorted(set(_HOOK_WORD.findall(source)) & specs - _INERT_HOOKS)
        if hooks:
            return f"plugin {name} ({module}) implements {hooks[0]}, which the native engine does not run"
    return None


def _module_file(module: str) -> Optional[str]:
    """The file of `module` (a package's `__init__.py`), found without importing it nor its
    packages, or None."""
    import importlib.util

    parts = module.split(".")
    try:
        spec = importlib.util.find_spec(parts[0])
    except (ImportError, ValueError):
        return None
    if spec is None or spec.origin is None:
        return None
    path = os.path.abspath(spec.origin)
    for part in parts[1:]:
        base = os.path.dirname(path)
        candidates = [os.path.join(base, part + ".py"), os.path.join(base, part, "__init__.py")]
        path = next((c for c in candidates if os.path.isfile(c)), "")
        if not path:
            return None
    return path


def _module_source(module: str) -> Optional[str]:
    """The Python source of `module`, read without importing it, or None."""
    path = _module_file(module)
    if path is None or not path.endswith(".py"):
        return None
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            return fh.read()
    except OSError:
        return None


def describe_support(plugins: List[Tuple[str, str]], config) -> Optional[Tuple[tuple, Optional[Callable]]]:
    """pytest-describe, when pytest loads it: (its `describe_prefixes`, the plugin's own function
    that makes a block's module of a describe function's locals), or None. The function is None
    when this version of the plugin lacks what collect.py mirrors (its DescribeBlock a Module
    made by make_module_from_function): its modules then go to pytest (`module_rules`)."""
    name = next((name for name, module in plugins if module == "pytest_describe.plugin"), None)
    if name is None:
        return None
    import shlex

    raw = config.getini("describe_prefixes")
    prefixes = tuple(shlex.split(raw) if isinstance(raw, str) else list(raw or ["describe"]))
    plugin = config.pluginmanager.get_plugin(name)
    make_module = getattr(plugin, "make_module_from_function", None)
    block = getattr(plugin, "DescribeBlock", None)
    try:
        import pytest

        native = callable(make_module) and isinstance(block, type) and issubclass(block, pytest.Module)
    except Exception:
        native = False
    return prefixes, make_module if native else None


def module_rules(describe: Optional[Tuple[tuple, Optional[Callable]]]) -> List[Tuple["re.Pattern[bytes]", str]]:
    """(source pattern, reason) for the modules a handled plugin's hooks act on and the native
    engine cannot collect: pytest-describe's blocks, when collect.py cannot mirror the installed
    version (`describe_support`)."""
    rules = []
    if describe is not None and describe[1] is None:
        for prefix in describe[0]:
            rules.append((re.compile(rb"\b" + re.escape(prefix.encode())),
                          f"pytest-describe collects its `{prefix}` blocks"))
    return rules


def plugin_fixtures(pluginmanager) -> Dict[str, str]:
    """fixture name -> plugin name, for the native plugins this run would load."""
    known = pluginmanager._known()
    return {fixture: name for name, fixtures in NATIVE_PLUGINS.items() if name in known
            for fixture in fixtures}


def _package_location(name: str, pluginmanager) -> Optional[str]:
    """The directory (or file) of the top-level package plugin `name` comes from: pytest rewrites
    the asserts of an installed plugin's modules (pytest-mock's introspection of a failed
    assert_called_with is an assert of its own)."""
    module = dict(pluginmanager.plugin_modules()).get(name, name)
    path = _module_file(module.split(".")[0])
    return os.path.dirname(path) if path is not None and os.path.basename(path) == "__init__.py" else path


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
    others = sorted(hooks - NATIVE_HOOKS - _PLUGIN_HOOKS.get(name, frozenset()))
    if others or hasattr(module, "pytest_plugins"):
        return f"plugin {name} defines the pytest hook {others[0] if others else 'pytest_plugins'}"
    lacking = sorted(_PLUGIN_REQUIRED_HOOKS.get(name, frozenset()) - hooks)
    if lacking:
        return f"plugin {name} has no {lacking[0]}"
    register_conftest(module, config)
    registry.parse_holder(module, None)
    return None


class AnyioHooks:
    """anyio's pytest plugin, loaded natively (NATIVE_PLUGINS): its own hooks, called where pytest
    calls them. They run the tests and fixtures in the plugin's shared test runner, held while any
    test or fixture of a backend uses it. Its pytest_pycollect_makeitem is asked about test
    functions only (the native collector decides which names are tests); for its
    pytest_collection_finish see `anyio_expands`.
    """

    def __init__(self, module, config):
        self.fixture_setup = module.pytest_fixture_setup
        self.pyfunc_call = module.pytest_pyfunc_call
        self._makeitem = module.pytest_pycollect_makeitem
        self._config = config

    def function_collected(self, collector, name: str, obj) -> None:
        """The plugin's pytest_pycollect_makeitem for test function `obj` of `collector` (a module,
        class or describe block): a coroutine test it runs gets its `anyio_backend` fixture."""
        self._makeitem(collector=_TestFunctionCollector(collector, self._config), name=name, obj=obj)


class _TestFunctionCollector:
    """A native collector as the plugin's makeitem sees it, asked only about test functions."""

    def __init__(self, node, config):
        self._node = node
        self.config = config

    def istestfunction(self, obj, name) -> bool:
        return True

    def get_closest_marker(self, name: str, default=None):
        return self._node.get_closest_marker(name, default)



def anyio_expands(item) -> bool:
    """Whether anyio's pytest_collection_finish would replace `item` by one item per backend: an
    anyio-marked coroutine test that its makeitem did not take (a mark added by a hook or a
    parameter set). The native engine leaves that module to pytest."""
    return item.is_async and item.get_closest_marker("anyio") is not None and "anyio_backend" not in item.fixturenames
