"""Static check: can the native engine run this module? (Used by `auto` to fall back to pytest.)

Reads the module and its conftest chain with `ast` (no import), once per file, and names the
first thing native lacks: a conftest hook, `pytest_plugins`, a plugin-owned mark, or a fixture
that neither the module, its conftests nor the builtins define.
"""
from __future__ import annotations

import ast
import hashlib
import json
import os
import re
import time
from typing import Callable, Dict, Iterator, Optional, Set

from .. import cache_fill
from .importer import conftest_paths
from .rewrite import offer_parsed

# Marks whose behaviour lives in plugins the native engine does not implement.
PLUGIN_MARKS = {
    "django_db", "benchmark", "flaky", "order", "run", "dependency", "anyio", "trio",
    "celery", "vcr", "block_network", "freeze_time", "httpx_mock", "respx", "repeat", "forked",
    "tornado", "gen_test", "twisted", "no_cover", "urls", "ignore_template_errors",
    "enable_socket", "disable_socket", "allow_hosts", "randomize", "random_order",
    "flaky_test", "rerun", "first", "last", "second_to_last", "incremental", "subtests",
    "time_machine",
}

# Conftest hooks the native engine calls itself (hooks.py), or leaves to the first worker's pytest
# session (pytest_report_header: worker.py starts one for the header's lines); also a
# conftest's pytest_generate_tests that never parametrizes (_generate_hook_only_reads; collect.py
# calls it) and the plain hooks of _PLAIN_HOOK_PARAMS. A conftest's pytest_terminal_summary sends
# its modules to the pytest engine, whose session runs it at the end (its text is printed).
NATIVE_HOOKS = {
    "pytest_addoption", "pytest_configure", "pytest_sessionstart", "pytest_itemcollected",
    "pytest_collection_modifyitems", "pytest_runtest_setup",
    "pytest_report_header", "pytest_ignore_collect",
}

# The modules that give a plugin mark its meaning. When none of them can be imported, pytest
# treats the mark as an inert (at most unknown) mark, and so can the native engine. Marks not
# listed here always send their module to pytest.
_MARK_PLUGINS = {
    "benchmark": ("pytest_benchmark",),
    # pytest-rerunfailures' flaky mark is fastest's own (reruns.py); the flaky package's is not.
    "flaky": ("flaky",),
    "order": ("pytest_order",), "run": ("pytest_ordering",), "dependency": ("pytest_dependency",),
    "repeat": ("pytest_repeat",), "forked": ("pytest_forked",), "vcr": ("pytest_recording", "pytest_vcr"),
    "freeze_time": ("pytest_freezegun", "pytest_freezer"), "httpx_mock": ("pytest_httpx",),
    "randomize": ("pytest_randomly", "random_order"), "random_order": ("random_order",),
    "rerun": ("pytest_rerunfailures",), "incremental": ("pytest_steps",),
    "time_machine": ("time_machine",),
}
_installed: Dict[str, bool] = {}


def _plugin_may_be_installed(mark: str) -> bool:
    modules = _MARK_PLUGINS.get(mark)
    if modules is None:
        return True
    if mark not in _installed:
        _installed[mark] = any(_importable(name) for name in modules)
    return _installed[mark]


# --- async tests and fixtures ------------------------------------------------------------------
# pytest 9 alone fails an `async def` test ("async def functions are not natively supported") and
# errors a test requesting an `async def` fixture (PytestRemovedIn9Warning, an error by default);
# the native engine does both itself. pytest-asyncio (1.x), when loaded, runs `asyncio`-marked
# tests (all coroutine tests in auto mode) and the async fixtures it takes (`@pytest_asyncio.fixture`,
# any in auto mode) in the asyncio.Runner of their loop scope: the native engine loads the plugin
# for such modules (plugins.NATIVE_PLUGINS: its runner fixtures and pytest_fixture_setup; the items
# it would make are fixtures.asyncio_items). What it does through its item classes or hooks beyond
# those (async generator and hypothesis tests, mark arguments besides `loop_scope`, loop factories,
# `is_async_test`, an overridden `event_loop_policy`) sends the module to pytest.

_ASYNC_TEST = "async test"
_ASYNC_GEN_TEST = "async generator test"
_ASYNC_GIVEN = "async hypothesis test"
_ASYNC_MARK_ARGS = "asyncio mark with arguments"
_ASYNC_WORDS = (("pytest_asyncio", "pytest_asyncio"), ("event_loop_policy", "event_loop_policy"),
                ("is_async_test", "is_async_test"), ("anyio_backend", "anyio_backend"),
                ("getfixturevalue", "getfixturevalue"))
# `mark.asyncio(...)` with anything but one literal loop_scope (its item class reads that one)
_ASYNCIO_MARK_CALL = re.compile(r"\bmark\.asyncio\(([^)]*)\)")
_LOOP_SCOPE_ONLY = re.compile(r"\s*(?:loop_scope\s*=\s*[\"'](?:function|class|module|package|session)[\"']\s*,?\s*)?")

# Plugins that may run async tests or fixtures without a plugin mark (anyio only acts through its
# `anyio_backend` fixture or mark, checked as facts instead).
_OTHER_ASYNC_PLUGINS = ("pytest_trio", "pytest_twisted", "pytest_tornasync", "pytest_tornado",
                        "pytest_aiohttp", "pytest_curio", "pytest_gevent", "pytest_aio")


class AsyncSetup:
    """What decides how async tests run: is pytest-asyncio loaded ("on", "off" or "unknown"), its
    mode, debug flag and default test loop scope, other async plugins that are installed, whether
    anyio's plugin may be loaded, in its auto mode, and the names pytest loads pytest-asyncio and
    anyio's plugin by when the native engine can load them itself (`asyncio_plugin`, `anyio_plugin`,
    set by the engine once it knows the plugins)."""

    __slots__ = ("asyncio", "mode", "debug", "test_loop_scope", "others", "anyio", "anyio_auto",
                 "asyncio_plugin", "anyio_plugin")

    def __init__(self, asyncio: str, mode: str = "strict", debug: bool = False,
                 test_loop_scope: str = "function", others: tuple = (), anyio: bool = False,
                 anyio_auto: bool = False):
        self.asyncio = asyncio
        self.mode = mode
        self.debug = debug
        self.test_loop_scope = test_loop_scope
        self.others = others
        self.anyio = anyio
        self.anyio_auto = anyio_auto
        self.asyncio_plugin: Optional[str] = None
        self.anyio_plugin: Optional[str] = None


