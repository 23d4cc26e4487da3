"""Per-test warnings recording and the ``warnings summary`` text, as pytest does them.

Standard library only (pytest's warning classes are used only when pytest is already loaded).

API
---
record_warnings(filters: list[str] = (), *, cmdline_filters: list[str] = (),
                mark_filters: list[str] = ()) -> context manager yielding list[warnings.WarningMessage]
    pytest's ``catch_warnings_for_item``: ``catch_warnings(record=True)``; DeprecationWarning
    and PendingDeprecationWarning shown ``always`` unless the interpreter got -W/PYTHONWARNINGS;
    then ``filters`` (the ``filterwarnings`` ini lines, unescaped), ``cmdline_filters`` (the
    ``-W`` args, regex-escaped like pytest does), and ``mark_filters`` (the args of every
    ``filterwarnings`` mark, in ``item.iter_markers`` order: closest node first), each applied
    on top of the previous, so later ones win. A bad filter raises WarningFilterError whose
    text is pytest's usage error.
parse_warning_filter(arg: str, escape: bool) -> tuple(action, message, category, module, lineno)
class WarningFilterError(ValueError)
warning_to_str(message: warnings.WarningMessage) -> str
    ``warnings.formatwarning`` text pytest shows (``path:line: Category: text\\n  source line\\n``).
class WarningReport(message: str, nodeid: str | None, fslocation: tuple[str, int] | None)
    WarningReport.from_message(warning_message, nodeid) -> WarningReport
class TestWarnings(ini_filters, cmdline_filters)
    .enter(mark_filters=()) / .exit() -> list[WarningMessage] around one test, as pytest's
    catch_warnings_for_item, with the configured filters parsed once.
warning_frames(log, nodeid=None) -> list[dict]
    the result frame's ``warnings`` entries (message, filename, lineno[, nodeid]).
format_warnings_summary(reports: list[WarningReport], rootdir: str, width: int = 80,
                        final: bool = False) -> list[str]
    The lines of pytest's ``warnings summary`` section, header and docs link included
    ([] when there are no warnings).
"""

from __future__ import annotations

import collections
import contextlib
import os
import re
import sys
import warnings
from typing import Iterable, Iterator, Optional

DOCS_LINE = "-- Docs: https://docs.pytest.org/en/stable/how-to/capture-warnings.html"


class WarningFilterError(ValueError):
    pass


def _error_text(arg: str, error: str) -> str:
    return ("while parsing the following warning configuration:\n\n  {}\n\n"
            "This error occurred:\n\n{}\n").format(arg, error)


def _resolve_category(name: str) -> type:
    if not name:
        return Warning
    if "." not in name:
        import builtins as module
        klass = name
    else:
        module_name, _, klass = name.rpartition(".")
        module = __import__(module_name, None, None, [klass])
    category = getattr(module, klass)
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise WarningFilterError("{} is not a Warning subclass".format(category))
    return category


_ACTIONS = ("default", "always", "all", "ignore", "module", "once", "error")


def parse_warning_filter(arg: str, escape: bool) -> tuple:
    parts = arg.split(":")
    if len(parts) > 5:
        raise WarningFilterError(_error_text(arg, (
            "Too many fields ({}), expected at most 5 separated by colons:\n\n"
            "  action:message:category:module:line\n\n"
            "For more information please consult: "
            "https://docs.python.org/3/library/warnings.html#describing-warning-filters\n").format(len(parts))))
    while len(parts) < 5:
        parts.append("")
    action_, message, category_, module, lineno_ = (part.strip() for part in parts)
    action = _resolve_action(arg, action_)
    try:
        category = _resolve_category(category_)
    except ImportError:
        raise
    except WarningFilterError as exc:
        raise WarningFilterError(_error_text(arg, str(exc))) from None
    except Exception as exc:
        raise WarningFilterError(_error_text(arg, "{}: {}".format(type(exc).__name__, exc))) from None
    if message and escape:
        message = re.escape(message)
    if module and escape:
        module = re.escape(module) + r"\Z"
    lineno = 0
    if lineno_:
        try:
            lineno = int(lineno_)
            if lineno < 0:
                raise ValueError("number is negative")
        except ValueError as exc:
            raise WarningFilterError(_error_text(arg, "invalid lineno {!r}: {}".format(lineno_, exc))) from None
    try:
        re.compile(message)
        re.compile(module)
    except re.error as exc:
        raise WarningFilterError(_error_text(arg, "Invalid regex {!r}: {}".format(exc.pattern, exc))) from None
    return action, message, category, module, lineno


