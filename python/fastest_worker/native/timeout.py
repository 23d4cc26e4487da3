"""pytest-timeout's `signal` method in the native engine (`timeout` ini, PYTEST_TIMEOUT, --timeout).

A test still running after the limit fails where it hangs, with pytest-timeout's text
("Failed: Timeout (>2.0s) from pytest-timeout."), and the worker goes on with the next test. The
limit covers setup, call and teardown, or the call only under `timeout_func_only`. The `thread`
method (pytest-timeout ends the whole process) is left to Node, which ends the worker at the limit;
Node's own limit is only a backstop when this timer runs.
"""
from __future__ import annotations

import signal
import threading
from typing import Optional

from _pytest.outcomes import fail
from pytest import hookimpl

PYTEST_FAILURE_MESSAGE = "Timeout (>%ss) from pytest-timeout."


class PhaseTimer:
    __slots__ = ("seconds", "func_only", "live", "_previous")

    def __init__(self, seconds: float, func_only: bool):
        self.seconds = seconds
        self.func_only = func_only
        self.live = False
        self._previous = None

    @classmethod
    def configured(cls, seconds, ini: dict) -> Optional["PhaseTimer"]:
        """From Node's resolved limit (init's `timeout`) and the ini values (pytest-timeout's
        `timeout_method` and `timeout_func_only`, which it reads from the ini only)."""
        try:
            seconds = float(seconds or 0)
        except (TypeError, ValueError):
            return None
        if seconds <= 0 or not hasattr(signal, "SIGALRM"):
            return None
        if threading.current_thread() is not threading.main_thread():
            return None
        method = str(ini.get("timeout_method") or "signal").strip()
        if method != "signal":
            return None
        func_only = str(ini.get("timeout_func_only") or "").strip().lower() in ("1", "true", "yes", "on", "y", "t")
        return cls(seconds, func_only)

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
        self.live = False
        fail(PYTEST_FAILURE_MESSAGE % self.seconds)


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
