"""pytest's built-in fixtures for the native engine.

Standard library only; pytest objects are used when pytest is already loaded (see below).

API
---
BUILTIN_FIXTURES: dict[str, tuple[str, Callable]]
    fixture name -> (scope, function). Each function is a plain or generator function whose
    parameter names are the fixtures it needs, exactly like a user fixture; the engine core
    resolves and tears them down like any other fixture (user fixtures of the same name
    override these). Provided: tmp_path_factory (session), tmp_path, tmpdir_factory
    (session), tmpdir, capsys, capsysbinary, capfd, capfdbinary, capteesys, caplog,
    monkeypatch, recwarn, pytestconfig, record_property (appends to
    ``request.node.user_properties``), record_xml_attribute (sets
    ``request.node.xml_attributes[name]``), subtests (pytest 9's fixture: each
    ``with subtests.test(msg, **kwargs):`` block is a report of its own, passed to
    ``request.config._subtest_recorder(item, exc, msg, kwargs, False, sections)``, which the
    engine supplies).

What the engine core must supply
--------------------------------
``request``: ``.node`` (``.name``, ``.nodeid``, optional ``.user_properties`` list),
``.config`` (``getoption(name, default)``, ``getini(name)``, ``rootpath``),
``.addfinalizer(fn)``, ``.fixturename``, ``.scope``, ``.getfixturevalue(name)``.
``request.config._capture_manager``: the run's capture.CaptureManager (or None). The capture
fixtures stack their capture on top of it, so output a test reads through capsys/capfd does
not show again in the report sections; without it they still capture, standalone.
The caplog handler also follows the manager's phases (``CaptureManager.phase_done``), so
``caplog.records`` holds the current phase's records and ``caplog.get_records(when)`` works.

Choices
-------
* Temporary directories live under ``<tempdir>/fastest-of-<user>/fastest-<N>/`` (one numbered
  base per worker process, created atomically, marked with the worker's pid; bases of dead
  processes beyond the newest 8 are removed), or under ``--basetemp`` when
  ``config.getoption('basetemp')`` gives one (emptied first, as pytest does).
  ``tmp_path`` is ``mktemp(<node name with non-word chars as '_', first 30 chars>, numbered=True)``.
* monkeypatch is ``pytest.MonkeyPatch`` when pytest is already imported (importing
  ``_pytest.monkeypatch`` costs ~80 ms), else MonkeyPatch below (same methods).
* recwarn is ``_pytest.recwarn.WarningsRecorder`` when pytest is already imported, else
  warnings_rec.WarningsRecorder.
* tmpdir is ``_pytest._py.path.LocalPath`` when pytest is importable, else the pathlib path.
"""

from __future__ import annotations

import contextlib
import importlib.util
import logging
import os
import re
import shutil
import sys
import tempfile
import warnings
from io import StringIO
from pathlib import Path
from typing import Any, Callable, Iterator

try:
    from . import capture as _capture
    from . import warnings_rec as _warnings_rec
except ImportError:  # loaded as top-level modules
    import capture as _capture  # type: ignore[no-redef]
    import warnings_rec as _warnings_rec  # type: ignore[no-redef]


# --------------------------------------------------------------------------- temp dirs

KEEP_BASES = 8


def _user_name() -> str:
    try:
        import getpass
        user = getpass.getuser()
    except Exception:
        user = "unknown"
    return re.sub(r"[\W]", "_", user)


