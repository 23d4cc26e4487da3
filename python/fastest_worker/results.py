"""Every frame the worker sends to Node is built here (docs/protocol.md), for both engines.

What a test controls can be arbitrarily large (its printed output, a failure's text, an
exception message): the bounds on it are applied here, once, whatever engine ran the test.
A cut text keeps its head and its tail (where a failure's own line is) around one marker line
saying how much was cut."""

from . import cache_fill
from .protocol import base_id
from .terminal_text import marked_text

# Each captured section (stdout, stderr, log; per phase).
SECTION_LIMIT = 1 << 20
# A failure's text (longrepr), a collection error's text.
LONGREPR_LIMIT = 1 << 20
# The one-line message (JUnit's message attribute, the short summary) and a --tb=line crash line.
MESSAGE_LIMIT = 64 << 10
# A warning's text.
WARNING_LIMIT = 64 << 10

OUTCOMES = frozenset(("passed", "failed", "error", "skipped", "xfailed", "xpassed"))
PHASES = frozenset(("setup", "call", "teardown", "collect"))


def bounded(text, limit):
    """`text`, or its first and last `limit // 2` characters around a marker saying how many
    characters were cut."""
    if len(text) <= limit:
        return text
    half = limit // 2
    cut = len(text) - 2 * half
    return "%s\n... [%d characters truncated by fastest] ...\n%s" % (text[:half], cut, text[-half:])


def _bounded_sections(sections):
    return [[name, bounded(text, SECTION_LIMIT)] for name, text in sections]


def _bound_report(report):
    """Bounds, in place, the texts of a result or of one of its subtests (with the coloured
    copy of its longrepr when the console is coloured)."""
    text = report.get("longrepr")
    marked = marked_text(text) if text is not None else None
    if marked is not None and marked != text:
        report["longreprMarkup"] = bounded(marked, LONGREPR_LIMIT)
    if text is not None and len(text) > LONGREPR_LIMIT:
        report["longrepr"] = bounded(text, LONGREPR_LIMIT)
    text = report.get("message")
    if text is not None and len(text) > MESSAGE_LIMIT:
        report["message"] = bounded(text, MESSAGE_LIMIT)
    text = report.get("crashline")
    if text is not None and len(text) > MESSAGE_LIMIT:
        report["crashline"] = bounded(text, MESSAGE_LIMIT)
    sections = report.get("sections")
    if sections:
        report["sections"] = _bounded_sections(sections)


def result(fields):
    """A test's `result` frame from the engine's fields (those of TestResult in src/types.ts:
    `id`, `outcome`, `when`, `duration`, `engine`, and the optional ones), bounded."""
    fields["t"] = "result"
    _bound_report(fields)
    teardown_error = fields.get("teardownError")
    if teardown_error is not None:
        _bound_report(teardown_error)
    subtests = fields.get("subtests")
    if subtests:
        for entry in subtests:
            _bound_report(entry)
    attempts = fields.get("attempts")
    if attempts:
        for entry in attempts:
            _bound_report(entry)
    warnings = fields.get("warnings")
    if warnings:
        for warning in warnings:
            message = warning.get("message")
            if message is not None and len(message) > WARNING_LIMIT:
                warning["message"] = bounded(message, WARNING_LIMIT)
    return fields


def attempt(result, own_sections, failures):
    """One earlier attempt of a rerun test (an entry of TestResult.attempts) from the result
    fields that attempt would have had; `own_sections`: the output captured in that attempt;
    `failures`: the exceptions (or None) its failed phases raised, the first naming its `type`."""
    outcome = result["outcome"]
    when = result["when"]
    message = result.get("message")
    longrepr = result.get("longrepr")
    if outcome not in ("failed", "error"):
        # the test itself passed (or skipped) but its teardown failed
        outcome, when = "error", "teardown"
        teardown = result.get("teardownError")
        if teardown is not None:
            message, longrepr = teardown.get("message"), teardown.get("longrepr")
    entry = {"outcome": outcome, "when": when, "duration": result.get("duration", 0.0)}
    if message is not None:
        entry["message"] = message
    if longrepr is not None:
        entry["longrepr"] = longrepr
    if own_sections:
        entry["sections"] = own_sections
    exc = next((e for e in failures if e is not None), None)
    if exc is not None:
        entry["type"] = type(exc).__name__
    return entry


def skip_file_only(keywords):
    """pytest's _folded_skips: a skip at setup whose test has a `skip` keyword (a mark of its own
    or a parent's) but no `pytestmark` of its function's own (a module's `pytestmark`, a class's
    or a describe block's mark) is listed under `-rs` by its file, without a line."""
    return "skip" in keywords and "pytestmark" not in keywords


