"""The pytest engine: runs node ids through pytest inside the worker, one pytest session per worker.

The Config and Session are built once, the way `_pytest.main.wrap_session` does; every unit is a
`session.perform_collect([file])` followed by `pytest_runtest_protocol` for the selected items.
The last item of a unit tears down to a "unit end" marker whose chain is the session alone, so
session fixtures live as long as the worker while module/class fixtures end with the unit.
"""

import contextlib
import inspect
import io
import os
import sys
import traceback

from . import debugger, junit_records, results
from .cancel import cancel_requested
from .collection_filters import CARRIED
from .protocol import listed
from .results import CollectedReporter
from .reruns import ConditionError, RerunPolicy, register_flaky_marker
from .run_filter import RunFilter
from .terminal_text import terminal_text, uncaught_text, usage_error_text

def _first_line(text):
    text = text.strip("\n")
    nl = text.find("\n")
    return text if nl < 0 else text[:nl]


def _failure_message(report):
    """pytest's reprcrash message, whole: the short test summary trims it to its first line
    except on CI or with -vv."""
    longrepr = report.longrepr
    crash = getattr(longrepr, "reprcrash", None)
    if crash is not None and getattr(crash, "message", None):
        return crash.message
    if type(longrepr).__name__ in ("ReprFailDoctest", "FixtureLookupErrorRepr"):
        # no crash line: pytest's summary names the test alone, its JUnit message is the whole text
        return None
    text = report.longreprtext
    e_lines = [line for line in text.splitlines() if line.startswith("E ")]
    if e_lines:
        return e_lines[-1][1:].strip()
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[-1].strip() if lines else ""


def _terminal_text(report):
    try:
        return terminal_text(report)
    except Exception:  # a longrepr pytest itself cannot render: fall back
        return report.longreprtext


# The session's rootdir: frames name files relative to it (Node writes them relative to the
# invocation directory, the workers' working directory, as pytest's summary does).
_rootdir = None


def _relative(path):
    """A path inside the rootdir as frames carry it: rootdir-relative."""
    if os.path.isabs(path):
        try:
            rel = os.path.relpath(path, _rootdir or os.getcwd())
        except ValueError:
            return path
        if not rel.startswith(".."):
            return rel.replace(os.sep, "/")
    return path


def _skip_reason(report):
    longrepr = report.longrepr
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        path, lineno, reason = longrepr
        path = _relative(str(path))
        reason = str(reason)
        if reason.startswith("Skipped: "):
            reason = reason[len("Skipped: "):]
        return reason, "%s:%s: %s" % (path, lineno, reason)
    text = report.longreprtext if longrepr is not None else ""
    return _first_line(text), text


def _crash_line(report):
    """pytest's --tb=line line for a failure (TerminalReporter._getcrashline)."""
    try:
        return str(report.longrepr.reprcrash)
    except AttributeError:
        try:
            return str(report.longrepr)[:50]
        except AttributeError:
            return ""


def _subtest_class():
    try:
        from _pytest.subtests import SubtestReport
    except ImportError:  # pytest < 9: no subtest reports
        return None
    return SubtestReport


def _failed_subtests(config, nodeid):
    """How many `subtests` fixture blocks of the test failed (pytest 9 fails the test for them)."""
    try:
        from _pytest.subtests import failed_subtests_key
        return config.stash[failed_subtests_key].get(nodeid, 0)
    except (ImportError, KeyError):
        return 0


def _report_outcome(report):
    if report.failed:
        return "failed"
    if report.skipped:
        return "xfailed" if hasattr(report, "wasxfail") else "skipped"
    return "xpassed" if hasattr(report, "wasxfail") else "passed"


def build_subtest(report, crash_lines=False, hidden=False):
    """A SubtestReport as an entry of TestResult.subtests."""
    outcome = _report_outcome(report)
    entry = {"outcome": outcome, "description": report._sub_test_description()}
    if outcome == "failed":
        entry["longrepr"] = _terminal_text(report)
        entry["message"] = _failure_message(report)
        if crash_lines:
            entry["crashline"] = _crash_line(report)
    elif outcome == "skipped":
        entry["message"], entry["longrepr"] = _skip_reason(report)
    elif outcome in ("xfailed", "xpassed"):
        entry["message"] = str(getattr(report, "wasxfail", ""))
    if report.sections:
        entry["sections"] = report.sections
    if hidden:
        entry["hidden"] = True
    return entry


def _id_headline(nodeid):
    """The head line Node gives a test from its id (report/console.ts failureHeadline): after the
    file, `::` read as `.` up to the parameters."""
    rest = nodeid.partition("::")[2]
    if not rest:
        return nodeid
    name, bracket, params = rest.partition("[")
    return name.replace("::", ".") + bracket + params


def build_result(reports, crash_lines=False, subtests=None, failed_subtests=0):
    """Aggregate the setup/call/teardown reports of one test into a TestResult map.

    `subtests`: the test's subtest entries (build_subtest); `failed_subtests`: how many of its
    `subtests` fixture blocks failed, which fails a passing call as pytest 9's plugin does."""
    by_when = {}
    for rep in reports:
        by_when[rep.when] = rep
    setup = by_when.get("setup")
    call = by_when.get("call")
    teardown = by_when.get("teardown")
    last = reports[-1]
    result = {"id": last.nodeid, "engine": "pytest"}

    decisive = None
    if setup is not None and setup.failed:
        outcome, when, decisive = "error", "setup", setup
    elif setup is not None and setup.skipped:
        outcome = "xfailed" if hasattr(setup, "wasxfail") else "skipped"
        when, decisive = "setup", setup
    elif call is not None:
        when, decisive = "call", call
        if call.passed and failed_subtests and not hasattr(call, "wasxfail"):
            # What pytest's subtests plugin does to the report in pytest_report_teststatus.
            call.outcome = "failed"
            call.longrepr = "contains %d failed subtest%s" % (failed_subtests, "s" if failed_subtests > 1 else "")
        outcome = _report_outcome(call)
    elif teardown is not None and teardown.failed and setup is None:
        outcome, when, decisive = "error", "teardown", teardown
    else:
        outcome, when = "passed", "setup"
    result["outcome"] = outcome
    result["when"] = when
    result["duration"] = float(sum(rep.duration for rep in reports))
    result["phases"] = {rep.when: float(rep.duration) for rep in reports}

    if decisive is not None:
        if outcome in ("failed", "error"):
            result["longrepr"] = _terminal_text(decisive)
            message = _failure_message(decisive)
            if message is not None:
                result["message"] = message
            if crash_lines and outcome == "failed":
                result["crashline"] = _crash_line(decisive)
        elif outcome == "skipped":
            message, longrepr = _skip_reason(decisive)
            result["message"] = message
            result["longrepr"] = longrepr
            if when == "setup" and results.skip_file_only(decisive.keywords):
                result["skipFileOnly"] = True
        elif outcome in ("xfailed", "xpassed"):
            result["message"] = str(getattr(decisive, "wasxfail", ""))
            if outcome == "xfailed" and decisive.longrepr is not None:
                if isinstance(decisive.longrepr, tuple):
                    result["longrepr"] = _skip_reason(decisive)[1]
                else:
                    result["longrepr"] = decisive.longreprtext

    if teardown is not None and teardown.failed and decisive is not teardown:
        result["teardownError"] = {
            "longrepr": _terminal_text(teardown),
            "message": _failure_message(teardown) or "",
        }

    if subtests:
        result["subtests"] = subtests
    location = last.location
    if not location or not location[2]:
        # an item whose reportinfo names no domain (a custom Item keeping pytest's default):
        # pytest's _getfailureheadline falls back to this
        result["headline"] = "test session"
    elif str(location[2]) != _id_headline(last.nodeid):
        # pytest's head line is the location's domain: a doctest's "[doctest] name", a test's in a
        # pytest-describe block (a Module) its own name, a plugin item's whatever it reports
        result["headline"] = str(location[2])
    if location:
        result["file"] = str(location[0]).replace(os.sep, "/")
        if location[1] is not None:
            result["line"] = int(location[1]) + 1
    sections = last.sections
    if sections:
        result["sections"] = sections
    return result


