"""Static check: can the native engine run this module? (Used by `auto` to fall back to pytest.)

Reads the module and its conftest chain with `ast` (no import), once per file, and names the
first thing native lacks: a conftest hook, `pytest_plugins`, a plugin-owned mark, or a fixture
that neither the module, its conftests nor the builtins define.
"""
from __future__ import annotations

import ast
import json
import os
import re
from typing import Dict, Optional, Set

from .importer import conftest_paths

# Marks whose behaviour lives in plugins the native engine does not implement.
PLUGIN_MARKS = {
    "django_db", "benchmark", "flaky", "timeout", "order", "run", "dependency", "anyio", "trio",
    "celery", "vcr", "block_network", "freeze_time", "httpx_mock", "respx", "repeat", "forked",
    "tornado", "gen_test", "twisted", "no_cover", "urls", "ignore_template_errors",
    "enable_socket", "disable_socket", "allow_hosts", "randomize", "random_order",
    "flaky_test", "rerun", "first", "last", "second_to_last", "incremental", "subtests",
}

# Conftest hooks the native engine calls itself (hooks.py), or may ignore because they only
# shape pytest's own terminal output.
NATIVE_HOOKS = {
    "pytest_addoption", "pytest_configure", "pytest_sessionstart", "pytest_itemcollected",
    "pytest_collection_modifyitems", "pytest_runtest_setup",
    "pytest_report_header", "pytest_terminal_summary",
}

# The modules that give a plugin mark its meaning. When none of them can be imported, pytest
# treats the mark as an inert (at most unknown) mark, and so can the native engine. Marks not
# listed here always send their module to pytest.
_MARK_PLUGINS = {
    "timeout": ("pytest_timeout",), "benchmark": ("pytest_benchmark",),
    "flaky": ("flaky", "pytest_rerunfailures"),
    "order": ("pytest_order",), "run": ("pytest_ordering",), "dependency": ("pytest_dependency",),
    "repeat": ("pytest_repeat",), "forked": ("pytest_forked",), "vcr": ("pytest_recording", "pytest_vcr"),
    "freeze_time": ("pytest_freezegun", "pytest_freezer"), "httpx_mock": ("pytest_httpx",),
    "randomize": ("pytest_randomly", "random_order"), "random_order": ("random_order",),
    "rerun": ("pytest_rerunfailures",), "incremental": ("pytest_steps",),
}
_installed: Dict[str, bool] = {}


def _plugin_may_be_installed(mark: str) -> bool:
    modules = _MARK_PLUGINS.get(mark)
    if modules is None:
        return True
    if mark not in _installed:
        import importlib.util
        found = False
        for name in modules:
            try:
                found = importlib.util.find_spec(name) is not None
            except (ImportError, ValueError):
                found = True  # cannot tell: assume the plugin is there
            if found:
                break
        _installed[mark] = found
    return _installed[mark]


_parsed: Dict[str, "_FileFacts"] = {}

# argnames of parametrize(...): the first argument, a string or a list/tuple of strings
_PARAMETRIZE = re.compile(r"parametrize\(\s*(?:argnames\s*=\s*)?(\"[^\"]*\"|'[^']*'|[\[(][^\])]*[\])])")
_USEFIXTURES = re.compile(r"usefixtures\(([^)]*)\)")
_GETFIXTUREVALUE = re.compile(r"getfixturevalue\(\s*[\"']([^\"']+)[\"']")
_MARK = re.compile(r"\bmark\.(\w+)")
_STRING = re.compile(r"\"([^\"]*)\"|'([^']*)'")


class _FileFacts:
    _SETS = ("fixtures", "requested", "param_names", "hooks", "marks")

    def __init__(self):
        self.fixtures: Set[str] = set()       # fixture names defined
        self.requested: Set[str] = set()      # names requested by tests/fixtures/usefixtures
        self.param_names: Set[str] = set()    # argnames given by parametrize
        self.hooks: Set[str] = set()          # def pytest_* at module level
        self.plugins = False                  # pytest_plugins = ...
        self.marks: Set[str] = set()
        self.stamp = None                     # (mtime_ns, size) of the file these facts are of

    def to_json(self) -> dict:
        data = {name: sorted(getattr(self, name)) for name in self._SETS}
        data["plugins"] = self.plugins
        data["stamp"] = list(self.stamp)
        return data

    @classmethod
    def from_json(cls, data: dict) -> "_FileFacts":
        facts = cls()
        for name in cls._SETS:
            setattr(facts, name, set(data[name]))
        facts.plugins = bool(data["plugins"])
        facts.stamp = tuple(data["stamp"])
        return facts


# The facts persist across runs in the worker cache (.fastest/native-facts-<worker>.json): parsing
# every module with `ast` on every run cost ~3 ms a module, more than running its tests. Each
# worker writes its own file (workers close together: a shared file would lose entries) and
# every worker reads them all.
_FACTS_VERSION = 1
_facts_file: Optional[str] = None
_facts_dirty = False


