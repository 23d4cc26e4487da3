"""skip / skipif / xfail evaluation, as pytest 9's _pytest/skipping.py does it."""
from __future__ import annotations

import os
import platform
import sys
import traceback
from typing import Optional, Tuple

from _pytest.outcomes import fail


class Xfail:
    __slots__ = ("reason", "run", "strict", "raises")

    def __init__(self, reason: str, run: bool, strict: bool, raises):
        self.reason = reason
        self.run = run
        self.strict = strict
        self.raises = raises


def evaluate_condition(item, mark, condition) -> Tuple[bool, str]:
    if isinstance(condition, str):
        globals_ = {"os": os, "sys": sys, "platform": platform, "config": item.config}
        globals_.update(getattr(item.function, "__globals__", {}))
        try:
            code = compile(condition, f"<{mark.name} condition>", "eval")
            result = eval(code, globals_)  # pytest's documented behaviour
        except SyntaxError as exc:
            fail("\n".join([f"Error evaluating {mark.name!r} condition", "    " + condition,
                            "    " + " " * (exc.offset or 0) + "^", "SyntaxError: invalid syntax"]),
                 pytrace=False)
        except Exception as exc:
            fail("\n".join([f"Error evaluating {mark.name!r} condition", "    " + condition,
                            *traceback.format_exception_only(type(exc), exc)]), pytrace=False)
    else:
        try:
            result = bool(condition)
        except Exception as exc:
            fail("\n".join([f"Error evaluating {mark.name!r} condition as a boolean",
                            *traceback.format_exception_only(type(exc), exc)]), pytrace=False)
    reason = mark.kwargs.get("reason", None)
    if reason is None:
        if isinstance(condition, str):
            reason = "condition: " + condition
        else:
            fail(f"Error evaluating {mark.name!r}: you need to specify reason=STRING when using "
                 "booleans as conditions.", pytrace=False)
    return result, reason


def evaluate_skip_marks(item) -> Optional[str]:
    """The skip reason when a skip/skipif mark applies, else None."""
    for mark in item.iter_markers("skipif"):
        conditions = mark.args if "condition" not in mark.kwargs else (mark.kwargs["condition"],)
        if not conditions:
            return mark.kwargs.get("reason", "")
        for condition in conditions:
            result, reason = evaluate_condition(item, mark, condition)
            if result:
                return reason
    for mark in item.iter_markers("skip"):
        try:
            return _skip_reason(*mark.args, **mark.kwargs)
        except TypeError as e:
            raise TypeError(str(e) + " - maybe you meant pytest.mark.skipif?") from None
    return None


def _skip_reason(reason: str = "unconditional skip") -> str:
    return reason


def evaluate_xfail_marks(item) -> Optional[Xfail]:
    for mark in item.iter_markers("xfail"):
        run = mark.kwargs.get("run", True)
        strict = mark.kwargs.get("strict")
        if strict is None:
            strict = item.config.getini("strict_xfail")
        if strict is None:
            strict = item.config.getini("strict")
        raises = mark.kwargs.get("raises", None)
        conditions = mark.args if "condition" not in mark.kwargs else (mark.kwargs["condition"],)
        if not conditions:
            return Xfail(mark.kwargs.get("reason", ""), run, bool(strict), raises)
        for condition in conditions:
            result, reason = evaluate_condition(item, mark, condition)
            if result:
                return Xfail(reason, run, bool(strict), raises)
    return None


def xfail_raises_matches(raises, exc: BaseException) -> bool:
    if raises is None:
        return True
    if isinstance(raises, (type, tuple)):
        return isinstance(exc, raises)
    matches = getattr(raises, "matches", None)  # pytest.RaisesExc / RaisesGroup
    return bool(matches(exc)) if matches is not None else False