class _UnitEnd:
    """Stands in for `nextitem` after a unit's last test: its chain is the session alone, so
    teardown_exact tears down everything but the session-scoped state."""

    def __init__(self, session):
        self.session = session
        self.config = session.config
        self.nodeid = ""
        self.name = "<fastest unit end>"
        self._chain = [session]

    def listchain(self):
        return self._chain


class _PendingConftests(dict):
    """pytest >= 9.1's conftests waiting for their Directory, kept when a file's collection ends."""

    def clear(self):
        pass


class _DirectoryFixtureRebinder:
    """pytest >= 9.1 binds a conftest's fixtures to the Directory node it collected first
    (FixtureDef.node, matched by identity). Each unit collects its file again, under new
    Directory nodes: the fixtures are moved to the new node of the same id as it starts
    collecting, so a second unit under that directory still sees them."""

    def __init__(self, session):
        self.fixturemanager = session._fixturemanager
        self.directories = {}  # node id -> the Directory node last collected with it

    def pytest_collectstart(self, collector):
        from _pytest.nodes import Directory

        if not isinstance(collector, Directory):
            return
        stale = self.directories.get(collector.nodeid)
        self.directories[collector.nodeid] = collector
        if stale is None or stale is collector:
            return
        for defs in self.fixturemanager._arg2fixturedefs.values():
            for fixturedef in defs:
                if getattr(fixturedef, "node", None) is stale:
                    fixturedef.node = collector
        # Autouse fixtures are listed per node too (_getautousenames walks the item's chain):
        # without the move, a conftest's autouse fixtures stop running from the second unit on.
        autousenames = getattr(self.fixturemanager, "_node_autousenames", None)
        if autousenames is not None and stale in autousenames:
            autousenames.setdefault(collector, []).extend(autousenames.pop(stale))


class _ReportPlugin:
    """Turns pytest's report hooks into protocol frames.

    A test's result waits until its `pytest_runtest_protocol` returns (`flush`): pytest's
    warnings plugin reports the test's warnings only then. Warnings recorded while collecting
    go with the unit's first result.
    """

    def __init__(self, emit):
        self.emit = emit
        self.pending = {}
        self.finished = []
        self.test_warnings = {}
        self.collect_warnings = []
        # the file _collect_file is collecting: its collection warnings name it (Node reports a file's once)
        self.collecting_module = None
        # While the session starts (the initial conftests load, pytest_configure): what pytest
        # records then (`when == "config"`), as the session's (module ''; Node reports it once);
        # None once it has started.
        self.startup_warnings = []
        self.crash_lines = False
        self.unit_errors = 0
        self.unit_skipped_modules = 0
        # Modules whose collection failed inside them (a class), not as a whole: the paths.
        self.partial_files = set()
        # What a conftest's or plugin's pytest_collection_modifyitems deselected (pytest_deselected)
        # while a module was collected: file -> node ids (pytest counts them as deselected).
        self.hook_deselected = {}
        self.config = None
        self.subtest_class = _subtest_class()
        self.subtests = {}
        # A rerun test's earlier attempts (reruns.py), attached to its result.
        self.attempts = {}
        # pytest writes a unittest subTest's report while the test's output is captured.
        self.hidden_subtests = False
        # A test or a collection failed here: the exit status the plugins' summary hooks get.
        self.failed = False
        # The running test's own pytest-timeout settings for its `start` frame (_timeout_limits).
        self.start_limit = None
        # under --junitxml: what pytest's junitxml fixtures record (junit_records.LogXML)
        self.junit = None

    def pytest_runtest_logstart(self, nodeid, location):
        self.emit(results.start(nodeid, self.start_limit))

    def pytest_runtest_logreport(self, report):
        if self.subtest_class is not None and isinstance(report, self.subtest_class):
            self.subtests.setdefault(report.nodeid, []).append(
                build_subtest(report, self.crash_lines, self.hidden_subtests))
            return
        reports = self.pending.setdefault(report.nodeid, [])
        reports.append(report)
        if report.failed:
            self.failed = True
        if report.when == "teardown":
            del self.pending[report.nodeid]
            subtests = self.subtests.pop(report.nodeid, None)
            failed = _failed_subtests(self.config, report.nodeid) if subtests else 0
            result = build_result(reports, self.crash_lines, subtests, failed)
            if self.junit is not None:
                self.junit.add_records(result, report.nodeid, report.user_properties)
            attempts = self.attempts.pop(report.nodeid, None) if self.attempts else None
            if attempts:
                result["attempts"] = attempts
            self.finished.append(result)

    def pytest_warning_recorded(self, warning_message, when, nodeid, location):
        from _pytest.warnings import warning_record_to_str

        entry = {"message": warning_record_to_str(warning_message),
                 "filename": str(warning_message.filename), "lineno": int(warning_message.lineno or 0)}
        if when == "runtest" and nodeid:
            self.test_warnings.setdefault(nodeid, []).append(entry)
        elif when == "collect":
            entry["nodeid"] = nodeid or ""
            if self.collecting_module is not None:
                entry["module"] = self.collecting_module
            self.collect_warnings.append(entry)
        elif when == "config" and self.startup_warnings is not None:
            # (later config warnings, the unknown ini keys each collection checks, are Node's to tell)
            entry["nodeid"] = ""
            entry["module"] = ""
            self.startup_warnings.append(entry)

    def flush(self):
        """Emits the finished tests' results with their warnings."""
        finished, self.finished = self.finished, []
        for result in finished:
            found = self.test_warnings.pop(result["id"], None)
            if self.collect_warnings:
                found = self.collect_warnings + (found or [])
                self.collect_warnings = []
            if found:
                result["warnings"] = found
            self.emit(results.result(result))

    def pytest_deselected(self, items):
        if self.collecting_module is not None:
            self.hook_deselected.setdefault(self.collecting_module, []).extend(item.nodeid for item in items)

    def pytest_collectreport(self, report):
        if report.failed:
            self.failed = True
            self.unit_errors += 1
            crash = getattr(getattr(report.longrepr, "reprcrash", None), "message", None)
            # A class failed to collect: pytest reports it by its node id and collects the
            # module's other tests (they run under --continue-on-collection-errors)
            inside = report.nodeid if "::" in report.nodeid else None
            if inside is not None:
                self.partial_files.add(inside.split("::", 1)[0])
            self.emit(results.collect_error(_collect_header(report), report.longreprtext, crash, collector=inside))
        elif report.skipped and report.nodeid:
            # A module-level skip (pytest.skip(allow_module_level=True), importorskip): pytest
            # counts it as one skipped entry under the module's id.
            self.unit_skipped_modules += 1
            message, longrepr = _skip_reason(report)
            entry = {
                "id": report.nodeid, "outcome": "skipped", "when": "collect", "duration": 0.0,
                "message": message, "longrepr": longrepr, "engine": "pytest",
                "file": report.fspath.replace(os.sep, "/"),
            }
            crash = report.longrepr[2] if isinstance(report.longrepr, tuple) and len(report.longrepr) == 3 else None
            if crash is not None and not str(crash).startswith("Skipped"):
                entry["skipCrash"] = str(crash)  # another exception's skip (unittest.SkipTest): its whole line
            self.finished.append(entry)
            self.flush()


