"""Per-test output capture for the native engine (pytest's ``--capture`` semantics).

Standard library only.

API
---
CaptureManager(mode: str, log_capture=True, log_level=None, log_format=None, log_date_format=None,
               log_formatter=None)
                                   mode 'fd' | 'sys' | 'no' | 'tee-sys' (pytest's --capture);
                                   log_* are pytest's log_level / log_format / log_date_format
                                   ini values (level as an int), log_formatter a ready formatter
                                   (used instead of the two formats); log_capture=False is
                                   ``-p no:logging``
    .start_test() -> None          resume capturing and drop anything captured before
    .phase_done(when: str) -> tuple[str, str]
                                   (out, err) written since the last start_test/phase_done,
                                   then reset; capture stays on. ``when`` is 'setup' | 'call' |
                                   'teardown' (kept for symmetry, the text is the same).
    .last_log: str                 the "Captured log <when>" text of the phase phase_done just
                                   closed ('' if none): records reaching the root logger,
                                   formatted like pytest. The handler sits on the root logger
                                   from the first start_test to stop(), so, as under pytest,
                                   logging's last-resort stderr printing never kicks in.
    .suspend() / .resume()         pause capture (e.g. before the engine itself writes to the
                                   real stdout) and resume it
    .stop() -> None                restore sys.stdout/stderr/stdin and fds 1/2 for good
    .set_log_capture(on: bool)     the report handler off / on again (pytest's "logging-plugin"
                                   unregistered / registered through config.pluginmanager)
    .disabled() -> context manager  global and fixture capture off (``capsys.disabled()``)
    .is_capturing() -> bool
    .add_phase_listener(fn(when)) / .remove_phase_listener(fn)
                                   called at each phase_done before reading (caplog uses it)
CaptureFixture(manager: CaptureManager | None, kind: str)
    kind 'sys' | 'sysbinary' | 'fd' | 'fdbinary' | 'teesys'; the object behind capsys,
    capsysbinary, capfd, capfdbinary, capteesys (builtins.py creates it, starts it with
    ``._start()`` and closes it with ``._close()`` at fixture teardown).
    .readouterr() -> CaptureResult(out, err)   str, or bytes for the binary kinds
    .disabled() -> context manager
CaptureResult                     namedtuple('CaptureResult', 'out err')

How the fixture cooperates with the global capture (like pytest): while a capture fixture
is active it stacks its own capture on top of the global one, so what the test prints
goes to the fixture, not to the report sections; output the test never read with
readouterr() is written through to the global capture when the fixture closes (pytest
shows it under the teardown section).

fd mode redirects fds 1 and 2 to temporary files with dup2 (C-level writes and
subprocesses are captured) and points sys.stdout/stderr at text wrappers over the same
files, so Python-level and fd-level output stay in order. In fd and sys mode sys.stdin
reads raise ``OSError`` as under pytest.
"""

from __future__ import annotations

import collections
import contextlib
import io
import logging
import os
import sys
import tempfile
from typing import Any, Callable, Iterator

# sys.stdin while capturing is pytest's own: a test that reads it fails with pytest's traceback.
from _pytest.capture import DontReadFromInput

CaptureResult = collections.namedtuple("CaptureResult", ["out", "err"])

def _text_over(raw: Any, kind: type = io.TextIOWrapper) -> io.TextIOWrapper:
    return kind(raw, encoding="utf-8", errors="replace", newline="", write_through=True)


class _TeeText(io.TextIOWrapper):
    """Capture buffer that also writes through to the stream it replaced (tee-sys)."""

    def __init__(self, raw: Any, other: Any) -> None:
        super().__init__(raw, encoding="utf-8", errors="replace", newline="", write_through=True)
        self._other = other

    def write(self, text: str) -> int:
        if self._other is not None:
            try:
                self._other.write(text)
            except Exception:
                pass
        return super().write(text)


class _SeekNoted(io.TextIOWrapper):
    """The fd capture's sys.stdout/stderr, noting a seek: after one, the file's offset no longer
    says whether anything was written (isort writes its output there and seeks back to read it)."""

    seeked = False

    def seek(self, *args: Any) -> int:
        self.seeked = True
        return super().seek(*args)


_STREAM_NAMES = {1: "stdout", 2: "stderr"}