def load_facts_cache(cache_dir: str, worker_id: int = 0) -> None:
    global _facts_file
    _facts_file = os.path.join(cache_dir, "native-facts-%d.json" % worker_id)
    try:
        names = [n for n in os.listdir(cache_dir) if n.startswith("native-facts-") and n.endswith(".json")]
    except OSError:
        return
    for name in names:
        try:
            with open(os.path.join(cache_dir, name), encoding="utf-8") as fh:
                data = json.load(fh)
            if data.get("version") != _FACTS_VERSION:
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
            json.dump({"version": _FACTS_VERSION, "files": files}, fh)
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
    key = path
    try:
        st = os.stat(path)
        stamp = (st.st_mtime_ns, st.st_size)
    except OSError:
        stamp = (0, 0)
    cached = _parsed.get(key)
    if cached is not None and cached.stamp == stamp:
        return cached
    with open(path, "rb") as fh:
        source = fh.read()
    tree = ast.parse(source, filename=path)
    facts = _FileFacts()
    facts.stamp = stamp
    _facts_dirty = True

    for stmt in tree.body:
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)) and stmt.name.startswith("pytest_"):
            if is_conftest or stmt.name != "pytest_generate_tests":
                if any("wrapper" in ast.dump(dec) for dec in stmt.decorator_list):
                    facts.hooks.add(stmt.name + " as a hook wrapper")
                else:
                    facts.hooks.add(stmt.name)
        if isinstance(stmt, (ast.Assign, ast.AnnAssign)):
            targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
            if any(isinstance(t, ast.Name) and t.id == "pytest_plugins" for t in targets):
                facts.plugins = True

    def visit(body, in_class: bool) -> None:
        for stmt in body:
            if isinstance(stmt, ast.ClassDef):
                visit(stmt.body, True)
            elif isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
                fixture = None
                for dec in stmt.decorator_list:
                    fixture = fixture or _fixture_name(dec, stmt.name)
                if fixture is not None:
                    facts.fixtures.add(fixture)
                    facts.requested.update(_argnames(stmt, in_class))
                elif stmt.name.startswith("test") or in_class:
                    if not stmt.name.startswith(("setup", "teardown", "setUp", "tearDown", "_")):
                        if stmt.name.startswith("test"):
                            facts.requested.update(_without_given(stmt, _argnames(stmt, in_class)))

    visit(tree.body, False)

    text = source.decode("utf-8", "replace")
    for stmt in _statements_mentioning(tree, text, "parametrize"):
        for node in ast.walk(stmt):  # argnames the regex misses (implicitly joined strings)
            if isinstance(node, ast.Call) and _decorator_name(node).split(".")[-1] == "parametrize":
                facts.param_names |= _parametrize_names(node)
    for match in _PARAMETRIZE.finditer(text):
        facts.param_names.update(name.strip() for literal in _strings(match.group(1))
                                 for name in literal.split(",") if name.strip())
    for match in _USEFIXTURES.finditer(text):
        facts.requested.update(_strings(match.group(1)))
    facts.requested.update(_GETFIXTUREVALUE.findall(text))
    facts.marks.update(_MARK.findall(text))
    _parsed[key] = facts
    return facts


# Marks pytest itself registers (pytest --markers without plugins).
PYTEST_MARKS = frozenset({"filterwarnings", "skip", "skipif", "xfail", "parametrize", "usefixtures",
                          "tryfirst", "trylast"})


def static_check(rootdir: str, relfile: str, builtin_fixtures: Set[str],
                 registered_marks: Optional[Set[str]] = None) -> Optional[str]:
    """Why this module must run under the pytest engine, or None.

    ``registered_marks`` is given under --strict-markers: a mark outside it and pytest's own might
    be registered by a plugin or a conftest's pytest_configure, which only pytest knows, and is
    otherwise an error pytest reports itself.
    """
    path = os.path.join(rootdir, relfile)
    chain = [(p, True) for p in conftest_paths(rootdir, path)] + [(path, False)]
    defined: Set[str] = set(builtin_fixtures) | {"request"}
    requested: Set[str] = set()
    params: Set[str] = set()
    generates = False
    for file, is_conftest in chain:
        facts = _facts(file, is_conftest)
        rel = os.path.relpath(file, rootdir).replace(os.sep, "/")
        hooks = facts.hooks - NATIVE_HOOKS
        if hooks:
            return f"{rel} defines the pytest hook {sorted(hooks)[0]}"
        if facts.plugins:
            return f"{rel} sets pytest_plugins"
        plugin_marks = {m for m in facts.marks & PLUGIN_MARKS if _plugin_may_be_installed(m)}
        if plugin_marks:
            return f"{rel} uses the plugin mark '{sorted(plugin_marks)[0]}'"
        if registered_marks is not None:
            unregistered = facts.marks - registered_marks - PYTEST_MARKS
            if unregistered:
                return f"{rel} uses the mark '{sorted(unregistered)[0]}', not in `markers`, under --strict-markers"
        defined |= facts.fixtures
        requested |= facts.requested
        params |= facts.param_names
        if not is_conftest and "pytest_generate_tests" in _facts(file, False).fixtures:
            generates = True
    with open(path, "rb") as fh:
        generates = generates or b"def pytest_generate_tests" in fh.read()
    missing = sorted(requested - defined - params)
    if missing and not generates:
        return f"fixture '{missing[0]}' is not defined by the module, its conftests or the native builtins"
    return None