def _make_numbered_dir(root: Path, prefix: str, mode: int = 0o700) -> Path:
    pattern = re.compile(r"^" + re.escape(prefix) + r"(\d+)$")
    for _ in range(20):
        highest = -1
        try:
            for entry in os.scandir(root):
                match = pattern.match(entry.name)
                if match:
                    highest = max(highest, int(match.group(1)))
        except FileNotFoundError:
            pass
        candidate = root / "{}{}".format(prefix, highest + 1)
        try:
            candidate.mkdir(mode=mode)
        except FileExistsError:
            continue
        # pytest's `<prefix>current` link to the newest one (best effort, as pytest's)
        current = root / (prefix + "current")
        try:
            current.unlink()
        except OSError:
            pass
        try:
            current.symlink_to(candidate)
        except OSError:
            pass
        return candidate
    raise OSError("could not create numbered dir with prefix {} in {} after 20 tries".format(prefix, root))


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _cleanup_old_bases(root: Path, prefix: str, current: Path) -> None:
    pattern = re.compile(r"^" + re.escape(prefix) + r"(\d+)$")
    numbered = []
    for entry in os.scandir(root):
        match = pattern.match(entry.name)
        if match:
            numbered.append((int(match.group(1)), Path(entry.path)))
    numbered.sort()
    for _, path in numbered[:-KEEP_BASES]:
        if path == current:
            continue
        try:
            pid = int((path / ".lock").read_text())
        except (OSError, ValueError):
            pid = -1
        if pid > 0 and _pid_alive(pid):
            continue
        shutil.rmtree(path, ignore_errors=True)


class TempPathFactory:
    """``tmp_path_factory``: getbasetemp() and mktemp(basename, numbered=True)."""

    def __init__(self, given_basetemp: str | None = None) -> None:
        self._given = Path(given_basetemp).resolve() if given_basetemp else None
        self._basetemp: Path | None = None

    def getbasetemp(self) -> Path:
        if self._basetemp is not None:
            return self._basetemp
        if self._given is not None:
            if self._given.exists():
                shutil.rmtree(self._given, ignore_errors=True)
            self._given.mkdir(mode=0o700, parents=True)
            base = self._given
        else:
            from_env = os.environ.get("PYTEST_DEBUG_TEMPROOT")
            temproot = Path(from_env or tempfile.gettempdir()).resolve()
            root = temproot / "fastest-of-{}".format(_user_name())
            root.mkdir(mode=0o700, exist_ok=True)
            base = _make_numbered_dir(root, "fastest-")
            try:
                (base / ".lock").write_text(str(os.getpid()))
                _cleanup_old_bases(root, "fastest-", base)
            except OSError:
                pass
        self._basetemp = base
        return base

    def _relative(self, basename: str) -> str:
        basename = os.path.normpath(basename)
        if (self.getbasetemp() / basename).resolve().parent != self.getbasetemp():
            raise ValueError("{} is not a normalized and relative path".format(basename))
        return basename

    def mktemp(self, basename: str, numbered: bool = True) -> Path:
        basename = self._relative(basename)
        if not numbered:
            path = self.getbasetemp() / basename
            path.mkdir(mode=0o700)
            return path
        return _make_numbered_dir(self.getbasetemp(), basename)


class TempdirFactory:
    """``tmpdir_factory``: the py.path flavour of TempPathFactory."""

    def __init__(self, factory: TempPathFactory) -> None:
        self._factory = factory

    def mktemp(self, basename: str, numbered: bool = True) -> Any:
        return _local_path(self._factory.mktemp(basename, numbered))

    def getbasetemp(self) -> Any:
        return _local_path(self._factory.getbasetemp())


def _local_path(path: Path) -> Any:
    try:
        from _pytest._py.path import LocalPath
    except ImportError:
        return path
    return LocalPath(path)


def tmp_path_factory(request: Any) -> TempPathFactory:
    given = None
    try:
        given = request.config.getoption("basetemp", None)
    except Exception:
        given = None
    return TempPathFactory(given)


def tmpdir_factory(tmp_path_factory: TempPathFactory) -> TempdirFactory:
    return TempdirFactory(tmp_path_factory)


def _tmp_name(request: Any) -> str:
    return re.sub(r"[\W]", "_", request.node.name)[:30]


def tmp_path(request: Any, tmp_path_factory: TempPathFactory) -> Iterator[Path]:
    yield tmp_path_factory.mktemp(_tmp_name(request), numbered=True)


def tmpdir(tmp_path: Path) -> Any:
    return _local_path(tmp_path)


# --------------------------------------------------------------------------- capture