class _SysCapture:
    """Swaps sys.stdout or sys.stderr for an in-memory text stream."""

    def __init__(self, fd: int, tee: bool = False) -> None:
        self.name = _STREAM_NAMES[fd]
        self.saved = getattr(sys, self.name)
        self.raw = io.BytesIO()
        self.stream = _TeeText(self.raw, self.saved) if tee else _text_over(self.raw)
        self.active = False

    def start(self) -> None:
        self.saved = getattr(sys, self.name)
        if isinstance(self.stream, _TeeText):
            self.stream._other = self.saved
        setattr(sys, self.name, self.stream)
        self.active = True

    def suspend(self) -> None:
        if self.active:
            setattr(sys, self.name, self.saved)
            self.active = False

    def resume(self) -> None:
        if not self.active:
            setattr(sys, self.name, self.stream)
            self.active = True

    def snap_bytes(self) -> bytes:
        # the buffer's end, not the position: a test may have seeked sys.stdout back (pytest reads
        # the whole buffer whatever the position)
        if not self.raw.seek(0, 2):
            return b""
        data = self.raw.getvalue()
        self.raw.seek(0)
        self.raw.truncate()
        return data

    def snap(self) -> str:
        raw = self.raw  # (snap_bytes inlined: this runs twice per test phase)
        if not raw.seek(0, 2):
            return ""
        data = raw.getvalue()
        raw.seek(0)
        raw.truncate()
        return data.decode("utf-8", "replace")

    def writeorg(self, data: str) -> None:
        self.saved.write(data)
        self.saved.flush()

    def done(self) -> None:
        self.suspend()
        self.stream.close()


class _FdCapture:
    """dup2()s a temporary file over fd 1 or 2, and points sys.stdout/stderr at it too."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.name = _STREAM_NAMES[fd]
        self.saved_fd = os.dup(fd)
        self.tmp = tempfile.TemporaryFile(buffering=0)
        self.stream = _text_over(self.tmp, _SeekNoted)
        self.saved_stream = getattr(sys, self.name)
        self.active = False

    def start(self) -> None:
        self.saved_stream = getattr(sys, self.name)
        self._flush_saved()
        os.dup2(self.tmp.fileno(), self.fd)
        setattr(sys, self.name, self.stream)
        self.active = True

    def _flush_saved(self) -> None:
        try:
            self.saved_stream.flush()
        except Exception:
            pass

    def suspend(self) -> None:
        if self.active:
            os.dup2(self.saved_fd, self.fd)
            setattr(sys, self.name, self.saved_stream)
            self.active = False

    def resume(self) -> None:
        if not self.active:
            self._flush_saved()
            os.dup2(self.tmp.fileno(), self.fd)
            setattr(sys, self.name, self.stream)
            self.active = True

    def _nothing_written(self) -> bool:
        """At offset 0 after the test seeked sys.stdout back: the file's size says (pytest reads
        the whole file whatever the offset)."""
        self.stream.seeked = False
        return not os.fstat(self.tmp.fileno()).st_size

    def snap_bytes(self) -> bytes:
        # fd 1/2 share this file's offset: offset 0 means nothing was written (one syscall), unless
        # a test seeked back
        if not self.tmp.tell() and (not self.stream.seeked or self._nothing_written()):
            return b""
        self.tmp.seek(0)
        data = self.tmp.read()
        self.tmp.seek(0)
        self.tmp.truncate()
        return data

    def snap(self) -> str:
        tmp = self.tmp  # (snap_bytes inlined: this runs twice per test phase)
        if not tmp.tell() and (not self.stream.seeked or self._nothing_written()):
            return ""
        tmp.seek(0)
        data = tmp.read()
        tmp.seek(0)
        tmp.truncate()
        return data.decode("utf-8", "replace")

    def writeorg(self, data: str) -> None:
        os.write(self.saved_fd, data.encode("utf-8"))

    def done(self) -> None:
        self.suspend()
        os.close(self.saved_fd)
        self.stream.close()


class _MultiCapture:
    """stdout + stderr (+ stdin guard) captured together."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        if kind == "fd":
            self.out: Any = _FdCapture(1)
            self.err: Any = _FdCapture(2)
        else:
            tee = kind == "tee-sys"
            self.out = _SysCapture(1, tee)
            self.err = _SysCapture(2, tee)
        self.guard_stdin = kind in ("fd", "sys")
        self.saved_stdin = sys.stdin
        self.stdin = DontReadFromInput()
        self.active = False

    def start(self) -> None:
        self.out.start()
        self.err.start()
        if self.guard_stdin:
            self.saved_stdin = sys.stdin
            sys.stdin = self.stdin
        self.active = True

    def suspend(self) -> None:
        if self.active:
            self.out.suspend()
            self.err.suspend()
            if self.guard_stdin:
                sys.stdin = self.saved_stdin
            self.active = False

    def resume(self) -> None:
        if not self.active:
            self.out.resume()
            self.err.resume()
            if self.guard_stdin:
                sys.stdin = self.stdin
            self.active = True

    def reassert(self) -> None:
        """Put our streams back in sys if a test swapped them and left them so (pytest
        re-installs them every phase; we stay active across the tests of a unit)."""
        if sys.stdout is not self.out.stream:
            sys.stdout = self.out.stream
        if sys.stderr is not self.err.stream:
            sys.stderr = self.err.stream
        if self.guard_stdin and sys.stdin is not self.stdin:
            sys.stdin = self.stdin

    def read_text(self) -> tuple[str, str]:
        return self.out.snap(), self.err.snap()

    def read_bytes(self) -> tuple[bytes, bytes]:
        return self.out.snap_bytes(), self.err.snap_bytes()

    def done(self) -> None:
        self.suspend()
        self.err.done()
        self.out.done()