class _RetryTeardownTarget:
    """The `nextitem` a possibly rerun test tears down to. Its chain is decided when the
    teardown asks for it (after setup and call reported): the test's own parents when a rerun
    follows, so module and class fixtures stay (as pytest-rerunfailures keeps them), otherwise
    the real next item's."""

    def __init__(self, item, nextitem, rerun_follows):
        self._item = item
        self._nextitem = nextitem
        self._rerun_follows = rerun_follows
        self.kept = False

    def listchain(self):
        if self._rerun_follows():
            self.kept = True
            return self._item.listchain()[:-1]
        return self._nextitem.listchain() if self._nextitem is not None else []

    def __getattr__(self, name):
        return getattr(self._nextitem, name)


def _teardown_starts(engine):
    """-s: a plugin saying where a test's teardown begins, after the report pytest prints its
    letter for (output_order.py); not for a test pytest-rerunfailures runs, whose letters come
    after its teardown."""
    import pytest

    class _TeardownStarts:
        @pytest.hookimpl(tryfirst=True)
        def pytest_runtest_teardown(self, item):
            rerun = engine.rerun_plugin
            if rerun is None or rerun.current is not item:
                engine.emit(results.teardown_starts(item.nodeid))

    return _TeardownStarts()


def _carried_filters_plugin(carried):
    """Inside pytest's warnings context of each file's collection (its pytest_collection wrapper
    is tryfirst, this one trylast): the filters earlier collections left (collection_filters.py)."""
    import pytest

    class _CarriedFilters:
        @pytest.hookimpl(hookwrapper=True, trylast=True)
        def pytest_collection(self, session):
            with carried.around():
                yield

    return _CarriedFilters()


def _timeout_limits(run, report_plugin, marks):
    """A plugin telling Node each test's pytest-timeout limit (native/timeout.start_limits), from
    the run's settings `run` and, with `marks` (pytest-timeout is loaded), the test's `timeout`
    mark. A bad mark is pytest-timeout's to refuse."""
    import pytest

    from .native.timeout import mark_settings, start_limits

    class _TimeoutLimits:
        call_limit = None

        @pytest.hookimpl(tryfirst=True)
        def pytest_runtest_protocol(self, item, nextitem):
            marker = item.get_closest_marker("timeout") if marks else None
            settings, own = run, False
            if marker is not None:
                try:
                    settings, own = mark_settings(marker, run), True
                except (TypeError, ValueError):
                    pass
            report_plugin.start_limit, self.call_limit = start_limits(settings, own)

        @pytest.hookimpl(tryfirst=True)
        def pytest_runtest_call(self, item):
            if self.call_limit is not None:
                report_plugin.emit(results.start(item.nodeid, self.call_limit))

    return _TimeoutLimits()


class _RerunPlugin:
    """pytest-rerunfailures' retries in the pytest engine, driven by fastest (reruns.py): the
    plugin itself, when installed, is unregistered so a test is never retried twice."""

    def __init__(self, policy, report_plugin):
        self.policy = policy
        self.report_plugin = report_plugin
        self.current = None
        self.failed_phases = {}  # when -> the exception (or None) of a failed phase of `current`

    def pytest_runtest_protocol(self, item, nextitem):
        marker = item.get_closest_marker("flaky")
        if marker is None and not self.policy.active:
            return None
        function = getattr(item, "obj", None)
        plan = self.policy.plan(marker, getattr(getattr(function, "__func__", function), "__globals__", None),
                                item.config)
        if plan is None:
            return None
        from _pytest.runner import runtestprotocol

        ihook = item.ihook
        attempts = []
        shown_sections = 0
        self.current = item
        try:
            while True:
                ihook.pytest_runtest_logstart(nodeid=item.nodeid, location=item.location)
                self.failed_phases = {}
                done = len(attempts)
                target = _RetryTeardownTarget(item, nextitem, lambda: self._again(plan, done, ("setup", "call")))
                reports = runtestprotocol(item, nextitem=target, log=False)
                condition_error = None
                failures = self._failures(item, reports)
                try:
                    again = plan.again(done, failures)
                except ConditionError as e:  # the plugin stops the session here; fastest fails the test
                    again, condition_error = False, e
                if not again:
                    break
                result = build_result(reports, self.report_plugin.crash_lines)
                sections = reports[-1].sections
                attempts.append(results.attempt(result, sections[shown_sections:], failures))
                shown_sections = len(sections)
                self._forget_attempt(item)
                plan.wait(done)
            if target.kept:  # the rest of the teardown the last attempt held back
                try:
                    item.session._setupstate.teardown_exact(nextitem)
                except Exception:  # the next test's setup would have met it: shown, not lost
                    traceback.print_exc()
            if condition_error is not None:
                reports[-1].outcome = "failed"
                reports[-1].longrepr = str(condition_error)
            if attempts:
                self.report_plugin.attempts[item.nodeid] = attempts
            for report in reports:
                ihook.pytest_runtest_logreport(report=report)
        finally:
            self.current = None
        ihook.pytest_runtest_logfinish(nodeid=item.nodeid, location=item.location)
        return True

    def _again(self, plan, done, phases):
        failures = [exc for when, exc in self.failed_phases.items() if when in phases]
        try:
            return plan.again(done, failures)
        except ConditionError:
            return False

    def _failures(self, item, reports):
        failures = list(self.failed_phases.values())
        if not failures and any(r.when == "call" and r.passed for r in reports) and \
                _failed_subtests(item.config, item.nodeid):
            failures = [None]  # pytest 9 fails the test for its failed subtests
        return failures

    @staticmethod
    def _forget_attempt(item):
        """What a failed attempt leaves that the next one must not see (pytest-rerunfailures'
        cleanups): fixtures cached with their error, the item's setup state and class instance,
        its failed subtests."""
        info = getattr(item, "_fixtureinfo", None)
        for defs in getattr(info, "name2fixturedefs", {}).values():
            for fixturedef in defs:
                cached = getattr(fixturedef, "cached_result", None)
                if cached is not None and cached[2]:
                    fixturedef.cached_result = None
                    finalizers = getattr(fixturedef, "_finalizers", None)
                    if finalizers is not None:
                        finalizers.clear()
        stack = item.session._setupstate.stack
        if item in stack:
            del stack[item]
        if getattr(item, "_instance", None) is not None:
            del item._instance
            item._obj = None
        try:
            from _pytest.subtests import failed_subtests_key
            item.config.stash[failed_subtests_key].pop(item.nodeid, None)
        except (ImportError, KeyError):
            pass


