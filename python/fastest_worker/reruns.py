"""pytest-rerunfailures' retries, for both engines, without the plugin (docs/protocol.md, "Retries").

Node resolves the options and ini values (`init.reruns`); per test, a `flaky` mark overrides them
as the plugin's does. The engines run a test again while `RetryPlan.again` says so, and send its
earlier attempts with the result of its last one (`results.attempt`, `attempts`). Nothing here runs for a
test without reruns: `RerunPolicy.plan` is only asked when the options ask for reruns or the
test carries a `flaky` mark.
"""

import os
import platform
import re
import sys
import time
import traceback
import warnings


# The `flaky` mark as pytest-rerunfailures registers it (so it is known under --strict-markers).
FLAKY_MARKER = ("flaky(reruns=1, reruns_delay=0, reruns_delay_backoff_factor=1.0): mark test to re-run up to "
                "'reruns' times. Add a delay of 'reruns_delay' seconds between re-runs, multiplied by "
                "'reruns_delay_backoff_factor' after each attempt for an exponential backoff.")


def register_flaky_marker(config):
    """Adds the `flaky` mark to the `markers` ini unless something registered it already."""
    if not any(line.split(":")[0].split("(")[0].strip() == "flaky" for line in config.getini("markers")):
        config.addinivalue_line("markers", FLAKY_MARKER)


class RerunPolicy:
    """The session's rerun settings: `init["reruns"]` as Node sends it, or None."""

    def __init__(self, settings):
        settings = settings or {}
        count = settings.get("count")
        self.count = None if count is None else int(count)  # None: neither option nor ini gave one
        self.delay = float(settings.get("delay") or 0.0)
        self.backoff = float(settings.get("backoff") or 1.0)
        self.only_rerun = list(settings.get("onlyRerun") or [])
        self.rerun_except = list(settings.get("rerunExcept") or [])
        # every test needs a look (its own mark can still ask for reruns when this is False)
        self.active = bool(self.count)

    def plan(self, marker, item_globals, config):
        """The retry plan of one test (`marker`: its closest `flaky` mark or None), or None when
        it is not to be rerun at all."""
        if marker is not None:
            reruns = _mark_arg(marker, "reruns", 0, 1)
            # the plugin's: a mark without a delay does not take the option's
            delay = _mark_arg(marker, "reruns_delay", 1, 0)
            backoff = _mark_arg(marker, "reruns_delay_backoff_factor", 2, 1.0)
        else:
            reruns, delay, backoff = self.count, self.delay, self.backoff
        if not reruns or reruns <= 0:
            return None
        if delay < 0:
            delay = 0
            warnings.warn("Delay time between re-runs cannot be < 0. Using default value: 0")
        if backoff < 0:
            backoff = 1.0
            warnings.warn("Rerun delay backoff factor cannot be < 0. Using default value: 1.0")
        only = _filters(marker, "only_rerun", self.only_rerun)
        excepted = _filters(marker, "rerun_except", self.rerun_except)
        return RetryPlan(int(reruns), float(delay), float(backoff), only, excepted, marker, item_globals, config)


def _mark_arg(marker, name, position, default):
    """A `flaky` mark's argument: by keyword, else by position, else the plugin's default."""
    if name in marker.kwargs:
        return marker.kwargs[name]
    return marker.args[position] if len(marker.args) > position else default


def _filters(marker, name, default):
    if marker is not None and name in marker.kwargs:
        value = marker.kwargs[name]
        return [value] if isinstance(value, str) else list(value or [])
    return default


class RetryPlan:
    """How often one test may run again, and on which failures (pytest-rerunfailures 16's rules)."""

    __slots__ = ("reruns", "delay", "backoff", "only", "excepted", "marker", "item_globals", "config", "_condition")

    def __init__(self, reruns, delay, backoff, only, excepted, marker, item_globals, config):
        self.reruns = reruns
        self.delay = delay
        self.backoff = backoff
        self.only = only
        self.excepted = excepted
        self.marker = marker
        self.item_globals = item_globals
        self.config = config
        self._condition = None

    def hard_fail(self, exc):
        """True when a failure must not be rerun: it does not match --only-rerun, or it
        matches --rerun-except. `exc`: the phase's exception, or None (a strict XPASS...)."""
        if not self.only and not self.excepted:
            return False
        matches_only = _matches(self.only, exc) if self.only else True
        matches_except = _matches(self.excepted, exc) if self.excepted else False
        return not matches_only or matches_except

    def again(self, reruns_done, failures):
        """Whether the test runs again after an attempt. `failures`: the exception (or None) of
        each phase of the attempt that failed; empty when it did not fail."""
        if not failures or reruns_done >= self.reruns:
            return False
        if any(self.hard_fail(exc) for exc in failures):
            return False
        return self.condition()

    def condition(self):
        """The mark's `condition` (evaluated once, as pytest's skipif conditions are)."""
        if self._condition is None:
            marker = self.marker
            self._condition = True
            if marker is not None and "condition" in marker.kwargs:
                self._condition = _evaluate_condition(marker.kwargs["condition"], self.item_globals, self.config)
        return self._condition

    def wait(self, reruns_done):
        """The pause before rerun number `reruns_done + 1`: delay * backoff ** reruns_done."""
        if self.delay:
            time.sleep(self.delay * self.backoff ** reruns_done)


def _matches(patterns, exc):
    if exc is None:
        return False
    text = "%s: %s" % (type(exc).__name__, exc)
    for pattern in patterns:
        if isinstance(pattern, type) and issubclass(pattern, BaseException):
            if isinstance(exc, pattern):
                return True
        elif re.search(pattern if isinstance(pattern, (str, re.Pattern)) else str(pattern), text):
            return True
    return False


class ConditionError(Exception):
    """A `flaky(condition=...)` that does not evaluate: pytest's text for a bad skipif condition."""


def _evaluate_condition(condition, item_globals, config):
    if not isinstance(condition, str):
        try:
            return bool(condition)
        except Exception as exc:
            raise ConditionError("\n".join(["Error evaluating 'flaky' condition as a boolean",
                                            *traceback.format_exception_only(type(exc), exc)]))
    namespace = {"os": os, "sys": sys, "platform": platform, "config": config}
    if item_globals:
        namespace.update(item_globals)
    try:
        return bool(eval(compile(condition, "<flaky condition>", "eval"), namespace))  # as the plugin
    except SyntaxError as exc:
        raise ConditionError("\n".join(["Error evaluating 'flaky' condition", "    " + condition,
                                        "    " + " " * (exc.offset or 0) + "^", "SyntaxError: invalid syntax"]))
    except Exception as exc:
        raise ConditionError("\n".join(["Error evaluating 'flaky' condition", "    " + condition,
                                        *traceback.format_exception_only(type(exc), exc)]))