def _capture_fixture(request: Any, kind: str) -> Iterator[_capture.CaptureFixture]:
    manager = getattr(request.config, "_capture_manager", None)
    fixture = _capture.CaptureFixture(manager, kind)
    fixture._start()
    try:
        yield fixture
    finally:
        fixture._close()


def capsys(request: Any) -> Iterator[_capture.CaptureFixture]:
    yield from _capture_fixture(request, "sys")


def capsysbinary(request: Any) -> Iterator[_capture.CaptureFixture]:
    yield from _capture_fixture(request, "sysbinary")


def capfd(request: Any) -> Iterator[_capture.CaptureFixture]:
    yield from _capture_fixture(request, "fd")


def capfdbinary(request: Any) -> Iterator[_capture.CaptureFixture]:
    yield from _capture_fixture(request, "fdbinary")


def capteesys(request: Any) -> Iterator[_capture.CaptureFixture]:
    yield from _capture_fixture(request, "teesys")


# --------------------------------------------------------------------------- subtests


class Subtests:
    """``subtests``: ``with subtests.test(msg=None, **kwargs):`` runs a block as a subtest whose
    failure is reported on its own and does not stop the test (pytest 9's _pytest/subtests.py)."""

    def __init__(self, request: Any) -> None:
        self._request = request

    def __repr__(self) -> str:  # pytest's, as a failure's locals print it
        return f"<_pytest.subtests.Subtests object at {id(self):#x}>"

    def test(self, msg: str | None = None, **kwargs: Any) -> "_SubtestBlock":
        return _SubtestBlock(self._request, msg, kwargs)


class _SubtestBlock:
    def __init__(self, request: Any, msg: str | None, kwargs: dict) -> None:
        self._request = request
        self.msg = msg
        self.kwargs = kwargs
        self._capture: Any = None

    def __enter__(self) -> None:
        __tracebackhide__ = True
        config = self._request.config
        manager = getattr(config, "_capture_manager", None)
        method = config.getoption("capture", "fd")
        # As pytest: the block's output is its own report's, unless capsys/capfd are in use.
        if method in ("fd", "sys") and getattr(manager, "_fixture", None) is None:
            capture = _capture.CaptureFixture(None, method)
            capture._start()
            self._capture = capture

    def __exit__(self, exc_type: Any, exc_val: BaseException | None, exc_tb: Any) -> bool:
        __tracebackhide__ = True
        sections = []
        capture, self._capture = self._capture, None
        if capture is not None:
            out, err = capture.readouterr()
            capture._close()
            if out:
                sections.append(["Captured stdout call", out])
            if err:
                sections.append(["Captured stderr call", err])
        if exc_val is not None and exc_val.__traceback__ is None and exc_tb is not None:
            exc_val = exc_val.with_traceback(exc_tb)
        recorder = getattr(self._request.config, "_subtest_recorder", None)
        node = self._request.node
        item = getattr(node, "_item", node)
        if recorder is not None:
            recorder(item, exc_val, self.msg, self.kwargs, False, sections)
        elif exc_val is not None:
            return False  # no engine to report to: the failure stays the test's
        if exc_val is None:
            return True
        # pytest.exit() and Ctrl-C end the run, as get_reraise_exceptions says.
        return not (isinstance(exc_val, KeyboardInterrupt) or type(exc_val).__name__ == "Exit")


def subtests(request: Any) -> Subtests:
    return Subtests(request)


# --------------------------------------------------------------------------- caplog

DEFAULT_LOG_FORMAT = "%(levelname)-8s %(name)s:%(filename)s:%(lineno)d %(message)s"
DEFAULT_LOG_DATE_FORMAT = "%H:%M:%S"
_ANSI = re.compile(r"\x1b\[[\d;]+m")


class LogCaptureHandler(logging.StreamHandler):
    """Keeps records and their formatted text."""

    def __init__(self) -> None:
        super().__init__(StringIO())
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)
        super().emit(record)

    def reset(self) -> None:
        self.records = []
        self.stream = StringIO()

    def clear(self) -> None:
        self.records.clear()
        self.stream = StringIO()

    def handleError(self, record: logging.LogRecord) -> None:
        if logging.raiseExceptions:
            raise  # noqa: PLE0704 - a bad log call fails the test, as under pytest (logging calls this inside its except)