def _makereport_wrapper(rerun_plugin):
    """The rerun plugin's pytest_runtest_makereport as a hook wrapper: it notes which phases of
    the running attempt failed, with their exceptions, for --only-rerun / --rerun-except."""
    import pytest

    class _FailedPhases:
        @pytest.hookimpl(hookwrapper=True)
        def pytest_runtest_makereport(self, item, call):
            outcome = yield
            if item is rerun_plugin.current:
                report = outcome.get_result()
                if report.failed and not hasattr(report, "wasxfail"):
                    rerun_plugin.failed_phases[report.when] = call.excinfo.value if call.excinfo else None

    return _FailedPhases()


def _unregister_rerunfailures(pluginmanager):
    """pytest-rerunfailures, when installed, would retry a second time around fastest's retries."""
    for name, plugin in list(pluginmanager.list_name_plugin()):
        if getattr(plugin, "__name__", None) == "pytest_rerunfailures":
            pluginmanager.unregister(plugin, name)


def _collect_header(report):
    """What pytest prints after `ERROR collecting `."""
    location = getattr(report, "location", None)
    if location and location[2]:
        return str(location[2]).replace(os.sep, "/")
    return report.nodeid or "."


def _build_args(init):
    # The paths the command line names, first (an option's optional value cannot take one): the
    # initial conftests pytest imports while configuring are theirs (initial_conftests.py).
    args = [str(p) for p in init.get("namedPaths") or ()]
    capture = init.get("capture") or "fd"
    args.append("--capture=" + capture)
    rootdir = init.get("rootdir")
    if rootdir:
        args.append("--rootdir=" + rootdir)
    inifile = (init.get("ini") or {}).get("inifile")
    if inifile:
        # The configuration file Node found from the command line's paths, which the worker does
        # not get: from its working directory pytest could find another. The user's own -c follows.
        args.append("--config-file=" + inifile)
    args.extend(str(a) for a in (init.get("args") or []))
    if _pytest_cov_loads(args):
        # fastest measures (coverage_measure.py), or the run measures nothing (no --cov, or the
        # command line's --no-cov, which Node keeps): pytest-cov, when installed, stays idle in
        # the worker even if addopts asks it to measure: no source, so its plugin never starts
        # (its `no_cover` marker and fixture stay defined; `--no-cov` would leave a disabled
        # plugin whose pytest_runtest_call fails on a no_cover test). Measuring there would trace
        # every test of the worker's process, natively run ones included (arrow's --no-cov runs).
        args.append("--cov-reset")
    return args


def _pytest_cov_loads(args):
    """pytest-cov is installed, not blocked with `-p no:pytest_cov` / `-p no:cov`, and loaded:
    autoloaded, or named (`-p pytest_cov`, PYTEST_PLUGINS) where autoloading is off."""
    import importlib.util

    if importlib.util.find_spec("pytest_cov") is None:
        return False
    named = {a[2:] for a in args if a.startswith("-p") and len(a) > 2}
    named |= {args[i + 1] for i in range(len(args) - 1) if args[i] == "-p"}
    if named & {"no:pytest_cov", "no:cov", "no:pytest_cov.plugin"}:
        return False
    if os.environ.get("PYTEST_DISABLE_PLUGIN_AUTOLOAD") or "--disable-plugin-autoload" in args:
        requested = named | set(filter(None, os.environ.get("PYTEST_PLUGINS", "").split(",")))
        return bool(requested & {"pytest_cov", "pytest_cov.plugin"})
    return True


class _Nowhere(io.TextIOBase):
    """The terminal reporter's stream while Node writes the console. Not a file: one opened on
    os.devnull is left to the collector when the plugins' summary replaces the writer, and its
    ResourceWarning, under `filterwarnings = error`, ends pytest_unconfigure early."""

    encoding = "utf-8"

    def writable(self):
        return True

    def write(self, text):
        return len(text)


class EngineInitError(Exception):
    """pytest refused the arguments or an initial conftest: a message (pytest's own text, to print
    as it is, when `verbatim`) and pytest's exit code."""

    def __init__(self, message, exit_code, verbatim=False):
        Exception.__init__(self, message)
        self.exit_code = exit_code
        self.verbatim = verbatim


def _as_if_walked(session, path):
    """A file placeholder (a file that is not a Python module, below a conftest defining
    pytest_collect_file) is collected as pytest's directory walk reaches it, not as a path named
    on the command line: hooks asking isinitpath (the doctest plugin's, for .txt and .rst files)
    must answer as they do then."""
    from pathlib import Path
    walked = Path(path)
    named = type(session).isinitpath.__get__(session)

    def isinitpath(p, *, with_parents=False):
        if not with_parents and (p if isinstance(p, Path) else Path(p)) == walked:
            return False
        return named(p, with_parents=with_parents)

    session.isinitpath = isinitpath


class _DirectoryListings:
    """A plain directory's collection (its entries' collectors), kept across the worker's
    per-file collections. pytest's own cache lives for one perform_collect, so each file of a
    directory with many files (pygments' tests/examplefiles/: 458 lexer directories, 1,507
    example files) listed every directory on its path afresh, with a collector made for every
    entry. Only a walked file's collection uses it (pytest's walk from its arguments lists each
    directory once); only plain `Dir` reports that passed are kept (a Package's collect imports
    its __init__.py, a failed directory is reported each time, as before); a directory whose
    modification time changed since (an entry made or removed by a test) is listed afresh. A kept
    directory's node (and its parents) are the ones the file's items chain through, so under
    pytest >= 9.1 their conftests' fixtures are moved back to them (_DirectoryFixtureRebinder)."""

    def __init__(self, session, rebinder):
        try:
            from _pytest.main import Dir  # pytest >= 8
        except ImportError:
            Dir = None

        self.dir_type = Dir
        self.session = session
        self.rebinder = rebinder
        self.reports = {}  # directory path -> (its node, its passed CollectReport, its st_mtime_ns)
        self.active = False
        self.own = type(session)._collect_one_node.__get__(session)
        session._collect_one_node = self.collect_one_node

    def collect_one_node(self, node, handle_dupes=True):
        # pytest collects the directory holding a named file afresh (handle_dupes false) so that a
        # file named twice is collected twice; each collection here names one file.
        if not self.active or self.dir_type is None or type(node) is not self.dir_type:
            return self.own(node, handle_dupes)
        kept = self.reports.get(node.path)
        try:
            listed_at = os.stat(node.path).st_mtime_ns
        except OSError:
            listed_at = None
        if kept is not None and kept[2] == listed_at:
            if self.rebinder is not None:
                for parent in kept[0].listchain():
                    self.rebinder.pytest_collectstart(parent)
            return kept[1], False
        report, duplicate = self.own(node, handle_dupes)
        if report.passed and not duplicate and listed_at is not None:
            self.reports[node.path] = (node, report, listed_at)
        else:
            self.reports.pop(node.path, None)
        return report, duplicate