def _importable(name: str) -> bool:
    import importlib.util
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return True  # cannot tell: assume it is there


def _major_version(package: str) -> int:
    """The major version of the installed package, from the `<name>-<version>.dist-info` next to
    it (importlib.metadata's lookup costs ~20 ms); -1 when it cannot be told."""
    import importlib.util
    try:
        spec = importlib.util.find_spec(package)
        locations = list(spec.submodule_search_locations or []) if spec is not None else []
        if not locations:
            return -1
        site = os.path.dirname(locations[0])
        prefix = package.lower() + "-"
        for name in os.listdir(site):
            if name.lower().startswith(prefix) and name.endswith(".dist-info"):
                return int(name[len(prefix):].split(".")[0])
    except (ImportError, ValueError, OSError):
        pass
    return -1


def autoloaded_plugin_entry_points() -> list:
    """The `pytest11` entry points pytest loads by itself (none under
    PYTEST_DISABLE_PLUGIN_AUTOLOAD); broken metadata raises, as it would in pytest."""
    if os.environ.get("PYTEST_DISABLE_PLUGIN_AUTOLOAD"):
        return []
    from importlib.metadata import entry_points

    found = entry_points()
    if hasattr(found, "select"):
        return list(found.select(group="pytest11"))
    return list(found.get("pytest11", ()))  # Python 3.9: a dict by group, no `group=`


def _plugin_args(args) -> list:
    """The NAMEs of `-p NAME` / `-pNAME` among the pytest args."""
    names = []
    for i, arg in enumerate(args):
        if arg == "-p" and i + 1 < len(args):
            names.append(args[i + 1])
        elif arg.startswith("-p") and len(arg) > 2 and not arg.startswith("--"):
            names.append(arg[2:])
    return names


def async_setup(config, args, environ=None) -> AsyncSetup:
    environ = os.environ if environ is None else environ
    plugins = _plugin_args(list(args or []))
    state = "off"
    if _importable("pytest_asyncio"):
        # The plugin's entry point is named "asyncio": `-p no:asyncio` blocks it.
        if "no:asyncio" in plugins:
            state = "off"
        elif environ.get("PYTEST_DISABLE_PLUGIN_AUTOLOAD"):
            # only an explicit -p or PYTEST_PLUGINS loads it then, and not every spelling does:
            # leave those to pytest
            named = plugins + environ.get("PYTEST_PLUGINS", "").split(",")
            state = "unknown" if any("asyncio" in name for name in named) else "off"
        else:
            # 1.x runs each loop scope in an asyncio.Runner, which the native engine copies; older
            # versions (an `event_loop` fixture, no task cancellation) are left to pytest
            state = "on" if _major_version("pytest_asyncio") >= 1 else "unknown"
    mode = str(config.getini("asyncio_mode") or "strict").strip()
    debug = str(config.getini("asyncio_debug") or "false").strip().lower() == "true"
    scope = str(config.getini("asyncio_default_test_loop_scope") or "function").strip()
    others = tuple(name for name in _OTHER_ASYNC_PLUGINS if _importable(name))
    anyio = "no:anyio" not in plugins and _importable("anyio")
    anyio_auto = anyio and _anyio_auto(config, list(args or []))
    return AsyncSetup(state, mode, debug, scope, others, anyio, anyio_auto)


def _anyio_auto(config, args) -> bool:
    """anyio's auto mode: its `--anyio-mode` (the last one given) or its `anyio_mode` ini value is
    "auto" (either is enough, as the plugin reads them)."""
    option = None
    for i, arg in enumerate(args):
        if arg == "--anyio-mode" and i + 1 < len(args):
            option = args[i + 1]
        elif arg.startswith("--anyio-mode="):
            option = arg.split("=", 1)[1]
    try:
        ini = config.getini("anyio_mode")
    except ValueError:  # an anyio without the mode: the key is not registered
        ini = None
    return option == "auto" or str(ini or "").strip() == "auto"


def _async_reason(rel: str, setup: AsyncSetup, async_facts: Set[str], async_fixtures: Set[str],
                  requested: Set[str], plugins_needed: Set[str]) -> Optional[str]:
    """Why async tests/fixtures of this module (`rel`, its conftest chain's facts merged) need
    pytest, or None; anyio's plugin and pytest-asyncio, when they run them natively, are added to
    `plugins_needed`."""
    uses_async = bool(async_facts & {_ASYNC_TEST, _ASYNC_GEN_TEST}) or bool(async_fixtures)
    # anyio's plugin runs only coroutine tests and fixtures: those of a test that uses its
    # `anyio_backend` fixture, or every coroutine test in its auto mode
    anyio = setup.anyio and uses_async and (setup.anyio_auto or "anyio_backend" in async_facts | requested
                                            or "anyio mark" in async_facts)
    if anyio:
        # pytest-asyncio's items (its mark, or every coroutine test in its auto mode) beside anyio's
        if setup.anyio_plugin is None or "asyncio mark" in async_facts or (
                setup.asyncio != "off" and setup.mode == "auto"):
            return f"{rel} uses anyio's pytest plugin (anyio_backend)"
        plugins_needed.add(setup.anyio_plugin)
    if uses_async and setup.others:
        return f"{rel} has async tests or fixtures and {setup.others[0]} is installed"
    if setup.asyncio == "off":
        return None
    if setup.asyncio == "unknown":
        if uses_async:
            return f"{rel} has async tests or fixtures; cannot tell whether pytest-asyncio is loaded"
        return None
    if setup.mode not in ("auto", "strict"):
        return f"asyncio_mode = {setup.mode!r} is not a valid mode (pytest-asyncio's error)"
    for fact in ("event_loop_policy", "is_async_test", _ASYNC_MARK_ARGS, _ASYNC_GEN_TEST, _ASYNC_GIVEN):
        # (in strict mode pytest-asyncio leaves an unmarked @given coroutine to anyio)
        if fact in async_facts and not (fact == _ASYNC_GIVEN and anyio):
            return f"{rel} uses pytest-asyncio ({fact})"
    # its items (marked coroutine tests, every one in auto mode) and the fixtures it takes
    if uses_async or "pytest_asyncio" in async_facts or "asyncio mark" in async_facts:
        if setup.asyncio_plugin is None:
            return f"{rel} uses pytest-asyncio, which the native engine cannot load here"
        plugins_needed.add(setup.asyncio_plugin)
    return None


