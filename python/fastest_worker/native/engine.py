"""The native engine: runs pytest-style test modules itself, with pytest's outcomes.

One NativeEngine per worker. `run_unit` imports the module (conftests first), collects it once
(cached for the worker's life, so a module split over several units is collected once), and
runs the requested items through setup / call / teardown the way pytest's runner does.
"""
from __future__ import annotations

import contextlib
import fnmatch
import logging
import os
import sys
import types
# Bound at import, as pytest's timing module does: a test that patches time.perf_counter (a mocker
# side_effect list, filelock) must not reach the runner's own clock.
from time import perf_counter
# pytest's unraisable hook imports tracemalloc when an exception first reaches it; a __del__ that
# raises while that import runs (the collection it triggers) found the module half made and the
# hook failed ("Failed to process unraisable exception"). pytest has it imported by then.
import tracemalloc  # noqa: F401
from typing import Callable, Dict, Iterator, List, Optional, Set

import pytest  # noqa: F401 - the engine needs pytest's public objects (marks, outcomes)
from _pytest.outcomes import Exit, Skipped, XFailed, fail, skip, xfail
from _pytest.config.exceptions import UsageError

from .assertrepr import DEFAULT_MAX_CHARS, DEFAULT_MAX_LINES
from .collect import Collector, Item, Session, reorder_items
from .config import MarkRegistry, NativeConfig
from .hypothesis_support import around_call as hypothesis_around_call
from .hooks import (NeedsPytest, call_hook, item_collected, modify_items, runtest_setup_hooks,
                    runtest_teardown_hooks, session_hook)
from .fixtures import (ASYNCIO_ITEM, ASYNCIO_RUNNER, FixtureRegistry, add_fixture_setup_wrapper,
                       asyncio_call_warnings, asyncio_items, asyncio_runner_requested, fill_fixtures,
                       run_in_asyncio_runner)
from .marks import evaluate_skip_marks, evaluate_xfail_marks, xfail_raises_matches
from .outcomes import collect_crash, crash_location, exception_line, format_collect_failure, format_failure, format_import_error, relpath, skip_reason
from . import unittest_support
from .warnings_rec import TestWarnings, warning_frames
from .timeout import PhaseTimer, mark_settings, run_settings, start_limits
from .plugins import (NATIVE_PLUGINS, AnyioHooks, anyio_expands, describe_support, load_plugin, module_rules, plugin_fixtures,
                      unhandled_plugin_reason)
from .support import _plugin_args, async_setup, load_facts_cache, save_facts_cache, static_check
from .. import junit_records, results
from ..cancel import cancel_requested
from ..collection_filters import CARRIED
from ..named_nodes import NamedNodes
from ..run_filter import RunFilter
from ..initial_conftests import InitialConftestFailure, import_failure_text, initial_conftest_paths
from ..protocol import listed
from ..results import CollectedReporter
from ..reruns import ConditionError, RerunPolicy, RetryPlan, register_flaky_marker

try:
    from . import capture as _capture_mod
except Exception:  # pragma: no cover - capture.py is optional (or mid-edit)
    _capture_mod = None
try:
    from . import rewrite as _rewrite_mod
except Exception:  # pragma: no cover - rewriting is optional
    _rewrite_mod = None


# The pytest plugin that defines each builtin fixture (`-p no:NAME` removes its fixtures).
_FIXTURE_PLUGINS = {
    "caplog": "logging", "capsys": "capture", "capsysbinary": "capture", "capfd": "capture",
    "capfdbinary": "capture", "capteesys": "capture", "tmp_path": "tmpdir", "tmp_path_factory": "tmpdir",
    "tmpdir": "legacypath", "tmpdir_factory": "legacypath", "monkeypatch": "monkeypatch",
    "recwarn": "recwarn", "record_property": "junitxml", "record_xml_attribute": "junitxml",
    "record_testsuite_property": "junitxml", "doctest_namespace": "doctest", "subtests": "subtests",
}


class _RaisedElsewhere:
    """One of pytest's threadexception and unraisableexception plugins, set up as its
    pytest_configure does (threading.excepthook, sys.unraisablehook). The queue drained is the
    one the hook installed now fills: a pytest session started later in the worker (the header's,
    the pytest engine's) installs its own, and its tests drain that one too."""

    def __init__(self, owner, attr: str, queue_key, hook, collect):
        self.owner, self.attr, self.queue_key, self.hook, self.collect = owner, attr, queue_key, hook, collect
        self.stash = {}  # (what `collect` reads of a config)

    def queue(self):
        hook = getattr(self.owner, self.attr, None)
        if getattr(hook, "func", None) is not self.hook:
            return None
        append = hook.keywords.get("append")
        return getattr(append, "__self__", None)

    def drain(self, queue) -> None:
        self.stash[self.queue_key] = queue
        self.collect(self)


def _install_raised_elsewhere(config, blocked) -> list:
    """pytest's threadexception and unraisableexception plugins unless `-p no:` blocks them, in
    pluggy's call order (the later registered first). The phase that saw a thread's or a
    __del__'s exception warns of it; under `filterwarnings = error` the phase fails, as in
    pytest. Their cleanup is not kept: pytest calls it when the session ends, and a worker's end
    is not one."""
    import importlib
    import threading

    found = []
    for name, owner, attr, queue_key, hook, collect in (
            ("threadexception", threading, "excepthook", "thread_exceptions", "thread_exception_hook",
             "collect_thread_exception"),
            ("unraisableexception", sys, "unraisablehook", "unraisable_exceptions", "unraisable_hook",
             "collect_unraisable")):
        if name in blocked:
            continue
        cleanups = len(config._cleanup)
        try:
            module = importlib.import_module("_pytest." + name)
            module.pytest_configure(config)
            found.append(_RaisedElsewhere(owner, attr, getattr(module, queue_key),
                                          getattr(module, hook), getattr(module, collect)))
        except Exception:  # another pytest's layout: those exceptions go unreported, as before
            continue
        finally:
            del config._cleanup[cleanups:]
    return found


def _load_builtins():
    try:
        from . import builtins as mod  # our module, not the stdlib one
    except Exception:  # builtins.py is optional
        return {}
    return getattr(mod, "BUILTIN_FIXTURES", {})


def _defines(path: str, needle: bytes) -> bool:
    try:
        with open(path, "rb") as fh:
            return needle in fh.read()
    except OSError:
        return False


class _SimpleCapture:
    """sys-level capture used when capture.py is unavailable."""

    last_log = ""  # no log capture here

    def __init__(self, mode: str):
        import io
        self.mode = mode
        self._io = io
        self._saved = None
        self._out = self._err = None

    def start_test(self) -> None:
        if self.mode == "no":
            return
        if self._saved is None:
            self._saved = (sys.stdout, sys.stderr)
        self._out, self._err = self._io.StringIO(), self._io.StringIO()
        sys.stdout, sys.stderr = self._out, self._err

    def phase_done(self, when: str):
        if self.mode == "no" or self._out is None:
            return "", ""
        out, err = self._out.getvalue(), self._err.getvalue()
        self._out.seek(0)
        self._out.truncate()
        self._err.seek(0)
        self._err.truncate()
        return out, err

    def suspend(self) -> None:
        if self._saved is not None:
            sys.stdout, sys.stderr = self._saved

    def resume(self) -> None:
        if self._saved is not None and self._out is not None:
            sys.stdout, sys.stderr = self._out, self._err

    def stop(self) -> None:
        self.suspend()
        self._saved = None


