"""The conftest hooks the native engine runs itself: pytest_addoption, pytest_configure,
pytest_sessionstart, pytest_itemcollected, pytest_collection_modifyitems, pytest_runtest_setup and
pytest_ignore_collect (support.NATIVE_HOOKS; any other hook sends the module to pytest), pytest_generate_tests
when it never parametrizes, and plain pytest_collection, pytest_collection_finish and
pytest_runtest_teardown (support._PLAIN_HOOK_PARAMS).

pytest_addoption gets a parser that only records each option's default (the CLI does not pass
a suite's own options on, so defaults are what pytest would see too); pytest_configure runs when
its conftest is loaded, as pytest's historic hook does for a conftest registered late;
pytest_collection_modifyitems runs per module, innermost conftest first (pluggy's LIFO order),
before the fixture-scope reordering that pytest's own fixtures plugin does after all conftests.
"""
from __future__ import annotations

import inspect
from typing import Any, Dict, List, Optional


# Hooks such as pytest_itemcollected and pytest_runtest_setup are called once per test: their
# parameter names are read once per function.
_param_names: Dict[Any, Optional[List[str]]] = {}


def _hook_params(func) -> Optional[List[str]]:
    try:
        return _param_names[func]
    except KeyError:
        pass
    except TypeError:  # unhashable callable: no caching
        return _read_params(func)
    names = _param_names[func] = _read_params(func)
    return names


def _read_params(func) -> Optional[List[str]]:
    try:
        return [p.name for p in inspect.signature(func).parameters.values()
                if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)]
    except (TypeError, ValueError):
        return None


def call_hook(func, **kwargs):
    """Call a hook implementation with the arguments it names, as pluggy does."""
    names = _hook_params(func)
    if names is None:
        names = list(kwargs)
    return func(**{name: kwargs[name] for name in names if name in kwargs})


def _innermost_first(conftests: List[object], name: str) -> list:
    return [h for h in (getattr(m, name, None) for m in reversed(conftests)) if callable(h)]


def _dest(opts, attrs: Dict[str, Any]) -> Optional[str]:
    if attrs.get("dest"):
        return attrs["dest"]
    longs = [o for o in opts if o.startswith("--")]
    name = longs[0] if longs else (opts[0] if opts else None)
    return name.lstrip("-").replace("-", "_") if name else None


def _default(attrs: Dict[str, Any]):
    if "default" in attrs:
        return attrs["default"]
    action = attrs.get("action")
    if action == "store_true":
        return False
    if action == "store_false":
        return True
    return None


class _OptionGroup:
    def __init__(self, parser: "NativeParser"):
        self._parser = parser

    def addoption(self, *opts, **attrs) -> None:
        self._parser.addoption(*opts, **attrs)

    _addoption = addoption


class NativeParser:
    """pytest's Parser, as far as a conftest's pytest_addoption uses it."""

    def __init__(self, config):
        self._config = config

    def addoption(self, *opts, **attrs) -> None:
        dest = _dest(opts, attrs)
        if dest is None:
            return
        value = _from_args(self._config.invocation_params.args, opts, attrs)
        if value is _UNSET:
            value = _default(attrs)
        if getattr(self._config.option, dest, None) is None or value is not None:
            setattr(self._config.option, dest, value)

    _addoption = addoption

    def getgroup(self, name: str, description: str = "", after: Optional[str] = None) -> _OptionGroup:
        return _OptionGroup(self)

    def addini(self, name: str, help: str = "", type: Optional[str] = None, default: Any = None, **kw) -> None:
        if default is None and type in ("linelist", "args", "pathlist"):
            default = []
        elif default is None and type == "bool":
            default = False
        self._config._ini_defaults[name] = default

    def addinivalue_line(self, name: str, line: str) -> None:
        self._config.addinivalue_line(name, line)


_UNSET = object()


def _from_args(args, opts, attrs):
    """The option's value if it is on the command line (`--x`, `--x=v`, `--x v`)."""
    args = list(args or ())
    action = attrs.get("action")
    for i, arg in enumerate(args):
        for opt in opts:
            if arg == opt:
                if action == "store_true":
                    return True
                if action == "store_false":
                    return False
                if action == "count":
                    return sum(1 for a in args if a == opt)
                if i + 1 < len(args):
                    return _convert(args[i + 1], attrs)
            elif opt.startswith("--") and arg.startswith(opt + "="):
                return _convert(arg[len(opt) + 1:], attrs)
    return _UNSET


