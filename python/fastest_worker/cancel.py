"""Whether the running unit must stop: the state the worker loop and both engines share.

The worker loop binds its channel and clears the flag per unit; engines ask `cancel_requested()`
between tests. Kept apart from worker.py so that the engines do not import the loop that imports
them."""

_channel = None
_cancelled = False
_stop_pending = False


def bind(channel):
    """Poll `channel` for `cancel`/`stop` from now on (once the engines exist)."""
    global _channel
    _channel = channel


def cancel_requested():
    """True once Node has asked the running unit to stop (-x/--maxfail reached elsewhere), or this
    worker's own failures reached --maxfail. Never blocks; cleared by `unit_starting`."""
    global _cancelled, _stop_pending
    if _cancelled:
        return True
    if _channel is None:
        return False
    frame = _channel.poll()
    if frame is not None:
        kind = frame.get("t")
        if kind == "cancel":
            _cancelled = True
        elif kind in ("stop", "eof"):
            _cancelled = _stop_pending = True
    return _cancelled


def request_cancel():
    """This worker stops its unit by itself (its failures reached --maxfail)."""
    global _cancelled
    _cancelled = True


def unit_starting(sticky):
    """A new unit starts: a cancel of the previous one ends, unless `sticky` (--maxfail reached
    in this worker: it stays stopped)."""
    global _cancelled
    if not (sticky and _cancelled):
        _cancelled = False


def is_cancelled():
    return _cancelled


def stop_pending():
    """Node sent `stop` (or closed the pipe) while a unit ran: end after it."""
    return _stop_pending
