"""The worker's protocol loop (docs/protocol.md): hello, init, then `run` units until `stop`."""

import atexit
import os
import platform
import re
import sys
import time
import traceback

from . import cancel, debugger, terminal_text
from .protocol import Channel
from .results import collect_done, collect_error, fatal, header, hello, unit_done

def _pytest_version():
    """pytest's version without importing pytest (that costs ~150 ms)."""
    try:
        import importlib.util

        spec = importlib.util.find_spec("_pytest")
        if spec is None or not spec.submodule_search_locations:
            return None
        for location in spec.submodule_search_locations:
            path = os.path.join(location, "_version.py")
            if os.path.exists(path):
                with open(path, encoding="utf-8") as f:
                    match = re.search(r"""(?:__version__|version)\s*(?::\s*str\s*)?=\s*['"]([^'"]+)['"]""",
                                      f.read())
                if match:
                    return match.group(1)
    except Exception:
        pass
    return None


def _take_protocol_fds():
    """Keep private copies of fds 0/1 for frames; tests get /dev/null as stdin and stderr as stdout."""
    proto_in = os.dup(0)
    proto_out = os.dup(1)
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.close(devnull)
    os.dup2(2, 1)
    return proto_in, proto_out


def _apply_pythonpath_ini(init):
    """The `pythonpath` ini, as pytest's python_path plugin applies it (pytest does it itself)."""
    ini = init.get("ini") or {}
    value = ini.get("pythonpath")
    if not value:
        return
    paths = value.split() if isinstance(value, str) else list(value)
    inifile = ini.get("inifile")
    base = os.path.dirname(inifile) if inifile else init.get("rootdir") or os.getcwd()
    for path in reversed(paths):
        sys.path.insert(0, os.path.normpath(os.path.join(base, path)))


def doctest_reason(args, rootdir, file, python_files):
    from .native.doctest_route import doctest_reason as reason
    return reason(args, rootdir, file, python_files)


def _native_engine_class():
    """The native engine; FASTEST_NATIVE_ENGINE=module:Class substitutes another (tests)."""
    override = os.environ.get("FASTEST_NATIVE_ENGINE")
    if override:
        import importlib

        module_name, _, class_name = override.partition(":")
        return getattr(importlib.import_module(module_name), class_name or "NativeEngine")
    from .native.engine import NativeEngine

    return NativeEngine


def _native_pytest_range_reason(version=None):
    """Why the installed pytest is outside the native engine's tested range, or None. A
    substitute engine (FASTEST_NATIVE_ENGINE, tests) is not bound by it."""
    if os.environ.get("FASTEST_NATIVE_ENGINE"):
        return None
    from .native import unsupported_pytest

    return unsupported_pytest(version or _pytest_version())


def _version_key(text):
    """A plain dotted release (`6.0`, `9.0.3`) as a tuple without trailing zeros; None otherwise."""
    if not re.fullmatch(r"\d+(\.\d+)*", text):
        return None
    parts = [int(part) for part in text.split(".")]
    while len(parts) > 1 and parts[-1] == 0:
        parts.pop()
    return tuple(parts)


def _refuse_below_minversion(ini):
    """pytest's Config._checkversion, which both engines' runs pass through: a `minversion` above
    the installed pytest is its usage error; one packaging cannot read, the traceback its main lets
    out (exit 1)."""
    minimum = ini.get("minversion")
    if not minimum:
        return
    try:
        import pytest
    except ImportError:
        return  # the engine says what is missing
    installed = pytest.__version__
    if isinstance(minimum, (list, tuple)):
        problem = "must be a single value"
    else:
        minimum = str(minimum)
        wanted, have = _version_key(minimum), _version_key(installed)
        if wanted is not None and have is not None:
            is_newer = wanted > have
        else:
            from packaging.version import Version

            try:
                is_newer = Version(minimum) > Version(installed)
            except Exception as e:
                raise _Fatal(terminal_text.uncaught_text(e), 1, verbatim=True)
        problem = "requires pytest-%s, actual pytest-%s'" % (minimum, installed) if is_newer else None
    if problem:
        raise _Fatal(terminal_text.usage_error_text(["%s: 'minversion' %s" % (ini.get("inifile"), problem)]), 4, verbatim=True)