def _resolve_action(arg: str, action: str) -> str:
    if not action:
        return "default"
    if action == "all":
        return "always"
    for candidate in _ACTIONS:
        if candidate.startswith(action):
            return candidate
    raise WarningFilterError(_error_text(arg, "invalid action: {!r}".format(action)))


def _apply(args: Iterable[str], escape: bool) -> None:
    for arg in args:
        try:
            warnings.filterwarnings(*parse_warning_filter(arg, escape=escape))
        except ImportError as exc:
            category: type = UserWarning
            types_module = sys.modules.get("_pytest.warning_types")
            if types_module is not None:
                category = getattr(types_module, "PytestConfigWarning", UserWarning)
            warnings.warn("Failed to import filter module '{}': {}".format(exc.name, arg), category)


_REMOVED_UNSET = object()
_removed_category: object = _REMOVED_UNSET


def _removed_in_this_major() -> Optional[type]:
    """The warning category pytest's warnings plugin makes an error: pytest N.0 turns
    PytestRemovedInNWarning into errors (9.0: PytestRemovedIn9Warning); 8.4 and 9.1 have none
    (8.4 has no PytestRemovedIn8Warning, 9.1 removed PytestRemovedIn9Warning). Read once."""
    global _removed_category
    if _removed_category is _REMOVED_UNSET:
        category = None
        types_module = sys.modules.get("_pytest.warning_types")
        version_module = sys.modules.get("_pytest._version")
        version = getattr(version_module, "version", None) or getattr(version_module, "__version__", "")
        major = str(version).split(".", 1)[0]
        if types_module is not None and major.isdigit():
            category = getattr(types_module, "PytestRemovedIn%sWarning" % major, None)
        if types_module is not None:  # not cached before pytest is loaded
            _removed_category = category
        return category
    return _removed_category  # type: ignore[return-value]


def _install_session_filters(ini_filters: Iterable[str], cmdline_filters: Iterable[str]) -> None:
    """pytest's catch_warnings_for_item up to the marks: deprecations shown unless -W or
    PYTHONWARNINGS was given, the current major version's PytestRemovedInNWarning an error, then
    the ini and -W filters."""
    if not sys.warnoptions:
        warnings.filterwarnings("always", category=DeprecationWarning)
        warnings.filterwarnings("always", category=PendingDeprecationWarning)
    removed = _removed_in_this_major()
    if removed is not None:
        warnings.filterwarnings("error", category=removed)
    _apply(ini_filters, escape=False)
    _apply(cmdline_filters, escape=True)


@contextlib.contextmanager
def record_warnings(filters: Iterable[str] = (), *, cmdline_filters: Iterable[str] = (),
                    mark_filters: Iterable[str] = ()) -> Iterator[list]:
    with warnings.catch_warnings(record=True) as log:
        assert log is not None
        _install_session_filters(filters, cmdline_filters)
        _apply(mark_filters, escape=False)
        yield log


def warning_to_str(message: warnings.WarningMessage) -> str:
    return warnings.formatwarning(str(message.message), message.category, message.filename,
                                  message.lineno, message.line) + _tracemalloc_text(message.source)


def _tracemalloc_text(source: object) -> str:
    """pytest's tracemalloc_message: where a ResourceWarning's object was allocated."""
    if source is None:
        return ""
    try:
        import tracemalloc
    except ImportError:
        return ""
    tb = tracemalloc.get_object_traceback(source)
    if tb is not None:
        return "\nObject allocated at:\n" + "\n".join(tb.format())
    return ("Enable tracemalloc to get traceback where the object was allocated.\n"
            "See https://docs.pytest.org/en/stable/how-to/capture-warnings.html#resource-warnings "
            "for more info.")