_parsed: Dict[str, "_FileFacts"] = {}

# argnames of parametrize(...): the first argument, a string or a list/tuple of strings
_PARAMETRIZE = re.compile(r"parametrize\(\s*(?:argnames\s*=\s*)?(\"[^\"]*\"|'[^']*'|[\[(][^\])]*[\])])")
_USEFIXTURES = re.compile(r"usefixtures\(([^)]*)\)")
_GETFIXTUREVALUE = re.compile(r"getfixturevalue\(\s*[\"']([^\"']+)[\"']")
_MARK = re.compile(r"\bmark\.(\w+)")
_STRING = re.compile(r"\"([^\"]*)\"|'([^']*)'")


class _FileFacts:
    _SETS = ("fixtures", "requested", "autouse", "param_names", "hooks", "marks", "async_fixtures",
             "async_facts", "imports", "block_names", "nested_fixtures", "nested_requested",
             "nested_async_fixtures", "nested_async_facts")

    def __init__(self):
        self.fixtures: Set[str] = set()       # fixture names defined
        self.requested: Set[str] = set()      # names requested by tests/usefixtures/getfixturevalue
        # what each fixture defined here requests (needed only when the fixture is), and the
        # autouse ones
        self.fixture_args: Dict[str, Set[str]] = {}
        self.autouse: Set[str] = set()
        self.param_names: Set[str] = set()    # argnames given by parametrize
        self.hooks: Set[str] = set()          # def pytest_* at module level
        self.plugins = False                  # pytest_plugins = ...
        self.marks: Set[str] = set()
        self.async_fixtures: Set[str] = set()  # fixtures defined with `async def`
        self.async_facts: Set[str] = set()     # _ASYNC_* below: what else the async rules need
        # top-level `from X import a, b` as "LEVEL:X" and "LEVEL:X.a", ...: the modules whose
        # classes (and fixtures) the file may take in by name (`_imported_fixtures`)
        self.imports: Set[str] = set()
        # What pytest-describe would collect (its prefixes: _block_prefixes): the top-level blocks
        # (and every top-level function of a module sharing behaviours), and, merged over all of
        # them and their nested blocks, what their fixtures define and their tests request;
        # static_check counts them only when a prefix names one of the blocks
        self.block_names: Set[str] = set()
        self.nested_fixtures: Set[str] = set()
        self.nested_requested: Set[str] = set()
        self.nested_async_fixtures: Set[str] = set()
        self.nested_async_facts: Set[str] = set()
        self.stamp: Optional[tuple] = None    # (mtime_ns, size) of the file these facts are of
        self.digest = ""                      # of its content: a checkout gives every file a new mtime

    def to_json(self) -> dict:
        data: Dict[str, object] = {name: sorted(getattr(self, name)) for name in self._SETS}
        data["fixture_args"] = {name: sorted(args) for name, args in self.fixture_args.items()}
        data["plugins"] = self.plugins
        data["stamp"] = list(self.stamp or ())
        data["digest"] = self.digest
        return data

    @classmethod
    def from_json(cls, data: dict) -> "_FileFacts":
        facts = cls()
        for name in cls._SETS:
            setattr(facts, name, set(data[name]))
        facts.fixture_args = {str(name): set(args) for name, args in data["fixture_args"].items()}
        facts.plugins = bool(data["plugins"])
        facts.stamp = tuple(data["stamp"])
        facts.digest = str(data["digest"])
        return facts


# The facts persist across runs in the worker cache (.fastest/native-facts-<worker>.json): parsing
# every module with `ast` on every run cost ~3 ms a module, more than running its tests. Each
# worker writes its own file (workers close together: a shared file would lose entries) and
# every worker reads them all.
_FACTS_VERSION = 14
_facts_file: Optional[str] = None
_facts_dirty = False
# pytest-describe's prefixes when the native engine collects its blocks: which nested functions are
# blocks, whose functions the facts count (`visit_block`); facts made with others are not used.
_block_prefixes: tuple = ()


# A first run: every worker checks every module of the run (each imports them all), so each parsed
# every module for its facts. Now the facts of a module parsed for the first time go to
# .fastest/facts-shared/ (a file a module, named by its path, holding its digest), where the other
# workers find them; a worker rewriting its share of a first run's modules ahead of the run
# (facts_ahead) writes them from the tree it rewrites.
_shared_dir: Optional[str] = None


def load_facts_cache(cache_dir: str, worker_id: int = 0, describe_prefixes: tuple = ()) -> None:
    global _facts_file, _block_prefixes, _shared_dir
    _block_prefixes = tuple(describe_prefixes)
    _facts_file = os.path.join(cache_dir, "native-facts-%d.json" % worker_id)
    _shared_dir = os.path.join(cache_dir, "facts-shared")
    try:
        names = [n for n in os.listdir(cache_dir) if n.startswith("native-facts-") and n.endswith(".json")]
    except OSError:
        return
    for name in names:
        try:
            with open(os.path.join(cache_dir, name), encoding="utf-8") as fh:
                data = json.load(fh)
            if data.get("version") != _FACTS_VERSION or data.get("describePrefixes") != list(_block_prefixes):
                continue
            for path, entry in data["files"].items():
                _parsed.setdefault(path, _FileFacts.from_json(entry))
        except (OSError, ValueError, KeyError, TypeError):
            continue  # missing or corrupt: rebuilt as modules are checked


