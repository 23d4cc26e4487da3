# pytest plugin for bench/impact-replay.mjs: writes each test's outcome (and each collection error)
# by exact node id to the JSON file named by $IMPACT_OUTCOMES. JUnit's classname/name pairs can't
# be turned back into node ids without guessing where the module ends, so the replay records ids.
import json
import os

_outcomes = {}


def pytest_collectreport(report):
    if report.failed:
        _outcomes[report.nodeid or '<session>'] = 'error'


def pytest_runtest_logreport(report):
    prior = _outcomes.get(report.nodeid)
    if report.when == 'call':
        outcome = 'xfailed' if hasattr(report, 'wasxfail') and report.skipped else 'xpassed' if hasattr(report, 'wasxfail') else report.outcome
    elif report.failed:
        outcome = 'error'
    elif report.skipped:
        outcome = 'skipped'
    else:
        outcome = 'passed'
    if prior is None or prior == 'passed' or outcome == 'error':
        _outcomes[report.nodeid] = outcome


def pytest_sessionfinish(session, exitstatus):
    _outcomes['<exit>'] = int(exitstatus)
    with open(os.environ['IMPACT_OUTCOMES'], 'w') as f:
        json.dump(_outcomes, f, sort_keys=True)