def _refuse_bad_ini_filters(ini):
    """A `filterwarnings` line pytest cannot parse is its usage error before the session starts
    (its warnings plugin applies them while the initial conftests load), with either engine."""
    lines = ini.get("filterwarnings")
    if not lines:
        return
    from .native.config import ini_list
    from .native.warnings_rec import check_warning_filters

    message = check_warning_filters(ini_list("filterwarnings", lines), escape=False)
    if message is not None:
        raise _Fatal(terminal_text.usage_error_text([message]), 4, verbatim=True)


class _Dispatcher:
    """Picks the engine per unit: native, pytest, or native with a pytest fallback (auto)."""

    def __init__(self, init, emit):
        self.init = init
        self.emit = emit
        self.mode = init.get("engine") or "auto"
        if self.mode not in ("auto", "native", "pytest"):
            raise _Fatal("unknown engine %r (expected auto, native or pytest)" % self.mode, 4)
        terminal_text.configure(init.get("markup"))
        _refuse_below_minversion(init.get("ini") or {})
        _refuse_bad_ini_filters(init.get("ini") or {})
        self.native = None
        self.native_missing = None
        self._pytest = None
        self._hooks_set_aside = []
        self._initial_loaded = False
        outside_range = _native_pytest_range_reason()
        if outside_range is not None and self.mode == "native":
            raise _Fatal("--engine native: %s; use --engine auto or pytest" % outside_range, 3)
        if outside_range is not None and self.mode == "auto":
            self.native_missing = outside_range  # every unit goes to the pytest engine
        elif self.mode in ("auto", "native"):
            _apply_pythonpath_ini(init)
            try:
                NativeEngine = _native_engine_class()
            except ImportError as e:
                if self.mode == "native":
                    raise _Fatal("native engine unavailable: %s" % e, 3)
                self.native_missing = "native engine unavailable: %s" % e
            else:
                try:
                    self.native = NativeEngine(init, emit)
                    debugger.use_config(getattr(self.native, "config", None))  # (its collection pass too)
                except Exception as e:
                    if self.mode == "native":
                        raise _Fatal("native engine failed to start: %s" % _one_line(e), 3)
                    traceback.print_exc()
                    self.native_missing = "native engine failed to start: %s" % _one_line(e)
        else:
            self.pytest_engine()

    def pytest_engine(self):
        if self._pytest is None:
            try:
                import pytest  # noqa: F401
            except ImportError as e:
                raise _Fatal("the pytest engine needs pytest, which %s cannot import (%s)"
                             % (sys.executable, e), 3)
            from .engine_pytest import EngineInitError, PytestEngine

            try:
                self._pytest = PytestEngine(self.init, self.emit)
            except EngineInitError as e:
                raise _Fatal(str(e), e.exit_code, e.verbatim)
            except Exception as e:
                # A plugin's pytest_configure failing (a warning turned error...): pytest ends the
                # session with an internal error; here it is one session error, not one per module.
                traceback.print_exc()
                raise _Fatal(terminal_text.uncaught_text(e, "INTERNALERROR> "), 3, verbatim=True)
        if self._hooks_set_aside:  # started for the header: now a module goes to it
            sys.meta_path[:0] = self._hooks_set_aside
            self._hooks_set_aside = []
        return self._pytest

    def load_initial_conftests(self):
        """pytest's initial conftests (initial_conftests.py), before the first file: by pytest's
        configuration when the pytest engine is to import one of them (a hook or pytest_plugins
        the native engine leaves to pytest), else by the native engine. One that fails to import
        ends the run with pytest's text and usage error."""
        if self._initial_loaded:
            return
        self._initial_loaded = True
        if self.mode == "pytest" or self.native is None:
            self.pytest_engine()
            self._send_header()
            return
        if not hasattr(self.native, "load_initial_conftests"):
            return  # a substitute engine (FASTEST_NATIVE_ENGINE, tests) imports what it imports
        from .initial_conftests import InitialConftestFailure
        from .native.support import conftest_reason

        paths = self.native.initial_conftest_paths()
        if self.mode == "auto" and any(_conftest_reason(conftest_reason, self.native.rootdir, path) for path in paths):
            self.pytest_engine()
            self._send_header()
            return
        try:
            self.native.load_initial_conftests(paths)
        except InitialConftestFailure as e:
            raise _Fatal(e.text, e.exit_code, verbatim=True)
        if self.init.get("header") and _header_needs_pytest(self.init.get("args") or [], paths):
            # pytest's header has lines only plugins and conftest hooks write: a pytest session
            # writes them. The modules still run natively: the import hooks pytest's configuration
            # adds (assertion rewriting: ~1 s of CPU on 100 modules) wait until one runs in it.
            before = list(sys.meta_path)
            # pytest imports the conftests outside packages again, each as the top-level module
            # "conftest": a test's `from conftest import ...` must still get the module whose
            # fixtures the native engine runs
            native_conftest = sys.modules.get("conftest")
            self.pytest_engine()
            if native_conftest is not None:
                sys.modules["conftest"] = native_conftest
            self._hooks_set_aside = [finder for finder in sys.meta_path if finder not in before]
            for finder in self._hooks_set_aside:
                sys.meta_path.remove(finder)
        self._send_header()

    def _send_header(self):
        """The worker Node asked (`init.header`: the first, when the console shows the header)
        sends the pytest session's header lines; without a pytest session (no plugin, no
        conftest writes one) Node prints its own."""
        if self.init.get("header") and self._pytest is not None:
            self.emit(header(self._pytest.header_lines))

    def _native_reason(self, file):
        """Why `file` cannot go to the native engine, or None."""
        reason = self.native_missing
        if reason is None and not file.endswith(".py"):
            # A file placeholder: only a conftest's pytest_collect_file makes tests of it.
            reason = "not a Python module (a doctest text file, or collected by a conftest hook)"
        if reason is None:
            reason = doctest_reason(self.init.get("args") or [], os.path.abspath(self.init.get("rootdir") or os.getcwd()), file,
                                    lambda: self.native.python_files)
        if reason is None:
            from _pytest.config.exceptions import UsageError

            try:
                reason = self.native.unsupported_reason(file)
            except UsageError as e:  # a plugin's pytest_configure refused the configuration
                raise _Fatal(terminal_text.usage_error_text(e.args), 4, verbatim=True)
        if reason is None and self.init.get("_coverage") is not None:
            from .coverage_measure import mentions_no_cover

            if mentions_no_cover(os.path.join(self.init.get("rootdir") or "", file)):
                reason = "pytest-cov's no_cover pauses coverage (pytest engine)"
        return reason

    def collect_file(self, file, import_only=False):
        """The collection pass: collect `file` in the engine its unit will run in, before any
        test runs (pytest collects every module first). Errors are sent; the rest is kept.
        `import_only` (a file of another worker's share): the native engine imports it and
        collects nothing. Returns the engine that collected it."""
        self.load_initial_conftests()
        if self.mode == "pytest":
            if import_only:
                self.pytest_engine().import_file(file)
            else:
                self.pytest_engine().collect_file(file)
            return "pytest"
        reason = self._native_reason(file)
        if reason is None and import_only:
            self.native.import_file(file)
            return "native"
        if import_only and self.mode != "native":
            self.pytest_engine().import_file(file)
            return "pytest"
        if reason is None:
            reason = self.native.collect_file(file)
            if reason is None:
                return "native"
        if self.mode == "native":
            self.emit(collect_error(file, "native engine cannot run %s: %s" % (file, reason), refused=True))
            return "native"
        self.pytest_engine().collect_file(file)
        return "pytest"

    def precompile(self, files):
        """Rewrites and caches the code of those `files` the native engine will import (no import)."""
        if self.mode == "pytest" or self.native is None:
            return
        for file in files:
            if self._native_reason(file) is None:
                self.native.precompile(file)

    def pass_report(self, file, engine, listing=False):
        """What the collection pass found in `file`, in the engine that collected it: the ids of
        its tests (None: not collected here), whether a collector inside it failed (a class), the
        result frame of its skip at import, if any, for a `listing` (which runs no test to carry
        them) what collecting it warned, taken, and the ids a hook deselected."""
        collector = self.native if engine == "native" else self._pytest
        if collector is None:
            return None, False, None, None, None
        ids = collector.collected_ids(file)
        partial = ids is not None and collector.partially_collected(file)
        warned = collector.take_collect_warnings(file) if listing else None
        return ids, partial, collector.pass_skip(file), warned, collector.hook_deselected(file)

    def pass_filtered(self, file, engine):
        """The ids of the tests the collection pass found in `file` that -k/-m/--deselect leave out."""
        collector = self.native if engine == "native" else self._pytest
        return [] if collector is None else collector.filtered_ids(file)

    def run_unit(self, unit):
        self.load_initial_conftests()
        file = unit["file"]
        if self.mode == "pytest":
            return self._pytest_unit(unit)
        reason = self._native_reason(file)
        if reason is None:
            debugger.use_config(getattr(self.native, "config", None))
            done = self.native.run_unit(unit)
            if not done.get("fallback"):
                return done
            reason = done["reason"]  # auto: native could not collect it exactly
        if self.mode == "native":
            self.emit(collect_error(file, "native engine cannot run %s: %s" % (file, reason), refused=True))
            return {"engine": "native", "reason": reason}
        info = self._pytest_unit(unit)
        return {"engine": info.get("engine", "pytest"), "reason": reason}

    def _pytest_unit(self, unit):
        engine = self.pytest_engine()
        debugger.use_config(engine.config)
        return engine.run_unit(unit)

    def close(self):
        for engine in (self.native, self._pytest):
            if engine is not None:
                try:
                    engine.close()
                except BaseException:
                    traceback.print_exc()


