"""pytest plugin for the native engine tests: prints each test's final outcome as a JSON line.

Loaded with `-p native_pytest_outcomes` (PYTHONPATH=test); writes to $NATIVE_PYTEST_OUT in the
order pytest reports, with the same outcome vocabulary as fastest's TestResult.
"""
import json
import os

_results = {}
_order = []


def _put(nodeid, **fields):
    if nodeid not in _results:
        _results[nodeid] = {"id": nodeid}
        _order.append(nodeid)
    _results[nodeid].update(fields)


def pytest_runtest_logreport(report):
    wasxfail = hasattr(report, "wasxfail")
    if report.when == "setup":
        if report.failed:
            _put(report.nodeid, outcome="error", when="setup")
        elif report.skipped:
            _put(report.nodeid, outcome="xfailed" if wasxfail else "skipped", when="setup")
    elif report.when == "call":
        if report.passed:
            _put(report.nodeid, outcome="xpassed" if wasxfail else "passed", when="call")
        elif report.failed:
            _put(report.nodeid, outcome="failed", when="call")
        else:
            _put(report.nodeid, outcome="xfailed" if wasxfail else "skipped", when="call")
    elif report.when == "teardown" and report.failed:
        _put(report.nodeid, teardownError=True)


def pytest_collectreport(report):
    if report.failed:
        _put(report.nodeid, outcome="collect_error", when="collect")
    elif report.skipped:
        _put(report.nodeid, outcome="skipped", when="collect")


def pytest_sessionfinish(session):
    path = os.environ.get("NATIVE_PYTEST_OUT")
    if path:
        with open(path, "w") as fh:
            for nodeid in _order:
                fh.write(json.dumps(_results[nodeid]) + "\n")