def _collected_nothing(exc, path):
    """pytest's UsageError for a named file it collected nothing from ("not found: PATH")."""
    import pytest
    return isinstance(exc, pytest.UsageError) and os.path.isfile(path) and "not found" in str(exc)


def _skipped_above(exc):
    """pytest's UsageError for a named file whose collectors were all skipped."""
    import pytest
    return isinstance(exc, pytest.UsageError) and "found no collectors" in str(exc)


@contextlib.contextmanager
def _rewrite_warnings_as_plain_pytest():
    """pytest warns (PytestAssertRewriteWarning, an error under `filterwarnings = error`) when a
    module it marks for rewriting, such as a plugin distribution's, was imported before it. In a
    worker the native engine or the warm parent may have imported it for a test module already;
    plain pytest would have imported it later, through its hook, and said nothing."""
    from _pytest.assertion.rewrite import AssertionRewritingHook

    from . import MODULES_AT_START

    warn = AssertionRewritingHook._warn_already_imported

    def warn_if_imported_before_fastest(hook, name):
        if name in MODULES_AT_START:
            warn(hook, name)

    AssertionRewritingHook._warn_already_imported = warn_if_imported_before_fastest
    try:
        yield
    finally:
        AssertionRewritingHook._warn_already_imported = warn


class PytestEngine:
    def __init__(self, init, emit):
        with _rewrite_warnings_as_plain_pytest():
            self._start(init, emit)

    def _start(self, init, emit):
        from _pytest.config import ConftestImportFailure, _prepareconfig
        from _pytest.config.exceptions import UsageError
        from _pytest.main import ExitCode, Session

        self.emit = emit
        self.collected = CollectedReporter(bool(init.get("reportMarks")))
        self.run_filter = RunFilter(init.get("filter"))
        global _rootdir
        self.rootdir = _rootdir = init.get("rootdir") or os.getcwd()
        # Where fastest was started: the worker's working directory, as pytest's session has it.
        self.invocation_dir = os.getcwd()
        self.named_paths = frozenset(os.path.abspath(p) for p in init.get("namedPaths") or ())
        self.plugin = _ReportPlugin(emit)
        self.markup = init.get("markup") is not None
        self.width = init.get("columns") or 0
        args = _build_args(init)
        try:
            plugins = [self.plugin]
            measure = init.get("_coverage")
            if measure is not None:
                from .coverage_measure import no_cover_plugin, test_context_plugin
                plugins.append(no_cover_plugin(measure))
                if (init.get("coverage") or {}).get("context") == "test":
                    plugins.append(test_context_plugin(measure))
            config = _prepareconfig(args, plugins=plugins)
            # Node's verbosity counts addopts' -v/-q already, which pytest reads again from the ini
            config.option.verbose = int(init.get("verbose") or 0)
        except ConftestImportFailure as e:
            from .initial_conftests import import_failure_text
            raise EngineInitError(import_failure_text(e.path, e.cause, init.get("markup") is not None), 4, verbatim=True)
        except UsageError as e:
            raise EngineInitError(usage_error_text(e.args), 4, verbatim=True)
        except Exception as e:
            # a plugin that does not import (`-p name`), or raises in its pytest_addoption: pytest's
            # main lets the exception out (a traceback, exit 1)
            raise EngineInitError(uncaught_text(e), 1, verbatim=True)
        if init.get("markup") is not None and getattr(config.option, "color", "no") != "no":
            # the console shows colour: pytest's logging plugin then colours the level names of
            # captured log lines (its writer to the console would have markup)
            config.option.color = "yes"
        self.config = config
        self.plugin.config = config
        self.plugin.crash_lines = config.option.tbstyle == "line"
        # The Node side owns -x/--maxfail; a stop inside the worker would tear the session down.
        config.option.maxfail = 0
        try:
            session = Session.from_config(config)
            session.exitstatus = ExitCode.OK
            config._do_configure()
            self._quiet_plugins(config)
            _unregister_rerunfailures(config.pluginmanager)
            if measure is not None:
                from .coverage_measure import expose_to_pytest_cov
                expose_to_pytest_cov(config.pluginmanager, measure)
            register_flaky_marker(config)
            if debugger.terminal_shared():
                debugger.wrap_pytest_capture(config.pluginmanager.getplugin("capturemanager"))
                config.pluginmanager.register(debugger.LeavePlugin(), "fastest-debugger")
            if init.get("junitFamily") is not None:
                from _pytest.junitxml import xml_key

                config.stash[xml_key] = self.plugin.junit = junit_records.LogXML(init["junitFamily"])
            self._time_tests(config, init, self.plugin)
            ignored = (init.get("ini") or {}).get("ignoredConfigFiles")
            if ignored and hasattr(config, "_ignored_config_files"):
                # Node found the configuration file (passed as --config-file): what pytest's own
                # search would have ignored beside it, for its configfile header line
                config._ignored_config_files = list(ignored)
            with _header_written(config.pluginmanager.get_plugin("terminalreporter")) as header:
                config.hook.pytest_sessionstart(session=session)
            self.header_lines = header
            rebinder = None
            if hasattr(getattr(session, "_fixturemanager", None), "_pending_conftests"):  # pytest >= 9.1
                # A conftest's fixtures wait for its Directory's collection, and pytest drops what
                # still waits when collection finishes. Here collection finishes after each file:
                # a conftest loaded meanwhile (an initial one below the rootdir) keeps waiting.
                session._fixturemanager._pending_conftests = _PendingConftests(session._fixturemanager._pending_conftests)
                rebinder = _DirectoryFixtureRebinder(session)
                config.pluginmanager.register(rebinder, "fastest-directory-fixtures")
        except UsageError as e:
            config._ensure_unconfigure()
            raise EngineInitError(usage_error_text(e.args), 4, verbatim=True)
        except Exception:
            config._ensure_unconfigure()
            raise
        self.session = session
        self.listings = _DirectoryListings(session, rebinder)
        self.unit_end = _UnitEnd(session)
        self.closed = False
        self.reruns = RerunPolicy(init.get("reruns"))
        self.rerun_plugin = None
        # file -> (what _collect_file returned, frames held back), from the collection pass
        self.precollected = {}
        # what the pass's collections warned, for the next result (first, what the session's start did)
        self.pass_warnings, self.plugin.startup_warnings = self.plugin.startup_warnings, None
        from .named_nodes import NamedNodes, OffPathClasses

        named_nodes = NamedNodes(init.get("namedNodes"))
        if named_nodes.restricts():
            config.pluginmanager.register(OffPathClasses(named_nodes), "fastest-off-path-classes")
        if init.get("capture") == "no":
            config.pluginmanager.register(_teardown_starts(self), "fastest-teardown-starts")
        # (without pytest's warnings plugin no collection has a context of its own)
        self.collection_filters = CARRIED if config.pluginmanager.has_plugin("warnings") else None
        if self.collection_filters is not None:
            config.pluginmanager.register(_carried_filters_plugin(self.collection_filters), "fastest-collection-filters")

    @staticmethod
    def _time_tests(config, init, report_plugin):
        """pytest-timeout's `timeout` (resolved by Node) when the plugin is not there to do it:
        a hung test fails with its text and the worker goes on (native/timeout.py). Node learns
        each test's own limit (_timeout_limits)."""
        from .native.timeout import PytestTimeoutHooks, PhaseTimer, run_settings

        marks = config.pluginmanager.hasplugin("timeout")
        run = run_settings(init.get("timeout"), init.get("ini") or {})
        if marks or (run.func_only and run.seconds > 0):
            config.pluginmanager.register(_timeout_limits(run, report_plugin, marks), "fastest-timeout-limits")
        if marks:
            return
        timer = PhaseTimer.of(run)
        if timer is not None:
            config.pluginmanager.register(PytestTimeoutHooks(timer), "fastest-timeout")

    @staticmethod
    def _quiet_plugins(config):
        pm = config.pluginmanager
        # Every worker would overwrite .pytest_cache's lastfailed/nodeids with its share of the
        # run; the Node side keeps those.
        for name in ("lfplugin", "nfplugin", "stepwiseplugin"):
            plugin = pm.get_plugin(name)
            if plugin is not None:
                pm.unregister(plugin)
        # pytest's console output is the Node side's job: its writes go nowhere.
        reporter = pm.get_plugin("terminalreporter")
        if reporter is not None:
            from _pytest._io import TerminalWriter
            reporter._tw = TerminalWriter(_Nowhere())

    def _is_placeholder(self, file):
        """A file discovery lists only because a conftest's pytest_collect_file may collect it:
        not a Python module, or one python_files does not name."""
        if not file.endswith(".py"):
            return True
        from pathlib import Path
        from _pytest.python import path_matches_patterns
        return os.path.basename(file) != "__init__.py" and not path_matches_patterns(
            Path(self.rootdir, file), self.config.getini("python_files"))

    def collect_file(self, file):
        """Collects `file` ahead of its unit (the run's collection pass, docs/protocol.md): a
        collection error is sent now; the items, a module skip's result and the collection
        warnings wait for the file's first unit."""
        plugin = self.plugin
        send, held = plugin.emit, []
        plugin.emit = lambda frame: send(frame) if frame.get("t") == "collect_error" else held.append(frame)
        try:
            collection = self._collect_file(file)
        finally:
            plugin.emit = send
        if isinstance(collection, tuple):
            # what collecting it warned rides on this worker's next result, as the native engine's:
            # a module whose tests are all deselected has no unit of its own to carry them
            self.pass_warnings.extend(collection[3])
            del collection[3][:]
        self.precollected[file] = (collection, held)

    def import_file(self, file):
        """Imports `file` (and its conftests) for what importing it does, without collecting its
        tests: the collection pass, for a file of another worker's share (its owner reports its
        errors, output and warnings). A unit of it that comes here later is collected then, from
        the module already imported."""
        import warnings
        from pathlib import Path

        from _pytest.python import importtestmodule

        config = self.config
        path = Path(self.rootdir, file)
        capman = config.pluginmanager.getplugin("capturemanager")
        try:
            if capman is not None:
                capman.resume_global_capture()
            try:
                carried = self.collection_filters
                with warnings.catch_warnings(record=True), \
                        carried.around() if carried is not None else contextlib.nullcontext():
                    walked = str(path) not in self.named_paths
                    if walked and self._directory_ignored(str(path)):
                        return
                    config.pluginmanager._loadconftestmodules(
                        path.parent, config.getoption("importmode"), config.rootpath,
                        consider_namespace_packages=config.getini("consider_namespace_packages"))
                    if walked and config.hook.pytest_ignore_collect(collection_path=path, config=config):
                        return
                    importtestmodule(path, config)
            finally:
                if capman is not None:
                    capman.suspend_global_capture()
                    capman.read_global_capture()
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException:
            pass

    def pass_skip(self, file):
        """The result frame of `file`'s skip at import, when the collection pass found it skipped
        (it is still sent with the file's unit)."""
        held = self.precollected.get(file, (None, ()))[1]
        return next((frame for frame in held if frame.get("t") == "result" and frame.get("when") == "collect"
                     and frame.get("outcome") == "skipped"), None)

    def partially_collected(self, file):
        """Whether a collector inside `file` failed while the module itself collected."""
        return file in self.plugin.partial_files

    def take_collect_warnings(self, file):
        """What collecting `file` (and the pass's files before it) warned, which the next result would carry."""
        taken, self.pass_warnings = self.pass_warnings, []
        return taken

    def collected_ids(self, file):
        """The ids of the tests the collection pass found in `file` (None: not collected here)."""
        collection = self.precollected.get(file, (None,))[0]
        if collection == "nothing":  # a file placeholder no hook collects anything from
            return []
        return [item.nodeid for item in collection[0]] if isinstance(collection, tuple) else None

    def filtered_ids(self, file):
        """The ids of the tests the collection pass found in `file` that -k/-m/--deselect leave out."""
        collection = self.precollected.get(file, (None,))[0]
        return self.run_filter.split(collection[0], None)[1] if isinstance(collection, tuple) else []

    def hook_deselected(self, file):
        """The ids a conftest's or plugin's pytest_collection_modifyitems deselected in `file`."""
        return self.plugin.hook_deselected.get(file, [])

    def _directory_ignored(self, path):
        """Whether a conftest's pytest_ignore_collect skips a directory above the walked module
        `path`: pytest's walk asks it of each directory it enters below the one it was given, but
        collected as `args=[path]` those are an init path's parents, which pytest does not ask."""
        from pathlib import Path

        config = self.config
        chain = []
        directory = os.path.dirname(os.path.abspath(path))
        while directory.startswith(self.rootdir + os.sep) and directory not in self.named_paths:
            chain.append(Path(directory))
            directory = os.path.dirname(directory)
        try:
            for d in reversed(chain):  # outermost first: an ignored directory's conftests never load
                config.pluginmanager._loadconftestmodules(
                    d.parent, config.getoption("importmode"), config.rootpath,
                    consider_namespace_packages=config.getini("consider_namespace_packages"))
                if self.session.gethookproxy(d.parent).pytest_ignore_collect(collection_path=d, config=config):
                    return True
        except Exception:  # a conftest that fails to import: the collection reports it, as pytest's walk
            return False
        return False

    def _collect_file(self, file):
        """pytest's collection of `file`: (items, collection errors, module skips, collection
        warnings), "nothing" (a placeholder no hook collects) or None (an error, sent)."""
        session = self.session
        plugin = self.plugin
        plugin.unit_errors = 0
        plugin.unit_skipped_modules = 0
        plugin.collect_warnings = []
        if os.getcwd() != self.invocation_dir:
            os.chdir(self.invocation_dir)
        # A module the command line did not name is collected as pytest's walk reaches it, so
        # that a conftest's collect_ignore decided at run time applies (attrs). A file it named
        # is collected as named, whatever its kind: a named .txt or .rst is a doctest file.
        path = os.path.join(self.rootdir, file)
        walked = os.path.abspath(path) not in self.named_paths
        placeholder = walked or self._is_placeholder(file)
        listings = self.listings
        if walked and not os.path.lexists(path):
            # gone since discovery listed it (coverage's data file, erased as the session starts):
            # pytest's walk, which runs after that, does not see it
            return "nothing"
        try:
            if walked and self._directory_ignored(path):
                return "nothing"
            # Through the pytest_collection hook, as pytest's main does: its wrappers (warnings,
            # log capture, the assertion rewriter's session) apply to collection too.
            self.config.args = [path]
            if walked:
                _as_if_walked(session, path)
            listings.active = walked
            plugin.collecting_module = file
            plugin.hook_deselected.pop(file, None)  # (a module collected again: its hooks run again)
            self.config.hook.pytest_collection(session=session)
            items = list(session.items)
        except Exception as e:  # UsageError (file not found) or an error in a plugin hook
            if placeholder and _collected_nothing(e, path):
                return "nothing"
            if plugin.unit_skipped_modules and _skipped_above(e):
                # a directory above the module skipped (its conftest): that skip is the module's report
                return [], plugin.unit_errors, plugin.unit_skipped_modules, plugin.collect_warnings
            self.emit(results.collect_error(file, _describe(e)))
            return None
        finally:
            listings.active = False
            plugin.collecting_module = None
            if walked:
                session.__dict__.pop("isinitpath", None)
        return items, plugin.unit_errors, plugin.unit_skipped_modules, plugin.collect_warnings

    def run_unit(self, unit):
        file = unit["file"]
        ids = unit.get("ids")
        session = self.session
        plugin = self.plugin
        precollected = self.precollected.pop(file, None)
        if precollected is None:
            collection = self._collect_file(file)
        else:
            collection, held = precollected
            for frame in held:
                plugin.emit(frame)
        if collection == "nothing":
            # A file placeholder no hook collects anything from, or a module a conftest's
            # pytest_ignore_collect ignores (pyyaml's test_errors.py, which another module
            # star-imports): nothing to report, as pytest's walk; the ids listed of it are not
            # collected (not lost).
            listed_ids = [i for i in ids or () if i != file]
            self.emit(self.collected.frame(file, [], listed_ids or None, []))
            return {"engine": "pytest", "reason": None}
        if collection is None:
            return {"engine": "pytest", "reason": None}
        items, plugin.unit_errors, plugin.unit_skipped_modules, plugin.collect_warnings = collection
        if self.pass_warnings:
            plugin.collect_warnings = self.pass_warnings + plugin.collect_warnings
            self.pass_warnings = []

        if ids is not None and file in ids:
            ids = None  # the whole-file item (a file placeholder, a dynamic module): all it collects
        module_ids = [item.nodeid for item in items]
        selected_ids = module_ids
        if ids is not None:
            wanted = set(ids)
            items = [item for item in items if listed(item.nodeid, wanted)]
            selected_ids = [item.nodeid for item in items]
        # A listed id the module does not produce is "not collected" (Node's business), unless
        # the module failed or was skipped: then its error or skip stands for every id.
        collected_ok = not plugin.unit_errors and not plugin.unit_skipped_modules
        collected = items
        items, filtered = self.run_filter.split(collected, ids, bool(unit.get("judge")))
        if not items and plugin.collect_warnings:
            # no result of this unit carries what collecting the module warned: the next one does
            self.pass_warnings = self.pass_warnings + plugin.collect_warnings
            plugin.collect_warnings = []
        self.emit(self.collected.frame(file, selected_ids, ids, module_ids if collected_ok else None,
                                       self.hook_deselected(file), collected, filtered))

        if self.rerun_plugin is None and (self.reruns.active or any(
                item.get_closest_marker("flaky") is not None for item in items)):
            self._start_reruns()
        hook = self.config.hook
        last = len(items) - 1
        ran_to_end = True
        try:
            for index, item in enumerate(items):
                if index and cancel_requested():
                    ran_to_end = False
                    break
                session.shouldfail = False
                session.shouldstop = False
                plugin.hidden_subtests = (type(item).__name__ == "TestCaseFunction"
                                          and self.config.option.capture != "no")
                try:
                    if index < last:
                        hook.pytest_runtest_protocol(item=item, nextitem=items[index + 1])
                    else:
                        with self._unit_end_teardown():
                            hook.pytest_runtest_protocol(item=item, nextitem=None)
                finally:
                    plugin.flush()
        except BaseException:
            # pytest.exit(), a KeyboardInterrupt raised by a test, or a plugin bug: leave the
            # session clean for whatever comes next, then let the worker decide.
            self._teardown_to_session()
            raise
        if not ran_to_end:
            self._teardown_to_session()

        return {"engine": "pytest", "reason": None}

    def _start_reruns(self):
        """From the first unit that may rerun a test on: the per-test cost is only for them."""
        self.rerun_plugin = _RerunPlugin(self.reruns, self.plugin)
        pm = self.config.pluginmanager
        pm.register(self.rerun_plugin, "fastest-reruns")
        pm.register(_makereport_wrapper(self.rerun_plugin), "fastest-reruns-phases")

    def _plugins_summary(self, reporter, exitstatus):
        conftests, plugins = plugins_summary_texts(reporter, self.config.pluginmanager, exitstatus,
                                                   self.markup, self.width)
        if conftests is not None and (conftests["text"] or plugins["text"]):
            self.emit(results.plugins_summary(conftests, plugins))

    @contextlib.contextmanager
    def _unit_end_teardown(self):
        """A unit's last test: the hooks get pytest's `nextitem` None (the next test, in another
        unit, is not known here; SQLAlchemy's plugin ends its class at None, and calls methods of
        an item), while pytest's own teardown_exact(None) tears down to the session only, whose
        state the worker's next units share."""
        state = self.session._setupstate
        own = state.teardown_exact
        state.teardown_exact = lambda nextitem: own(self.unit_end if nextitem is None else nextitem)
        try:
            yield
        finally:
            del state.teardown_exact

    def _teardown_to_session(self):
        try:
            self.session._setupstate.teardown_exact(self.unit_end)
        except BaseException:
            traceback.print_exc()

    def close(self):
        if self.closed:
            return
        self.closed = True
        config = self.config
        pm = config.pluginmanager
        try:
            os.chdir(self.invocation_dir)
            # pytest's own summary is the Node side's job: the terminal reporter's session end
            # (which would build it) is left out; what plugins add to it is asked for below.
            reporter = pm.get_plugin("terminalreporter")
            exitstatus = 1 if self.plugin.failed else 0
            _leave_benchmark_saving(config)
            finish = pm.subset_hook_caller("pytest_sessionfinish", remove_plugins=[reporter]) if reporter else config.hook.pytest_sessionfinish
            with _stderr_kept() as written:
                finish(session=self.session, exitstatus=exitstatus)
            if written[0]:
                self.emit(results.session_stderr(written[0]))
            if reporter is not None:
                self._plugins_summary(reporter, exitstatus)
        except BaseException as e:
            # A session fixture's teardown failed: pytest reports it as an error at the last
            # test's teardown; here the last test has long been reported.
            traceback.print_exc()
            self.emit(results.session_error(_exception_text(e)))
        finally:
            if self.plugin.junit is not None:
                # pytest's junitxml unregisters what it finds there at pytest_unconfigure: fastest's
                # records were never a plugin (the assertion would stop the later hooks)
                from _pytest.junitxml import xml_key

                if config.stash.get(xml_key, None) is self.plugin.junit:
                    del config.stash[xml_key]
            config._ensure_unconfigure()


