"""Frames over the worker's private protocol fds: 4-byte big-endian length + one MessagePack map;
and the shared state file through which Node knows the running test without a frame per test."""

import mmap
import contextlib
import os
import threading
import select
import struct
from time import monotonic

from .msgpack import pack_str, packb, unpackb

_LEN = struct.Struct(">I")
_START_HEAD = b"\x82\xa1t\xa5start\xa2id"  # {"t": "start", "id": <str>} up to the id
HOLD_LIMIT = 64 * 1024

# The shared state file (docs/protocol.md "Shared state"), little-endian. Node creates it with
# STATE_FILE_BYTES; only the worker writes it, except the cancel word.
_U32 = struct.Struct("<I")
_TEST = struct.Struct("<dI")  # at 16: the running test's start (time.monotonic()), its id's length
_DONE = struct.Struct("<II")  # at 8: `finished` (the start count its result closes), spooled bytes
STARTED_AT = 0  # u32: tests started by this process (each attempt of a rerun counts)
CANCEL_AT = 4  # u32: written by Node: the number of the `run` it cancels (1 = this process's first)
FINISHED_AT = 8  # u32: the value of `started` when the last result was spooled (== started: none runs)
SPOOLED_AT = 12  # u32: bytes of result frames in the spool not yet written to the pipe
ATTACHED_AT = 28  # u32: 1 once the worker has mapped the file (Node then sends units ahead)
ID_AT = 32  # the running test's id, UTF-8
ID_LIMIT = 65536 - ID_AT  # a longer id goes as a `start` frame (its length is then written as 0)
SPOOL_AT = 65536
SPOOL_LIMIT = 1 << 20
STATE_FILE_BYTES = SPOOL_AT + SPOOL_LIMIT
# Spooled results go to the pipe this long after the first of them, at the latest (checked when a
# result is spooled); a failure, or the result of a test a tenth as slow, goes at once.
# FASTEST_RESULT_BATCH_SECONDS sets it (tests: a crash in the middle of a batch).
FLUSH_SECONDS = float(os.environ.get("FASTEST_RESULT_BATCH_SECONDS") or 0.05)
SLOW_TEST_SECONDS = FLUSH_SECONDS / 10


class SharedState:
    """The worker's side of the state file: the running test's id and start, and the spool of
    results not yet sent. It lives in the page cache, so Node reads it after the worker died:
    the test a crash or a hang hits, and the results it had not sent yet."""

    def __init__(self, mapping):
        self._map = mapping
        self._started = _U32.unpack_from(mapping, STARTED_AT)[0]
        self.spooled = 0
        _DONE.pack_into(mapping, FINISHED_AT, self._started, 0)
        _U32.pack_into(mapping, ATTACHED_AT, 1)

    @classmethod
    def open(cls, path):
        """The state file Node made, mapped; None when it cannot be (then `start` frames say it)."""
        try:
            fd = os.open(path, os.O_RDWR)
            try:
                if os.fstat(fd).st_size < STATE_FILE_BYTES:
                    return None
                return cls(mmap.mmap(fd, STATE_FILE_BYTES))
            finally:
                os.close(fd)
        except (OSError, ValueError):
            return None

    def test_started(self, nodeid):
        """Records the running test; False when its id does not fit (send a `start` frame too)."""
        data = _utf8(nodeid)
        n = len(data)
        mapping = self._map
        if n <= ID_LIMIT:
            mapping[ID_AT:ID_AT + n] = data
        else:
            n = 0
        self._started = started = (self._started + 1) & 0xFFFFFFFF
        _TEST.pack_into(mapping, 16, monotonic(), n)
        _U32.pack_into(mapping, STARTED_AT, started)  # last: the id and start above are complete
        return n != 0

    def spool(self, data):
        """Appends a result frame (length prefix included) and marks the running test finished;
        False when the spool has no room for it."""
        at = self.spooled
        end = at + len(data)
        if end > SPOOL_LIMIT:
            return False
        self._map[SPOOL_AT + at:SPOOL_AT + end] = data
        self.spooled = end
        _DONE.pack_into(self._map, FINISHED_AT, self._started, end)
        return True

    def test_finished(self):
        """The running test's result went to the pipe directly (it was larger than the spool)."""
        _DONE.pack_into(self._map, FINISHED_AT, self._started, self.spooled)

    def spooled_frames(self):
        return self._map[SPOOL_AT:SPOOL_AT + self.spooled]

    def spool_sent(self):
        self.spooled = 0
        _U32.pack_into(self._map, SPOOLED_AT, 0)

    def cancelled_run(self):
        """The number of the `run` Node cancelled (0: none)."""
        return _U32.unpack_from(self._map, CANCEL_AT)[0]


