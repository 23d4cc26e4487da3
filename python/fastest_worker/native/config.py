"""`request.config` / `pytestconfig` for the native engine: options and ini values, no plugins."""
from __future__ import annotations

import argparse
import os
import shlex
import sys
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

_BOOL_INI = {"strict_xfail", "xfail_strict", "strict", "strict_markers", "strict_config",
             "strict_parametrization_ids", "consider_namespace_packages",
             "collect_imported_tests", "log_cli",
             "disable_test_id_escaping_and_forfeit_all_rights_to_community_support"}
_LIST_INI = {"python_files", "python_classes", "python_functions", "usefixtures",
             "filterwarnings", "markers", "testpaths", "norecursedirs", "addopts",
             "required_plugins", "pythonpath"}
_DEFAULTS: Dict[str, Any] = {
    "python_files": ["test_*.py", "*_test.py"],
    "python_classes": ["Test"],
    "python_functions": ["test"],
    "usefixtures": [],
    "filterwarnings": [],
    "markers": [],
    "testpaths": [],
    "norecursedirs": [],
    "addopts": [],
    "empty_parameter_set_mark": None,
    "strict_xfail": None,
    "strict": False,
    "collect_imported_tests": True,
    "asyncio_mode": "strict",
    "tmp_path_retention_count": "3",
    "tmp_path_retention_policy": "all",
    "cache_dir": ".pytest_cache",
}
_ALIASES = {"xfail_strict": "strict_xfail"}


def _to_bool(value) -> bool:
    """pytest's _strtobool: a text that is no truth value raises where it is read."""
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("y", "yes", "t", "true", "on", "1"):
        return True
    if text in ("n", "no", "f", "false", "off", "0"):
        return False
    raise ValueError(f"invalid truth value {text!r}")


# pytest's `linelist` keys (one value per line, spaces kept); the other list keys are `args`
# or `paths` (shell words)
_LINELIST_INI = {"filterwarnings", "markers"}


def ini_list(name: str, value) -> List[str]:
    """An ini list value as pytest's getini reads it: a TOML list as is; a `linelist` key's
    lines; the shell words of any other."""
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    text = str(value)
    if name in _LINELIST_INI:
        return [line.strip() for line in text.split("\n") if line.strip()]
    if "\n" in text:
        return [ln.strip() for ln in text.splitlines() if ln.strip()]
    return shlex.split(text)


def _parse_args(args: List[str]):
    """The few pytest options the native engine honours; the rest is ignored."""
    from .support import _plugin_args

    option = argparse.Namespace(verbose=0, capture="fd", tbstyle="auto", basetemp=None,
                                runxfail=False, showlocals=False, fulltrace=False,
                                pythonwarnings=[], override_ini=[], usepdb=False,
                                importmode="prepend", markexpr="", keyword="",
                                assertmode="rewrite", color="no", code_highlight="yes", maxfail=0, exitfirst=False,
                                log_level=None, log_format=None, log_date_format=None,
                                log_auto_indent=None, logger_disable=[],
                                plugins=_plugin_args(args))  # pytest's `-p` values, in order ("no:NAME" too)
    i = 0
    while i < len(args):
        arg = args[i]
        nxt = args[i + 1] if i + 1 < len(args) else None

        def value(prefix: str):
            nonlocal i
            if arg == prefix and nxt is not None:
                i += 1
                return nxt
            if arg.startswith(prefix + "="):
                return arg[len(prefix) + 1:]
            if len(prefix) == 2 and arg.startswith(prefix) and len(arg) > 2:
                return arg[2:]
            return None

        for prefix, attr, is_list in (("-o", "override_ini", True), ("--override-ini", "override_ini", True),
                                      ("-W", "pythonwarnings", True), ("--pythonwarnings", "pythonwarnings", True),
                                      ("--basetemp", "basetemp", False), ("--tb", "tbstyle", False),
                                      ("--capture", "capture", False), ("--import-mode", "importmode", False),
                                      ("--log-level", "log_level", False), ("--log-format", "log_format", False),
                                      ("--log-date-format", "log_date_format", False),
                                      ("--log-auto-indent", "log_auto_indent", False),
                                      ("--log-disable", "logger_disable", True)):
            got = value(prefix)
            if got is not None:
                if is_list:
                    getattr(option, attr).append(got)
                else:
                    setattr(option, attr, got)
                break
        else:
            if arg == "-s":
                option.capture = "no"
            elif arg in ("-l", "--showlocals"):
                option.showlocals = True
            elif arg == "--no-showlocals":
                option.showlocals = False
            elif arg == "--runxfail":
                option.runxfail = True
            elif arg == "--full-trace":
                option.fulltrace = True
            elif arg in ("--strict-markers", "--strict"):
                # pytest 9: these flags set the ini options of the same name.
                option.override_ini.append(arg[2:].replace("-", "_") + "=true")
        i += 1
    return option