def _header_needs_pytest(args, conftests):
    """Whether pytest's header would have lines Node cannot write itself (rootdir, configfile,
    testpaths, cachedir are Node's): an installed plugin (its `plugins:` line, its own
    pytest_report_header), a `-p` or PYTEST_PLUGINS plugin, an initial conftest's header hook or
    pytest_plugins. A metadata scan, no import."""
    from .native.support import _plugin_args, autoloaded_plugin_entry_points, conftest_facts

    given = _plugin_args(args)
    if any(not name.startswith("no:") for name in given) or os.environ.get("PYTEST_PLUGINS"):
        return True
    blocked = {name[3:] for name in given if name.startswith("no:")}
    try:
        if any(ep.name not in blocked for ep in autoloaded_plugin_entry_points()):
            return True
    except Exception:
        return True  # broken metadata: pytest says what it says
    for path in conftests:
        try:
            facts = conftest_facts(path)
        except Exception:
            return True
        if any(hook.startswith("pytest_report_header") for hook in facts.hooks) or facts.plugins:
            return True
    return False


def _conftest_reason(reason, rootdir, path):
    try:
        return reason(rootdir, path)
    except Exception as e:  # an unreadable conftest: pytest's import says what is wrong
        return "cannot analyse %s: %s" % (path, e)