def save_facts_cache() -> None:
    """Writes this worker's facts (its own and those it loaded) to its own cache file."""
    global _facts_dirty
    if not _facts_dirty or _facts_file is None:
        return
    files = {path: facts.to_json() for path, facts in _parsed.items() if facts.stamp is not None}
    tmp = "%s.%d.tmp" % (_facts_file, os.getpid())
    try:
        os.makedirs(os.path.dirname(_facts_file), exist_ok=True)
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump({"version": _FACTS_VERSION, "describePrefixes": list(_block_prefixes), "files": files}, fh)
        os.replace(tmp, _facts_file)
        _facts_dirty = False
    except OSError:
        pass


def _strings(text: str) -> list:
    return [a or b for a, b in _STRING.findall(text)]


def _decorator_name(dec: ast.AST) -> str:
    node = dec.func if isinstance(dec, ast.Call) else dec
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
    return ".".join(reversed(parts))


def _fixture_name(dec: ast.AST, default: str) -> Optional[str]:
    name = _decorator_name(dec)
    if not (name.endswith("fixture") or name.endswith("yield_fixture")):
        return None
    if isinstance(dec, ast.Call):
        for kw in dec.keywords:
            if kw.arg == "name" and isinstance(kw.value, ast.Constant) and isinstance(kw.value.value, str):
                return kw.value.value
    return default


def _is_autouse(func: ast.AST) -> bool:
    for dec in func.decorator_list:
        if isinstance(dec, ast.Call):
            for kw in dec.keywords:
                if kw.arg == "autouse" and not (isinstance(kw.value, ast.Constant) and not kw.value.value):
                    return True
    return False


def _yields(func: ast.AST) -> bool:
    """The function's own body (not nested functions) yields: an async generator."""
    stack = list(func.body)
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.Yield, ast.YieldFrom)):
            return True
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            continue
        stack.extend(ast.iter_child_nodes(node))
    return False


def _generate_hook_only_reads(func: ast.AST) -> bool:
    """Whether a conftest's pytest_generate_tests can be called by the native engine: a plain
    (undecorated) function that never parametrizes. Its metafunc is only read, as `metafunc.attr`
    other than `parametrize`, never passed on or aliased; so the order pytest calls it in,
    relative to the fixtures' and marks' parametrization (which depends on when pytest registered
    the conftest), cannot change an id. Such hooks are there for their side effects (ninja's
    sets an environment variable) or to read what the function asks for."""
    if func.decorator_list or not isinstance(func, ast.FunctionDef):
        return False
    params = [a.arg for a in func.args.posonlyargs + func.args.args + func.args.kwonlyargs]
    if func.args.vararg or func.args.kwarg or params not in ([], ["metafunc"]):
        return False
    reads = set()
    for node in ast.walk(func):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "metafunc":
            if node.attr == "parametrize" or not isinstance(node.ctx, ast.Load):
                return False
            reads.add(id(node.value))
    return all(id(node) in reads for node in ast.walk(func)
               if isinstance(node, ast.Name) and node.id == "metafunc")


# Hooks the engine calls itself when a conftest defines them as plain functions naming only these
# parameters: pytest_collection before the first module is imported (only the initial conftests',
# as pytest), pytest_collection_finish after the collection pass, pytest_runtest_teardown before
# the test's fixtures are torn down (packaging's conftest: gc.disable/freeze around collection, a
# cache cleared after each test). The session's collected items (which differ per worker) and the
# next item (beyond a unit's end) are not given, so hooks naming them stay pytest's.
_PLAIN_HOOK_PARAMS = {"pytest_collection": (), "pytest_collection_finish": (),
                      "pytest_runtest_teardown": ("item",)}


def _plain_hook_called_natively(func: ast.AST) -> bool:
    allowed = _PLAIN_HOOK_PARAMS.get(getattr(func, "name", ""))
    if allowed is None or func.decorator_list or not isinstance(func, ast.FunctionDef):
        return False
    args = func.args
    if args.vararg or args.kwarg or not {a.arg for a in args.posonlyargs + args.args + args.kwonlyargs} <= set(allowed):
        return False
    # pytest_collection is firstresult: a value returned ends pytest's own collection
    return func.name != "pytest_collection" or not _returns_value(func)


def _returns_value(func: ast.AST) -> bool:
    stack = list(ast.iter_child_nodes(func))
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Return) and node.value is not None and not (
                isinstance(node.value, ast.Constant) and node.value.value is None):
            return True
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            continue
        stack.extend(ast.iter_child_nodes(node))
    return False


def _argnames(func: ast.AST, is_method: bool) -> list:
    args = func.args
    positional = args.posonlyargs + args.args
    n_defaults = len(args.defaults)
    required = positional[:len(positional) - n_defaults] if n_defaults else positional
    names = [a.arg for a in required]
    if is_method and names and not any(_decorator_name(d) == "staticmethod" for d in func.decorator_list):
        names = names[1:]
    names += [a.arg for a, d in zip(args.kwonlyargs, args.kw_defaults) if d is None]
    return names


def _without_given(func: ast.AST, names: list) -> list:
    """Drop the arguments hypothesis's @given supplies (by keyword, or the rightmost positional
    ones for positional strategies): its wrapper hides them from pytest's signature."""
    for dec in func.decorator_list:
        if isinstance(dec, ast.Call) and _decorator_name(dec).split(".")[-1] == "given":
            given = {kw.arg for kw in dec.keywords if kw.arg}
            names = [n for n in names if n not in given]
            if dec.args:
                names = names[:max(len(names) - len(dec.args), 0)]
    return names


def _mock_patch_args(decorators) -> int:
    """How many leading arguments `mock.patch` / `mock.patch.object` decorators supply (pytest's
    num_mock_patch_args: each patching without `new`; `patch.dict` and `patch.multiple` supply
    none by position)."""
    count = 0
    for dec in decorators:
        if not isinstance(dec, ast.Call):
            continue
        name = _decorator_name(dec)
        if name == "patch" or name.endswith(".patch"):
            positional_new = 2
        elif name == "patch.object" or name.endswith(".patch.object"):
            positional_new = 3
        else:
            continue
        if len(dec.args) < positional_new and not any(kw.arg == "new" for kw in dec.keywords):
            count += 1
    return count