# What pytest's configure step registers besides its builtin plugin modules (the names under which
# pytest's own objects are registered; conftest modules are registered by path and not listed).
_CONFIGURED_PLUGINS = ("capturemanager", "logging-plugin", "terminalreporter", "funcmanage",
                       "session", "pytestconfig", "legacypath-tmpdir")


class NativePluginManager:
    """``config.pluginmanager`` for the native engine: pytest's plugins by name (builtin modules,
    installed entry points, ``-p`` plugins, pytest's configured objects), ``hasplugin`` /
    ``getplugin`` / ``register`` / ``unregister`` as pluggy answers them. Unregistering
    "logging-plugin" stops the native log capture, as it stops pytest's; "capturemanager" is the
    native capture manager behind pytest's method names."""

    def __init__(self, config: "NativeConfig", args: List[str]):
        self._config = config
        from .support import _plugin_args
        given = _plugin_args(args)
        self._blocked = {n[3:] for n in given if n.startswith("no:")}
        self._named: Dict[str, Any] = {}  # registered or looked up so far
        self._removed: set = set()
        self._candidates: Optional[Dict[str, Any]] = None  # name -> loader, built on first need
        self._extra = [n for n in given if not n.startswith("no:")]

    def _known(self) -> Dict[str, Any]:
        if self._candidates is None:
            import importlib

            from _pytest.config import default_plugins

            from .support import autoloaded_plugin_entry_points

            known: Dict[str, Any] = {}
            for name in default_plugins:
                known[name] = (lambda n=name: importlib.import_module("_pytest." + n))
            try:
                for ep in autoloaded_plugin_entry_points():
                    known.setdefault(ep.name, ep.load)
            except Exception:  # broken metadata: pytest would say so itself
                pass
            for name in self._extra:
                known.setdefault(name, (lambda n=name: importlib.import_module(n)))
            for name in _CONFIGURED_PLUGINS:
                known[name] = (lambda n=name: self._configured(n))
            for name in self._blocked:
                known.pop(name, None)
            if "cacheprovider" in self._blocked:
                known.pop("stepwise", None)
            self._candidates = known
        return self._candidates

    def plugin_modules(self) -> List[Tuple[str, str]]:
        """(name, module) of each plugin pytest would load beyond its own: autoloaded entry points
        and `-p NAME` not blocked with `-p no:NAME`, and PYTEST_PLUGINS' modules."""
        plugins = []
        for name, loader in self._known().items():
            value = getattr(getattr(loader, "__self__", None), "value", None)  # an entry point's
            if value is not None:
                plugins.append((name, value.split(":")[0].strip()))
            elif name in self._extra:
                plugins.append((name, name))
        for module in os.environ.get("PYTEST_PLUGINS", "").split(","):
            if module.strip():
                plugins.append((module.strip(), module.strip()))
        return plugins

    def _configured(self, name: str):
        config = self._config
        if name == "capturemanager":
            return _CaptureManagerView(config._capture_manager)
        if name == "logging-plugin":
            return _LoggingPluginView(config)
        if name == "pytestconfig":
            return config
        if name == "terminalreporter":
            return _TerminalReporterView()
        return _Opaque(name)

    def get_plugin(self, name: str):
        name = str(name)
        if name in self._removed:
            return None
        if name in self._named:
            return self._named[name]
        loader = self._known().get(name)
        if loader is None:
            return None
        try:
            plugin = loader()
        except Exception:  # a plugin that cannot load is not registered
            plugin = None
        self._named[name] = plugin
        return plugin

    getplugin = get_plugin

    @property
    def hook(self):
        return self._config.hook

    def hasplugin(self, name: str) -> bool:
        return bool(self.get_plugin(name))

    has_plugin = hasplugin

    def is_blocked(self, name: str) -> bool:
        return name in self._blocked

    def get_name(self, plugin) -> Optional[str]:
        for name, known in self.list_name_plugin():
            if known is plugin:
                return name
        return None

    def is_registered(self, plugin) -> bool:
        return self.get_name(plugin) is not None

    def list_name_plugin(self) -> list:
        names = list(self._known()) + [n for n in self._named if n not in self._known()]
        pairs = [(n, self.get_plugin(n)) for n in names if n not in self._removed]
        return [(n, p) for n, p in pairs if p is not None]

    def get_plugins(self) -> set:
        return {p for _, p in self.list_name_plugin()}

    def register(self, plugin, name: Optional[str] = None) -> Optional[str]:
        name = name or str(id(plugin))
        if name in self._blocked:
            return None
        if self.get_plugin(name) is not None:
            raise ValueError(f"Plugin name already registered: {name}={plugin}")
        self._removed.discard(name)
        self._named[name] = plugin
        if isinstance(plugin, _LoggingPluginView):
            plugin._set(True)
        return name

    def unregister(self, plugin=None, name: Optional[str] = None):
        if name is None:
            assert plugin is not None, "one of name or plugin needs to be specified"
            name = self.get_name(plugin)
            assert name is not None, "plugin is not registered"
        if plugin is None:
            plugin = self.get_plugin(name)
            if plugin is None:
                return None
        self._named.pop(name, None)
        self._removed.add(name)
        if isinstance(plugin, _LoggingPluginView):
            plugin._set(False)
        return plugin

    def add_hookspecs(self, module_or_class) -> None:
        """A plugin's own hook specs: only plugins and conftests the native engine does not run
        implement them (a conftest's hook sends its modules to pytest)."""

    def import_plugin(self, modname: str, consider_entry_points: bool = False) -> None:
        import importlib
        if self.get_plugin(modname) is None and modname not in self._blocked:
            self.register(importlib.import_module(modname), modname)