class _Fatal(Exception):
    """Ends the worker: `message` (pytest's own text, printed as is, when `verbatim`)."""

    def __init__(self, message, exit_code=3, verbatim=False):
        Exception.__init__(self, message)
        self.exit_code = exit_code
        self.verbatim = verbatim


_full_trace = False  # --full-trace: a test's KeyboardInterrupt shows its whole traceback


def _as_interrupt(exc):
    """(pytest's `!!! message !!!` line, exit code, what it prints under that line) when the
    exception ends a pytest run: pytest.exit() (`_pytest.outcomes.Exit: reason`) or a
    KeyboardInterrupt (`KeyboardInterrupt`, then where it was raised)."""
    if isinstance(exc, KeyboardInterrupt):
        code, message = 2, "KeyboardInterrupt"
    elif type(exc).__name__ == "Exit" and type(exc).__module__ == "_pytest.outcomes":
        returncode = getattr(exc, "returncode", None)
        code = 2 if returncode is None else int(returncode)
        message = "_pytest.outcomes.Exit: %s" % (getattr(exc, "msg", "") or "")
    else:
        return None
    detail = None
    try:  # pytest's own rendering (its terminal's pytest_keyboard_interrupt)
        from _pytest._code import ExceptionInfo

        excrepr = ExceptionInfo.from_exception(exc).getrepr(funcargs=True)
        if excrepr.reprcrash is not None:
            message = excrepr.reprcrash.message
            if "KeyboardInterrupt" in message:
                detail = terminal_text.interrupt_detail(excrepr, _full_trace)
    except Exception:
        pass
    return message, code, detail