def warning_frames(log: list, nodeid: str | None = None, module: str | None = None) -> list:
    """Recorded warnings as the protocol's result ``warnings`` entries (docs/protocol.md);
    `module`: the file whose collection raised them."""
    frames = []
    for message in log:
        entry = {"message": warning_to_str(message), "filename": str(message.filename),
                 "lineno": int(message.lineno or 0)}
        if nodeid is not None:
            entry["nodeid"] = nodeid
        if module is not None:
            entry["module"] = module
        frames.append(entry)
    return frames


class TestWarnings:
    """pytest's ``catch_warnings_for_item`` around one test, cheap enough to run for every test.

    The filters pytest puts in front of the current ones (DeprecationWarning ``always``, the
    ini ``filterwarnings``, the ``-W`` args) are computed once per distinct set of current
    filters rather than re-parsed per test; a test's ``filterwarnings`` marks are applied on
    top, per test. ``enter()`` swaps in the filters and a recording ``showwarning`` exactly as
    ``warnings.catch_warnings(record=True)`` does; ``exit()`` restores them and returns the log.
    """

    __test__ = False  # not a test class, whatever pytest's python_classes say

    def __init__(self, ini_filters: Iterable[str] = (), cmdline_filters: Iterable[str] = ()) -> None:
        self._ini_filters = list(ini_filters)
        self._cmdline_filters = list(cmdline_filters)
        self._key: tuple | None = None
        self._prepared: list = []
        self._saved: tuple | None = None
        self._log: list = []

    def _prepare(self) -> list:
        current = warnings.filters
        key = tuple(current)
        if key != self._key:
            with warnings.catch_warnings():
                _install_session_filters(self._ini_filters, self._cmdline_filters)
                self._prepared = list(warnings.filters)
            self._key = key
        return self._prepared

    def enter(self, mark_filters: Iterable[str] = ()) -> None:
        module = warnings
        prepared = self._prepare()
        self._saved = (module.filters, module.showwarning, module._showwarnmsg_impl)  # type: ignore[attr-defined]
        module.filters = prepared[:]  # type: ignore[misc]
        module._filters_mutated()  # type: ignore[attr-defined]
        log: list = []
        self._log = log
        module._showwarnmsg_impl = log.append  # type: ignore[attr-defined]
        module.showwarning = module._showwarning_orig  # type: ignore[attr-defined]
        for arg in mark_filters:
            warnings.filterwarnings(*parse_warning_filter(arg, escape=False))

    def recorded(self) -> int:
        """How many warnings the current recording holds."""
        return len(self._log)

    def exit(self) -> list:
        saved = self._saved
        if saved is None:
            return []
        self._saved = None
        module = warnings
        module.filters, module.showwarning, module._showwarnmsg_impl = saved  # type: ignore[misc,attr-defined]
        module._filters_mutated()  # type: ignore[attr-defined]
        log, self._log = self._log, []
        return log


class WarningReport:
    __slots__ = ("message", "nodeid", "fslocation")

    def __init__(self, message: str, nodeid: str | None = None,
                 fslocation: tuple | None = None) -> None:
        self.message = message
        self.nodeid = nodeid
        self.fslocation = fslocation

    @classmethod
    def from_message(cls, warning_message: warnings.WarningMessage, nodeid: str | None) -> "WarningReport":
        return cls(warning_to_str(warning_message), nodeid,
                   (warning_message.filename, warning_message.lineno))

    def location(self, rootdir: str) -> str | None:
        if self.nodeid:
            return self.nodeid
        if self.fslocation:
            filename, lineno = self.fslocation
            try:
                rel = os.path.relpath(os.path.abspath(filename), rootdir)
            except ValueError:
                rel = filename
            return "{}:{}".format(rel, lineno)
        return None

    def __repr__(self) -> str:
        return "WarningReport({!r}, {!r}, {!r})".format(self.message, self.nodeid, self.fslocation)