class _Opaque:
    """A configured pytest object the native engine has no equivalent of (terminalreporter...):
    registered, so hasplugin answers as pytest does."""

    def __init__(self, name: str):
        self._name = name

    def __repr__(self) -> str:
        return f"<native stand-in for pytest's {self._name!r} plugin>"


class _TerminalReporterView(_Opaque):
    """pytest's "terminalreporter" for a conftest or plugin that writes to it (sqlalchemy's plugin
    writes its banner at pytest_sessionstart): the text goes where a print() of that moment goes,
    as the writing methods of pytest's TerminalReporter lay it out."""

    def __init__(self):
        super().__init__("terminalreporter")

    def write(self, content, *, flush: bool = False, **markup) -> None:
        sys.stdout.write(str(content))

    def line(self, msg, **markup) -> None:
        sys.stdout.write(str(msg) + "\n")

    write_line = line

    def ensure_newline(self) -> None:
        pass

    def flush(self) -> None:
        sys.stdout.flush()

    def write_sep(self, sep: str, title=None, fullwidth=None, **markup) -> None:
        from _pytest._io import TerminalWriter

        writer = TerminalWriter(sys.stdout)
        writer.hasmarkup = False
        writer.sep(sep, title, fullwidth)

    def section(self, title: str, sep: str = "=", **kw) -> None:
        self.write_sep(sep, title, **kw)


class _LoggingPluginView:
    """pytest's "logging-plugin": while unregistered, records are not captured for the report."""

    def __init__(self, config: "NativeConfig"):
        self._config = config

    def __repr__(self) -> str:  # as pytest's LoggingPlugin reads in a traceback's arguments
        return f"<_pytest.logging.LoggingPlugin object at {id(self):#x}>"

    def _set(self, on: bool) -> None:
        manager = self._config._capture_manager
        if manager is not None and hasattr(manager, "set_log_capture"):
            manager.set_log_capture(on)


class _CaptureManagerView:
    """pytest's CaptureManager methods that tests and conftests call, over the native one."""

    def __init__(self, manager):
        self._manager = manager

    def is_globally_capturing(self) -> bool:
        return self._manager is not None and self._manager.is_capturing()

    def is_capturing(self):
        """pytest's answer: "global" unless capture is off (-s), suspended or not: its debugger's
        banner says so, and its `continue` resumes capture only then."""
        return "global" if self._manager is not None and self._manager.mode != "no" else False

    def suspend_global_capture(self, in_: bool = False) -> None:
        if self._manager is not None:
            self._manager.suspend()
        if in_:  # only pytest's debugger asks: it reads the terminal (debugger.py)
            from .. import debugger
            debugger.enter()

    def resume_global_capture(self) -> None:
        from .. import debugger
        debugger.leave()
        if self._manager is not None:
            self._manager.resume()

    suspend = suspend_global_capture

    def resume(self) -> None:
        self.resume_global_capture()

    def global_and_fixture_disabled(self):
        import contextlib
        return self._manager.disabled() if self._manager is not None else contextlib.nullcontext()


