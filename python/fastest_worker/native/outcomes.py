"""Failure texts: test failures (pytest's --tb=auto long format) and collection errors.

Formatting uses pytest's _pytest._code (ExceptionInfo.getrepr) only when something failed, with
the traceback cut and filtered the way pytest's Function/Collector nodes do it, plus this
package's own frames hidden.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Optional, Tuple

import _pytest
from _pytest._code import Code, ExceptionInfo
from _pytest._code.code import Traceback, filter_traceback
from _pytest.compat import get_real_func
from _pytest.outcomes import Exit, Failed, Skipped, XFailed, fail, skip, xfail  # noqa: F401

from ..terminal_text import terminal_text
from .fixtures import FixtureLookupError, format_lookup_error

_OWN_DIR = Path(__file__).resolve().parent.parent  # fastest_worker/
_PYTEST_DIR = Path(_pytest.__file__).parent


_OWN_PREFIX = str(_OWN_DIR) + os.sep
_ours_cache: dict = {}


def _not_ours(entry) -> bool:
    raw = entry.frame.code.raw.co_filename
    ours = _ours_cache.get(raw)
    if ours is None:
        ours = _ours_cache[raw] = os.path.realpath(raw).startswith(_OWN_PREFIX)
    return not ours


def _keep(entry) -> bool:
    return filter_traceback(entry) and _not_ours(entry)


def _test_tb_filter(func, is_unittest=False):
    def tbfilter(excinfo: ExceptionInfo) -> Traceback:
        traceback = excinfo.traceback
        ntraceback = traceback
        if func is not None:
            try:
                code = Code.from_function(get_real_func(func))
                path, firstlineno = code.path, code.firstlineno
                ntraceback = traceback.cut(path=path, firstlineno=firstlineno)
                if ntraceback == traceback:
                    ntraceback = ntraceback.cut(path=path)
            except (TypeError, ValueError, AttributeError):
                pass
        if ntraceback == traceback:
            ntraceback = ntraceback.filter(_keep)
            if not ntraceback:
                # raised by the engine itself (pytest would show its own internals here)
                ntraceback = traceback.filter(_not_ours) or Traceback(traceback[-1:])
        else:
            ntraceback = ntraceback.filter(_not_ours) or ntraceback
        ntraceback = ntraceback.filter(excinfo)
        if len(ntraceback) > 2:
            ntraceback = Traceback((ntraceback[0],
                                    *(t.with_repr_style("short") for t in ntraceback[1:-1]),
                                    ntraceback[-1]))
        if is_unittest:
            # after the marking, as pytest's TestCaseFunction filters its Function's traceback: a
            # helper that called unittest's assertEqual stays short though it is last now
            ntraceback = ntraceback.filter(lambda e: not e.frame.f_globals.get("__unittest")) or ntraceback
        return ntraceback
    return tbfilter


def format_failure(exc: BaseException, func=None, tbstyle: str = "auto",
                   is_unittest: bool = False, showlocals: bool = False,
                   truncate_locals: bool = True) -> Tuple[str, Optional[str]]:
    """(longrepr, message) for an exception raised while setting up/running/tearing down a test;
    ``showlocals``: `-l`, each frame's locals under it (cut short unless `-vv`)."""
    if isinstance(exc, FixtureLookupError):
        # pytest's FixtureLookupErrorRepr has no crash line: the short summary names the test
        # alone, JUnit's message is the whole text
        return format_lookup_error(exc), None
    excinfo = ExceptionInfo.from_exception(exc)
    if isinstance(exc, Failed) and not exc.pytrace:
        # pytest reports it in its "value" style: the crash message is the whole exception text
        # (the short summary shows all of it on CI, its first line elsewhere)
        return str(exc.msg), excinfo.exconly(tryshort=True)
    style = "long" if tbstyle in ("auto", "long") else tbstyle
    entries = excinfo.traceback
    if entries and all(not _keep(e) for e in entries) and not all(_not_ours(e) for e in entries):
        # raised by the engine itself, not by user code: the exception line is the story
        text = excinfo.exconly(tryshort=True)
        return "\n".join("E   " + ln for ln in text.split("\n")), text
    try:
        rep = excinfo.getrepr(funcargs=True, abspath=False, showlocals=showlocals, style=style,
                              tbfilter=_test_tb_filter(func, is_unittest), truncate_locals=truncate_locals,
                              truncate_args=True)
        longrepr = terminal_text(rep)
    except Exception:  # never lose a result because formatting failed
        import traceback as tb_mod
        longrepr = "".join(tb_mod.format_exception(type(exc), exc, exc.__traceback__))
    # the whole crash message, as pytest's reprcrash: the short summary shows it all on CI
    return longrepr, excinfo.exconly(tryshort=True)