def _without_mock_args(func: ast.AST, names: list, class_patches: int) -> list:
    """Drop the arguments mock.patch decorators on the function (and on its class, for `test*`
    methods, as patch decorates them) supply: pytest's getfuncargnames leaves them out."""
    supplied = _mock_patch_args(func.decorator_list) + class_patches
    return names[supplied:]


def _parametrize_names(call: ast.Call) -> Set[str]:
    names: Set[str] = set()
    if call.args:
        first = call.args[0]
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            names.update(n.strip() for n in first.value.split(",") if n.strip())
        elif isinstance(first, (ast.List, ast.Tuple)):
            names.update(e.value for e in first.elts
                         if isinstance(e, ast.Constant) and isinstance(e.value, str))
    for kw in call.keywords:
        if kw.arg == "argnames" and isinstance(kw.value, ast.Constant) and isinstance(kw.value.value, str):
            names.update(n.strip() for n in kw.value.value.split(",") if n.strip())
    return names


def _argnames_given_by_caller(call: ast.Call) -> bool:
    """`parametrize(parameter, ...)`: argnames in a variable, as in a helper that builds the mark
    for a decorator (jinja's `mark_dualiter("articles", make_articles)`)."""
    first = call.args[0] if call.args else next((kw.value for kw in call.keywords if kw.arg == "argnames"), None)
    return isinstance(first, ast.Name)


def _decorator_string_args(tree: ast.Module) -> Set[str]:
    """The names a decorator call's first string argument gives (`@helper("a, b", ...)`), on the
    module's functions and methods: where the module parametrizes through a helper, these are
    the argnames it may pass on."""
    names: Set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            for dec in node.decorator_list:
                if isinstance(dec, ast.Call) and dec.args and isinstance(dec.args[0], ast.Constant) \
                        and isinstance(dec.args[0].value, str):
                    names.update(n.strip() for n in dec.args[0].value.split(",") if n.strip())
    return names


def _statements_mentioning(tree: ast.Module, text: str, word: str) -> list:
    """The top-level statements whose lines (decorators included) contain `word`: a call to
    `...word(...)` names it in its own text, so only these can hold one, and walking them
    instead of the whole module saves most of the walk (~2.5 ms for a 100-test module)."""
    if word not in text:
        return []
    lines = [number for number, line in enumerate(text.splitlines(), 1) if word in line]
    found = []
    for stmt in tree.body:
        first = stmt.lineno
        for dec in getattr(stmt, "decorator_list", ()):
            first = min(first, dec.lineno)
        last = getattr(stmt, "end_lineno", None) or first
        if any(first <= number <= last for number in lines):
            found.append(stmt)
    return found


def _facts(path: str, is_conftest: bool) -> _FileFacts:
    global _facts_dirty
    try:
        st = os.stat(path)
        stamp = (st.st_mtime_ns, st.st_size)
    except OSError:
        stamp = (0, 0)
    cached = _parsed.get(path)
    if cached is not None and cached.stamp == stamp:
        return cached
    with open(path, "rb") as fh:
        source = fh.read()
    digest = _content_digest(source)
    if cached is not None and cached.digest == digest:
        cached.stamp = stamp
        _facts_dirty = True
        return cached
    shared = _shared_facts(path, is_conftest, digest)
    if shared is not None:
        shared.stamp = stamp
        _parsed[path] = shared
        _facts_dirty = True
        return shared
    started = time.process_time()
    try:
        facts = _parse_facts(path, is_conftest, stamp, source, digest)
    finally:
        cache_fill.add(started)
    if _shared_dir is not None:
        _share_facts(_shared_dir, path, is_conftest, facts)
    return facts


def _content_digest(source: bytes) -> str:
    return hashlib.blake2b(source, digest_size=16).hexdigest()


def _shared_file(shared_dir: str, path: str) -> str:
    return os.path.join(shared_dir, hashlib.blake2b(os.fsencode(os.path.abspath(path)), digest_size=12).hexdigest() + ".json")