class _CurrentTestVar:
    """os.environ["PYTEST_CURRENT_TEST"], set three times a test and removed as pytest does.

    On POSIX the value goes straight to putenv and os.environ's byte store, which is what
    os.environ's own __setitem__ does after encoding the key and value through two Python-level
    calls; anywhere else, or once a test has replaced os.environ, through the mapping.
    """

    _KEY = "PYTEST_CURRENT_TEST"
    _BKEY = b"PYTEST_CURRENT_TEST"

    def __init__(self):
        environ = os.environ
        self._environ = environ
        self._data = getattr(environ, "_data", None)
        self._encoding = sys.getfilesystemencoding()
        try:
            self._fast = (os.name == "posix" and type(environ) is os._Environ  # type: ignore[attr-defined]
                          and type(self._data) is dict and environ.encodekey(self._KEY) == self._BKEY)
        except Exception:  # an unusual os.environ gets the plain mapping
            self._fast = False

    def set(self, value: str) -> None:
        if self._fast and os.environ is self._environ:
            encoded = value.encode(self._encoding, "surrogateescape")
            os.putenv(self._BKEY, encoded)
            self._data[self._BKEY] = encoded
        else:
            os.environ[self._KEY] = value

    def clear(self) -> None:
        if self._fast and os.environ is self._environ:
            if self._data.pop(self._BKEY, None) is not None:
                os.unsetenv(self._BKEY)
        else:
            os.environ.pop(self._KEY, None)


class _Phase:
    """The outcome of one phase: pytest's CallInfo + TestReport, reduced to what we emit."""

    __slots__ = ("when", "exc", "outcome", "longrepr", "message", "wasxfail", "crashline", "stop",
                 "skip_file_only")

    def __init__(self, when: str):
        self.when = when
        self.exc: Optional[BaseException] = None
        self.outcome = "passed"
        self.longrepr: Optional[str] = None
        self.message: Optional[str] = None
        self.wasxfail: Optional[str] = None
        self.crashline: Optional[str] = None
        self.stop: Optional[float] = None  # when the phase raised: its duration ends there, as pytest's CallInfo
        self.skip_file_only = False  # results.skip_file_only


class _ReportOutcome:
    """What a makereport hook wrapper is sent: pluggy's Result, holding a report with `outcome`."""

    __slots__ = ("outcome",)

    def __init__(self, outcome: str):
        self.outcome = outcome

    def get_result(self) -> "_ReportOutcome":
        return self


def _collect_error_frame(relfile: str, state: tuple):
    """The collect_error frame of an ("error", message, crash[, collector]) state: named by the
    failing collector, the module unless a conftest's directory failed."""
    return results.collect_error(state[3] if len(state) > 3 else relfile, state[1], state[2])


def _assertion_settings(config) -> tuple:
    """pytest's assertion verbosity (`verbosity_assertions`, else -v's count) and its truncation
    limits (`truncation_limit_lines`/`_chars`), as rewrite.configure takes them."""
    verbose = config.option.verbose
    level = config.getini("verbosity_assertions")
    if level not in (None, "", "auto"):
        try:
            verbose = int(level)
        except ValueError:
            pass
    limits = []
    for name, default in (("truncation_limit_lines", DEFAULT_MAX_LINES), ("truncation_limit_chars", DEFAULT_MAX_CHARS)):
        value = config.getini(name)
        try:
            limits.append(int(value) if value not in (None, "") else default)
        except ValueError:
            limits.append(default)
    return verbose, limits[0], limits[1]


def _module_skip_frame(relfile: str, state: tuple) -> dict:
    """The result frame of a ("skip", reason, line[, collector, file[, crash]]) state: the module
    skipped at import, or the directory whose conftest skipped (`crash`: a skip not pytest's)."""
    reason, line = state[1], state[2]
    nodeid, file = (state[3], state[4]) if len(state) > 3 else (relfile, relfile)
    crash = state[5] if len(state) > 5 else None
    return results.module_skipped(nodeid, file, line, reason, f"{file}:{line}: {reason}", "native", crash)


# What pytest's collect report lets out (runner.pytest_make_collect_report's `reraise`); any
# other exception, pytest.exit() among them, is the collector's error.
_COLLECTION_RERAISES = (KeyboardInterrupt,)


def _initial_hook_failure(exc: BaseException) -> InitialConftestFailure:
    """pytest registers the initial conftests while it configures: a conftest's pytest_addoption
    that raises leaves pytest's main (a traceback, exit 1); its pytest_configure or
    pytest_sessionstart, pytest's session (INTERNALERROR, exit 3); a UsageError from either is
    pytest's usage error (exit 4)."""
    from ..terminal_text import uncaught_text, usage_error_text

    if isinstance(exc, UsageError):
        return InitialConftestFailure(usage_error_text(exc.args), 4)
    if getattr(exc, "conftest_hook", None) == "pytest_addoption":
        return InitialConftestFailure(uncaught_text(exc), 1)
    return InitialConftestFailure(uncaught_text(exc, "INTERNALERROR> "), 3)