def _convert(text: str, attrs):
    kind = attrs.get("type")
    try:
        return kind(text) if callable(kind) else text
    except Exception:  # argparse would reject it; keep the text
        return text


def register_conftest(mod, config, session=None) -> None:
    """What pytest does when it registers a conftest: its options, pytest_configure, then
    pytest_sessionstart (pytest calls that for the conftests it loads before collecting)."""
    name = None
    try:
        name = "pytest_addoption"
        addoption = getattr(mod, name, None)
        if callable(addoption):
            call_hook(addoption, parser=NativeParser(config), pluginmanager=config.pluginmanager)
        name = "pytest_configure"
        configure = getattr(mod, name, None)
        if callable(configure):
            call_hook(configure, config=config)
        name = "pytest_sessionstart"
        sessionstart = getattr(mod, name, None)
        if callable(sessionstart) and session is not None:
            call_hook(sessionstart, session=session)
    except BaseException as e:
        e.conftest_hook = name  # an initial conftest's failing hook ends pytest's run (engine.py)
        raise


class NeedsPytest(Exception):
    """A conftest hook the native engine cannot call as pytest's plugin manager would."""


_IGNORE_COLLECT_PARAMS = frozenset({"collection_path", "config"})


def ignore_hooks(conftests: List[object]) -> list:
    """pytest_ignore_collect of `conftests`, in pluggy's call order (tryfirst ones first, then
    innermost first). Raises NeedsPytest for a wrapper, a trylast hook (pluggy calls it after
    pytest's builtin one) or one naming the legacy `path` argument (a deprecation pytest reports
    when it registers the conftest)."""
    first, rest = [], []
    for hook in _innermost_first(conftests, "pytest_ignore_collect"):
        options = getattr(hook, "pytest_impl", None) or {}
        names = _hook_params(hook)
        if (options.get("hookwrapper") or options.get("wrapper") or options.get("trylast")
                or names is None or set(names) - _IGNORE_COLLECT_PARAMS):
            raise NeedsPytest("a conftest's pytest_ignore_collect is a wrapper, trylast or takes `path`")
        (first if options.get("tryfirst") else rest).append(hook)
    return first + rest


def generate_hooks(conftests: List[object]) -> list:
    """pytest_generate_tests of the module's conftests, innermost first, each called per test
    function with its metafunc (only those that never parametrize reach here: support.py)."""
    return [lambda metafunc, hook=hook: call_hook(hook, metafunc=metafunc)
            for hook in _innermost_first(conftests, "pytest_generate_tests")]


def item_collected(conftests: List[object], items: list) -> None:
    """pytest_itemcollected of the module's conftests, per item, innermost first."""
    hooks = _innermost_first(conftests, "pytest_itemcollected")
    for item in items:
        for hook in hooks:
            call_hook(hook, item=item)


def runtest_setup_hooks(conftests: List[object]) -> list:
    """pytest_runtest_setup of the module's conftests, innermost first: they run after the
    skip/xfail marks are evaluated (skipping's hook is tryfirst) and before the fixtures."""
    return _innermost_first(conftests, "pytest_runtest_setup")


def runtest_teardown_hooks(conftests: List[object]) -> list:
    """pytest_runtest_teardown of the module's conftests, innermost first: pluggy calls them
    before pytest's runner tears the fixtures down (its own implementation was registered first)."""
    return _innermost_first(conftests, "pytest_runtest_teardown")


def session_hook(conftests: List[object], name: str, session) -> None:
    """A session-wide hook of the loaded conftests, last registered first (pluggy's LIFO)."""
    for hook in _innermost_first(conftests, name):
        call_hook(hook, session=session)


def modify_items(conftests: List[object], session, config, items: list) -> None:
    """pytest_collection_modifyitems of the module's conftests, innermost first."""
    for mod in reversed(conftests):
        hook = getattr(mod, "pytest_collection_modifyitems", None)
        if callable(hook):
            call_hook(hook, session=session, config=config, items=items)