DEFAULT_LOG_FORMAT = "%(levelname)-8s %(name)s:%(filename)s:%(lineno)d %(message)s"
DEFAULT_LOG_DATE_FORMAT = "%H:%M:%S"


class _ReportLogHandler(logging.Handler):
    """pytest's per-phase report handler: formatted records for "Captured log <when>"."""

    def __init__(self, level: int | None, fmt: str | None, datefmt: str | None,
                 formatter: logging.Formatter | None = None) -> None:
        super().__init__(level if level is not None else logging.NOTSET)
        self.setFormatter(formatter or logging.Formatter(fmt or DEFAULT_LOG_FORMAT,
                                                         datefmt or DEFAULT_LOG_DATE_FORMAT))
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.lines.append(self.format(record))
        except Exception:
            self.handleError(record)

    def take(self) -> str:
        if not self.lines:
            return ""
        # what pytest's report section holds: the handler's stream, stripped
        text = "".join(line + "\n" for line in self.lines).strip()
        self.lines = []
        return text


class CaptureManager:
    def __init__(self, mode: str, log_capture: bool = True, log_level: int | None = None,
                 log_format: str | None = None, log_date_format: str | None = None,
                 log_formatter: logging.Formatter | None = None) -> None:
        if mode not in ("fd", "sys", "no", "tee-sys"):
            raise ValueError("unknown capturing method: {!r}".format(mode))
        self.mode = mode
        self._global: _MultiCapture | None = None
        self._fixture: CaptureFixture | None = None
        self._phase_listeners: list[Callable[[str], None]] = []
        self._log: _ReportLogHandler | None = (
            _ReportLogHandler(log_level, log_format, log_date_format, log_formatter) if log_capture else None)
        self._log_unregistered: _ReportLogHandler | None = None
        self._session_handler: logging.Handler | None = None
        self._log_level = log_level
        self._saved_root_level: int | None = None
        self.last_log = ""

    def set_log_capture(self, on: bool) -> None:
        """pytest's "logging-plugin" registered again / unregistered (config.pluginmanager)."""
        if on:
            self._log = self._log or self._log_unregistered
            self._log_unregistered = None
        elif self._log is not None:
            self._remove_log_handler()
            self._log_unregistered, self._log = self._log, None

    def _install_log_handler(self) -> None:
        if self._log is None:
            return
        root = logging.getLogger()
        if self._session_handler is None:
            # pytest's session-long handlers on the root logger (live logging's null handler,
            # the log file's): with the report handler gone (logging-plugin unregistered), a
            # record still never reaches logging's last-resort printing to stderr
            self._session_handler = logging.NullHandler()
            root.addHandler(self._session_handler)
        if self._log not in root.handlers:
            root.addHandler(self._log)
            if self._log_level is not None:
                self._saved_root_level = root.level
                root.setLevel(min(root.level, self._log_level))

    def _remove_log_handler(self, ending: bool = False) -> None:
        root = logging.getLogger()
        if ending and self._session_handler is not None:
            root.removeHandler(self._session_handler)
            self._session_handler = None
        if self._log is None:
            return
        root.removeHandler(self._log)
        if self._saved_root_level is not None:
            root.setLevel(self._saved_root_level)
            self._saved_root_level = None

    def _ensure_started(self) -> None:
        if self._global is None and self.mode != "no":
            self._global = _MultiCapture(self.mode)
            self._global.start()

    def is_capturing(self) -> bool:
        return self._global is not None and self._global.active

    def start_test(self) -> None:
        """Capture on, for a test; what was captured before is dropped. The engine leaves
        capture on between the tests of a unit, so this is mostly a check, not a switch."""
        captured = self._global
        if captured is None:
            self._ensure_started()
            captured = self._global
        if captured is not None:
            if captured.active:
                if self._fixture is None:
                    captured.reassert()
            else:
                captured.resume()
            captured.read_text()
        self._install_log_handler()
        if self._log is not None:
            self._log.take()
        self.last_log = ""

    def phase_done(self, when: str) -> tuple[str, str]:
        if self._phase_listeners:
            for listener in list(self._phase_listeners):
                listener(when)
        fixture = self._fixture
        if fixture is not None:
            # like pytest: the fixture is closed at the end of each phase (unread output
            # lands in this phase's sections) and started afresh for the next phase
            fixture._stop_capture()
        out, err = self._global.read_text() if self._global is not None else ("", "")
        self.last_log = self._log.take() if self._log is not None else ""
        if fixture is not None and self._fixture is fixture and when != "teardown":
            fixture._start()
        return out, err

    def add_phase_listener(self, listener: Callable[[str], None]) -> None:
        self._phase_listeners.append(listener)

    def remove_phase_listener(self, listener: Callable[[str], None]) -> None:
        try:
            self._phase_listeners.remove(listener)
        except ValueError:
            pass

    def suspend(self) -> None:
        if self._fixture is not None:
            self._fixture._suspend()
        if self._global is not None:
            self._global.suspend()

    def resume(self) -> None:
        if self._global is not None:
            self._global.resume()
        if self._fixture is not None:
            self._fixture._resume()

    @contextlib.contextmanager
    def disabled(self) -> Iterator[None]:
        fixture_was = self._fixture is not None and self._fixture._is_active()
        global_was = self._global is not None and self._global.active
        if fixture_was:
            self._fixture._suspend()  # type: ignore[union-attr]
        if global_was:
            self._global.suspend()  # type: ignore[union-attr]
        try:
            yield
        finally:
            if global_was:
                self._global.resume()  # type: ignore[union-attr]
            if fixture_was and self._fixture is not None:
                self._fixture._resume()

    def stop(self) -> None:
        if self._fixture is not None:
            self._fixture._close()
        self._remove_log_handler(ending=True)
        if self._global is not None:
            self._global.done()
            self._global = None

    # fixture registry: one capture fixture per test, like pytest
    def _set_fixture(self, fixture: "CaptureFixture") -> None:
        if self._fixture is not None and self._fixture is not fixture:
            raise RuntimeError(
                "cannot use {} and {} at the same time".format(self._fixture.fixturename, fixture.fixturename))
        self._fixture = fixture

    def _unset_fixture(self, fixture: "CaptureFixture") -> None:
        if self._fixture is fixture:
            self._fixture = None