def _one_line(exc):
    text = "%s: %s" % (type(exc).__name__, exc)
    return text.splitlines()[0] if text else type(exc).__name__


def _counting_emit(send, maxfail):
    """Stop this worker's unit at once when its own failures reach --maxfail: Node's cancel would
    arrive a test late. Node still counts across workers and cancels the others."""
    failures = [0]

    def emit(frame):
        send(frame)
        kind = frame.get("t")
        if kind == "result":
            if frame.get("outcome") in ("failed", "error"):
                failures[0] += 1
            if frame.get("teardownError"):
                failures[0] += 1
        elif kind == "collect_error":
            failures[0] += 1
        else:
            return
        if failures[0] >= maxfail:
            cancel.request_cancel()

    return emit


def _engine_step(step, arg, file, emit):
    """Runs one engine step (a unit, or a file's collection): (its value, None), or (None, the
    worker's exit code) when the worker must end: a fatal error, or pytest.exit()/Ctrl-C in a
    test, which ends the whole run as in pytest. An engine bug ends the step with the error as a
    collection error of `file`; the results already sent stand."""
    try:
        return step(arg), None
    except _Fatal as e:
        emit(fatal(str(e), e.exit_code, verbatim=e.verbatim))
        return None, e.exit_code
    except BaseException as e:
        interrupt = _as_interrupt(e)
        if interrupt is not None:
            emit(fatal(interrupt[0], interrupt[1], interrupt=True, detail=interrupt[2]))
            return None, interrupt[1]
        message = "".join(traceback.format_exception(type(e), e, e.__traceback__))
        sys.stderr.write(message)
        emit(collect_error(file, "internal error in the fastest worker:\n" + message))
        return None, None


def _prepare_collection_pass(channel, dispatcher, first):
    """With several workers every worker imports every module of the run, so on a first run each
    would rewrite every test module. Before the first import, each rewrites and caches the modules
    of its own share (the `collect` frames already sent that are not importOnly), in parallel with
    the other workers; importing another worker's module then mostly finds its code cached. The
    frames read here are handled afterwards, in their order."""
    frames = [first]
    while True:
        frame = channel.poll()
        if frame is None or frame.get("t") == "eof":
            break
        frames.append(frame)
    for frame in frames[1:]:
        channel.defer(frame)
    collects = [frame for frame in frames if frame.get("t") == "collect"]
    if any(frame.get("importOnly") for frame in collects):
        dispatcher.precompile([frame["file"] for frame in collects if not frame.get("importOnly")])


def _precompile_ahead(frame):
    """A first run: Node sends the test modules its discovery cache did not hold while it parses
    them, and each worker rewrites its share into the native engine's rewrite cache (no import)
    in what would be idle time before init (rewrite.fill_cache), and shares their facts with the
    other workers (support.facts_ahead); the collection pass then finds both cached."""
    try:
        from .native.rewrite import fill_cache, is_cached
        from .native.support import facts_ahead
    except BaseException:
        return
    for path in frame.get("files") or []:
        if is_cached(path, frame.get("cacheDir")):
            continue  # another worker's (Node sends the first worker the others' shares too)
        facts_ahead(path, frame.get("cacheDir"))  # one parse: the module's facts, and its rewrite
        fill_cache(path, frame.get("cacheDir"))


def preload_engine():
    """Import the native engine (and pytest with it) while Node is still discovering: workers
    are started before the units are known, and this is most of a worker's start-up."""
    if os.environ.get("FASTEST_NATIVE_ENGINE"):
        return
    _import_pytest_from_installed_bytecode()
    lock = _cold_compile_lock()
    try:
        from .native import engine  # noqa: F401
    except BaseException:
        pass  # reported properly when the dispatcher imports it after init
    finally:
        if lock is not None:
            os.close(lock)  # releases the flock