# pytest's own marks: its plugins' pytest_configure registers them.
_PYTEST_MARKS = ("filterwarnings", "skip", "skipif", "xfail", "parametrize", "usefixtures", "tryfirst", "trylast")
# The marks of the installed plugins the native engine stands in for (plugins.py), by module: their
# pytest_configure registers them, which the native engine does not call, or calls only when a
# module needs the plugin. (Any other plugin that configures anything sends every module to pytest.)
_PLUGIN_MARKS = {
    "_hypothesis_pytestplugin": ("hypothesis",),
    "xdist.plugin": ("xdist_group",),
    "pytest_asyncio.plugin": ("asyncio",),
    "anyio.pytest_plugin": ("anyio",),
    "pytest_cov.plugin": ("no_cover",),
    "pytest_timeout": ("timeout",),
    "pytest_benchmark.plugin": ("benchmark",),
    "time_machine": ("time_machine",),
}


class MarkRegistry:
    """What pytest's MarkGenerator reads of its config (``pytest.mark._config``, set by pytest's
    mark plugin at configure): the registered marks, which are the ``markers`` lines of the ini,
    conftests and loaded plugins, pytest's own, and those of the installed plugins, and the strict
    settings. With it, ``pytest.mark.NAME`` warns PytestUnknownMarkWarning (or fails under strict
    markers) as it does in pytest."""

    def __init__(self, config: "NativeConfig"):
        self._config = config
        self._plugin_lines: Optional[List[str]] = None

    def getini(self, name: str):
        if name != "markers":
            return self._config.getini(name)
        if self._plugin_lines is None:
            self._plugin_lines = [f"{mark}:" for _, module in self._config.pluginmanager.plugin_modules()
                                  for mark in _PLUGIN_MARKS.get(module, ())]
        return [*self._config.getini("markers"), *(f"{mark}:" for mark in _PYTEST_MARKS), *self._plugin_lines]

    @property
    def option(self):
        """What pytest 8's MarkGenerator reads instead of the strict ini settings."""
        strict = self._config.strict_markers()
        return argparse.Namespace(strict_markers=strict, strict=strict)


class _HookRelay:
    """pytest's `config.hook`, for the hook a conftest calls while it modifies the collected
    items: pytest_deselected (what it deselects, pytest counts as deselected). Any other hook is
    pytest's to call: its AttributeError sends the module to the pytest engine."""

    def __init__(self):
        self.deselected: List[str] = []

    def pytest_deselected(self, *args, **kwargs) -> None:
        if args:  # as pluggy's hook caller
            raise TypeError("hook calling supports only keyword arguments")
        self.deselected.extend(item.nodeid for item in kwargs["items"])

    def pytest_enter_pdb(self, **kwargs) -> None:
        """pytest's debugger started (a conftest implementing this hook runs with pytest)."""

    def pytest_leave_pdb(self, **kwargs) -> None:
        """pytest's debugger continued: under -s no capture resumes to leave the terminal."""
        from .. import debugger
        debugger.leave()


# The option strings pytest's getoption also takes for the options above, by their attribute
# (its parser's `dest`): `config.getoption("-p")` is `config.option.plugins`.
_OPTION_DESTS = {"tb": "tbstyle", "--tb": "tbstyle", "-p": "plugins", "-k": "keyword", "-m": "markexpr",
                 "-x": "maxfail", "--exitfirst": "maxfail", "-v": "verbose", "-q": "verbose", "--quiet": "verbose", "-W": "pythonwarnings",
                 "-o": "override_ini", "-s": "capture", "-l": "showlocals", "--pdb": "usepdb",
                 "--assert": "assertmode"}