def _shared_facts(path: str, is_conftest: bool, digest: str) -> Optional[_FileFacts]:
    """The facts another worker shared of this content of `path`, made with the same rules."""
    if _shared_dir is None:
        return None
    try:
        with open(_shared_file(_shared_dir, path), encoding="utf-8") as fh:
            data = json.load(fh)
        if (data.get("version") != _FACTS_VERSION or data.get("digest") != digest
                or data.get("describePrefixes") != list(_block_prefixes) or data.get("conftest") != is_conftest):
            return None
        return _FileFacts.from_json(data["facts"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None  # none yet, or another worker's half-written file: parsed here


def _share_facts(shared_dir: str, path: str, is_conftest: bool, facts: _FileFacts) -> None:
    target = _shared_file(shared_dir, path)
    tmp = "%s.%d.tmp" % (target, os.getpid())
    data = {"version": _FACTS_VERSION, "digest": facts.digest, "conftest": is_conftest,
            "describePrefixes": list(_block_prefixes), "facts": facts.to_json()}
    try:
        os.makedirs(shared_dir, exist_ok=True)
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(data, fh)
        os.replace(tmp, target)
    except OSError:
        pass


def facts_ahead(path: str, cache_dir: str) -> None:
    """Before the run's configuration is known (load_facts_cache not called yet: no describe
    prefixes, so facts made with others are not used): the facts of `path` from one parse, shared
    for the workers that check it, with the tree offered to its rewrite. Not kept in this
    worker's own facts."""
    started = time.process_time()
    try:
        with open(path, "rb") as fh:
            source = fh.read()
        is_conftest = os.path.basename(path) == "conftest.py"
        facts = _facts_from_source(path, source, is_conftest)
    except (OSError, SyntaxError, ValueError, RecursionError):
        return  # the module's own check reports it
    finally:
        cache_fill.add(started)
    facts.digest = _content_digest(source)
    _share_facts(os.path.join(cache_dir, "facts-shared"), path, is_conftest, facts)


def _record_fixture(func: ast.AST, name: str, in_class: bool, fixtures: Set[str], requested: Set[str],
                    async_fixtures: Set[str], fixture_args: Optional[Dict[str, Set[str]]] = None, autouse: Optional[Set[str]] = None) -> None:
    """A fixture definition's facts: its name, what it requests (under its name in
    `fixture_args` when given, else among `requested`), whether it is autouse, async."""
    fixtures.add(name)
    if fixture_args is not None:
        fixture_args.setdefault(name, set()).update(_argnames(func, in_class))
    else:
        requested.update(_argnames(func, in_class))
    if autouse is not None and _is_autouse(func):
        autouse.add(name)
    if isinstance(func, ast.AsyncFunctionDef):
        async_fixtures.add(name)


def _record_test(func: ast.AST, in_class: bool, class_patches: int, requested: Set[str], async_facts: Set[str]) -> None:
    """A test function's facts: the fixtures it requests, what kind of async test it is."""
    names = _without_mock_args(func, _argnames(func, in_class), class_patches)
    requested.update(_without_given(func, names))
    if isinstance(func, ast.AsyncFunctionDef):
        async_facts.add(_ASYNC_TEST)
        if _yields(func):
            async_facts.add(_ASYNC_GEN_TEST)
        if any(_decorator_name(d).split(".")[-1] == "given" for d in func.decorator_list):
            async_facts.add(_ASYNC_GIVEN)


def _parse_facts(path: str, is_conftest: bool, stamp: "tuple[int, int]", source: bytes, digest: str) -> _FileFacts:
    global _facts_dirty
    facts = _facts_from_source(path, source, is_conftest)
    facts.stamp = stamp
    facts.digest = digest
    _facts_dirty = True
    _parsed[path] = facts
    return facts


def _facts_from_source(path: str, source: bytes, is_conftest: bool) -> _FileFacts:
    tree = ast.parse(source, filename=path)
    if not is_conftest:
        offer_parsed(path, source, tree)  # read only here, then rewritten on import
    return _facts_of_tree(tree, source, is_conftest)


def _unconditional(body: list) -> Iterator[ast.stmt]:
    """The statements of `body`, with those of the `if`, `try` and `with` blocks in it: a function
    defined there is the module's (or class's) when that branch runs, as pytest collects it
    (hpack's conftest defines its fixtures under `if os.path.isdir(...)`)."""
    for stmt in body:
        if isinstance(stmt, ast.If):
            yield from _unconditional(stmt.body)
            yield from _unconditional(stmt.orelse)
        elif isinstance(stmt, (ast.Try, getattr(ast, "TryStar", ast.Try))):
            yield from _unconditional(stmt.body)
            for handler in stmt.handlers:
                yield from _unconditional(handler.body)
            yield from _unconditional(stmt.orelse)
            yield from _unconditional(stmt.finalbody)
        elif isinstance(stmt, (ast.With, ast.AsyncWith)):
            yield from _unconditional(stmt.body)
        else:
            yield stmt


def _facts_of_tree(tree: ast.Module, source: bytes, is_conftest: bool) -> _FileFacts:
    facts = _FileFacts()

    for stmt in _unconditional(tree.body):
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)) and stmt.name.startswith("pytest_"):
            if is_conftest and stmt.name == "pytest_generate_tests" and _generate_hook_only_reads(stmt):
                pass  # collect.py calls it per function, as pytest does
            elif is_conftest and _plain_hook_called_natively(stmt):
                pass  # engine.py calls it where pytest does
            elif is_conftest or stmt.name != "pytest_generate_tests":
                if any("wrapper" in ast.dump(dec) for dec in stmt.decorator_list):
                    facts.hooks.add(stmt.name + " as a hook wrapper")
                else:
                    facts.hooks.add(stmt.name)
        if isinstance(stmt, ast.ImportFrom):
            base = "%d:%s" % (stmt.level, stmt.module or "")
            facts.imports.add(base)
            facts.imports.update("%s%s%s" % (base, "." if stmt.module else "", alias.name)
                                 for alias in stmt.names if alias.name != "*")
        if isinstance(stmt, (ast.Assign, ast.AnnAssign)):
            targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
            if any(isinstance(t, ast.Name) and t.id == "pytest_plugins" for t in targets):
                facts.plugins = True

    # a top-level function `behaves_like` names is a shared behaviour: its tests run in the blocks
    # that use it
    shares_behaviours = b"behaves_like" in source

    def visit(body, in_class: bool, class_patches: int = 0) -> None:
        for stmt in _unconditional(body):
            if isinstance(stmt, ast.ClassDef):
                visit(stmt.body, True, class_patches + _mock_patch_args(stmt.decorator_list))
            elif isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
                fixture = None
                for dec in stmt.decorator_list:
                    fixture = fixture or _fixture_name(dec, stmt.name)
                if fixture is None and not in_class and _block_prefixes and (
                        stmt.name.startswith(_block_prefixes) or shares_behaviours):
                    visit_block(stmt.body)
                    facts.block_names.add(stmt.name)
                if fixture is not None:
                    _record_fixture(stmt, fixture, in_class, facts.fixtures, facts.requested,
                                    facts.async_fixtures, facts.fixture_args, facts.autouse)
                elif stmt.name.startswith("test") or in_class:
                    if not stmt.name.startswith(("setup", "teardown", "setUp", "tearDown", "_")):
                        if stmt.name.startswith("test"):
                            _record_test(stmt, in_class, class_patches, facts.requested, facts.async_facts)

    def visit_block(body) -> None:
        """Facts of the functions defined in a describe block's `body` and in its nested blocks
        (functions named by a prefix: `_block_prefixes`)."""
        for stmt in body:
            if not isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            fixture = None
            for dec in stmt.decorator_list:
                fixture = fixture or _fixture_name(dec, stmt.name)
            if fixture is not None:
                _record_fixture(stmt, fixture, False, facts.nested_fixtures, facts.nested_requested,
                                facts.nested_async_fixtures)
            elif _block_prefixes and stmt.name.startswith(_block_prefixes):
                visit_block(stmt.body)
            elif not stmt.name.startswith("_"):
                _record_test(stmt, False, 0, facts.nested_requested, facts.nested_async_facts)

    visit(tree.body, False)

    text = source.decode("utf-8", "replace")
    dynamic_argnames = False
    for stmt in _statements_mentioning(tree, text, "parametrize"):
        for node in ast.walk(stmt):  # argnames the regex misses (implicitly joined strings)
            if isinstance(node, ast.Call) and _decorator_name(node).split(".")[-1] == "parametrize":
                facts.param_names |= _parametrize_names(node)
                dynamic_argnames = dynamic_argnames or _argnames_given_by_caller(node)
    if dynamic_argnames:
        facts.param_names |= _decorator_string_args(tree)
    for match in _PARAMETRIZE.finditer(text):
        facts.param_names.update(name.strip() for literal in _strings(match.group(1))
                                 for name in literal.split(",") if name.strip())
    for match in _USEFIXTURES.finditer(text):
        facts.requested.update(_strings(match.group(1)))
    facts.requested.update(_GETFIXTUREVALUE.findall(text))
    facts.marks.update(_MARK.findall(text))
    for word, fact in _ASYNC_WORDS:
        if word in text:
            facts.async_facts.add(fact)
    if any(not _LOOP_SCOPE_ONLY.fullmatch(args) for args in _ASYNCIO_MARK_CALL.findall(text)):
        facts.async_facts.add(_ASYNC_MARK_ARGS)
    return facts