def _ini(config: Any, name: str) -> Any:
    try:
        return config.getini(name)
    except Exception:
        return None


def _level_number(value: Any) -> int | None:
    if value in (None, ""):
        return None
    if isinstance(value, int):
        return value
    text = str(value).upper()
    if text.isdigit():
        return int(text)
    level = logging.getLevelName(text)
    return level if isinstance(level, int) else None


def log_formatter(config: Any) -> logging.Formatter:
    """pytest's LoggingPlugin formatter: log_format / log_date_format / log_auto_indent, option
    before ini (``%f`` in the date format, indented multi-line messages as pytest has them)."""
    get = getattr(config, "get_option_ini", None) or (lambda name: _ini(config, name))
    fmt = get("log_format") or DEFAULT_LOG_FORMAT
    datefmt = get("log_date_format") or DEFAULT_LOG_DATE_FORMAT
    try:
        from _pytest.logging import ColoredLevelFormatter, DatetimeFormatter, PercentStyleMultiline
    except ImportError:  # pragma: no cover - pytest's own, present in every supported pytest
        return logging.Formatter(fmt, datefmt)
    from ..terminal_text import console_colored

    if console_colored() and ColoredLevelFormatter.LEVELNAME_FMT_REGEX.search(fmt):
        # pytest's _create_formatter: level names coloured when its terminal writer has markup
        from _pytest._io import TerminalWriter
        writer = TerminalWriter(StringIO())
        writer.hasmarkup = True
        formatter: logging.Formatter = ColoredLevelFormatter(writer, fmt, datefmt)
    else:
        formatter = DatetimeFormatter(fmt, datefmt)
    formatter._style = PercentStyleMultiline(formatter._style._fmt, auto_indent=get("log_auto_indent"))
    return formatter


def log_level(config: Any) -> int | None:
    """`--log-level`, else the `log_level` ini, as a number (pytest's get_log_level_for_setting;
    a name logging does not know is pytest's UsageError)."""
    from _pytest.logging import get_log_level_for_setting
    return get_log_level_for_setting(config, "log_level")


_NEXT_PHASE = {"setup": "call", "call": "teardown"}


