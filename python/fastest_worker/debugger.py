"""fastest's stdin for the tests' terminal uses, as pytest leaves it to them.

A debugger a test starts (`breakpoint()`, `pdb.set_trace()`, `pytest.set_trace()`) talks to
fastest's terminal as pytest's does to its own: pytest's debugging plugin suspends the capture
(`CaptureManager.suspend(in_=True)`), and the worker then asks Node for the terminal (`debug`
frame, answered by `debug_go` when no other worker's debugger has it; Node holds its own output
meanwhile). The debugger reads the stdin Node shared (FASTEST_TERMINAL_FD, kept private) a byte at
a time and writes through `console` frames Node prints at once; when Node's stdin and stdout are
both a terminal it gets the terminal itself on fds 0 and 1 (readline's line editing). Under -s the
tests' own fd 0 and sys.stdin are the shared stdin. Without one nothing changes: /dev/null.
"""
import io
import os
import sys

_terminal_fd = None
_terminal_out_fd = None  # Node's stdout, when both it and stdin are a terminal
_terminal_reader = None
_channel = None
_saved = None  # while the terminal is this worker's: ((stdin, stdout, stderr), [(fd, its copy)])


def take_terminal():
    """At the worker's (or the warm parent's) start: the shared stdin's fd, out of the
    environment tests see and out of what their processes inherit."""
    global _terminal_fd, _terminal_out_fd
    value = os.environ.pop("FASTEST_TERMINAL_FD", None)
    out = os.environ.pop("FASTEST_TERMINAL_OUT_FD", None)
    if value is None or _terminal_fd is not None:
        return
    _terminal_fd = _private_fd(value)
    if _terminal_fd is not None and out is not None:
        _terminal_out_fd = _private_fd(out)


def _private_fd(value):
    try:
        fd = int(value)
        os.set_inheritable(fd, False)
    except (ValueError, OSError):
        return None
    return fd


def terminal_shared():
    return _terminal_fd is not None


def stdin_for_tests():
    """-s: tests read the shared stdin on fd 0 and sys.stdin (input(), a subprocess's stdin), as
    under `pytest -s`, which leaves them alone. Nothing without a shared stdin."""
    if _terminal_fd is None:
        return
    os.dup2(_terminal_fd, 0)
    sys.stdin = _text_on_fd(0, "rb", getattr(sys.stdin, "encoding", None) or "utf-8",
                            getattr(sys.stdin, "errors", None) or "strict")


def _text_on_fd(fd, mode, encoding, errors, **options):
    """A text stream over `fd` (left open when the stream goes), as sys.stdin/sys.stdout are."""
    raw = io.FileIO(fd, mode, closefd=False)
    buffered = io.BufferedReader(raw) if "r" in mode else io.BufferedWriter(raw)
    return io.TextIOWrapper(buffered, encoding=encoding, errors=errors, **options)


def bind(channel):
    global _channel
    _channel = channel


class _TerminalReader(io.TextIOBase):
    """sys.stdin while debugging: fd 0 (the shared stdin) a byte at a time, never past the line
    asked for: the next worker's debugger reads the rest of a piped input."""

    def __init__(self, encoding):
        self._encoding = encoding

    @property
    def encoding(self):
        return self._encoding

    def readable(self):
        return True

    def fileno(self):
        return 0

    def isatty(self):
        return os.isatty(0)

    def readline(self, size=-1):
        line = bytearray()
        while size is None or size < 0 or len(line) < size:
            byte = os.read(0, 1)
            if not byte:
                break
            line += byte
            if byte == b"\n":
                break
        return line.decode(self._encoding, "replace")

    def read(self, size=-1):
        data = bytearray()
        while size is None or size < 0 or len(data) < size:
            chunk = os.read(0, 1 if size is not None and size >= 0 else 65536)
            if not chunk:
                break
            data += chunk
        return data.decode(self._encoding, "replace")