# Marks pytest itself registers (pytest --markers without plugins).
PYTEST_MARKS = frozenset({"filterwarnings", "skip", "skipif", "xfail", "parametrize", "usefixtures",
                          "tryfirst", "trylast"})


def _plugin_reason(facts: _FileFacts, rel: str) -> Optional[str]:
    """What of the file only pytest's plugin manager handles: a hook the native engine does not
    call, or `pytest_plugins`."""
    hooks = facts.hooks - NATIVE_HOOKS
    if hooks:
        return f"{rel} defines the pytest hook {sorted(hooks)[0]}"
    if facts.plugins:
        return f"{rel} sets pytest_plugins"
    return None


def conftest_facts(path: str) -> _FileFacts:
    """What the static reading found in the conftest at `path` (hooks, pytest_plugins)."""
    return _facts(path, True)


def conftest_reason(rootdir: str, path: str) -> Optional[str]:
    """Why the conftest at `path` is pytest's to import (the modules below it run in the pytest
    engine), or None."""
    return _plugin_reason(_facts(path, True), os.path.relpath(path, rootdir).replace(os.sep, "/"))


_imported_files: Dict[tuple, Optional[str]] = {}


def _imported_file(rootdir: str, importer: str, spec: str) -> Optional[str]:
    """`_find_imported_file`, once per importing directory and spec: the modules of a package
    import the same names over and over (graphql-core's walk asked 52,213 times for 1,796 pairs,
    2.1 s of each worker's CPU in `stat`)."""
    key = (rootdir, os.path.dirname(importer), spec)
    if key not in _imported_files:
        _imported_files[key] = _find_imported_file(rootdir, importer, spec)
    return _imported_files[key]


def _find_imported_file(rootdir: str, importer: str, spec: str) -> Optional[str]:
    """The file below `rootdir` that `from X import ...` in `importer` names (spec "LEVEL:X"):
    relative to the importer's package for a relative import, else looked for from the
    importer's directory up to the rootdir and in rootdir/src, as prepend and rootdir-relative
    sys.path entries find it. A guess that only decides the engine: the run checks it."""
    level_text, _, dotted = spec.partition(":")
    level = int(level_text)
    parts = [part for part in dotted.split(".") if part]
    if level:
        bases = [os.path.dirname(importer)]
        for _ in range(level - 1):
            bases = [os.path.dirname(bases[0])]
    else:
        bases = []
        base = os.path.dirname(importer)
        while base == rootdir or base.startswith(rootdir + os.sep):
            bases.append(base)
            base = os.path.dirname(base)
        bases.append(os.path.join(rootdir, "src"))
    for base in bases:
        stem = os.path.join(base, *parts)
        for candidate in (stem + ".py", os.path.join(stem, "__init__.py")):
            if candidate.startswith(rootdir + os.sep) and os.path.isfile(candidate):
                return candidate
    return None


def _imported_fixtures(rootdir: str, path: str, depth: int = 4) -> Set[str]:
    """The fixtures defined in the project files `path` imports from, and in theirs, `depth`
    levels down: a test class can inherit fixture methods from a class of another test module
    (itsdangerous' TestTimedSerializer(TestSerializer)), and a module can import a fixture by
    name. Both reach pytest's collection, and the native engine's, through the module's names."""
    found: Set[str] = set()
    seen = {path}
    frontier = [path]
    imports_of = {path: _facts(path, False).imports}
    for _ in range(depth):
        following = []
        for importer in frontier:
            for spec in imports_of[importer]:
                target = _imported_file(rootdir, importer, spec)
                if target is None or target in seen:
                    continue
                seen.add(target)
                try:
                    imports_of[target], fixtures = _imports_and_fixtures(target)
                except (OSError, SyntaxError, ValueError):
                    continue  # its import fails the module's collection, natively as in pytest
                found |= fixtures
                following.append(target)
        frontier = following
    return found


# A top-level `from X import ...` (at the start of a line: a statement of the module's own body),
# its names to the closing parenthesis or the line's end (backslash continuations included).
_SPACE = r"(?:[ \t]|\\\r?\n)"
_FROM_IMPORT = re.compile(r"^from{0}+(\.*){0}*([\w.]*){0}*import\b{0}*(\((?:[^)#]|#[^\n]*)*\)|(?:[^\n\\]|\\\r?\n)*)".format(_SPACE), re.M)
# The key of a module's text-read imports among the kept facts (a `_FileFacts` with only `imports`).
_IMPORTS_ONLY = "imports-only:"