class LogCaptureFixture:
    """``caplog``: records, text, record_tuples, messages, clear, set_level, at_level."""

    def __repr__(self) -> str:  # as pytest's reads in a traceback's arguments
        return f"<_pytest.logging.LogCaptureFixture object at {id(self):#x}>"

    def __init__(self, config: Any) -> None:
        self.handler = LogCaptureHandler()
        self.handler.setFormatter(log_formatter(config))
        self._phase_records: dict[str, list[logging.LogRecord]] = {}
        self._initial_handler_level: int | None = None
        self._initial_logger_levels: dict[str | None, int] = {}
        self._initial_disabled_level: int | None = None
        self._root_level: int | None = None
        try:
            self._config_level = log_level(config)
        except Exception:  # the engine refused a bad level at start already
            self._config_level = _level_number(_ini(config, "log_level"))

    # installation on the root logger, like pytest's catching_logs
    def _install(self) -> None:
        root = logging.getLogger()
        if self._config_level is not None:
            self.handler.setLevel(self._config_level)
            self._root_level = root.level
            root.setLevel(min(root.level, self._config_level))
        root.addHandler(self.handler)
        self._phase_records["setup"] = self.handler.records  # (set up during the setup phase)

    def _uninstall(self) -> None:
        root = logging.getLogger()
        root.removeHandler(self.handler)
        if self._root_level is not None:
            root.setLevel(self._root_level)
        self._finalize()

    def _phase_done(self, when: str) -> None:
        self._phase_records[when] = self.handler.records
        self.handler.reset()
        following = _NEXT_PHASE.get(when)
        if following is not None:  # the next phase's list, live while it runs, as pytest's
            self._phase_records[following] = self.handler.records

    def _finalize(self) -> None:
        if self._initial_handler_level is not None:
            self.handler.setLevel(self._initial_handler_level)
        for name, level in self._initial_logger_levels.items():
            logging.getLogger(name).setLevel(level)
        if self._initial_disabled_level is not None:
            logging.disable(self._initial_disabled_level)
            self._initial_disabled_level = None

    def get_records(self, when: str) -> list[logging.LogRecord]:
        return self._phase_records.get(when, [])

    @property
    def text(self) -> str:
        return _ANSI.sub("", self.handler.stream.getvalue())

    @property
    def records(self) -> list[logging.LogRecord]:
        return self.handler.records

    @property
    def record_tuples(self) -> list[tuple[str, int, str]]:
        return [(r.name, r.levelno, r.getMessage()) for r in self.records]

    @property
    def messages(self) -> list[str]:
        return [r.getMessage() for r in self.records]

    def clear(self) -> None:
        self.handler.clear()

    def _force_enable(self, level: Any, logger: logging.Logger) -> int:
        original = logger.manager.disable
        if isinstance(level, str):
            level = logging.getLevelName(level)
        if not isinstance(level, int):
            logging.disable(logging.NOTSET)
        elif not logger.isEnabledFor(level):
            logging.disable(max(level - 10, logging.NOTSET))
        return original

    def set_level(self, level: Any, logger: str | None = None) -> None:
        logger_obj = logging.getLogger(logger)
        self._initial_logger_levels.setdefault(logger, logger_obj.level)
        logger_obj.setLevel(level)
        if self._initial_handler_level is None:
            self._initial_handler_level = self.handler.level
        self.handler.setLevel(level)
        disabled = self._force_enable(level, logger_obj)
        if self._initial_disabled_level is None:
            self._initial_disabled_level = disabled

    @contextlib.contextmanager
    def at_level(self, level: Any, logger: str | None = None) -> Iterator[None]:
        logger_obj = logging.getLogger(logger)
        orig_level = logger_obj.level
        logger_obj.setLevel(level)
        handler_level = self.handler.level
        self.handler.setLevel(level)
        disabled = self._force_enable(level, logger_obj)
        try:
            yield
        finally:
            logger_obj.setLevel(orig_level)
            self.handler.setLevel(handler_level)
            logging.disable(disabled)

    @contextlib.contextmanager
    def filtering(self, filter_: logging.Filter) -> Iterator[None]:
        self.handler.addFilter(filter_)
        try:
            yield
        finally:
            self.handler.removeFilter(filter_)


def caplog(request: Any) -> Iterator[LogCaptureFixture]:
    fixture = LogCaptureFixture(request.config)
    fixture._install()
    manager = getattr(request.config, "_capture_manager", None)
    if manager is not None:
        manager.add_phase_listener(fixture._phase_done)
    try:
        yield fixture
    finally:
        if manager is not None:
            manager.remove_phase_listener(fixture._phase_done)
        fixture._uninstall()


# --------------------------------------------------------------------------- monkeypatch

_NOTSET = object()