def _import_pytest_from_installed_bytecode():
    """With a pycache prefix (the user set PYTHONDONTWRITEBYTECODE=1, so Node points bytecode at
    .fastest/pycache) Python looks for bytecode only under the prefix and ignores the __pycache__
    that pip wrote beside pytest's sources: a first run would compile pytest and its dependencies
    from source in every worker (~1 s CPU each). While the prefix holds no bytecode for pytest,
    pytest is imported from the installed bytecode instead, writing nothing (as pytest itself
    starts under PYTHONDONTWRITEBYTECODE=1); the engine's own modules still go to the prefix."""
    prefix = getattr(sys, "pycache_prefix", None)
    if not prefix or sys.dont_write_bytecode or "pytest" in sys.modules:
        return
    try:
        import importlib.util

        spec = importlib.util.find_spec("pytest")
        if spec is None or not spec.origin or os.path.exists(importlib.util.cache_from_source(spec.origin)):
            return
        sys.pycache_prefix = None
        if not os.path.exists(importlib.util.cache_from_source(spec.origin)):
            return
        sys.dont_write_bytecode = True
        import pytest  # noqa: F401
    except BaseException:
        pass  # reported properly when the engine imports it
    finally:
        sys.pycache_prefix = prefix
        sys.dont_write_bytecode = False


def _tests_write_no_bytecode():
    """The user asked for no bytecode (PYTHONDONTWRITEBYTECODE): what the worker and its
    collection pass import goes to fastest's prefix (__main__.py); tests see pytest's settings,
    writing nothing, with no prefix but the user's, so that `py_compile` writes beside the source
    (alembic's sourceless revisions). What tests import still keeps its bytecode in fastest's
    prefix, checked against its source's last change (installed_bytecode.py: alembic's tests
    write, import and delete modules of one name, size and mtime second)."""
    from . import installed_bytecode

    sys.dont_write_bytecode = True
    if installed_bytecode.node_prefix:
        installed_bytecode.keep_prefix_for_tests()
        sys.pycache_prefix = None


_COLD_LOCK_WAIT = 30.0  # seconds; past that, compile in parallel rather than wait on


def _cold_compile_lock():
    """On a first run (the engine not yet compiled into Node's pycache prefix), one worker at a
    time imports: the first compiles the engine (and what has no installed bytecode), the others
    then load what it wrote instead of all compiling the same modules at once on the same cores.
    Returns the locked fd, or None when there is nothing to share (warm cache, no prefix, no
    flock) so that warm runs never wait. (pytest itself comes from its installed bytecode and is
    never in the prefix: the engine's own module is what tells a first run.)"""
    prefix = getattr(sys, "pycache_prefix", None)
    if not prefix or sys.dont_write_bytecode:
        return None
    try:
        import fcntl
        import importlib._bootstrap_external as external
        import time

        engine_source = os.path.join(os.path.dirname(os.path.abspath(__file__)), "native", "engine.py")
        # Where the import system reads it (installed_bytecode.py: beside its source when fastest's
        # directory is writable; importlib.util's reference is the unpatched, prefix-only one,
        # which made every run take the lock).
        if os.path.exists(external.cache_from_source(engine_source)):
            return None
        os.makedirs(prefix, exist_ok=True)
        fd = os.open(os.path.join(prefix, ".fastest-compile.lock"), os.O_RDWR | os.O_CREAT, 0o644)
    except Exception:
        return None
    deadline = time.monotonic() + _COLD_LOCK_WAIT
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return fd
        except OSError:
            if time.monotonic() > deadline:
                os.close(fd)
                return None
            time.sleep(0.01)


def _pytest_argv(args):
    """sys.argv as tests see it under the `pytest` command: its script (beside the interpreter; else
    pytest's `__main__.py`, as under `python -m pytest`), then the command line's arguments: code
    under test that parses sys.argv (isort's `__main__`) sees pytest's, not the worker's."""
    script = os.path.join(os.path.dirname(sys.executable), "pytest")
    if not os.path.isfile(script):
        try:
            import pytest
        except ImportError:
            return sys.argv
        script = os.path.join(os.path.dirname(pytest.__file__), "__main__.py")
    return [script] + [str(arg) for arg in args]


