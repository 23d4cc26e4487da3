"""Whether the running unit must stop: the state the worker loop and both engines share.

The worker loop binds its channel and clears the flag per unit; engines ask `cancel_requested()`
between tests. Kept apart from worker.py so that the engines do not import the loop that imports
them."""

_channel = None
_cancelled = False
_own_stop = False  # this worker's own failures reached --maxfail
_stop_pending = False
_unit = 0  # the number of the running `run` frame in this process (Node counts them the same way)


def bind(channel):
    """Poll `channel` for `cancel`/`stop` from now on (once the engines exist)."""
    global _channel
    _channel = channel


def cancel_requested():
    """True once Node has asked the running unit to stop (-x/--maxfail reached elsewhere), or this
    worker's own failures reached --maxfail. Never blocks; cleared by `unit_starting`.

    With a shared state file Node's cancel is a word there (read per test, no system call), and
    the pipe is polled only after a batch of results went out (for `stop`, or Node gone)."""
    global _cancelled, _stop_pending
    if _cancelled:
        return True
    channel = _channel
    if channel is None:
        return False
    if channel.state is not None:
        if channel.cancelled_run() >= _unit:
            _cancelled = True
            return True
        if not channel.flushed_since_poll:
            return False
    frame = channel.poll()
    if frame is not None:
        kind = frame.get("t")
        if kind == "cancel":
            _cancelled = True
        elif kind in ("stop", "eof"):
            _cancelled = _stop_pending = True
        else:  # the next unit, sent ahead: the worker loop runs it after this one
            channel.defer(frame)
    return _cancelled


def request_cancel():
    """This worker stops its unit by itself (its failures reached --maxfail)."""
    global _cancelled, _own_stop
    _cancelled = _own_stop = True


def unit_starting(sticky):
    """A new unit starts: a cancel of the previous one ends, unless `sticky` and --maxfail was
    reached in this worker (it stays stopped). A unit Node cancelled does not stop the next: after
    -x elsewhere, Node still gives the units that come before the failure."""
    global _cancelled, _unit
    _unit += 1
    if not (sticky and _own_stop):
        _cancelled = False


def is_cancelled():
    return _cancelled


def stop_pending():
    """Node sent `stop` (or closed the pipe) while a unit ran: end after it."""
    return _stop_pending