@contextlib.contextmanager
def _header_written(reporter):
    """pytest's terminal reporter writes the session's header at pytest_sessionstart (the
    platform line, then the lines of every plugin's and initial conftest's pytest_report_header,
    its own rootdir/configfile/testpaths/plugins among them, in pluggy's order): the lines after
    the platform line, which Node prints under its own (empty under -q or --no-header)."""
    from _pytest._io import TerminalWriter

    lines = []
    if reporter is None:
        yield lines
        return
    quiet = reporter._tw
    buffer = io.StringIO()
    reporter._tw = TerminalWriter(buffer)
    reporter._tw.hasmarkup = False
    # what a hook print()s meanwhile is on pytest's console at that place (global capture is
    # suspended once the initial conftests are loaded): mpmath's pytest_report_header prints
    printed_to = sys.stdout
    sys.stdout = buffer
    try:
        yield lines
    finally:
        sys.stdout = printed_to
        reporter._tw = quiet
        written = buffer.getvalue().splitlines()
        for at, line in enumerate(written):
            if line.startswith("platform "):
                lines.extend(written[at + 1:])
                break


@contextlib.contextmanager
def _stderr_kept():
    """What is written to fd 2 (and sys.stderr) meanwhile: plugins keep the stderr they saw at
    configure (pytest-benchmark's logger), so the file descriptor itself is redirected."""
    import tempfile

    kept = []
    try:
        sys.stderr.flush()
    except Exception:
        pass
    saved = os.dup(2)
    with tempfile.TemporaryFile() as spool:
        os.dup2(spool.fileno(), 2)
        try:
            yield kept
        finally:
            try:
                sys.stderr.flush()
            except Exception:
                pass
            os.dup2(saved, 2)
            os.close(saved)
            spool.seek(0)
            kept.append(spool.read().decode("utf-8", "replace"))