def _main_module_as_script(script):
    """The tests' `__main__` is the `pytest` script's, as when pytest is typed, not this worker's
    module (as under `python -m`): no `__spec__` nor `__package__`. hypothesis warns of
    `.example()` only under a module's `__main__`; click names the program from `__package__`; a
    multiprocessing spawn child runs the script, whose own guard keeps pytest from starting."""
    import builtins
    import types
    from importlib.machinery import SourceFileLoader

    module = types.ModuleType("__main__")
    module.__file__ = script
    module.__loader__ = SourceFileLoader("__main__", script)
    module.__package__ = None
    module.__cached__ = None
    module.__builtins__ = builtins
    sys.modules["__main__"] = module


def _remove_orphaned_state(path, node_pid):
    """Node removes the state files at its end and reads one after its worker's death; killed
    outright (SIGKILL) it does neither, and the file would stay in /dev/shm."""
    try:
        os.kill(node_pid, 0)
        return
    except ProcessLookupError:
        pass
    except OSError:
        return
    for remove in (os.unlink, os.rmdir):
        try:
            remove(path)
        except OSError:
            pass  # another worker's file is still in the directory (its worker removes both)
        path = os.path.dirname(path)


def main(proto_fds=None):
    """The worker; `proto_fds` (in, out) when a warm parent forked it (warm_parent.py). For benchmarks: FASTEST_WORKER_PROFILE=DIR writes a cProfile of each worker to
    DIR/worker-PID.prof, FASTEST_WORKER_CPU=DIR its user and system CPU seconds to DIR/worker-PID.cpu."""
    cpu_dir = os.environ.get("FASTEST_WORKER_CPU")
    if cpu_dir:  # benchmarks: this worker's CPU seconds, written at exit
        import atexit

        def write_cpu():
            times = os.times()
            with open(os.path.join(cpu_dir, "worker-%d.cpu" % os.getpid()), "w") as f:
                f.write("%.3f %.3f\n" % (times.user, times.system))

        atexit.register(write_cpu)
    profile_dir = os.environ.get("FASTEST_WORKER_PROFILE")
    if not profile_dir:
        return _main(proto_fds)
    import cProfile

    profiler = cProfile.Profile()
    try:
        return profiler.runcall(_main, proto_fds)
    finally:
        profiler.dump_stats(os.path.join(profile_dir, "worker-%d.prof" % os.getpid()))