def module_skipped(nodeid, file, line, message, longrepr, engine, crash=None):
    """A module skipped at import: one skipped `result` under the module's id, as pytest counts it.
    `crash`: the whole exception line when the skip was not pytest's (`unittest.case.SkipTest: why`)."""
    frame = {"id": nodeid, "outcome": "skipped", "when": "collect", "duration": 0.0,
             "file": file, "message": message, "longrepr": longrepr, "engine": engine}
    if line is not None:
        frame["line"] = line
    if crash is not None:
        frame["skipCrash"] = crash
    return result(frame)


def start(nodeid, limit=None):
    """A test is about to be set up (the channel encodes this exact shape without the encoder);
    `limit`: its own pytest-timeout settings (native/timeout.start_limits), which go to Node as a frame."""
    if limit is not None:
        return {"t": "start", "id": nodeid, **limit}
    return {"t": "start", "id": nodeid}


def teardown_starts(nodeid):
    """-s: the test's teardown begins, after the report pytest prints its result letter for; the
    channel marks what the test writes from now on as teardown output (never sent as a frame)."""
    return {"t": "teardown", "id": nodeid}


def collect_error(file, message, crash=None, refused=False, collector=None):
    """`crash`: the exception line pytest's short summary adds (`ERROR file - crash`), if any.
    `refused`: --engine native cannot run the module; fastest's error, not pytest's, so it does
    not stop the session as a collection error does. `collector`: the node id of a collector
    inside the module that failed (a class): the module's other tests are collected."""
    frame = {"t": "collect_error", "file": file, "message": bounded(message, LONGREPR_LIMIT)}
    if collector is not None:
        frame["id"] = collector
    marked = marked_text(message)
    if marked is not None and marked != message:
        frame["messageMarkup"] = bounded(marked, LONGREPR_LIMIT)
    if crash is not None:
        frame["crash"] = bounded(crash, MESSAGE_LIMIT)
    if refused:
        frame["refused"] = True
    return frame


def collect_done(file, engine=None, items=None, ids=None, partial=False, skipped=None, warnings=None,
                 deselected=None, filtered=None):
    """`engine`: which engine collected the file ("native" or "pytest"); None after an engine bug.
    `items`: how many tests the module collected (a full collect; None when only imported).
    `ids`: their ids, when the `collect` frame asked for them, or when `partial`: a collector
    inside the module failed (its collect_error has the collector's id), the rest collected.
    `skipped`: the module's skip at import (a `result` frame), which Node reports only when the
    session ends at the collection pass's errors (the file's unit sends it otherwise).
    `warnings`: what importing and collecting the module warned, for a listing (`--collect-only`),
    where no result follows to carry them. `deselected`: the ids a conftest's or plugin's
    pytest_collection_modifyitems deselected (pytest_deselected); not in `items`/`ids`.
    `filtered`: those of `ids` init's -k/-m/--deselect leave out (run_filter.py)."""
    frame = cache_fill.field({"t": "collect_done", "file": file})
    if skipped is not None:
        frame["skipped"] = {key: value for key, value in skipped.items() if key != "t"}
    if partial:
        frame["partial"] = True
    if engine is not None:
        frame["engine"] = engine
    if items is not None:
        frame["items"] = items
    if ids is not None:
        frame["ids"] = ids
    if warnings:
        frame["warnings"] = warnings
    if deselected:
        frame["deselected"] = list(deselected)
    if filtered:
        frame["filtered"] = list(filtered)
    return frame


def session_error(message):
    return {"t": "session_error", "message": bounded(message, LONGREPR_LIMIT)}


def summary_text(text, newline_at):
    """What a group of terminal-summary hooks wrote; `newline_at`: where (in UTF-16 code units,
    as Node counts) pytest's reporter would end a progress line still open (None: nowhere)."""
    if len(text) > LONGREPR_LIMIT:
        text = bounded(text, LONGREPR_LIMIT)
        if newline_at is not None and newline_at >= LONGREPR_LIMIT // 2:  # not in the head kept
            newline_at = None
    entry = {"text": text}
    if newline_at is not None:
        entry["newlineAt"] = newline_at
    return entry


def plugins_summary(conftests, plugins):
    """What the conftest files' and the other plugins' terminal-summary hooks wrote (summary_text
    each), printed by Node as it is (never read)."""
    return {"t": "plugins_summary", "conftests": conftests, "plugins": plugins}