class MonkeyPatch:
    """Stdlib stand-in for pytest.MonkeyPatch (used when pytest is not loaded)."""

    def __init__(self) -> None:
        self._setattr: list[tuple[object, str, object]] = []
        self._setitem: list[tuple[Any, object, object]] = []
        self._cwd: str | None = None
        self._savesyspath: list[str] | None = None

    @classmethod
    @contextlib.contextmanager
    def context(cls) -> Iterator["MonkeyPatch"]:
        patch = cls()
        try:
            yield patch
        finally:
            patch.undo()

    def setattr(self, target: Any, name: Any = _NOTSET, value: Any = _NOTSET, raising: bool = True) -> None:
        if isinstance(target, str):
            if value is not _NOTSET:
                raise TypeError("use setattr(target, name, value) or setattr(target, value) with target being a dotted import string")
            value = name
            name, target = _derive_importpath(target, raising)
        elif value is _NOTSET:
            raise TypeError("use setattr(target, name, value) or setattr(target, value) with target being a dotted import string")
        oldval = getattr(target, name, _NOTSET)
        if raising and oldval is _NOTSET:
            raise AttributeError("{!r} has no attribute {!r}".format(target, name))
        import inspect
        if inspect.isclass(target):
            oldval = target.__dict__.get(name, _NOTSET)
        self._setattr.append((target, name, oldval))
        setattr(target, name, value)

    def delattr(self, target: Any, name: Any = _NOTSET, raising: bool = True) -> None:
        if isinstance(target, str):
            if name is not _NOTSET:
                raise TypeError("use delattr(target, name) or delattr(target) with target being a dotted import string")
            name, target = _derive_importpath(target, raising)
        if not hasattr(target, name):
            if raising:
                raise AttributeError(name)
            return
        oldval = getattr(target, name, _NOTSET)
        import inspect
        if inspect.isclass(target):
            oldval = target.__dict__.get(name, _NOTSET)
        self._setattr.append((target, name, oldval))
        delattr(target, name)

    def setitem(self, dic: Any, name: Any, value: Any) -> None:
        self._setitem.append((dic, name, dic.get(name, _NOTSET)))
        dic[name] = value

    def delitem(self, dic: Any, name: Any, raising: bool = True) -> None:
        if name not in dic:
            if raising:
                raise KeyError(name)
            return
        self._setitem.append((dic, name, dic.get(name, _NOTSET)))
        del dic[name]

    def setenv(self, name: str, value: Any, prepend: str | None = None) -> None:
        if not isinstance(value, str):
            warnings.warn("Value of environment variable {} type should be str, but got {!r} (type: {}); converted to str implicitly".format(
                name, value, type(value).__name__), stacklevel=2)
            value = str(value)
        if prepend and name in os.environ:
            value = value + prepend + os.environ[name]
        self.setitem(os.environ, name, value)

    def delenv(self, name: str, raising: bool = True) -> None:
        self.delitem(os.environ, name, raising=raising)

    def syspath_prepend(self, path: Any) -> None:
        if self._savesyspath is None:
            self._savesyspath = sys.path[:]
        sys.path.insert(0, str(path))
        import importlib
        importlib.invalidate_caches()

    def chdir(self, path: Any) -> None:
        if self._cwd is None:
            self._cwd = os.getcwd()
        os.chdir(path)

    def undo(self) -> None:
        for obj, name, value in reversed(self._setattr):
            if value is not _NOTSET:
                setattr(obj, name, value)
            else:
                delattr(obj, name)
        self._setattr[:] = []
        for dictionary, key, value in reversed(self._setitem):
            if value is _NOTSET:
                try:
                    del dictionary[key]
                except KeyError:
                    pass
            else:
                dictionary[key] = value
        self._setitem[:] = []
        if self._savesyspath is not None:
            sys.path[:] = self._savesyspath
            self._savesyspath = None
        if self._cwd is not None:
            os.chdir(self._cwd)
            self._cwd = None


def _derive_importpath(import_path: str, raising: bool) -> tuple[str, Any]:
    if "." not in import_path:
        raise TypeError("must be absolute import path string, not {!r}".format(import_path))
    module, attr = import_path.rsplit(".", 1)
    target = _resolve_dotted(module)
    if raising and not hasattr(target, attr):
        raise AttributeError("{!r} object at {} has no attribute {!r}".format(type(target).__name__, module, attr))
    return attr, target


def _resolve_dotted(name: str) -> Any:
    import importlib
    parts = name.split(".")
    used = parts.pop(0)
    found: Any = importlib.import_module(used)
    for part in parts:
        used += "." + part
        try:
            found = getattr(found, part)
        except AttributeError:
            importlib.import_module(used)
            found = getattr(found, part)
    return found


def _monkeypatch_class() -> type:
    if "pytest" in sys.modules or "_pytest.monkeypatch" in sys.modules:
        from _pytest.monkeypatch import MonkeyPatch as PytestMonkeyPatch
        return PytestMonkeyPatch
    return MonkeyPatch