# A passing or failing test's usual result, {t, id, file, engine, outcome, when, duration, line,
# phases: {setup, call, teardown}} and nothing else, packed with one struct call for its numbers
# (2x faster than the generic encoder; the frame is the same map, its keys in another order).
_USUAL_RESULT_KEYS = frozenset(("t", "id", "file", "engine", "outcome", "when", "duration", "line", "phases"))
_USUAL_RESULT_HEAD = b"\x89\xa1t\xa6result\xa2id"
_USUAL_RESULT_NUMBERS = struct.Struct(">10sd6sI15sd6sd10sd")


def pack_result(frame):
    """A `result` frame as MessagePack."""
    if len(frame) == 9 and frame.keys() == _USUAL_RESULT_KEYS:
        phases = frame["phases"]
        try:
            if len(phases) == 3:
                return b"".join((
                    _USUAL_RESULT_HEAD, pack_str(frame["id"]), b"\xa4file", pack_str(frame["file"]),
                    b"\xa6engine", pack_str(frame["engine"]), b"\xa7outcome", pack_str(frame["outcome"]),
                    b"\xa4when", pack_str(frame["when"]),
                    _USUAL_RESULT_NUMBERS.pack(b"\xa8duration\xcb", frame["duration"], b"\xa4line\xce", frame["line"],
                                               b"\xa6phases\x83\xa5setup\xcb", phases["setup"], b"\xa4call\xcb",
                                               phases["call"], b"\xa8teardown\xcb", phases["teardown"])))
        except Exception:  # another shape or type than the usual: the generic encoder says it
            pass
    return packb(frame)


def _utf8(text):
    try:
        return text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a lone surrogate no decoder produced
        return text.encode("utf-8", "replace")


