"""Frames over the worker's private protocol fds: 4-byte big-endian length + one MessagePack map."""

import os
import select
import struct

from .msgpack import pack_str, packb, unpackb

_LEN = struct.Struct(">I")
_START_HEAD = b"\x82\xa1t\xa5start\xa2id"  # {"t": "start", "id": <str>} up to the id
HOLD_LIMIT = 64 * 1024


class Channel:
    """Reads frames from `in_fd` and writes frames to `out_fd` (both raw file descriptors)."""

    def __init__(self, in_fd, out_fd):
        self.in_fd = in_fd
        self.out_fd = out_fd
        self._buf = bytearray()
        self._held = []
        self._held_bytes = 0

    def send(self, frame):
        """Write the frame, after any held results, in one system call."""
        body = packb(frame)
        self._write_after_held(_LEN.pack(len(body)) + body)

    def _write_after_held(self, data):
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
        body = packb(frame)
        self._held.append(_LEN.pack(len(body)))
        self._held.append(body)
        self._held_bytes += len(body) + 4
        if self._held_bytes > HOLD_LIMIT:
            self.flush()

    def flush(self):
        if self._held:
            self._write(self._take_held())

    def _write(self, data):
        view = memoryview(data)
        while view:
            written = os.write(self.out_fd, view)
            view = view[written:]

    def emit(self, frame):
        """The engines' `emit`: results are held for the next frame, everything else goes now."""
        kind = frame.get("t")
        if kind == "result":
            self.send_later(frame)
        elif kind == "start" and len(frame) == 2:
            body = _START_HEAD + pack_str(frame["id"])  # one per test: skip the generic encoder
            self._write_after_held(_LEN.pack(len(body)) + body)
        else:
            self.send(frame)

    def _fill(self, n):
        """Read until the buffer holds n bytes; False at end of input."""
        while len(self._buf) < n:
            chunk = os.read(self.in_fd, max(65536, n - len(self._buf)))
            if not chunk:
                return False
            self._buf += chunk
        return True

    def recv(self):
        """The next frame, or None when Node closed the pipe."""
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
        if len(self._buf) < 4:
            try:
                ready, _, _ = select.select([self.in_fd], [], [], 0)
            except (OSError, ValueError):
                return None
            if not ready:
                return None
        frame = self.recv()
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