class _Console(io.TextIOBase):
    """sys.stdout/sys.stderr while debugging: each write is a `console` frame, printed by Node
    as it comes (pdb's prompt has no newline). No fileno: input() writes its prompt here and
    reads sys.stdin rather than the process's own fds."""

    def __init__(self, stream, tty):
        self.stream = stream
        self._tty = tty

    @property
    def encoding(self):
        return "utf-8"

    @property
    def errors(self):
        return "replace"

    def writable(self):
        return True

    def isatty(self):
        return self._tty

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError("write() argument must be str, not %s" % type(text).__name__)
        if text and _channel is not None:
            _channel.send({"t": "console", "stream": self.stream, "text": text})
        return len(text)


def enter():
    """The debugger starts: once Node grants the terminal, stdin reads it and stdout/stderr go to
    Node's console. Nothing without a shared stdin, or when already entered."""
    global _saved, _terminal_reader
    if _terminal_fd is None or _channel is None or _saved is not None:
        return
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass
    _channel.send({"t": "debug", "on": True})
    go = _channel.wait_for("debug_go")
    if go is None:  # Node is gone: the debugger reads what it read before
        return
    encoding = getattr(sys.__stdin__, "encoding", None) or "utf-8"
    saved_fds = [(0, _saved_fd(0))]
    os.dup2(_terminal_fd, 0)
    streams = (sys.stdin, sys.stdout, sys.stderr)
    if _terminal_out_fd is not None and os.isatty(0) and os.isatty(_terminal_out_fd):
        # the terminal itself on fds 0 and 1: input() then edits the line with readline, as in pytest
        saved_fds.append((1, _saved_fd(1)))
        os.dup2(_terminal_out_fd, 1)
        sys.stdin = _text_on_fd(0, "rb", encoding, "replace")
        sys.stdout = _text_on_fd(1, "wb", encoding, "replace", line_buffering=True, write_through=True)
        sys.stderr = sys.stdout
    else:
        if _terminal_reader is None:
            _terminal_reader = _TerminalReader(encoding)
        tty = bool(go.get("tty"))
        sys.stdin = _terminal_reader
        sys.stdout = _Console(1, tty)
        sys.stderr = _Console(2, tty)
    _saved = (streams, saved_fds)


def _saved_fd(fd):
    copy = os.dup(fd)
    os.set_inheritable(copy, False)
    return copy


def leave():
    """The debugger continued or ended: the test's streams and fd 0 as they were, and Node's
    output goes on. Nothing when not entered."""
    global _saved
    saved = _saved
    if saved is None:
        return
    _saved = None
    streams, saved_fds = saved
    if sys.stdout is not streams[1]:
        try:
            sys.stdout.flush()
        except Exception:
            pass
    sys.stdin, sys.stdout, sys.stderr = streams
    for fd, copy in saved_fds:
        os.dup2(copy, fd)
        os.close(copy)
    _channel.send({"t": "debug", "on": False})


def debugging():
    return _saved is not None


def wrap_pytest_capture(capman):
    """The pytest engine: pytest's CaptureManager enters the terminal when the debugger suspends
    it (`in_=True`, only pytest's debugging plugin asks that) and leaves it before it resumes."""
    if capman is None:
        return
    suspend = capman.suspend_global_capture
    resume = capman.resume_global_capture

    def suspend_global_capture(in_=False):
        suspend(in_)
        if in_:
            enter()

    def resume_global_capture():
        leave()
        resume()

    capman.suspend_global_capture = suspend_global_capture
    capman.resume_global_capture = resume_global_capture


class LeavePlugin:
    """pytest's hook after the debugger continued (under -s no capture resumes to leave it)."""

    def pytest_leave_pdb(self, config, pdb):
        leave()


def use_config(config):
    """pytest's debugging plugin's state for the engine about to run a unit: its debugger
    suspends that engine's capture (a worker may run both engines' units)."""
    debugging_module = sys.modules.get("_pytest.debugging")
    if debugging_module is None or config is None:
        return
    pdb_state = debugging_module.pytestPDB
    if pdb_state._config is config:
        return
    import pdb

    pdb_state._pluginmanager = config.pluginmanager
    pdb_state._config = config
    pdb.set_trace = pdb_state.set_trace
