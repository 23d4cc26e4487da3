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
import warnings
from typing import Callable, Dict, List, NamedTuple, Optional, Tuple

from .hooks import NativeParser, call_hook

class NativePlugin(NamedTuple):
    """What the native engine knows of an installed plugin it loads itself."""

    fixtures: frozenset  # the fixtures its module defines
    # its hooks the native engine calls where pytest would, beyond support.NATIVE_HOOKS, and those
    # of them it must define: a version defining another hook, or lacking one of these, goes to pytest
    hooks: frozenset = frozenset()
    required: frozenset = frozenset()
    # implementations of the plugin's own hook specs, which only its own code calls
    own_hooks_prefix: Optional[str] = None
    # loaded when a module needs it rather than before the first module (its pytest_configure
    # changes nothing another module sees)
    lazy: bool = False
    # why this run's options keep it from the native engine, or None
    refuses: Optional[Callable[[object], Optional[str]]] = None


def _benchmarks_measured(config) -> Optional[str]:
    """pytest-benchmark runs natively when it measures nothing (its fixture calls the function
    once, the plugin keeps no statistics and prints, saves and compares nothing): benchmarks
    disabled, or skipped and nothing to save."""
    option = config.getoption
    disabled = option("benchmark_disable") and not option("benchmark_enable")
    skipped = option("benchmark_skip") and not option("benchmark_only")
    if disabled or (skipped and not (option("benchmark_save") or option("benchmark_autosave") or option("benchmark_json"))):
        return None
    return "pytest-benchmark measures this run's benchmarks (its session's statistics)"


def _asyncio_runners_missing(config) -> Optional[str]:
    """pytest-asyncio's runner fixtures, which the native engine's asyncio items use (1.x)."""
    module = config.pluginmanager.get_plugin("asyncio")
    if module is not None and callable(getattr(module, "_function_scoped_runner", None)):
        return None
    return "this pytest-asyncio has no scoped runner fixtures"


# entry-point name -> the plugin
NATIVE_PLUGINS: Dict[str, NativePlugin] = {
    "pytest_mock": NativePlugin(frozenset({"mocker", "class_mocker", "module_mocker", "package_mocker",
                                           "session_mocker"})),
    "anyio": NativePlugin(
        frozenset({"anyio_backend", "anyio_backend_name", "anyio_backend_options", "free_tcp_port_factory",
                   "free_udp_port_factory", "free_tcp_port", "free_udp_port"}),
        hooks=frozenset({"pytest_fixture_setup", "pytest_pycollect_makeitem", "pytest_collection_finish",
                         "pytest_pyfunc_call"}),
        required=frozenset({"pytest_fixture_setup", "pytest_pycollect_makeitem", "pytest_pyfunc_call"}),
        lazy=True),
    # pytest-asyncio 1.x: its fixtures (a runner per loop scope, the loop factory, the autouse
    # policy: in every test's closure, as in pytest), its pytest_fixture_setup (an async fixture it
    # takes runs in its loop scope's runner; a failing fixture's error passes through it); what its
    # item classes do for the tests it takes, and its pytest_pyfunc_call's warnings, are
    # fixtures.asyncio_items and the engine's; its pytest_generate_tests acts only on loop
    # factories, from a hook a conftest implements (which sends its modules to pytest)
    "asyncio": NativePlugin(
        frozenset({"event_loop_policy", "_asyncio_loop_factory", "unused_tcp_port", "unused_udp_port",
                   "unused_tcp_port_factory", "unused_udp_port_factory"}
                  | {f"_{scope}_scoped_runner" for scope in ("function", "class", "module", "package", "session")}),
        hooks=frozenset({"pytest_fixture_setup", "pytest_pycollect_makeitem_convert_async_functions_to_subclass",
                         "pytest_generate_tests", "pytest_pyfunc_call"}),
        required=frozenset({"pytest_fixture_setup", "pytest_pycollect_makeitem_convert_async_functions_to_subclass"}),
        refuses=_asyncio_runners_missing),
    # its session (pytest_configure) reads its options; the fixture makes its BenchmarkFixture;
    # pytest_runtest_setup checks the `benchmark` mark; pytest_collection_modifyitems skips
    # benchmarks under --benchmark-skip; pytest_runtest_makereport tells the fixture a test was
    # skipped; pytest_sessionfinish and pytest_terminal_summary act on statistics, which a run
    # that measures nothing has none of
    "benchmark": NativePlugin(
        frozenset({"benchmark", "benchmark_weave"}),
        hooks=frozenset({"pytest_addhooks", "pytest_collection_modifyitems", "pytest_runtest_setup",
                         "pytest_runtest_makereport", "pytest_sessionfinish", "pytest_terminal_summary"}),
        required=frozenset({"pytest_configure", "pytest_collection_modifyitems", "pytest_runtest_setup",
                            "pytest_runtest_makereport"}),
        own_hooks_prefix="pytest_benchmark_", lazy=True, refuses=_benchmarks_measured),
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
    return {fixture: name for name, plugin in NATIVE_PLUGINS.items() if name in known
            for fixture in plugin.fixtures}


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
    plugin = NATIVE_PLUGINS[name]
    hooks = {attr for attr in dir(module) if attr.startswith("pytest_") and callable(getattr(module, attr, None))}
    others = sorted(hook for hook in hooks - NATIVE_HOOKS - plugin.hooks
                    if not (plugin.own_hooks_prefix and hook.startswith(plugin.own_hooks_prefix)))
    if others or hasattr(module, "pytest_plugins"):
        return f"plugin {name} defines the pytest hook {others[0] if others else 'pytest_plugins'}"
    lacking = sorted(plugin.required - hooks)
    if lacking:
        return f"plugin {name} has no {lacking[0]}"
    addoption = getattr(module, "pytest_addoption", None)
    if callable(addoption):
        call_hook(addoption, parser=NativeParser(config), pluginmanager=config.pluginmanager)
    refused = plugin.refuses(config) if plugin.refuses is not None else None
    if refused is not None:
        return refused
    configure = getattr(module, "pytest_configure", None)
    if callable(configure):
        with warnings.catch_warnings():  # pytest's warnings plugin records none from pytest_configure
            warnings.simplefilter("ignore")
            call_hook(configure, config=config)
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