def monkeypatch() -> Iterator[Any]:
    patch = _monkeypatch_class()()
    try:
        yield patch
    finally:
        patch.undo()


# --------------------------------------------------------------------------- recwarn & misc


def recwarn() -> Iterator[Any]:
    if "pytest" in sys.modules or "_pytest.recwarn" in sys.modules:
        from _pytest.recwarn import WarningsRecorder
        recorder: Any = WarningsRecorder(_ispytest=True)
    else:
        recorder = _warnings_rec.WarningsRecorder()
    with recorder:
        warnings.simplefilter("default")
        yield recorder


def pytestconfig(request: Any) -> Any:
    return request.config


def _junit(request: Any) -> Any:
    """The run's junit_records.LogXML when it writes JUnit (`--junitxml`: Node writes the file,
    the engine sends what the junitxml fixtures record), else None (they record for nobody)."""
    return getattr(request.config, "_fastest_junit", None)


def _warn_incompatibility_with_xunit2(request: Any, xml: Any, fixture_name: str) -> None:
    if xml is not None and xml.family not in ("xunit1", "legacy"):
        from _pytest.warning_types import PytestWarning

        request.node.warn(PytestWarning(
            f"{fixture_name} is incompatible with junit_family '{xml.family}' (use 'legacy' or 'xunit1')"))


def record_property(request: Any) -> Callable[[str, object], None]:
    _warn_incompatibility_with_xunit2(request, _junit(request), "record_property")

    def append_property(name: str, value: object) -> None:
        props = getattr(request.node, "user_properties", None)
        if props is None:
            props = []
            try:
                request.node.user_properties = props
            except Exception:
                return
        props.append((name, value))
    return append_property


def record_xml_attribute(request: Any) -> Callable[[str, object], None]:
    from _pytest.warning_types import PytestExperimentalApiWarning

    request.node.warn(PytestExperimentalApiWarning("record_xml_attribute is an experimental feature"))
    xml = _junit(request)
    _warn_incompatibility_with_xunit2(request, xml, "record_xml_attribute")

    def add_attr_noop(name: str, value: object) -> None:
        pass

    return xml.node_reporter(request.node.nodeid).add_attribute if xml is not None else add_attr_noop


def doctest_namespace() -> dict:
    """pytest's doctest plugin fixture: a dict that doctests see as globals (none run natively)."""
    return {}


def record_testsuite_property(request: Any) -> Callable[[str, object], None]:
    """Session-scoped: what it records goes with the result of the test that recorded it."""
    from _pytest.junitxml import _check_record_param_type

    def record_func(name: str, value: object) -> None:
        __tracebackhide__ = True
        _check_record_param_type("name", name)

    xml = _junit(request)
    return xml.add_global_property if xml is not None else record_func



BUILTIN_FIXTURES: dict[str, tuple[str, Callable]] = {
    "doctest_namespace": ("session", doctest_namespace),
    "record_testsuite_property": ("session", record_testsuite_property),
    "tmp_path_factory": ("session", tmp_path_factory),
    "tmpdir_factory": ("session", tmpdir_factory),
    "tmp_path": ("function", tmp_path),
    "tmpdir": ("function", tmpdir),
    "capsys": ("function", capsys),
    "capsysbinary": ("function", capsysbinary),
    "capfd": ("function", capfd),
    "capfdbinary": ("function", capfdbinary),
    "capteesys": ("function", capteesys),
    "caplog": ("function", caplog),
    "monkeypatch": ("function", monkeypatch),
    "recwarn": ("function", recwarn),
    "pytestconfig": ("session", pytestconfig),
    "record_property": ("function", record_property),
    "record_xml_attribute": ("function", record_xml_attribute),
}
if importlib.util.find_spec("_pytest.subtests") is not None:  # pytest >= 9's fixture
    BUILTIN_FIXTURES["subtests"] = ("function", subtests)

__all__ = ["BUILTIN_FIXTURES", "TempPathFactory", "TempdirFactory", "LogCaptureFixture",
           "LogCaptureHandler", "MonkeyPatch"]
