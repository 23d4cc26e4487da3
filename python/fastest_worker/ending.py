"""A worker's end: what the interpreter's own end does that anyone can see, without the rest.

After its last frame a worker spent 90-160 ms in the interpreter's finalization (module teardown,
the last collections over everything pytest and the tests made), and Node waits for the exit
before it prints the summary; in a process forked from the warm parent each object touched there
is also a page copied. The end here joins threads and runs atexit callbacks (logging, coverage,
tempfile's and multiprocessing's finalizers, the user's), flushes the files a test left open for
writing (which module teardown would close), flushes stdout and stderr, and exits."""
import gc
import io
import os
import sys

_BUFFERED = (io.TextIOWrapper, io.BufferedWriter, io.BufferedRandom)


def _flush_open_files():
    for obj in gc.get_objects():
        if type(obj) in _BUFFERED:
            try:
                if not obj.closed:
                    obj.flush()
            except Exception:
                pass


def end_now(code):
    import atexit
    import threading

    shutdown = getattr(threading, "_shutdown", None)
    if shutdown is not None:
        shutdown()
    atexit._run_exitfuncs()
    _flush_open_files()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(code if isinstance(code, int) else 0 if code is None else 1)