def _main(proto_fds=None):
    proto_in, proto_out = proto_fds or _take_protocol_fds()
    channel = Channel(proto_in, proto_out)
    debugger.take_terminal()
    debugger.bind(channel)
    emit = channel.emit
    pytest_version = _pytest_version()
    native_unsupported = _native_pytest_range_reason(pytest_version)
    emit(hello(os.getpid(), platform.python_version(), pytest_version, native_unsupported, time.monotonic(),
               sys.executable))
    if native_unsupported is None:
        preload_engine()
    init = channel.recv()
    while init is not None and init.get("t") == "precompile":
        if native_unsupported is None:
            _precompile_ahead(init)
        init = channel.recv()
    if init is None:
        return 0
    if init.get("t") != "init":
        emit(fatal("expected an init frame, got %r" % init.get("t"), 3))
        return 3
    if pytest_version:
        # pytest's main sets it for the session, before conftests load; either engine's tests see it
        os.environ["PYTEST_VERSION"] = pytest_version
    if init.get("argv") is not None:
        argv = _pytest_argv(init["argv"])
        if os.path.basename(argv[0]) == "pytest":
            _main_module_as_script(argv[0])
        # `pytest -n N`: pytest-xdist's workers are `python -c` processes
        sys.argv = ["-c"] if init.get("argvXdist") else argv
    global _full_trace
    _full_trace = "--full-trace" in (init.get("args") or [])
    if init.get("capture") == "no":
        debugger.stdin_for_tests()
    if init.get("state"):
        # else each test's start goes as a `start` frame
        if channel.attach_state(init["state"]) and init.get("nodePid"):
            atexit.register(_remove_orphaned_state, init["state"], init["nodePid"])
    maxfail = int(init.get("maxfail") or 0)
    if maxfail > 0:
        emit = _counting_emit(channel.emit, maxfail)
    measure = None
    if init.get("coverage"):
        # --cov: measuring starts before the engine loads conftest files and test modules.
        from .coverage_measure import CoverageUnavailable, start as start_coverage

        try:
            measure = start_coverage(init["coverage"])
        except CoverageUnavailable as e:
            emit(fatal("--cov needs coverage.py, which %s cannot import (%s)" % (sys.executable, e), 4))
            return 4
        init["_coverage"] = measure
    try:
        dispatcher = _Dispatcher(init, emit)
    except _Fatal as e:
        emit(fatal(str(e), e.exit_code, verbatim=e.verbatim))
        return e.exit_code
    except BaseException as e:
        traceback.print_exc()
        emit(fatal("worker failed to start: %s" % _one_line(e), 3))
        return 3
    cancel.bind(channel)
    if init.get("capture") == "no":
        # after the engine started: its faulthandler keeps the stderr Node reads, so a crash's
        # dump is not lost with a pipe only this process reads
        from .output_order import OrderedOutput

        OrderedOutput(channel)

    code = None
    pass_prepared = False
    while True:
        frame = channel.recv()
        if frame is None:
            break
        kind = frame.get("t")
        if kind == "run":
            unit = frame["unit"]
            if not sys.dont_write_bytecode and os.environ.get("PYTHONDONTWRITEBYTECODE"):
                _tests_write_no_bytecode()
            cancel.unit_starting(sticky=maxfail > 0)  # a worker past --maxfail stays stopped
            if channel.state is not None and cancel.cancel_requested():
                # sent ahead and cancelled (-x/--maxfail) before it started: none of it runs
                emit(unit_done(unit["file"], None, None))
                continue
            if measure is not None:
                measure.unit_started()
            info, code = _engine_step(dispatcher.run_unit, unit, unit["file"], emit)
            channel.no_test_running()
            if code is not None:
                break
            if info is None:  # an engine bug, reported as a collection error of the file
                info = {"engine": dispatcher.mode if dispatcher.mode != "auto" else "pytest",
                        "reason": None}
            if measure is not None:
                measure.checkpoint()
            emit(unit_done(unit["file"], info.get("engine"), info.get("reason")))
            if cancel.stop_pending():
                break
        elif kind == "collect":
            if not pass_prepared:
                pass_prepared = True
                _, code = _engine_step(lambda first: _prepare_collection_pass(channel, dispatcher, first),
                                       frame, frame["file"], emit)
                if code is not None:
                    break
            import_only = bool(frame.get("importOnly"))
            engine, code = _engine_step(lambda file: dispatcher.collect_file(file, import_only),
                                        frame["file"], frame["file"], emit)
            if code is not None:
                break
            ids, partial, skipped, warned, deselected = (None, False, None, None, None) \
                if import_only or engine is None else \
                dispatcher.pass_report(frame["file"], engine, bool(frame.get("list")))
            # (the ids a module whose listed tests were all deselected makes: Node runs those kept)
            filtered = dispatcher.pass_filtered(frame["file"], engine) if ids and frame.get("ids") else None
            emit(collect_done(frame["file"], engine, None if ids is None else len(ids),
                              ids if frame.get("ids") or partial else None, partial, skipped, warned,
                              deselected, filtered))
        elif kind == "conftests":
            # nothing to run or collect: the initial conftests still load, as in pytest's configure
            _, code = _engine_step(lambda _: dispatcher.load_initial_conftests(), None, "conftest.py", emit)
            if code is not None:
                break
        elif kind == "stop":
            break
        # `cancel` arriving after its unit finished, and unknown frames, are ignored.
    dispatcher.close()
    if measure is not None:
        try:
            measure.stop()
        except BaseException:
            traceback.print_exc()
    channel.flush()
    channel.send_pending_output()
    return code or 0
