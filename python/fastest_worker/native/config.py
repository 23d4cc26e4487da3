"""`request.config` / `pytestconfig` for the native engine: options and ini values, no plugins."""
from __future__ import annotations

import argparse
import shlex
from pathlib import Path
from typing import Any, Dict, List, Optional

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
}
_ALIASES = {"xfail_strict": "strict_xfail"}


def _to_bool(value) -> bool:
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in ("1", "true", "yes", "on", "y", "t")


def _to_list(value) -> List[str]:
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    text = str(value)
    if "\n" in text:
        return [ln.strip() for ln in text.splitlines() if ln.strip()]
    return shlex.split(text)


def _parse_args(args: List[str]):
    """The few pytest options the native engine honours; the rest is ignored."""
    option = argparse.Namespace(verbose=0, capture="fd", tbstyle="auto", basetemp=None,
                                runxfail=False, showlocals=False, fulltrace=False,
                                pythonwarnings=[], override_ini=[], usepdb=False,
                                importmode="prepend", markexpr="", keyword="",
                                assertmode="rewrite", color="no", maxfail=0, exitfirst=False)
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
                                      ("--capture", "capture", False), ("--import-mode", "importmode", False)):
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
            elif arg == "--runxfail":
                option.runxfail = True
            elif arg == "--full-trace":
                option.fulltrace = True
            elif arg in ("--strict-markers", "--strict"):
                # pytest 9: these flags set the ini options of the same name.
                option.override_ini.append(arg[2:].replace("-", "_") + "=true")
        i += 1
    return option


class NativeConfig:
    """Just enough of pytest.Config: getoption, getini, rootpath, option, invocation_params."""

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
        self.invocation_params = argparse.Namespace(args=tuple(args or ()), plugins=None,
                                                    dir=self.rootpath)
        self.known_args_namespace = self.option
        self.inipath = None
        self.stash: dict = {}
        self._capture_manager = None  # set by the engine; builtins' capture fixtures use it
        self._cleanup: list = []
        self._ini_defaults: Dict[str, Any] = {}  # parser.addini() of conftests

    def getoption(self, name: str, default=None, skip: bool = False):
        name = {"tb": "tbstyle", "--tb": "tbstyle"}.get(name, name.lstrip("-").replace("-", "_"))
        value = getattr(self.option, name, None)
        if value is None:
            if skip:
                import pytest
                pytest.skip(f"no {name!r} option found")
            return default
        return value

    def getini(self, name: str):
        key = name
        if name not in self._ini and name in _ALIASES and _ALIASES[name] in self._ini:
            key = _ALIASES[name]
        elif name not in self._ini:
            for alias, target in _ALIASES.items():
                if target == name and alias in self._ini:
                    key = alias
        if key in self._ini:
            raw = self._ini[key]
            if name in _BOOL_INI or key in _BOOL_INI:
                return _to_bool(raw)
            if name in _LIST_INI:
                return _to_list(raw)
            return raw
        default = self._ini_defaults[name] if name in self._ini_defaults else _DEFAULTS.get(name)
        if isinstance(default, list):
            return list(default)
        if default is None and name in _LIST_INI:
            return []
        return default

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