def crash_location(exc: BaseException) -> Tuple[Optional[str], Optional[int]]:
    """Path and 1-based line of the last visible traceback entry (pytest's reprcrash)."""
    excinfo = ExceptionInfo.from_exception(exc)
    for entry in reversed(excinfo.traceback):
        if not entry.ishidden(excinfo) and _not_ours(entry):
            return str(entry.path), entry.lineno + 1
    return None, None


def _collect_tb_filter(path: str):
    def tbfilter(excinfo: ExceptionInfo) -> Traceback:
        traceback = excinfo.traceback
        ntraceback = traceback.cut(path=Path(path))
        if ntraceback == traceback:
            ntraceback = ntraceback.cut(excludepath=_PYTEST_DIR)
        ntraceback = ntraceback.filter(_not_ours) or ntraceback
        return ntraceback.filter(excinfo)
    return tbfilter


def format_import_error(exc: BaseException, path: str) -> str:
    """What pytest prints under `ERROR collecting` when importing a test module failed."""
    from .importer import ImportPathMismatchError
    excinfo = ExceptionInfo.from_exception(exc)
    if isinstance(exc, SyntaxError):
        return _short(excinfo, path)
    if isinstance(exc, ImportPathMismatchError):
        return ("import file mismatch:\n"
                "imported module {!r} has this __file__ attribute:\n"
                "  {}\n"
                "which is not the same as the test file we want to collect:\n"
                "  {}\n"
                "HINT: remove __pycache__ / .pyc files and/or use a "
                "unique basename for your test file modules".format(*exc.args))
    if isinstance(exc, ImportError):
        excinfo.traceback = excinfo.traceback.filter(_keep)
        formatted = str(excinfo.getrepr(style="short")) if excinfo.traceback else excinfo.exconly()
        return (f"ImportError while importing test module '{path}'.\n"
                "Hint: make sure your test modules/packages have valid Python names.\n"
                "Traceback:\n"
                f"{formatted}")
    if isinstance(exc, Skipped) and not exc.allow_module_level:
        return ("Using pytest.skip outside of a test will skip the entire module. "
                "If that's your intention, pass `allow_module_level=True`. "
                "If you want to skip a specific test or an entire class, "
                "use the @pytest.mark.skip or @pytest.mark.skipif decorators.")
    return format_collect_failure(exc, path)


def _short(excinfo: ExceptionInfo, path: str) -> str:
    excinfo.traceback = excinfo.traceback.filter(_keep)
    if not excinfo.traceback:
        return excinfo.exconly()
    return str(excinfo.getrepr(style="short"))


def skip_reason(exc: BaseException) -> str:
    """A skip's reason as pytest's reports carry it: the crash message (`Skipped: why`, or
    `Skipped` for a skip that gives none; trailing whitespace dropped) without the `Skipped: `
    its terminal and JUnit reports take off."""
    text = ExceptionInfo.from_exception(exc).exconly(tryshort=True)
    return text[len("Skipped: "):] if text.startswith("Skipped: ") else text


def collect_crash(exc: BaseException, conftest: bool = False) -> Optional[str]:
    """The exception line pytest's short summary adds after `ERROR file - ` (the report's
    reprcrash), or None where its collection error is plain text: an import error of the test
    module, a CollectError, a pytrace=False fail. A conftest's failure always has one."""
    from .importer import ImportPathMismatchError
    from .params import CollectError
    if not conftest:
        if isinstance(exc, (ImportError, SyntaxError, ImportPathMismatchError, CollectError)):
            return None
        if isinstance(exc, Skipped) and not exc.allow_module_level:
            return None
    if isinstance(exc, Failed) and not exc.pytrace:
        return None
    return exception_line(exc)


def exception_line(exc: BaseException) -> Optional[str]:
    """`Type: message`, as pytest's reprcrash gives it (None if the exception cannot say)."""
    try:
        return ExceptionInfo.from_exception(exc).exconly()
    except Exception:
        return None


def format_collect_failure(exc: BaseException, path: str) -> str:
    """Collector.repr_failure: CollectError text, a pytrace=False fail, or a short traceback."""
    from .params import CollectError
    if isinstance(exc, CollectError):
        return str(exc.args[0])
    if isinstance(exc, Failed) and not exc.pytrace:
        return str(exc.msg)
    excinfo = ExceptionInfo.from_exception(exc)
    try:
        return terminal_text(excinfo.getrepr(style="short", tbfilter=_collect_tb_filter(path)))
    except Exception:
        import traceback as tb_mod
        return "".join(tb_mod.format_exception(type(exc), exc, exc.__traceback__))


def relpath(path: str, rootdir: str) -> str:
    try:
        rel = os.path.relpath(path, rootdir)
    except ValueError:
        return path
    return rel.replace(os.sep, "/")