class NativeConfig:
    """Just enough of pytest.Config: getoption, getini, rootpath, option, invocation_params,
    pluginmanager, cache."""

    def __init__(self, rootdir: str, ini: Optional[dict] = None, args: Optional[List[str]] = None,
                 capture: str = "fd", verbose: int = 0):
        self.rootpath = Path(rootdir)
        self.rootdir = self.rootpath
        self._ini = dict(ini or {})
        self.option = _parse_args(list(args or []))
        self.option.capture = capture or self.option.capture
        self.option.verbose = int(verbose or 0)
        for item in self.option.override_ini:
            key, _, val = item.partition("=")
            self._ini[key.strip()] = val
        # pytest's defaults of its appending options: None when not given
        self.option.override_ini = self.option.override_ini or None
        self.option.pythonwarnings = self.option.pythonwarnings or None
        self.invocation_params = argparse.Namespace(args=tuple(args or ()), plugins=None,
                                                    dir=Path(os.getcwd()))
        self.known_args_namespace = self.option
        self.inipath = None
        self.stash: dict = {}
        self._capture_manager = None  # set by the engine; builtins' capture fixtures use it
        self._cleanup: list = []
        self._ini_defaults: Dict[str, Any] = {}  # parser.addini() of conftests
        self.pluginmanager = NativePluginManager(self, list(args or []))
        self.hook = _HookRelay()
        self._cache = None

    @property
    def cache(self):
        """pytest's ``config.cache`` (the cacheprovider plugin's, absent under ``-p no:cacheprovider``)."""
        if self.pluginmanager.is_blocked("cacheprovider"):
            raise AttributeError("'Config' object has no attribute 'cache'")
        if self._cache is None:
            from _pytest.cacheprovider import Cache
            self._cache = Cache(Cache.cache_dir_from_config(self, _ispytest=True), self, _ispytest=True)
        return self._cache

    def getvalue(self, name: str, path=None):
        """pytest's deprecated alias, which its debugger reads (`usepdb_cls`)."""
        return self.getoption(name)

    def getoption(self, name: str, default=None, skip: bool = False):
        name = _OPTION_DESTS.get(name) or name.lstrip("-").replace("-", "_")
        value = getattr(self.option, name, None)
        if value is None:
            if skip:
                import pytest
                pytest.skip(f"no {name!r} option found")
            return default
        return value

    _config_warning_sink = None  # set by the engine: takes the recorded WarningMessages

    def issue_config_time_warning(self, warning: Warning, stacklevel: int) -> None:
        """pytest's Config.issue_config_time_warning: warned under the ini and -W filters (an
        error filter raises it), recorded for the warnings summary."""
        import warnings

        from .warnings_rec import _apply

        if self._config_warning_sink is None:  # `-p no:warnings`
            return
        with warnings.catch_warnings(record=True) as records:
            warnings.simplefilter("always", type(warning))
            _apply(self.getini("filterwarnings") or [], escape=False)
            _apply(self.option.pythonwarnings or [], escape=True)
            warnings.warn(warning, stacklevel=stacklevel)
        if records:
            self._config_warning_sink(records[:1])

    def getini(self, name: str):
        key = name
        if name not in self._ini and name in _ALIASES and _ALIASES[name] in self._ini:
            key = _ALIASES[name]
        elif name not in self._ini:
            for alias, target in _ALIASES.items():
                if target == name and alias in self._ini:
                    key = alias
        raw = self._ini.get(key)
        if raw is not None:  # (None: a key the CLI reads for itself, unset)
            if name in _BOOL_INI or key in _BOOL_INI:
                return _to_bool(raw)
            if name in _LIST_INI:
                return ini_list(name, raw)
            return raw
        default = self._ini_defaults[name] if name in self._ini_defaults else _DEFAULTS.get(name)
        if isinstance(default, list):
            return list(default)
        if default is None and name in _LIST_INI:
            return []
        return default

    def __repr__(self) -> str:  # as pytest's Config reads in a traceback's arguments
        return f"<_pytest.config.Config object at {id(self):#x}>"

    def get_option_ini(self, name: str):
        """pytest's logging.get_option_ini: the command-line option, else the ini value."""
        value = getattr(self.option, name, None)
        return self.getini(name) if value is None else value

    def strict_markers(self) -> bool:
        """pytest's MarkGenerator rule: strict_markers, else the general strict."""
        value = self.getini("strict_markers")
        return bool(self.getini("strict") if value is None else value)

    def registered_markers(self) -> set:
        """Mark names in the markers ini (``name(args): help`` lines), as MarkGenerator reads them."""
        return {line.split(":")[0].split("(")[0].strip() for line in self.getini("markers")}

    def get_verbosity(self, verbosity_type=None) -> int:
        return self.option.verbose

    def add_cleanup(self, func) -> None:
        self._cleanup.append(func)

    def addinivalue_line(self, name: str, line: str) -> None:
        current = self.getini(name)
        if isinstance(current, list):
            self._ini[name] = current + [line]

    @property
    def args(self):
        return []