def _leave_benchmark_saving(config):
    """pytest-benchmark saves what its session measured (--benchmark-json, --benchmark-save,
    --benchmark-autosave). Every benchmark runs in one worker (schedule.ts): a worker whose share
    had none leaves saving to that one, where it would warn 'Not saving anything' (an error under
    `filterwarnings = error`) though pytest's one session saved every benchmark."""
    session = getattr(config, "_benchmarksession", None)
    if session is not None and not getattr(session, "benchmarks", True):
        session.json = session.save = session.autosave = None


# Plugins whose terminal summary reports only what their library recorded while tests ran, by
# the library: where it was never imported, the summary is empty, and asking for it would import
# the library (hypothesis: 0.3 s of CPU per worker).
_SUMMARY_OF_LIBRARY = {"_hypothesis_pytestplugin": "hypothesis"}


def _summary_groups(pm):
    """The plugins whose `pytest_terminal_summary` the Node side asks for, in two groups as pytest
    writes them around its coverage section (pluggy calls the last registered first: conftest
    files, then pytest-cov's plugin, then the installed and `-p` plugins): (conftests, plugins).
    pytest's own plugins (the terminal reporter, --durations, --junitxml...) are left out: the
    Node side writes their part for the whole run."""
    conftests = set(getattr(pm, "_conftest_plugins", ()))
    own, others = [], []
    for _name, plugin in pm.list_name_plugin():
        module = getattr(plugin, "__name__", None) if inspect.ismodule(plugin) else type(plugin).__module__
        library = _SUMMARY_OF_LIBRARY.get(module)
        if module == "_pytest" or str(module).startswith("_pytest."):
            own.append(plugin)
        elif library is not None and library not in sys.modules:
            own.append(plugin)  # it would report nothing, at the cost of importing its library
        elif plugin not in conftests:
            others.append(plugin)
    return own + others, own + list(conftests)


