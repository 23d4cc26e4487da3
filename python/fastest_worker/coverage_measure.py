"""A worker's coverage measurement (`--cov`): coverage.py started before the engine loads any
conftest or test module, stopped and saved to its own data file (`.coverage.HOST.PID.RANDOM`)
when the worker ends. The session combines the files once (coverage_session.py), as
pytest-cov's xdist controller does with its workers' files."""

import os
import sys

_FASTEST_WORKER_DIR = os.path.dirname(os.path.abspath(__file__))


class _InDir:
    """pytest-cov builds and saves its Coverage objects from the invocation directory (its
    `topdir`): relative sources, `--cov-config` and the data file are read from there."""

    def __init__(self, path):
        self.path = path
        self.before = None

    def __enter__(self):
        if self.path:
            try:
                self.before = os.getcwd()
            except OSError:
                self.before = None
            os.chdir(self.path)

    def __exit__(self, *exc):
        if self.path and self.before is not None:
            os.chdir(self.before)


def make_coverage(spec, **kwargs):
    """coverage.Coverage with pytest-cov's arguments: source, branch, config file."""
    import coverage

    return coverage.Coverage(source=spec.get("source"), branch=spec.get("branch"),
                             config_file=spec.get("config") or ".coveragerc", **kwargs)


def _use_sysmon(cov):
    """sys.monitoring (PEP 669) measures lines at a fraction of a trace function's cost. coverage.py
    uses it by itself from Python 3.14; on 3.12 and 3.13 it is asked for here when it applies:
    no branch measurement (its branch support needs 3.14), no dynamic contexts, no greenlet-style
    concurrency, no core chosen by the user (COVERAGE_CORE, [run] core, timid), and no
    pytest-cov (its no_cover pauses)."""
    if sys.version_info < (3, 12) or sys.implementation.name != "cpython":
        return
    config = cov.config
    if os.environ.get("COVERAGE_CORE") or getattr(config, "core", None) or config.timid:
        return
    if config.branch or config.dynamic_context:
        return
    if any(c in config.concurrency for c in ("greenlet", "eventlet", "gevent")):
        return
    import importlib.util

    if importlib.util.find_spec("pytest_cov") is not None:
        # its no_cover marker and fixture pause the measurement, which sysmon does not honour
        # exactly (code it already saw keeps reporting): measured on Python 3.12 with
        # coverage 7.16, a no_cover test's lines were counted
        return
    if hasattr(config, "core"):
        config.core = "sysmon"


class WorkerCoverage:
    """One worker's measurement. `spec` is the `coverage` member of the init frame."""

    def __init__(self, spec):
        self.spec = spec
        self.topdir = spec.get("topdir")
        with _InDir(self.topdir):
            self.cov = make_coverage(spec, data_suffix=True)
            # As pytest-cov's xdist workers: a worker that imports none of the sources, or only
            # some, is expected; the session's combined report says what was never measured.
            self.cov._warn_unimported_source = False
            self.cov._warn_no_data = False
            self.cov._warn_preimported_source = False
            # fastest's own runtime is not the user's code, even with `--cov` and no source filter.
            omit = list(self.cov.config.run_omit or [])
            omit.append(os.path.join(_FASTEST_WORKER_DIR, "*"))
            self.cov.config.run_omit = omit
            if not spec.get("context"):
                _use_sysmon(self.cov)
            self.cov.start()
        self.started = True
        self.paused = False

    def pause(self):
        self.paused = True
        with _InDir(self.topdir):
            self.cov.stop()

    def resume(self):
        with _InDir(self.topdir):
            self.cov.start()
        self.paused = False

    def switch_context(self, name):
        # as pytest-cov: a paused measurement (a no_cover test's call) keeps its context
        if self.started and not self.paused:
            self.cov.switch_context(name)

    def unit_started(self):
        """--cov-context=test: what a unit's collection runs (imports) is measured in the empty
        context, as under pytest-cov, where collection comes before every test."""
        if self.spec.get("context"):
            self.switch_context("")

    def checkpoint(self):
        """Write what was measured so far (after each unit): a worker that dies later (a crash,
        os._exit, a timeout's kill) loses only the unit it was running."""
        if not self.started:
            return
        with _InDir(self.topdir):
            self.cov.save()

    def stop(self):
        if not self.started:
            return
        self.started = False
        with _InDir(self.topdir):
            self.cov.stop()
            self.cov.save()


def start(spec):
    """A started WorkerCoverage, or the reason coverage.py cannot measure (it is not importable)."""
    try:
        return WorkerCoverage(spec)
    except ImportError as e:
        raise CoverageUnavailable(str(e))


class CoverageUnavailable(Exception):
    pass


def test_context_plugin(measure):
    """pytest-cov's `--cov-context=test` for the pytest engine: each phase of each test is a
    dynamic context named `NODEID|setup`, `NODEID|run`, `NODEID|teardown`."""
    import pytest

    class TestContextPlugin:
        @pytest.hookimpl(tryfirst=True)
        def pytest_runtest_setup(self, item):
            measure.switch_context("%s|setup" % item.nodeid)

        @pytest.hookimpl(tryfirst=True)
        def pytest_runtest_call(self, item):
            measure.switch_context("%s|run" % item.nodeid)

        @pytest.hookimpl(tryfirst=True)
        def pytest_runtest_teardown(self, item):
            measure.switch_context("%s|teardown" % item.nodeid)

    return TestContextPlugin()


def no_cover_plugin(measure):
    """pytest-cov's `no_cover` marker and fixture: the test's call phase is not measured."""
    import pytest

    class NoCoverPlugin:
        @pytest.hookimpl(hookwrapper=True)
        def pytest_runtest_call(self, item):
            if item.get_closest_marker("no_cover") or "no_cover" in getattr(item, "fixturenames", ()):
                measure.pause()
                try:
                    yield
                finally:
                    measure.resume()
            else:
                yield

    return NoCoverPlugin()


def expose_to_pytest_cov(pluginmanager, measure):
    """pytest-cov's `cov` fixture returns `pluginmanager.getplugin("_cov").cov_controller.cov`;
    fastest takes --cov away from pytest-cov, so without this the fixture gives None where
    `pytest --cov` gives the Coverage object. This worker's measurement stands in for it."""
    if measure.cov is None or pluginmanager.has_plugin("_cov"):
        return

    class _Controller:
        cov = measure.cov

    class _CovPluginHandle:
        cov_controller = _Controller()

    pluginmanager.register(_CovPluginHandle(), "_cov")


def mentions_no_cover(path):
    """A module that may use pytest-cov's `no_cover` (the native engine does not pause for it)."""
    try:
        with open(path, "rb") as f:
            return b"no_cover" in f.read()
    except OSError:
        return False