def _imports_and_fixtures(path: str) -> tuple:
    """What `_imported_fixtures` needs of a module it reaches: its `_FileFacts.imports` and
    fixtures. A fixture is only ever made by a decorator whose name ends in `fixture`, so a module
    whose text never says it (a package's modules: graphql-core's tests reach its 151) defines
    none, and its imports are read from its text instead of a parse (~5 ms a module, in every
    worker of a first run); kept with the facts. The others, and conftest files, take their
    parsed facts."""
    global _facts_dirty
    is_conftest = os.path.basename(path) == "conftest.py"
    if is_conftest or path in _parsed:
        facts = _facts(path, is_conftest)
        return facts.imports, facts.fixtures | facts.param_names
    st = os.stat(path)
    stamp = (st.st_mtime_ns, st.st_size)
    key = _IMPORTS_ONLY + path
    kept = _parsed.get(key)
    if kept is not None and kept.stamp == stamp:
        return kept.imports, set()
    with open(path, "rb") as fh:
        source = fh.read()
    if b"fixture" in source or b"parametrize" in source:
        facts = _facts(path, False)
        return facts.imports, facts.fixtures | facts.param_names
    digest = _content_digest(source)
    if kept is None or kept.digest != digest:
        kept = _FileFacts()
        kept.digest = digest
        for match in _FROM_IMPORT.finditer(source.decode("utf-8", "replace")):
            base = "%d:%s" % (len(match.group(1)), match.group(2))
            kept.imports.add(base)
            names = re.sub(r"#[^\n]*|\\\r?\n|[()]", " ", match.group(3)).split(";")[0]
            for item in names.split(","):
                name = item.split()[0] if item.split() else ""
                if name and name != "*":
                    kept.imports.add("%s%s%s" % (base, "." if match.group(2) else "", name))
        _parsed[key] = kept
    kept.stamp = stamp
    _facts_dirty = True
    return kept.imports, set()


def static_check(rootdir: str, relfile: str, builtin_fixtures: Set[str],
                 registered_marks: Optional[Set[str]] = None,
                 asyncs: Optional[AsyncSetup] = None, missing_fixtures: bool = True,
                 coverage: bool = True, plugin_fixtures: Optional[Callable[[], Dict[str, str]]] = None,
                 plugins_needed: Optional[Set[str]] = None, describe_prefixes: tuple = ()) -> Optional[str]:
    """Why this module must run under the pytest engine, or None.

    ``missing_fixtures``: a fixture nobody defines is a reason (auto: a plugin only pytest loads
    may define it); under --engine native it is not: the test errors at setup, as in pytest.

    ``coverage``: whether the run measures coverage; without it pytest-cov's `no_cover` mark does
    nothing in pytest either (dateutil's conftest adds it to every xfail test), so it is no reason.

    ``plugin_fixtures`` (called only when a fixture is missing) maps the fixtures of the plugins
    the native engine loads itself (plugins.py) to their plugin; the plugins the module needs are
    added to ``plugins_needed``.

    ``describe_prefixes``: pytest-describe's, when the native engine collects its blocks; the
    fixtures and requests of a module's nested functions then count as well.

    ``registered_marks`` is given under --strict-markers: a mark outside it and pytest's own might
    be registered by a plugin or a conftest's pytest_configure, which only pytest knows, and is
    otherwise an error pytest reports itself. ``asyncs`` (from `async_setup`) enables the async
    rules (`_async_reason`).
    """
    path = os.path.join(rootdir, relfile)
    chain = [(p, True) for p in conftest_paths(rootdir, path)] + [(path, False)]
    defined: Set[str] = set(builtin_fixtures) | {"request"}
    requested: Set[str] = set()
    fixture_args: Dict[str, Set[str]] = {}
    params: Set[str] = set()
    generates = False
    async_facts: Set[str] = set()
    async_fixtures: Set[str] = set()
    for file, is_conftest in chain:
        facts = _facts(file, is_conftest)
        rel = os.path.relpath(file, rootdir).replace(os.sep, "/")
        reason = _plugin_reason(facts, rel)
        if reason is not None:
            return reason
        plugin_marks = {m for m in facts.marks & PLUGIN_MARKS if _plugin_may_be_installed(m)}
        if not coverage:
            plugin_marks.discard("no_cover")
        if "anyio" in plugin_marks and asyncs is not None and asyncs.anyio_plugin is not None:
            plugin_marks.discard("anyio")  # the async rules below decide
            async_facts.add("anyio mark")
        if plugin_marks:
            return f"{rel} uses the plugin mark '{sorted(plugin_marks)[0]}'"
        if registered_marks is not None:
            unregistered = facts.marks - registered_marks - PYTEST_MARKS
            if unregistered:
                return f"{rel} uses the mark '{sorted(unregistered)[0]}', not in `markers`, under --strict-markers"
        defined |= facts.fixtures
        requested |= facts.requested | facts.autouse
        for name, args in facts.fixture_args.items():
            fixture_args.setdefault(name, set()).update(args)
        if describe_prefixes and not is_conftest and any(name.startswith(describe_prefixes) for name in facts.block_names):
            defined |= facts.nested_fixtures
            requested |= facts.nested_requested
            async_facts |= facts.nested_async_facts
            async_fixtures |= facts.nested_async_fixtures
        params |= facts.param_names
        async_facts |= facts.async_facts
        async_fixtures |= facts.async_fixtures
        if "asyncio" in facts.marks:
            async_facts.add("asyncio mark")
        if not is_conftest and "pytest_generate_tests" in _facts(file, False).fixtures:
            generates = True
    # what the module's tests need: their requests, and what the fixtures they need request
    # (a conftest fixture the module never uses may request a name only other modules parametrize)
    pending = list(requested)
    while pending:
        for arg in fixture_args.get(pending.pop(), ()):
            if arg not in requested:
                requested.add(arg)
                pending.append(arg)
    with open(path, "rb") as fh:
        generates = generates or b"def pytest_generate_tests" in fh.read()
    missing = sorted(requested - defined - params)
    if missing and not generates:
        missing = sorted(set(missing) - _imported_fixtures(rootdir, path))
    if missing and plugin_fixtures is not None:
        provided = plugin_fixtures()
        if plugins_needed is not None:
            plugins_needed.update(provided[name] for name in missing if name in provided)
        missing = [name for name in missing if name not in provided]
    if missing and not generates and missing_fixtures:
        return f"fixture '{missing[0]}' is not defined by the module, its conftests or the native builtins"
    if asyncs is not None and (async_facts or async_fixtures):
        return _async_reason(relfile.replace(os.sep, "/"), asyncs, async_facts, async_fixtures,
                             requested, plugins_needed if plugins_needed is not None else set())
    return None