class Channel:
    """Reads frames from `in_fd` and writes frames to `out_fd` (both raw file descriptors).

    With a shared state file (`attach_state`), a test's start is written there instead of a
    `start` frame and results are spooled there, then written to the pipe in batches: Node is
    woken once per batch, not once per test, and still knows the running test when the worker
    dies. Without one, each result is held until the next frame (the next test's `start`)."""

    def __init__(self, in_fd, out_fd):
        self.in_fd = in_fd
        self.out_fd = out_fd
        self._buf = bytearray()
        self._held = []
        self._held_bytes = 0
        self.state = None
        self._flush_due = 0.0
        self.flushed_since_poll = False
        self._deferred = []  # frames `poll` read that are the main loop's (a `run` sent ahead)
        # -s (output_order.py): a thread sends `output` frames too; each frame waits for the lock
        # and for what tests wrote before it (`_before`). Without -s neither costs anything.
        self.lock = contextlib.nullcontext()
        self._before = None
        self.running = ""  # the id of the test running, for `output` frames
        self.tearing_down = False  # the running test's teardown began: its output is marked so

    def before_frame(self, drain):
        """From now on `drain()` runs (under a lock) before each frame is sent."""
        self.lock = threading.RLock()
        self._before = drain

    def send_pending_output(self):
        """-s: what tests wrote after the last frame (a session fixture's teardown), before exit."""
        if self._before is not None:
            with self.lock:
                self._before()

    def send_output(self, stream, text):
        """What a test wrote to fd `stream` (1 or 2) under -s; the caller holds the lock. What its
        teardown wrote is marked: pytest prints it after the test's result letter."""
        frame = {"t": "output", "stream": stream, "id": self.running, "text": text}
        if self.tearing_down:
            frame["teardown"] = True
        self._send(frame)

    def attach_state(self, path):
        """Uses the shared state file at `path`; False (nothing changes) when it cannot be mapped."""
        self.state = SharedState.open(path)
        return self.state is not None

    def send(self, frame):
        """Write the frame, after any held or spooled results, in one system call."""
        with self.lock:
            if self._before is not None:
                self._before()
            self._send(frame)

    def _send(self, frame):
        body = packb(frame)
        self._write_after_held(_LEN.pack(len(body)) + body)

    def _write_after_held(self, data):
        if self._write_spooled(data):
            return
        if self._held:
            self._held.append(data)
            data = self._take_held()
        self._write(data)

    def _take_held(self):
        data = b"".join(self._held)
        self._held = []
        self._held_bytes = 0
        return data

    def send_later(self, frame):
        """Hold a frame until the next `send` (a test's result rides with the next `start`): one
        wake-up of the Node side per test instead of two. Held bytes are bounded."""
        body = pack_result(frame)
        self._held.append(_LEN.pack(len(body)))
        self._held.append(body)
        self._held_bytes += len(body) + 4
        if self._held_bytes > HOLD_LIMIT:
            self._flush()

    def _write_spooled(self, data=b""):
        """Writes the spooled results, then `data`, in one system call, and only then empties
        the spool (a crash in between loses nothing); False when nothing was spooled."""
        state = self.state
        if state is None or not state.spooled:
            return False
        self._write(state.spooled_frames() + data)
        state.spool_sent()
        self.flushed_since_poll = True
        return True

    def flush(self):
        with self.lock:
            self._flush()

    def _flush(self):
        self._write_spooled()
        if self._held:
            self._write(self._take_held())

    def _write(self, data):
        view = memoryview(data)
        while view:
            written = os.write(self.out_fd, view)
            view = view[written:]

    def emit(self, frame):
        """The engines' `emit`: results are spooled (or held), a start is recorded in the state
        file, everything else goes now."""
        if self._before is None:
            return self._emit(frame)
        with self.lock:
            self._before()
            kind = frame.get("t")
            if kind == "teardown":  # what was written before it is sent: the rest is the teardown's
                self.tearing_down = frame["id"] == self.running
                return None
            if kind == "start":
                self.running = frame["id"]
                self.tearing_down = False
            elif kind == "result":
                self.running = ""
                self.tearing_down = False
            return self._emit(frame)

    def _emit(self, frame):
        kind = frame.get("t")
        if kind == "result":
            if self.state is None:
                self.send_later(frame)
            else:
                self._spool(frame)
        elif kind == "start" and len(frame) == 2:
            nodeid = frame["id"]
            if self.state is not None and self.state.test_started(nodeid):
                return
            body = _START_HEAD + pack_str(nodeid)  # one per test: skip the generic encoder
            self._write_after_held(_LEN.pack(len(body)) + body)
        else:
            self._send(frame)

    def _spool(self, frame):
        body = pack_result(frame)
        data = _LEN.pack(len(body)) + body
        state = self.state
        first = not state.spooled
        if not state.spool(data):
            self._flush()
            if not state.spool(data):  # larger than the spool: straight to the pipe
                state.test_finished()
                self._write(data)
                return
            first = True
        now = monotonic()
        if first:
            self._flush_due = now + FLUSH_SECONDS
        if (now >= self._flush_due or frame.get("outcome") in ("failed", "error") or "teardownError" in frame
                or (frame.get("duration") or 0) >= SLOW_TEST_SECONDS):
            self._flush()

    def no_test_running(self):
        """A unit ended: a test it started and never reported (an engine error) is not running."""
        if self.state is not None:
            self.state.test_finished()

    def cancelled_run(self):
        """The `run` Node cancelled through the state file (0: none, or no state file)."""
        return self.state.cancelled_run() if self.state is not None else 0

    def _fill(self, n):
        """Read until the buffer holds n bytes; False at end of input."""
        while len(self._buf) < n:
            chunk = os.read(self.in_fd, max(65536, n - len(self._buf)))
            if not chunk:
                return False
            self._buf += chunk
        return True

    def defer(self, frame):
        """A frame `poll` read during a unit that `recv` must still return (a `run` sent ahead)."""
        self._deferred.append(frame)

    def wait_for(self, kind):
        """The next frame of `kind` (Node's answer), keeping the others read meanwhile for `recv`
        (the next unit, sent ahead); None when Node closed the pipe."""
        while True:
            frame = self._read_frame()
            if frame is None or frame.get("t") == kind:
                return frame
            self.defer(frame)

    def recv(self):
        """The next frame, or None when Node closed the pipe."""
        if self._deferred:
            return self._deferred.pop(0)
        return self._read_frame()

    def _read_frame(self):
        if not self._fill(4):
            return None
        (size,) = _LEN.unpack_from(self._buf, 0)
        if not self._fill(4 + size):
            return None
        body = bytes(self._buf[4:4 + size])
        del self._buf[:4 + size]
        return unpackb(body)

    def poll(self):
        """A frame if one is already waiting (never blocks on an empty pipe), else None;
        `{"t": "eof"}` once Node has closed the pipe (it is gone or wants us gone)."""
        self.flushed_since_poll = False
        if len(self._buf) < 4:
            try:
                ready, _, _ = select.select([self.in_fd], [], [], 0)
            except (OSError, ValueError):
                return None
            if not ready:
                return None
        frame = self._read_frame()
        return {"t": "eof"} if frame is None else frame


def base_id(nodeid):
    """`f.py::test_x[1-a]` -> `f.py::test_x` (the bracket of the last `::` part only)."""
    last = nodeid.rfind("::")
    bracket = nodeid.find("[", last + 2 if last >= 0 else 0)
    return nodeid[:bracket] if bracket >= 0 else nodeid


def listed(nodeid, wanted):
    """Whether a unit that lists `wanted` runs `nodeid`: its own id, its id without the
    parameters (a dynamic item), or a module or class containing it (a dynamic container)."""
    if nodeid in wanted:
        return True
    if "[" in nodeid and base_id(nodeid) in wanted:
        return True
    cut = nodeid.rfind("::")
    while cut > 0:
        nodeid = nodeid[:cut]
        if nodeid in wanted:
            return True
        cut = nodeid.rfind("::")
    return False
