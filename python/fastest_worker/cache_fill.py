"""CPU seconds this worker has spent on work whose result .fastest keeps for the next run:
compiling the source of imports that found no bytecode in .fastest/pycache, rewriting test
modules that had no .fastest/pyc entry, reading modules' facts (native/support.py) that
native-facts-*.json did not hold. Node counts a worker's start-up cost to decide how many
workers a run is worth (src/runner/run-cost.ts); this work is paid once, by the first run, so it
is not part of what one more worker costs."""
import time

seconds = 0.0


def add(started: float) -> None:
    """Count the CPU time since `started` (a `time.process_time()`)."""
    global seconds
    seconds += time.process_time() - started


def install() -> None:
    from importlib import _bootstrap_external

    original = _bootstrap_external.SourceLoader.source_to_code

    def source_to_code(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        started = time.process_time()
        try:
            return original(self, *args, **kwargs)
        finally:
            add(started)

    _bootstrap_external.SourceLoader.source_to_code = source_to_code  # type: ignore[method-assign]


def field(frame: dict) -> dict:
    """The frame with `cacheFillCpu` (seconds so far) when this worker has done any such work."""
    if seconds > 0:
        frame["cacheFillCpu"] = round(seconds, 4)
    return frame