def _separator(title: str, width: int, char: str = "=") -> str:
    count = (width - len(title) - 2) // (2 * len(char))
    fill = char * count
    line = "{} {} {}".format(fill, title, fill)
    if len(line) + len(char.rstrip()) <= width:
        line += char.rstrip()
    return line


def format_warnings_summary(reports: list, rootdir: str, width: int = 80, final: bool = False) -> list:
    if not reports:
        return []
    grouped: dict = collections.OrderedDict()
    for report in reports:
        grouped.setdefault(report.message, []).append(report)
    lines = [_separator("warnings summary (final)" if final else "warnings summary", width)]
    for message, group in grouped.items():
        locations = [loc for loc in (r.location(rootdir) for r in group) if loc]
        if len(locations) < 10:
            where = "\n".join(locations)
        else:
            counts = collections.Counter(loc.split("::", 1)[0] for loc in locations)
            where = "\n".join("{}: {} warning{}".format(k, v, "s" if v > 1 else "") for k, v in counts.items())
        if where:
            lines.extend(where.split("\n"))
            text = "\n".join("  " + line for line in message.splitlines()).rstrip()
        else:
            text = message.rstrip()
        lines.extend(text.split("\n"))
        lines.append("")
    lines.append(DOCS_LINE)
    return lines


__all__ = ["record_warnings", "parse_warning_filter", "WarningFilterError", "warning_to_str",
           "WarningReport", "format_warnings_summary", "WarningsRecorder", "TestWarnings",
           "warning_frames"]


class WarningsRecorder(warnings.catch_warnings):
    """The ``recwarn`` object when pytest is not loaded: records every warning in its block."""

    def __init__(self) -> None:
        super().__init__(record=True)
        self._entered = False
        self._list: list = []

    @property
    def list(self) -> list:
        return self._list

    def __getitem__(self, index: int) -> warnings.WarningMessage:
        return self._list[index]

    def __iter__(self) -> Iterator[warnings.WarningMessage]:
        return iter(self._list)

    def __len__(self) -> int:
        return len(self._list)

    def pop(self, cls: type = Warning) -> warnings.WarningMessage:
        best = None
        for i, w in enumerate(self._list):
            if w.category == cls:
                return self._list.pop(i)
            if issubclass(w.category, cls) and (best is None or not issubclass(w.category, self._list[best].category)):
                best = i
        if best is not None:
            return self._list.pop(best)
        __tracebackhide__ = True
        raise AssertionError("{!r} not found in warning list".format(cls))

    def clear(self) -> None:
        self._list[:] = []

    def __enter__(self) -> "WarningsRecorder":  # type: ignore[override]
        if self._entered:
            raise RuntimeError("Cannot enter {!r} twice".format(self))
        log = super().__enter__()
        assert log is not None
        self._list = log
        self._entered = True
        warnings.simplefilter("always")
        return self

    def __exit__(self, *exc_info: object) -> None:
        if not self._entered:
            raise RuntimeError("Cannot exit {!r} without entering first".format(self))
        super().__exit__(*exc_info)
        self._entered = False


def check_warning_filters(args: Iterable[str], escape: bool = True) -> str | None:
    """The usage error pytest stops with for a bad ``-W`` filter (``escape=False``: a
    ``filterwarnings`` ini line), or None when all parse.

    Uses pytest's own parser when pytest is installed (its message quotes its own traceback),
    else this module's. A category whose module cannot be imported is only a warning, as in pytest.
    """
    try:
        from _pytest.config import parse_warning_filter as parse  # type: ignore
        from _pytest.config.exceptions import UsageError as error  # type: ignore
    except Exception:  # no pytest: the standard-library parser
        parse, error = parse_warning_filter, WarningFilterError  # type: ignore[assignment]
    for arg in args:
        try:
            parse(arg, escape=escape)
        except ImportError:
            continue
        except error as exc:  # type: ignore[misc]
            return "\n".join(str(a) for a in exc.args) if exc.args else str(exc)
    return None


def main(argv: list) -> int:
    """``python -c ... -W ARG...``: exit 4 with pytest's message for a bad ``-W`` filter."""
    message = check_warning_filters(argv)
    if message is None:
        return 0
    sys.stdout.write(message)
    return 4