def header(lines):
    """pytest's header lines after its `platform` line (pytest_report_header of pytest, the
    plugins and the initial conftest files, as its terminal reporter writes them), printed by Node
    as they are (never read)."""
    return {"t": "header", "lines": [bounded(line, MESSAGE_LIMIT) for line in lines[:200]]}


def session_stderr(text):
    """What plugins wrote to stderr while the session ended (pytest-benchmark's `Wrote benchmark
    data in: FILE`), printed by Node as it is (never read)."""
    return {"t": "session_stderr", "text": bounded(text, LONGREPR_LIMIT)}


def unit_done(file, engine, reason):
    return {"t": "unit_done", "file": file, "engine": engine, "reason": reason}


def fatal(message, exit_code, interrupt=False, verbatim=False, detail=None):
    """The worker ends the run; `verbatim`: the message is pytest's own text (say, a failing initial
    conftest's import error), printed as it is; `detail` (an interrupt's): what pytest prints under
    its `!!! message !!!` line."""
    frame = {"t": "fatal", "message": bounded(message, MESSAGE_LIMIT), "exitCode": exit_code}
    if interrupt:
        frame["interrupt"] = True
    if detail:
        frame["detail"] = bounded(detail, MESSAGE_LIMIT)
    if verbatim:
        frame["verbatim"] = True
    return frame


def hello(pid, python, pytest, native_unsupported, clock, executable=None):
    """`clock`: time.monotonic() now, so that Node can tell whether it reads the same clock as the
    start times the worker writes to the shared state file. `executable`: sys.executable (pytest's
    header shows it under -v)."""
    frame = {"t": "hello", "pid": pid, "python": python, "pytest": pytest,
             "nativeUnsupported": native_unsupported, "clock": clock}
    if executable:
        frame["executable"] = executable
    return frame


def _ids_and_containers(module_ids):
    produced = set(module_ids)
    for nodeid in module_ids:
        if "[" in nodeid:
            produced.add(base_id(nodeid))
        cut = nodeid.rfind("::")
        while cut > 0:
            nodeid = nodeid[:cut]
            produced.add(nodeid)
            cut = nodeid.rfind("::")
    return produced


_MARK_VALUES = (str, bool, int, float, type(None))


def mark_records(items):
    """{id: [[name, kwargs, opaque], ...]}: each item's marks, its own and its parents', as -m
    judges them; a kwarg whose value is no plain literal goes as None with `opaque` set."""
    records = {}
    for item in items:
        marks = []
        for mark in item.iter_markers():
            kwargs = {}
            opaque = False
            for key, value in mark.kwargs.items():
                plain = isinstance(value, _MARK_VALUES) and not (isinstance(value, int) and abs(value) >= 1 << 53)
                kwargs[str(key)] = value if plain else None
                opaque = opaque or not plain
            marks.append([mark.name, kwargs, opaque])
        records[item.nodeid] = marks
    return records


class CollectedReporter:
    """Builds a unit's `collected` frame (docs/protocol.md): the ids it will run, the listed ids
    the module does not produce (`missing`: not collected, not lost), the ids a hook deselected,
    and, for a unit that names ids, the module's whole list once per file (so Node learns the
    file's true items). `report_marks` (init's `reportMarks`): each test's marks too; the ids
    -k/-m/--deselect leave out of the unit's run (run_filter.py): `filtered`."""

    def __init__(self, report_marks=False):
        self._described = set()
        self.report_marks = report_marks

    def frame(self, file, selected_ids, wanted, module_ids, deselected=(), items=None, filtered=()):
        """`wanted`: the unit's ids (None: the whole file); `module_ids`: every id the module
        collected, or None when collection failed (nothing is then declared missing);
        `deselected`: what a conftest's or plugin's pytest_collection_modifyitems deselected of
        the module (pytest_deselected), collected but not run; `items`: the tests collected;
        `filtered`: those of `selected_ids` the filter leaves out (collected, not run)."""
        frame = cache_fill.field({"t": "collected", "file": file, "ids": selected_ids})
        if deselected:
            frame["deselected"] = list(deselected)
        if filtered:
            frame["filtered"] = list(filtered)
        if self.report_marks and items:
            frame["marks"] = mark_records(items)
        if wanted is None or module_ids is None:
            return frame
        chosen = set(selected_ids)
        missing = [i for i in wanted if i not in chosen]  # usually none: every listed id ran as such
        if missing:
            produced = _ids_and_containers(list(module_ids) + list(deselected))
            missing = [i for i in missing if i not in produced]
        if missing:
            frame["missing"] = missing
        if file not in self._described:
            self._described.add(file)
            frame["module"] = module_ids
        return frame