class NativeEngine:
    def __init__(self, init: dict, emit: Callable[[dict], None]):
        self.emit = emit
        self.rootdir = os.path.abspath(init.get("rootdir") or os.getcwd())
        self.cache_dir = init.get("cacheDir") or os.path.join(self.rootdir, ".fastest")
        self._facts_checked = False
        self.init_worker_id = init.get("workerId") or 0
        self.named_path_list = [os.path.abspath(p) for p in init.get("namedPaths") or ()]
        self.named_paths = frozenset(self.named_path_list)
        self.markup = init.get("markup") is not None
        self.coverage = bool(init.get("coverage"))
        # auto: a module native cannot collect exactly goes to the pytest engine (run_unit's
        # "fallback"); native: it is reported as native collected it.
        self.falls_back = (init.get("engine") or "auto") == "auto"
        self.config = NativeConfig(self.rootdir, init.get("ini") or {}, init.get("args") or [],
                                   init.get("capture") or "fd", init.get("verbose") or 0)
        # what Node applies itself, as pytest's options hold it (a conftest reads getoption("-k"))
        selection = init.get("filter") or {}
        self.config.option.keyword = selection.get("keyword") or ""
        self.config.option.markexpr = selection.get("markexpr") or ""
        self.config.option.maxfail = int(init.get("maxfail") or 0)
        self.registry = FixtureRegistry(self.config)
        self.builtin_fixtures = _load_builtins()
        blocked = {name[3:] for name in _plugin_args(init.get("args") or []) if name.startswith("no:")}
        if blocked:  # `-p no:logging` takes caplog away, as it does under pytest
            self.builtin_fixtures = {name: f for name, f in self.builtin_fixtures.items()
                                     if _FIXTURE_PLUGINS.get(name) not in blocked}
        for name, (scope, func) in self.builtin_fixtures.items():
            self.registry.register(name, func, None, scope)
        self._raised_elsewhere = _install_raised_elsewhere(self.config, blocked)
        self._raised_queues: list = []  # (plugin, its queue now): looked up as each unit starts
        self.session = Session(self.config, self.registry)
        self.session.parentids_below = frozenset({""})
        self.collector = Collector(self.session, self.config)
        self.collector.conftest_loading = self._conftest_loading
        # [(first, end, conftest)] of the current collection's warnings (_collecting_warnings)
        self._conftest_spans: Optional[List[tuple]] = None
        self.collector.keeps_class_errors = not self.falls_back
        self.partial_files = set()  # modules a class of which failed to collect (--engine native)
        self.collector.named_nodes = NamedNodes(init.get("namedNodes"))
        self.collected = CollectedReporter(bool(init.get("reportMarks")))
        self.run_filter = RunFilter(init.get("filter"))
        self.modules: Dict[str, tuple] = {}
        # What a conftest's or plugin's pytest_collection_modifyitems deselected in each module
        self._hook_deselected: Dict[str, List[str]] = {}
        self.unsupported: Dict[str, Optional[str]] = {}
        self._native_plugin_fixtures: Optional[Dict[str, str]] = None
        self._native_plugins: Dict[str, Optional[str]] = {}  # loaded: None, else why not
        self.anyio: Optional[AnyioHooks] = None  # anyio's plugin, once a module needed it
        self.asyncio_runners = False  # pytest-asyncio loaded: the tests it takes use its runner fixtures
        # the loaded native plugins' pytest_collection_modifyitems and pytest_runtest_setup (after
        # the conftests' ones, as pluggy calls hooks registered earlier later), and their
        # pytest_runtest_makereport wrappers (_phase_reported)
        self._plugin_item_hooks: list = []
        self._plugin_setup_hooks: list = []
        self._report_wrappers: list = []
        self._plugin_checks: Optional[tuple] = None  # (reason for every module or None, module rules)
        self._rewrite_plugin_paths: List[str] = []  # their packages: rewritten, as pytest does
        self.setup_hooks: Dict[str, list] = {}  # module id -> its conftests' pytest_runtest_setup
        self.teardown_hooks: Dict[str, list] = {}  # module id -> its conftests' pytest_runtest_teardown
        self._collection = "before"  # -> "collecting" (pytest_collection called) -> "done"
        self.python_files = self.config.getini("python_files")
        self.asyncs = async_setup(self.config, init.get("args") or [])
        self._current_test = _CurrentTestVar()
        self.tbstyle = self.config.getoption("tbstyle", "auto")
        self.showlocals = bool(self.config.option.showlocals)
        self.timeout_run = run_settings(init.get("timeout"), init.get("ini") or {})
        self.timer = PhaseTimer.of(self.timeout_run)
        self._run_limits = start_limits(self.timeout_run, False)  # an unmarked test's
        self._timeout_marks: Optional[bool] = None  # pytest-timeout loaded: its mark sets a test's limit
        self.reruns = RerunPolicy(init.get("reruns"))
        register_flaky_marker(self.config)
        from _pytest.mark.structures import MARK_GEN

        if MARK_GEN._config is None:  # (a worker's pytest session for the header has pytest's own)
            MARK_GEN._config = MarkRegistry(self.config)  # type: ignore[assignment]
        # -s: the console shows what tests print, and pytest prints a test's letter before its
        # teardown's output (the channel marks that output, output_order.py)
        self.marks_teardown = init.get("capture") == "no"
        mode = self.config.option.capture
        if _capture_mod is not None:
            # pytest's logging plugin: records for "Captured log <when>", at log_level
            logs = {"log_capture": "no:logging" not in _plugin_args(init.get("args") or [])}
            if logs["log_capture"]:
                from .builtins import log_formatter, log_level
                logs.update(log_level=log_level(self.config), log_formatter=log_formatter(self.config))
                for name in self.config.option.logger_disable:  # --log-disable
                    logging.getLogger(name).disabled = True
            try:
                self.capture = _capture_mod.CaptureManager(mode, **logs)
            except ValueError:
                self.capture = _capture_mod.CaptureManager("fd", **logs)
        else:
            self.capture = _SimpleCapture(mode)
        self.config._capture_manager = self.capture
        # under --junitxml: what the junitxml fixtures record (builtins.record_*)
        self.junit = self.config._fastest_junit = (
            junit_records.LogXML(init["junitFamily"]) if init.get("junitFamily") is not None else None)
        # The `subtests` fixture (builtins.py) reports each subtest through this.
        self.config._subtest_recorder = self._record_subtest
        # pytest's warnings plugin (catch_warnings_for_item per test), unless `-p no:warnings`.
        self.test_warnings = None if "no:warnings" in _plugin_args(init.get("args") or []) else TestWarnings(
            self.config.getini("filterwarnings"), self.config.option.pythonwarnings or [])
        self._collect_warnings: List[dict] = []
        # A conftest's `config.issue_config_time_warning` (one pytest loads while collecting): pytest
        # records it at once, ahead of what collecting the module warns. Only the worker that
        # collects the module reports it (others import it for its side effects).
        self._collecting = False
        if self.test_warnings is not None:
            self.config._config_warning_sink = self._config_warning
        self._rewriting = False
        if _rewrite_mod is not None and self.config.option.assertmode == "rewrite":
            try:
                _rewrite_mod.install_rewrite_hook(self.rootdir, self.cache_dir, self._should_rewrite)
                if hasattr(_rewrite_mod, "configure"):
                    _rewrite_mod.configure(*_assertion_settings(self.config))
                self._rewriting = True
                # A module pytest's own hook rewrote (an installed plugin's, imported by the first
                # worker's header session) asks pytest's util for comparisons, as pytest sets it
                # during a test; the pytest engine sets and restores its own around its tests.
                from _pytest.assertion import util as pytest_assertion_util

                pytest_assertion_util._reprcompare = _rewrite_mod._reprcompare
            except Exception:  # rewriting is an improvement, never a requirement
                pass

    # --- public API ---------------------------------------------------------------------------
    def unsupported_reason(self, file: str) -> Optional[str]:
        if file in self.unsupported:
            return self.unsupported[file]
        reason = None
        if self.config.option.importmode not in ("prepend", "append", "importlib"):
            reason = f"--import-mode={self.config.option.importmode} is not supported natively"
        elif (self.config.getini("assertion_text_diff_style") or "ndiff") != "ndiff":  # pytest >= 9.1
            reason = (f"assertion_text_diff_style = {self.config.getini('assertion_text_diff_style')} "
                      "is not supported natively")
        elif (plugin_reason := self._installed_plugin_reason(file)) is not None:
            reason = plugin_reason
        else:
            if not self._facts_checked:
                load_facts_cache(self.cache_dir, int(self.init_worker_id), self.collector.describe_prefixes)
                self._facts_checked = True
            try:
                strict = self.config.registered_markers() if self.config.strict_markers() else None
                if strict is not None and self.asyncs.asyncio == "on":
                    strict = strict | {"asyncio"}  # pytest-asyncio's pytest_configure registers it
                if strict is not None and self.asyncs.anyio_plugin is not None:
                    strict = strict | {"anyio"}  # as anyio's
                needed: Set[str] = set()
                reason = static_check(self.rootdir, file, set(self.builtin_fixtures), strict, self.asyncs,
                                      missing_fixtures=self.falls_back, coverage=self.coverage,
                                      plugin_fixtures=self._plugin_fixtures, plugins_needed=needed,
                                      describe_prefixes=self.collector.describe_prefixes)
            except SyntaxError as e:
                # Python cannot compile it: pytest's import reports that (auto), frames and all;
                # alone, the native engine's import does, a collection error as pytest's.
                reason = f"cannot analyse {file}: {e}" if self.falls_back else None
            except Exception as e:  # an unreadable file is pytest's job
                reason = f"cannot analyse {file}: {e}"
            else:
                for name in sorted(needed):
                    if reason is None:
                        reason = self._load_plugin(name)
        self.unsupported[file] = reason
        return reason

    def _installed_plugin_reason(self, file: str) -> Optional[str]:
        """Why an installed plugin's hooks keep `file` from the native engine (plugins.py), or None."""
        if self._plugin_checks is None:
            plugins = self.config.pluginmanager.plugin_modules()
            describe = describe_support(plugins, self.config)
            if describe is not None and describe[1] is not None:
                self.collector.describe_prefixes, self.collector.make_describe_module = describe
            self._plugin_checks = (unhandled_plugin_reason(plugins), module_rules(describe))
            # pytest configures every plugin before collecting: pytest-mock's pytest_configure
            # wraps unittest.mock's assert methods for every test, not only `mocker`'s modules.
            # anyio's only registers its mark: its plugin (~50 ms to import, twice that with trio
            # installed) is loaded when a module needs it (support.static_check).
            for name, module in plugins:
                if name not in NATIVE_PLUGINS:
                    continue
                if module == "anyio.pytest_plugin":
                    self.asyncs.anyio_plugin = name
                if module == "pytest_asyncio.plugin":
                    if self.asyncs.asyncio != "on":
                        continue  # (a version the native engine does not follow: its modules go to pytest)
                    self.asyncs.asyncio_plugin = name
                if not NATIVE_PLUGINS[name].lazy:
                    self._load_plugin(name)
        everywhere, rules = self._plugin_checks
        if everywhere is not None or not rules:
            return everywhere
        try:
            with open(os.path.join(self.rootdir, file), "rb") as fh:
                source = fh.read()
        except OSError:
            return None  # its import reports it
        return next((reason for pattern, reason in rules if pattern.search(source)), None)

    def _plugin_fixtures(self) -> Dict[str, str]:
        if self._native_plugin_fixtures is None:
            self._native_plugin_fixtures = plugin_fixtures(self.config.pluginmanager)
        return self._native_plugin_fixtures

    def _load_plugin(self, name: str) -> Optional[str]:
        """Loads the native plugin `name` once (plugins.py): None, or why its modules go to pytest."""
        if name not in self._native_plugins:
            try:
                self._native_plugins[name] = load_plugin(name, self.config, self.registry,
                                                         self._rewrite_plugin_paths.append)
            except UsageError:
                raise  # (its pytest_configure refused the configuration: pytest's usage error too)
            except Exception as e:
                self._native_plugins[name] = f"plugin {name} failed to load natively: {type(e).__name__}: {e}"
            if self._native_plugins[name] is None:
                self._register_plugin_hooks(name)
        return self._native_plugins[name]

    def _register_plugin_hooks(self, name: str) -> None:
        """The hooks of native plugin `name`, just loaded, that the engine calls where pytest would."""
        module = self.config.pluginmanager.get_plugin(name)
        hooks = NATIVE_PLUGINS[name].hooks
        if "pytest_collection_modifyitems" in hooks:
            self._plugin_item_hooks.append(module.pytest_collection_modifyitems)
        if "pytest_runtest_setup" in hooks:
            self._plugin_setup_hooks.append(module.pytest_runtest_setup)
        if "pytest_runtest_makereport" in hooks:
            self._report_wrappers.append(module.pytest_runtest_makereport)
        if name == self.asyncs.anyio_plugin:
            self.anyio = AnyioHooks(module, self.config)
            self.collector.anyio = self.anyio
            add_fixture_setup_wrapper(self.anyio.fixture_setup, new_style=False)
        if name == self.asyncs.asyncio_plugin:
            self.asyncio_runners = True
            add_fixture_setup_wrapper(module.pytest_fixture_setup, new_style=True)

    def precompile(self, relfile: str) -> None:
        """`relfile`'s rewritten code into the rewrite cache (rewrite.fill_cache), when the native
        engine would rewrite it."""
        path = os.path.join(self.rootdir, relfile)
        if self._rewriting and self._should_rewrite(path):
            _rewrite_mod.fill_cache(path, self.cache_dir)

    def load_initial_conftests(self, paths: List[str]) -> None:
        """Imports pytest's initial conftests (initial_conftests.py) before the first module, as
        pytest imports them while it configures: InitialConftestFailure, with pytest's text, for
        the first that fails to import.

        hypothesis' plugin, which pytest imports with the other plugins before these, counts them
        as hypothesis' initialization (slow strategy work a conftest does at import is warned of,
        HypothesisSideeffectWarning) until the session starts: imported first here too, and told
        the session started once they are loaded."""
        hypothesis_plugin = self._hypothesis_plugin()
        try:
            self._load_conftests_ahead(paths, True)
        finally:
            if hypothesis_plugin is not None:
                hypothesis_plugin.pytest_sessionstart(None)

    def _hypothesis_plugin(self):
        """hypothesis' pytest plugin module, imported, when pytest would load it; else None."""
        if not any(module == "_hypothesis_pytestplugin" for _, module in self.config.pluginmanager.plugin_modules()):
            return None
        try:
            import _hypothesis_pytestplugin as plugin  # type: ignore[import-not-found]
        except Exception:  # pytest would say so itself
            return None
        return plugin if callable(getattr(plugin, "pytest_sessionstart", None)) else None

    def initial_conftest_paths(self) -> List[str]:
        return initial_conftest_paths(self.rootdir, os.getcwd(), self.named_path_list, self.config.getini("testpaths"))

    def _load_conftests_ahead(self, paths: List[str], import_failure_ends_run: bool) -> None:
        """Loads conftests before any module: a failure is reported with the first module below
        the conftest (or, `import_failure_ends_run`, an import failure is pytest's usage error).
        What importing them warns goes with the first result."""
        self.capture.start_test()
        try:
            with self._collecting_warnings():
                for path in paths:
                    try:
                        self.collector.load_conftest(path)
                    except KeyboardInterrupt:
                        raise
                    except BaseException as e:
                        # pytest.exit() in a conftest's hook ends the session; at its import it is
                        # an import failure like any other (pytest's ConftestImportFailure)
                        if isinstance(e, Exit) and not getattr(e, "conftest_import_failed", False):
                            raise
                        if import_failure_ends_run and getattr(e, "conftest_import_failed", False):
                            raise InitialConftestFailure(import_failure_text(path, e, self.markup))
                        if import_failure_ends_run and getattr(e, "conftest_hook", None):
                            raise _initial_hook_failure(e)
        finally:
            self.capture.phase_done("collect")
            self.capture.suspend()

    @contextlib.contextmanager
    def _collecting_warnings(self, module: Optional[str] = None) -> Iterator[None]:
        """While conftests and modules load: pytest records what they warn (it goes with the
        first result). `module`: the file being collected (Node reports a file's once)."""
        recorder = self.test_warnings
        if recorder is not None:
            recorder.enter()
        self._collecting = True
        spans = self._conftest_spans = []
        try:
            with CARRIED.around() if recorder is not None else contextlib.nullcontext():
                yield
        finally:
            self._collecting = False
            self._conftest_spans = None
            if recorder is not None:
                log = recorder.exit()
                if log:
                    frames = warning_frames(log, nodeid="", module=module)
                    # what importing a conftest warned is the conftest's, whichever module (and
                    # worker) loaded it: Node reports it once
                    for start, end, conftest in spans:
                        for frame in frames[start:end]:
                            frame["module"] = conftest
                    self._collect_warnings.extend(frames)

    @contextlib.contextmanager
    def _conftest_loading(self, path: str) -> Iterator[None]:
        """Collector.conftest_loading: which of the current collection's warnings importing the
        conftest at `path` raised."""
        spans = self._conftest_spans
        recorder = self.test_warnings
        if spans is None or recorder is None:
            yield
            return
        first = recorder.recorded()
        try:
            yield
        finally:
            spans.append((first, recorder.recorded(), relpath(path, self.rootdir).replace(os.sep, "/")))

    def _begin_collection(self) -> None:
        """pytest_collection of the initial conftests, before the first module is imported: the
        conftests pytest loads before collecting, loaded here only when one of them defines the
        hook (elsewhere they load with their first module, or first: load_initial_conftests)."""
        if self._collection != "before":
            return
        self._collection = "collecting"
        initial = self.initial_conftest_paths()
        if not any(_defines(path, b"def pytest_collection(") for path in initial):
            return
        self._load_conftests_ahead(initial, False)
        self.capture.start_test()
        try:
            loaded = [m for m in self.collector.conftests.values() if not isinstance(m, BaseException)]
            session_hook(loaded, "pytest_collection", self.session)
        finally:
            self.capture.phase_done("collect")
            self.capture.suspend()

    def _finish_collection(self) -> None:
        """pytest_collection_finish of every conftest loaded, once the collection pass is over."""
        if self._collection == "done":
            return
        self._begin_collection()
        self._collection = "done"
        loaded = [m for m in self.collector.conftests.values() if not isinstance(m, BaseException)]
        if not any(callable(getattr(m, "pytest_collection_finish", None)) for m in loaded):
            return
        self.capture.start_test()
        try:
            session_hook(loaded, "pytest_collection_finish", self.session)
        finally:
            self.capture.phase_done("collect")
            self.capture.suspend()

    def collect_file(self, relfile: str) -> Optional[str]:
        """Collects `relfile` ahead of its unit (the run's collection pass): its collection error
        is sent now, the rest waits in `modules` for run_unit. Returns why the pytest engine must
        collect it instead (auto), or None."""
        self._begin_collection()
        state = self._collect(relfile)
        if state[0] == "fallback":
            return state[1]
        if state[0] == "error":
            self.emit(_collect_error_frame(relfile, state))
        self._emit_class_errors(relfile)
        return None

    def _emit_class_errors(self, relfile: str) -> None:
        """The collection errors of `relfile`'s classes that failed to collect, once: each named by
        the class's node id, as pytest reports a Class collector's failure."""
        errors = self.collector.class_errors.pop(relfile, None)
        if not errors:
            return
        self.partial_files.add(relfile)
        path = os.path.join(self.rootdir, relfile)
        for nodeid, error in errors:
            # (a Class collector's failure always has its exception line, a pytrace=False fail's too)
            self.emit(results.collect_error(relfile, format_collect_failure(error, path), exception_line(error), collector=nodeid))

    def partially_collected(self, relfile: str) -> bool:
        """Whether a class inside `relfile` failed to collect while the module itself collected."""
        return relfile in self.partial_files

    def pass_skip(self, relfile: str) -> Optional[dict]:
        """The result frame of `relfile`'s skip at import, when the collection pass found it skipped."""
        state = self.modules.get(relfile)
        return _module_skip_frame(relfile, state) if state is not None and state[0] == "skip" else None

    def take_collect_warnings(self, relfile: str) -> List[dict]:
        """What collecting `relfile` (and what loaded before it) warned, which the next result would carry."""
        taken, self._collect_warnings = self._collect_warnings, []
        return taken

    def collected_ids(self, relfile: str) -> Optional[list]:
        """The ids of the tests the collection pass found in `relfile` (None: not collected here)."""
        state = self.modules.get(relfile)
        if state is not None and state[0] == "skip":  # skipped whole: it holds no test (as the pytest engine says)
            return []
        return [item.nodeid for item in state[1]] if state is not None and state[0] == "ok" else None

    def filtered_ids(self, relfile: str) -> List[str]:
        """The ids of the tests the collection pass found in `relfile` that -k/-m/--deselect leave out."""
        state = self.modules.get(relfile)
        return self.run_filter.split(state[1], None)[1] if state is not None and state[0] == "ok" else []

    def hook_deselected(self, relfile: str) -> List[str]:
        """The ids a conftest's or plugin's pytest_collection_modifyitems deselected in `relfile`."""
        return self._hook_deselected.get(relfile, [])

    def import_file(self, relfile: str) -> None:
        """Imports `relfile` (and its conftests) for what importing it does, without collecting
        its tests: the collection pass, for a file of another worker's share. Its errors and
        warnings are the owning worker's to report; a unit of it that comes here later is
        collected then, from the module already imported."""
        if relfile in self.modules:
            return
        self._begin_collection()
        self.capture.start_test()
        recorder = self.test_warnings
        # the conftests load under the warning filters too: a conftest that `filterwarnings =
        # error` fails must fail here as in the owning worker, not load for this worker's units
        if recorder is not None:
            recorder.enter()
        try:
            with CARRIED.around() if recorder is not None else contextlib.nullcontext():
                path = os.path.join(self.rootdir, relfile)
                self.collector.load_conftests(path)
                if self.collector.ignored_by_conftest(path, self.named_paths):
                    return
                self.collector.import_module(relfile)
        except KeyboardInterrupt:
            raise
        except BaseException:
            pass
        finally:
            if recorder is not None:
                recorder.exit()
            self.capture.phase_done("collect")
            self.capture.suspend()

    def run_unit(self, unit: dict) -> dict:
        relfile = unit["file"]
        self._finish_collection()
        self._raised_queues = [(plugin, plugin.queue()) for plugin in self._raised_elsewhere]
        state = self._collect(relfile)
        kind = state[0]
        if kind == "fallback":
            return {"engine": "native", "reason": state[1], "fallback": True}
        if kind == "error":
            self.emit(_collect_error_frame(relfile, state))
            return {"engine": "native", "reason": None}
        if kind == "skip":
            self.emit(_module_skip_frame(relfile, state))
            return {"engine": "native", "reason": None}
        self._emit_class_errors(relfile)
        ids = unit.get("ids")
        module_items = state[1]
        collected = self._select(module_items, ids)
        items, filtered = self.run_filter.split(collected, ids, bool(unit.get("judge")))
        # What is left to requeue if this worker dies mid-unit, and what the module does not
        # produce of what the unit lists (docs/protocol.md).
        self.emit(self.collected.frame(
            relfile, [item.nodeid for item in collected], ids,
            None if ids is None else [item.nodeid for item in module_items],
            self.hook_deselected(relfile), collected, filtered))
        if items:
            try:  # leave the packages of the previous unit that this one is not in
                self.session.state.teardown_exact(items[0].listchain())
            except BaseException:  # no test of this unit owns those errors
                pass
        try:
            for index, item in enumerate(items):
                nextitem = items[index + 1] if index + 1 < len(items) else None
                self._run_item(item, nextitem)
                if cancel_requested():  # -x / --maxfail reached: the rest is not run
                    break
        finally:
            self.capture.suspend()
            self._teardown_to_session()
        return {"engine": "native", "reason": None}

    def close(self) -> None:
        save_facts_cache()  # once per worker: merging the file after every unit cost a rewrite each
        try:
            self.session.state.teardown_exact([])
        except BaseException:  # session teardown errors have no test to go to
            pass
        try:
            self.capture.stop()
        except Exception:
            pass

    # --- collection ---------------------------------------------------------------------------
    def _should_rewrite(self, path: str) -> bool:
        if self._rewrite_plugin_paths and any(path == p or path.startswith(p + os.sep) for p in self._rewrite_plugin_paths):
            return True
        if not path.startswith(self.rootdir + os.sep):
            return False
        base = os.path.basename(path)
        # (pytest rewrites a file the command line names whatever its name: session.isinitpath)
        if base == "conftest.py" or path in self.named_paths:
            return True
        return any(fnmatch.fnmatch(base, pat) for pat in self.python_files)

    def _config_warning(self, log: list) -> None:
        # pytest records a config-time warning at once, before what collecting warned (recorded
        # as collection ends): the session's (module ''), reported once whichever workers raised it
        if self._collecting:
            self._collect_warnings.extend(warning_frames(log, nodeid="", module=""))

    def _collect(self, relfile: str) -> tuple:
        state = self.modules.get(relfile)
        if state is not None:
            return state
        path = os.path.join(self.rootdir, relfile)
        self.capture.start_test()
        try:
            # pytest records what loading the module's conftests, importing and collecting it warn
            with self._collecting_warnings(relfile):
                try:
                    self.collector.load_conftests(path)
                except BaseException as e:
                    # pytest's collection lets KeyboardInterrupt and SystemExit out; pytest.exit()
                    # (an Exception) is the collector's error
                    if isinstance(e, _COLLECTION_RERAISES) or (isinstance(e, Exit) and not getattr(e, "conftest_import_failed", False)):
                        raise
                    conftest = getattr(e, "conftest_path", path)
                    # pytest's collector of the conftest's directory fails, not the module: the
                    # error is named by the directory (`ERROR collecting sub`), once
                    directory = relpath(os.path.dirname(conftest), self.rootdir)
                    if isinstance(e, Skipped):  # a skip, allowed at module level or not: that collector is skipped
                        state = ("skip", skip_reason(e), crash_location(e)[1] or 1, directory, relpath(conftest, self.rootdir))
                    else:
                        state = ("error", format_collect_failure(e, conftest), collect_crash(e, conftest=True), directory)
                    self.modules[relfile] = state
                    return state
                try:
                    ignored = self.collector.ignored_by_conftest(path, self.named_paths)
                except NeedsPytest as e:
                    state = self.modules[relfile] = ("fallback", str(e))
                    return state
                except BaseException as e:
                    if isinstance(e, (KeyboardInterrupt, Exit)):
                        raise
                    # pytest's walk asks the hook while collecting the module's directory
                    directory = relpath(os.path.dirname(path), self.rootdir)
                    state = ("error", format_collect_failure(e, path), collect_crash(e), directory)
                    self.modules[relfile] = state
                    return state
                if ignored:  # pytest does not collect it at all
                    state = self.modules[relfile] = ("ok", [])
                    return state
                return self._import_and_collect(relfile, path)
        finally:
            self.capture.phase_done("collect")
            self.capture.suspend()

    def _import_and_collect(self, relfile: str, path: str) -> tuple:
        try:
            mod = self.collector.import_module(relfile)
        except Skipped as e:
            if e.allow_module_level:
                _, line = crash_location(e)
                state = ("skip", skip_reason(e), line or 1)
            else:
                state = ("error", format_import_error(e, path), collect_crash(e))
            self.modules[relfile] = state
            return state
        except BaseException as e:
            if isinstance(e, _COLLECTION_RERAISES):
                raise
            unittest = sys.modules.get("unittest")
            if unittest is not None and isinstance(e, unittest.SkipTest):
                # pytest's collect report takes unittest's skip for a skip of the module too
                # (docutils' modules that run only stand-alone)
                _, line = crash_location(e)
                reason = skip_reason(e)
                state = self.modules[relfile] = ("skip", reason, line or 1, relfile, relfile, reason)
                return state
            if self.falls_back and isinstance(e, ImportError) and self.config.option.verbose >= 2:
                # pytest's -vv leaves its own import frames in the traceback: its import's to show
                state = ("fallback", "an import error under -vv (pytest's whole traceback)")
            else:
                state = ("error", format_import_error(e, path), collect_crash(e))
            self.modules[relfile] = state
            return state
        try:
            items = self.collector.collect_module(relfile, mod)
            if self.asyncs.asyncio == "on":  # before hooks can add marks, as pytest-asyncio
                asyncio_items(items, self.asyncs)
            conftests = self.collector.conftest_modules(path)
            self.config.hook.deselected = deselected = []
            if conftests:
                item_collected(conftests, items)
                modify_items(conftests, self.session, self.config, items)
                self.teardown_hooks[relfile.replace(os.sep, "/")] = runtest_teardown_hooks(conftests)
            for hook in self._plugin_item_hooks:
                call_hook(hook, session=self.session, config=self.config, items=items)
            if deselected:
                self._hook_deselected[relfile] = deselected
            if conftests or self._plugin_setup_hooks:
                self.setup_hooks[relfile.replace(os.sep, "/")] = (
                    (runtest_setup_hooks(conftests) if conftests else []) + self._plugin_setup_hooks)
            items = reorder_items(items)
            if self._timeout_marks_apply():
                for item in items:  # a mark pytest-timeout refuses ends pytest's session
                    if "timeout" in item.mark_names():
                        mark_settings(item.get_closest_marker("timeout"), self.timeout_run)
        except Skipped as e:
            state = ("skip", skip_reason(e), crash_location(e)[1] or 1)
        except BaseException as e:
            if isinstance(e, _COLLECTION_RERAISES):
                raise
            state = ("error", format_collect_failure(e, path), collect_crash(e))
            if self.falls_back:  # the module imported: pytest's own collection says what it holds
                state = ("fallback", f"native collection failed: {type(e).__name__}")
        else:
            missing = _undefined_fixture(items) if self.falls_back else None
            # a fixture no conftest or builtin defines may come from a plugin only pytest loads
            state = ("fallback", f"fixture '{missing}' is not defined natively") if missing else ("ok", items)
            if self.falls_back and self.asyncs.anyio_plugin is not None and any(map(anyio_expands, items)):
                state = ("fallback", "anyio's plugin adds a test per backend at the end of collection")
        self.modules[relfile] = state
        return state

    @staticmethod
    def _select(items: List[Item], ids) -> List[Item]:
        if ids is None:
            return items
        wanted = set(ids)
        return [item for item in items if listed(item.nodeid, wanted)]

    # --- running ------------------------------------------------------------------------------
    def _teardown_to_session(self) -> None:
        """End of a unit: tear down module and class scope; session/package stay."""
        state = self.session.state
        try:
            state.teardown_exact(_session_level(state))
        except BaseException:  # errors were reported with the unit's last test
            pass

    def _run_item(self, item: Item, nextitem: Optional[Item]) -> None:
        plan = None
        mark_names = item.mark_names()
        if self.reruns.active or "flaky" in mark_names:
            function = item.function
            plan = self.reruns.plan(next(item.iter_markers("flaky"), None),
                                    getattr(getattr(function, "__func__", function), "__globals__", None),
                                    self.config)
        timer, (limit, call_limit) = self.timer, self._run_limits
        if "timeout" in mark_names and self._timeout_marks_apply():
            settings = mark_settings(item.get_closest_marker("timeout"), self.timeout_run)
            timer, (limit, call_limit) = PhaseTimer.of(settings), start_limits(settings, True)
        start = results.start(item.nodeid, limit)
        call_start = results.start(item.nodeid, call_limit) if call_limit is not None else None
        if plan is not None:
            self._run_with_reruns(item, nextitem, plan, timer, start, call_start)
            return
        self.emit(start)
        self.emit(results.result(self._attempt(item, nextitem, None, timer, call_start)[0]))

    def _timeout_marks_apply(self) -> bool:
        """Whether pytest would load pytest-timeout, which gives the `timeout` mark its meaning."""
        if self._timeout_marks is None:
            self._timeout_marks = any(module == "pytest_timeout"
                                      for _, module in self.config.pluginmanager.plugin_modules())
        return self._timeout_marks

    def _run_with_reruns(self, item: Item, nextitem: Optional[Item], plan: RetryPlan,
                         timer: Optional[PhaseTimer], start: dict, call_start: Optional[dict]) -> None:
        """pytest-rerunfailures' loop: setup, call and teardown again while the test fails and
        reruns are left; the earlier attempts ride on the last one's result."""
        attempts: List[dict] = []
        earlier_sections: List[list] = []
        earlier_warnings: List[dict] = []  # pytest's warnings plugin records around all attempts
        while True:
            self.emit(start)
            result, failures, kept_chain = self._attempt(item, nextitem, (plan, len(attempts)), timer, call_start)
            again = False
            try:
                again = plan.again(len(attempts), failures)
            except ConditionError as e:  # the plugin stops the session here; fastest fails the test
                result["outcome"], result["when"] = "failed", "call"
                result["longrepr"] = result["message"] = str(e)
            if not again:
                if kept_chain:  # the rest of the teardown the attempt held back
                    teardown = self._teardown(item, nextitem)
                    if teardown.outcome == "failed" and "teardownError" not in result:
                        result["teardownError"] = {"longrepr": teardown.longrepr or "",
                                                   "message": teardown.message or ""}
                break
            own = result.get("sections") or []
            attempts.append(results.attempt(result, own, failures))
            earlier_sections.extend(own)
            earlier_warnings.extend(result.get("warnings") or [])
            _forget_failed_fixtures(item)
            plan.wait(len(attempts) - 1)
        if attempts:
            result["attempts"] = attempts
            # pytest keeps an item's captured sections across reruns: the last report shows all
            result["sections"] = earlier_sections + (result.get("sections") or [])
            if earlier_warnings:
                result["warnings"] = earlier_warnings + (result.get("warnings") or [])
        self.emit(results.result(result))

    def _attempt(self, item: Item, nextitem: Optional[Item], retry, timer: Optional[PhaseTimer],
                 call_start: Optional[dict]) -> tuple:
        """One run of setup, call and teardown: (result fields, the failures of its phases,
        whether the teardown stopped at the test's own level for a rerun). `retry`: (plan,
        reruns done) when the test may run again; `timer`: pytest-timeout's, or None;
        `call_start`: the `start` frame to send again when the call begins, or None."""
        nodeid = item.nodeid
        capture = self.capture
        sections: List[list] = []
        start = perf_counter()
        capture.start_test()
        recorder = self.test_warnings
        if recorder is not None:
            recorder.enter([arg for mark in item.iter_markers("filterwarnings") for arg in mark.args]
                           if "filterwarnings" in item.mark_names() else ())
        current_test = self._current_test
        phases = {}
        log = None
        try:
            current_test.set(nodeid + " (setup)")
            if timer is not None:
                timer.enter("setup")
            setup = self._setup(item)
            if timer is not None:
                timer.leave()
            if self._report_wrappers:
                self._phase_reported(item, setup)
            self._capture_section(sections, "setup")
            call = None
            mark = perf_counter()
            phases["setup"] = (setup.stop or mark) - start
            if setup.outcome == "passed":
                current_test.set(nodeid + " (call)")
                if call_start is not None:
                    self.emit(call_start)
                if timer is not None:
                    timer.enter("call")
                call = self._call(item)
                if timer is not None:
                    timer.leave()
                if self._report_wrappers:
                    self._phase_reported(item, call)
                self._capture_section(sections, "call")
                end = perf_counter()
                phases["call"] = (call.stop or end) - mark
                mark = end
            if self.marks_teardown and retry is None:  # (pytest-rerunfailures prints its letters after the teardown)
                self.emit(results.teardown_starts(nodeid))
            current_test.set(nodeid + " (teardown)")
            if timer is not None:
                timer.enter("teardown")
            kept_chain = False
            if retry is not None and self._rerun_before_teardown(retry, setup, call):
                # a rerun follows: tear down the test alone, its module and class stay set up
                kept_chain = True
                teardown = self._teardown_to(item, item.listchain()[:-1])
            else:
                teardown = self._teardown(item, nextitem)
            if timer is not None:
                timer.stop()
            self._capture_section(sections, "teardown")
        finally:
            if timer is not None:
                timer.stop()
            current_test.clear()
            if recorder is not None:
                log = recorder.exit()
            # capture stays on until the unit ends (run_unit): nothing writes between tests
            item.clear_instance()
        end = perf_counter()
        phases["teardown"] = (teardown.stop or end) - mark
        result = self._result(item, setup, call, teardown, end - start, sections)
        result["phases"] = phases
        if log:
            result["warnings"] = warning_frames(log)
        if self._collect_warnings:  # the first result after a module's collection carries its warnings
            result["warnings"] = self._collect_warnings + result.get("warnings", [])
            self._collect_warnings = []
        if retry is None:
            return result, None, False
        failures = [phase.exc for phase in (setup, call, teardown)
                    if phase is not None and phase.outcome == "failed" and phase.wasxfail is None]
        if not failures and result["outcome"] == "failed":  # failed subtests, a strict XPASS
            failures = [None]
        return result, failures, kept_chain

    @staticmethod
    def _rerun_before_teardown(retry, setup: _Phase, call: Optional[_Phase]) -> bool:
        """The plugin's teardown-time check: setup or call failed, reruns are left, no failure
        is excluded from reruns. (A teardown that then fails can still ask for a rerun.)"""
        plan, done = retry
        failures = [phase.exc for phase in (setup, call)
                    if phase is not None and phase.outcome == "failed" and phase.wasxfail is None]
        try:
            return plan.again(done, failures)
        except ConditionError:
            return False

    def _capture_section(self, sections: list, when: str) -> None:
        out, err = self.capture.phase_done(when)
        if out:
            sections.append(["Captured stdout " + when, out])
        if err:
            sections.append(["Captured stderr " + when, err])
        log = self.capture.last_log
        if log:
            sections.append(["Captured log " + when, log])

    def _setup(self, item: Item) -> _Phase:
        phase = _Phase("setup")
        stash = item.stash
        stash.pop("xfailed", None)
        try:
            names = item.mark_names()
            if "skip" in names or "skipif" in names:
                reason = evaluate_skip_marks(item)
                if reason is not None:
                    raise skip.Exception(reason, _use_item_location=True)
            xfailed = evaluate_xfail_marks(item) if "xfail" in names else None
            stash["xfailed"] = xfailed
            if xfailed is not None and not self.config.option.runxfail and not xfailed.run:
                xfail("[NOTRUN] " + xfailed.reason)
            hooks = self.setup_hooks.get(item.file_node.nodeid)
            if hooks:
                for hook in hooks:
                    call_hook(hook, item=item)
            self.session.state.setup(item.listchain())
            item.setup_instance()
            if self.asyncio_runners and stash.get(ASYNCIO_ITEM):
                stash[ASYNCIO_RUNNER] = asyncio_runner_requested(item, self.asyncs.test_loop_scope)
            if item.fixtureinfo.names_closure:
                fill_fixtures(item, {})
            self._warn_raised_elsewhere()
        except BaseException as e:
            self._record(phase, item, e)
        return phase

    def _call(self, item: Item) -> _Phase:
        phase = _Phase("call")
        stash = item.stash
        try:
            if stash.get("xfailed") is None and "xfail" in item.mark_names():
                stash["xfailed"] = evaluate_xfail_marks(item)
            xfailed = stash.get("xfailed")
            if xfailed is not None and not self.config.option.runxfail and not xfailed.run:
                xfail("[NOTRUN] " + xfailed.reason)
            try:
                if item.is_unittest:
                    unittest_support.run_testcase(item, self._record_subtest)
                else:
                    self._call_function(item)
                self._warn_raised_elsewhere()
            finally:
                if stash.get("xfailed") is None and "xfail" in item.mark_names():
                    stash["xfailed"] = evaluate_xfail_marks(item)  # added while running
        except BaseException as e:
            self._record(phase, item, e)
        else:
            self._apply_xfail(phase, item, None)
        return phase

    def _call_function(self, item: Item) -> None:
        func = item.obj
        funcargs = item.funcargs
        kwargs = {arg: funcargs[arg] for arg in item.fixtureinfo.argnames}
        if "hypothesis" in sys.modules:
            hypothesis_around_call(item)
        if self.asyncs.asyncio == "on" and "asyncio" in item.mark_names():
            asyncio_call_warnings(item, self.asyncs)  # pytest-asyncio's pytest_pyfunc_call
        if self.anyio is not None and "anyio_backend" in funcargs and self.anyio.pyfunc_call(pyfuncitem=item):
            return
        if item.is_async:
            runner = item.stash.get(ASYNCIO_RUNNER)
            if runner is not None:
                run_in_asyncio_runner(func, kwargs, funcargs[runner])
                return
            _async_fail()
        result = func(**kwargs)
        if result is not None and (hasattr(result, "__await__") or hasattr(result, "__aiter__")):
            close = getattr(result, "close", None)
            if close is not None:
                close()
            _async_fail()
        elif result is not None:
            _warn_returned(item.nodeid, result)

    def _phase_reported(self, item: Item, phase: _Phase) -> None:
        """The native plugins' pytest_runtest_makereport wrappers (old-style) around the phase's
        report, of which they read the outcome. (A teardown's report comes after its fixtures
        ended, where nothing can read it.)"""
        report = _ReportOutcome(phase.outcome)
        for wrapper in self._report_wrappers:
            around = wrapper(item=item, call=None)
            next(around)
            try:
                around.send(report)
            except StopIteration:
                pass

    def _teardown(self, item: Item, nextitem: Optional[Item]) -> _Phase:
        state = self.session.state
        return self._teardown_to(item, nextitem.listchain() if nextitem is not None else _session_level(state))

    def _teardown_to(self, item: Item, needed: list) -> _Phase:
        phase = _Phase("teardown")
        try:
            hooks = self.teardown_hooks.get(item.file_node.nodeid)
            if hooks:
                for hook in hooks:
                    call_hook(hook, item=item)
            self.session.state.teardown_exact(needed)
            self._warn_raised_elsewhere()
        except BaseException as e:
            self._record(phase, item, e)
        return phase

    def _warn_raised_elsewhere(self) -> None:
        """The end of a phase that did not raise: what threads and __del__ methods raised since
        the last phase, warned (or raised) as pytest's trylast runtest hooks do."""
        for plugin, queue in self._raised_queues:
            if queue:
                plugin.drain(queue)

    def _record(self, phase: _Phase, item: Item, exc: BaseException) -> None:
        """pytest_runtest_makereport for a phase that raised, skipping plugin included."""
        phase.stop = perf_counter()
        if isinstance(exc, (KeyboardInterrupt, Exit)):
            raise exc
        phase.exc = exc
        ut = sys.modules.get("unittest")
        if ut is not None and isinstance(exc, ut.SkipTest) and not isinstance(exc, Skipped):
            exc = phase.exc = unittest_support.pytest_skip_of(exc, phase.when)
        if isinstance(exc, XFailed) and not self.config.option.runxfail:
            phase.outcome = "skipped"
            phase.wasxfail = exc.msg
            phase.message = exc.msg
            return
        if isinstance(exc, Skipped):
            phase.outcome = "skipped"
            reason = skip_reason(exc)
            if getattr(exc, "_use_item_location", False):
                path, line = item.location_file, item.line
            else:
                path, line = crash_location(exc)
                path = relpath(path, self.rootdir) if path else item.file_node.nodeid
                line = line or item.line
            phase.message = reason
            phase.longrepr = f"{path}:{line}: {reason}"
            phase.skip_file_only = phase.when == "setup" and results.skip_file_only(item.keywords)
            return
        phase.outcome = "failed"
        if phase.when != "teardown" and self._apply_xfail(phase, item, exc):
            return
        phase.longrepr, phase.message = format_failure(exc, item.function, self.tbstyle, item.is_unittest, self.showlocals,
                                                       self.config.option.verbose <= 1)
        if self.tbstyle == "line":
            phase.crashline = _crash_line(exc, phase.longrepr)

    def _record_subtest(self, item: Item, exc: Optional[BaseException], msg: Optional[str],
                        kwargs: dict, unittest: bool, sections: Optional[list] = None) -> None:
        """One subtest's report (a unittest subTest or the `subtests` fixture), kept on the item
        until its result: pytest's SubtestReport, made by the same makereport as the call."""
        phase = _Phase("call")
        if exc is not None:
            self._record(phase, item, exc)
        outcome = phase.outcome
        if phase.wasxfail is not None:
            outcome = "xfailed" if outcome == "skipped" else "xpassed"
        report = {"outcome": outcome,
                  "description": unittest_support.subtest_description(msg, kwargs)}
        if phase.longrepr is not None:
            report["longrepr"] = phase.longrepr
        if phase.message is not None:
            report["message"] = phase.message
        if phase.crashline is not None and outcome == "failed":
            report["crashline"] = phase.crashline
        if sections:
            report["sections"] = sections
        if unittest and self.config.option.capture != "no":
            # pytest writes these reports while the test's output is captured: never on screen.
            report["hidden"] = True
        stash = item.stash
        reports = stash.get("subtests")
        if reports is None:
            reports = stash["subtests"] = []
        reports.append(report)
        if outcome == "failed" and not unittest:
            stash["failed_subtests"] = stash.get("failed_subtests", 0) + 1

    def _apply_xfail(self, phase: _Phase, item: Item, exc: Optional[BaseException]) -> bool:
        """True when an xfail mark turned the phase into xfailed/xpassed."""
        if self.config.option.runxfail:
            return False
        xfailed = item.stash.get("xfailed")
        if xfailed is None:
            return False
        if exc is not None:
            if xfail_raises_matches(xfailed.raises, exc):
                phase.outcome = "skipped"
                phase.wasxfail = xfailed.reason
                phase.message = xfailed.reason
                phase.longrepr, _ = format_failure(exc, item.function, self.tbstyle, item.is_unittest, self.showlocals,
                                                       self.config.option.verbose <= 1)
                return True
            return False
        if phase.when == "call":
            if xfailed.strict:
                phase.outcome = "failed"
                phase.longrepr = "[XPASS(strict)] " + xfailed.reason
                phase.message = "[XPASS(strict)] " + xfailed.reason
            else:
                phase.wasxfail = xfailed.reason
                phase.message = xfailed.reason
            return True
        return False

    def _result(self, item: Item, setup: _Phase, call: Optional[_Phase], teardown: _Phase,
                duration: float, sections: list) -> dict:
        result = {"id": item.nodeid, "duration": duration,
                  "file": item.location_file, "line": item.line, "engine": "native"}
        if item.module_node is not item.file_node:
            # a describe block is a Module: pytest's head line (the location's domain) stops there
            result["headline"] = item.name
        if setup.outcome != "passed":
            decided = setup
        elif call is not None:
            decided = call
        else:
            decided = setup
        if setup.outcome == "failed" and setup.wasxfail is None:
            outcome = "error"
        elif decided.wasxfail is not None:
            outcome = "xfailed" if decided.outcome == "skipped" else "xpassed"
        else:
            outcome = decided.outcome
        when = decided.when
        stash = item.stash
        subtests = stash.pop("subtests", None)
        failed_subtests = stash.pop("failed_subtests", 0)
        result["outcome"] = outcome
        result["when"] = when
        if decided.skip_file_only:  # (a skip at setup: setup decides, and its outcome is skipped)
            result["skipFileOnly"] = True
        if self.junit is not None:
            self.junit.add_records(result, item.nodeid, item.user_properties)
        if decided.longrepr is not None:
            result["longrepr"] = decided.longrepr
        if decided.message is not None:
            result["message"] = decided.message
        if subtests:
            result["subtests"] = subtests
            if failed_subtests and outcome == "passed" and decided is call:
                # pytest 9 (subtests.py): a passing test whose `subtests` fixture saw failures fails.
                text = "contains %d failed subtest%s" % (failed_subtests, "s" if failed_subtests > 1 else "")
                result["outcome"] = outcome = "failed"
                result["longrepr"] = result["message"] = text
                if self.tbstyle == "line":
                    result["crashline"] = text
        if decided.crashline is not None and outcome == "failed":
            result["crashline"] = decided.crashline
        if teardown.outcome == "failed":
            result["teardownError"] = {"longrepr": teardown.longrepr or "",
                                       "message": teardown.message or ""}
        elif teardown.outcome == "skipped" and outcome == "passed":
            result["outcome"] = "skipped"
            result["when"] = "teardown"
            result["message"] = teardown.message
            result["longrepr"] = teardown.longrepr
        if sections:
            result["sections"] = sections
        return result