def plugins_summary_texts(reporter, pm, exitstatus, markup, width):
    """What the plugins' `pytest_terminal_summary` hooks write through the terminal reporter
    (pytest's own hook is a wrapper around theirs: their sections come after its failures,
    warnings and passes, before its short test summary), as two results.summary_text (the
    conftest files', the other plugins'); nothing under --no-summary."""

    from _pytest._io import TerminalWriter

    if getattr(reporter, "no_summary", False):
        return None, None
    texts = []
    for left_out in _summary_groups(pm):
        buffer = io.StringIO()
        writer = TerminalWriter(buffer)
        writer.hasmarkup = markup
        if width:
            writer.fullwidth = width
        reporter._tw = writer
        # pytest's reporter ends a progress line still open with the first write that asks
        # (ensure_newline); whether one is open is the console's to know: the place is kept.
        newline_at = []

        def ensure_newline(buffer=buffer, newline_at=newline_at):
            if not newline_at:
                newline_at.append(buffer.tell())

        reporter.ensure_newline = ensure_newline
        reporter.currentfspath = None
        summary = pm.subset_hook_caller("pytest_terminal_summary", remove_plugins=left_out)
        summary(terminalreporter=reporter, exitstatus=exitstatus, config=reporter.config)
        text = buffer.getvalue()
        texts.append(results.summary_text(text, len(text[:newline_at[0]].encode("utf-16-le")) // 2
                                          if newline_at else None))
    return texts[0], texts[1]


def _exception_text(exc):
    try:
        from _pytest._code import ExceptionInfo

        return str(ExceptionInfo.from_exception(exc).getrepr(style="short"))
    except Exception:
        return "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)).rstrip("\n")


def _describe(exc):
    name = type(exc).__name__
    if name == "UsageError":
        return _usage_error_text(exc)
    return "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)).rstrip("\n")


def _usage_error_text(exc):
    return "\n".join("ERROR: %s" % m for m in exc.args)


