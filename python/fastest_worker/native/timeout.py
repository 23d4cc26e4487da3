"""pytest-timeout's `signal` method in the native engine (`timeout` ini, PYTEST_TIMEOUT, --timeout).

A test still running after the limit fails where it hangs, with pytest-timeout's text
("Failed: Timeout (>2.0s) from pytest-timeout."), and the worker goes on with the next test. The
limit covers setup, call and teardown, or the call only under `timeout_func_only`. The `thread`
method (pytest-timeout ends the whole process) is left to Node, which ends the worker at the limit;
Node's own limit is only a backstop when this timer runs.

When pytest-timeout is loaded, its `timeout` mark sets a test's own limit, method and func_only
(`mark_settings`, pytest-timeout's parsing and checks). The engines then say that limit in the
test's `start` frame, so that Node's backstop (or, under the `thread` method, Node's end of the
worker) uses it rather than the run's.
"""
from __future__ import annotations

import signal
import sys
import threading
from typing import NamedTuple, Optional, Tuple

from _pytest.outcomes import fail
from pytest import hookimpl

PYTEST_FAILURE_MESSAGE = "Timeout (>%ss) from pytest-timeout."


_TRUE_WORDS = ("1", "true", "yes", "on", "y", "t")


class TimeoutSettings(NamedTuple):
    seconds: float  # 0: not timed
    method: str  # "signal" or "thread"
    func_only: bool


def run_settings(seconds, ini: dict) -> TimeoutSettings:
    """The run's settings: Node's resolved limit (init's `timeout`) and the ini's
    `timeout_method` and `timeout_func_only`."""
    try:
        limit = float(seconds or 0)
    except (TypeError, ValueError):
        limit = 0.0
    # (pytest-timeout refuses any other word; Node takes any but `signal` for `thread`, as here)
    method = "signal" if str(ini.get("timeout_method") or "").strip() in ("", "signal") else "thread"
    func_only = str(ini.get("timeout_func_only") or "").strip().lower() in _TRUE_WORDS
    return TimeoutSettings(limit, method, func_only)


def mark_settings(marker, run: TimeoutSettings) -> TimeoutSettings:
    """A test's settings under pytest-timeout's `timeout` mark: what the mark gives, the run's
    for the rest. Raises TypeError or ValueError where pytest-timeout does (its hook then ends the
    session with an internal error)."""
    if not marker.args and not marker.kwargs:
        raise TypeError("Timeout marker must have at least one argument")
    given = {}
    for key, value in marker.kwargs.items():
        if key not in ("timeout", "method", "func_only"):
            raise TypeError("Invalid keyword argument for timeout marker: %s" % key)
        given[key] = value
    for position, key in enumerate(("timeout", "method")):
        if len(marker.args) > position:
            if key in given:
                raise TypeError("Multiple values for %s argument of timeout marker" % key)
            given[key] = marker.args[position]
    if len(marker.args) > 2:
        raise TypeError("Too many arguments for timeout marker")
    seconds, method, func_only = given.get("timeout"), given.get("method"), given.get("func_only")
    if seconds is not None:
        try:
            seconds = float(seconds)
        except ValueError:
            raise ValueError("Invalid timeout %s from marker" % seconds) from None
    if method is not None and method not in ("signal", "thread"):
        raise ValueError("Invalid method %s from marker" % method)
    if func_only is not None and not isinstance(func_only, bool):
        raise ValueError("Invalid func_only value %s from marker" % func_only)
    return TimeoutSettings(run.seconds if seconds is None else seconds, method or run.method,
                           run.func_only if func_only is None else func_only)


def _limit_fields(settings: TimeoutSettings) -> dict:
    """The `start` frame's fields for a test with its own settings."""
    return {"timeout": max(settings.seconds, 0.0), "timeoutMethod": settings.method}


def start_limits(settings: TimeoutSettings, own: bool) -> Tuple[Optional[dict], Optional[dict]]:
    """The limit fields of a test's `start` frame (None: the run's, which Node has) and of the
    second `start` sent when its call begins (None: no second one), for a test timed by
    `settings`; `own`: they come from its mark. A test timed from its call only (func_only)
    starts with no limit and gets it with its call, so that Node's clock leaves its setup out,
    as pytest-timeout's does."""
    if settings.func_only and settings.seconds > 0:
        return _limit_fields(settings._replace(seconds=0.0)), _limit_fields(settings)
    return (_limit_fields(settings) if own else None), None


class PhaseTimer:
    __slots__ = ("seconds", "func_only", "live", "_previous")

    def __init__(self, seconds: float, func_only: bool):
        self.seconds = seconds
        self.func_only = func_only
        self.live = False
        self._previous = None

    @classmethod
    def of(cls, settings: TimeoutSettings) -> Optional["PhaseTimer"]:
        """A timer for `settings`, or None when this process does not time them (no limit, the
        `thread` method, no SIGALRM or not the main thread)."""
        if settings.seconds <= 0 or settings.method != "signal" or not hasattr(signal, "SIGALRM"):
            return None
        if threading.current_thread() is not threading.main_thread():
            return None
        return cls(settings.seconds, settings.func_only)

    def enter(self, when: str) -> None:
        """A phase starts: the clock runs from the first phase it covers."""
        if self.func_only and when != "call":
            return
        if self._previous is None:
            self._previous = signal.signal(signal.SIGALRM, self._fire)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
        self.live = True

    def leave(self) -> None:
        self.live = False
        if self.func_only:
            self.stop()

    def stop(self) -> None:
        self.live = False
        if self._previous is not None:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self._previous)
            self._previous = None

    def _fire(self, signum, frame) -> None:
        __tracebackhide__ = True
        if not self.live:
            # between two phases (the engine's own code): the next phase gets it
            signal.setitimer(signal.ITIMER_REAL, 0.001)
            return
        if _debugging():
            return  # pytest-timeout lets a test being debugged run
        self.live = False
        fail(PYTEST_FAILURE_MESSAGE % self.seconds)


def _debugging() -> bool:
    """pytest-timeout's check: a debugger's trace function is set (pdb's, pydevd's)."""
    from .. import debugger

    if debugger.debugging():
        return True
    trace = sys.gettrace()
    module = getattr(trace, "__module__", None) or (type(trace).__module__ if trace is not None else "")
    return any(part.startswith(("bdb", "pydevd")) for part in str(module).split("."))


class PytestTimeoutHooks:
    """The same timer in the pytest engine, when pytest-timeout itself is not loaded."""

    def __init__(self, timer: PhaseTimer):
        self.timer = timer

    @hookimpl(wrapper=True)
    def pytest_runtest_setup(self, item):
        self.timer.enter("setup")
        try:
            return (yield)
        finally:
            self.timer.leave()

    @hookimpl(wrapper=True)
    def pytest_runtest_call(self, item):
        self.timer.enter("call")
        try:
            return (yield)
        finally:
            self.timer.leave()

    @hookimpl(wrapper=True)
    def pytest_runtest_teardown(self, item):
        self.timer.enter("teardown")
        try:
            return (yield)
        finally:
            self.timer.stop()