def _undefined_fixture(items: List[Item]) -> Optional[str]:
    for item in items:
        info = item.fixtureinfo
        arg2defs = info.arg2defs
        for name in info.names_closure:
            if name not in arg2defs and name != "request":
                return name
    return None


def _forget_failed_fixtures(item: Item) -> None:
    """Before a rerun: a fixture of any scope whose setup failed is set up again, not replayed
    from its cached error (pytest-rerunfailures' _remove_cached_results_from_failed_fixtures)."""
    for defs in item.fixtureinfo.arg2defs.values():
        for fixturedef in defs:
            cached = fixturedef.cached_result
            if cached is not None and cached[2] is not None:
                fixturedef.cached_result = None
                fixturedef.finalizers.clear()


def _session_level(state) -> list:
    """The set-up nodes that outlive a unit: the session and its directories and packages."""
    return [node for node in state.stack if node.kind in ("session", "dir", "package")]


def _crash_line(exc: BaseException, longrepr: Optional[str]) -> str:
    """pytest's --tb=line crash line (TerminalReporter._getcrashline): `path:lineno: message`."""
    try:
        from _pytest._code import ExceptionInfo
        crash = ExceptionInfo.from_exception(exc)._getreprcrash()
        if crash is not None:
            return "{}:{}: {}".format(crash.path, crash.lineno, crash.message.split("\n", 1)[0])
    except Exception:  # a crash line is a nicety, never a lost result
        pass
    return (longrepr or "")[:50]


def _warn_returned(nodeid: str, result: object) -> None:
    """pytest's PytestReturnNotNoneWarning for a test that returned `result`: pytest's own
    pytest_pyfunc_call makes it (its text and its location, whatever the version), called on a
    stand-in item whose function only returns `result`."""
    from _pytest.python import pytest_pyfunc_call

    stand_in = types.SimpleNamespace(obj=lambda: result, nodeid=nodeid, funcargs={},
                                     _fixtureinfo=types.SimpleNamespace(argnames=()))
    pytest_pyfunc_call(stand_in)  # type: ignore[arg-type]


def _async_fail() -> None:
    fail("async def functions are not natively supported.\n"
         "You need to install a suitable plugin for your async framework, for example:\n"
         "  - anyio\n"
         "  - pytest-asyncio\n"
         "  - pytest-tornasync\n"
         "  - pytest-trio\n"
         "  - pytest-twisted", pytrace=False)