_FIXTURE_KINDS = {
    "sys": ("sys", False, "capsys"),
    "sysbinary": ("sys", True, "capsysbinary"),
    "fd": ("fd", False, "capfd"),
    "fdbinary": ("fd", True, "capfdbinary"),
    "teesys": ("tee-sys", False, "capteesys"),
}


class CaptureFixture:
    def __repr__(self) -> str:  # pytest's, as a failure's locals print it
        return f"<_pytest.capture.CaptureFixture object at {id(self):#x}>"

    def __init__(self, manager: CaptureManager | None, kind: str) -> None:
        self.manager = manager
        self.method, self.binary, self.fixturename = _FIXTURE_KINDS[kind]
        self._capture: _MultiCapture | None = None
        empty: Any = b"" if self.binary else ""
        self._captured_out = empty
        self._captured_err = empty

    def _start(self) -> None:
        if self.manager is not None:
            self.manager._set_fixture(self)
        if self._capture is None:
            capture = _MultiCapture(self.method)
            capture.guard_stdin = False
            capture.start()
            self._capture = capture

    def _read(self) -> tuple[Any, Any]:
        assert self._capture is not None
        return self._capture.read_bytes() if self.binary else self._capture.read_text()

    def _close(self) -> None:
        self._stop_capture()
        if self.manager is not None:
            self.manager._unset_fixture(self)

    def _stop_capture(self) -> None:
        if self._capture is not None:
            out, err = self._read()
            self._captured_out += out
            self._captured_err += err
            # unread output goes on to whatever capture was below us (pytest's pop_outerr_to_orig)
            if out:
                self._capture.out.writeorg(out.decode("utf-8", "replace") if self.binary else out)
            if err:
                self._capture.err.writeorg(err.decode("utf-8", "replace") if self.binary else err)
            self._capture.done()
            self._capture = None

    def _suspend(self) -> None:
        if self._capture is not None:
            self._capture.suspend()

    def _resume(self) -> None:
        if self._capture is not None:
            self._capture.resume()

    def _is_active(self) -> bool:
        return self._capture is not None and self._capture.active

    def readouterr(self) -> CaptureResult:
        out, err = self._captured_out, self._captured_err
        if self._capture is not None:
            new_out, new_err = self._read()
            out += new_out
            err += new_err
        empty: Any = b"" if self.binary else ""
        self._captured_out = empty
        self._captured_err = empty
        return CaptureResult(out, err)

    @contextlib.contextmanager
    def disabled(self) -> Iterator[None]:
        if self.manager is not None:
            with self.manager.disabled():
                yield
            return
        was = self._is_active()
        self._suspend()
        try:
            yield
        finally:
            if was:
                self._resume()


__all__ = ["CaptureManager", "CaptureFixture", "CaptureResult", "DontReadFromInput"]
