# Runs test suites for bench/impact-replay.mjs and records each test's outcome (and each collection
# error) by exact node id. JUnit's classname/name pairs can't be turned back into node ids without
# guessing where the module ends, so the replay records ids.
#
# `python impact-outcomes.py`: reads jobs from stdin, one JSON object a line ({"dir", "out",
# "path"}), and answers each with a line once done. pytest is imported once; each suite runs in a
# forked child (which imports the project's code itself), so a job costs no interpreter start.
import json
import os
import sys


class Outcomes:
    def __init__(self):
        self.outcomes = {}

    def pytest_collectreport(self, report):
        if report.failed:
            self.outcomes[report.nodeid or '<session>'] = 'error'

    def pytest_runtest_logreport(self, report):
        prior = self.outcomes.get(report.nodeid)
        if report.when == 'call':
            xfail = hasattr(report, 'wasxfail')
            outcome = ('xfailed' if report.skipped else 'xpassed') if xfail else report.outcome
        elif report.failed:
            outcome = 'error'
        elif report.skipped:
            outcome = 'skipped'
        else:
            outcome = 'passed'
        if prior is None or prior == 'passed' or outcome == 'error':
            self.outcomes[report.nodeid] = outcome


def run(job):
    import resource

    import pytest

    # CPU seconds, not wall time: on a loaded machine a suite can wait minutes for a core.
    limit = job.get('cpu_seconds', 300)
    resource.setrlimit(resource.RLIMIT_CPU, (limit, limit + 5))

    os.chdir(job['dir'])
    sys.path[:0] = job['path']
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    plugin = Outcomes()
    try:
        code = int(pytest.main(['-p', 'no:cacheprovider', '-q', '-o', 'addopts='], plugins=[plugin]))
    except BaseException as e:  # a suite that breaks pytest itself is an outcome too
        plugin.outcomes['<crash>'] = repr(e)[:400]
        code = -1
    plugin.outcomes['<exit>'] = code
    with open(job['out'], 'w') as f:
        json.dump(plugin.outcomes, f, sort_keys=True)


def main():
    import pytest  # noqa: F401  (imported before the forks: each child starts with it loaded)

    for line in sys.stdin:
        job = json.loads(line)
        pid = os.fork()
        if pid == 0:
            try:
                run(job)
            finally:
                os._exit(0)
        _, status = os.waitpid(pid, 0)
        if not os.path.exists(job['out']):
            with open(job['out'], 'w') as f:
                json.dump({'<exit>': -1, '<crash>': 'worker died (status %d)' % status}, f)
        sys.stdout.write('done\n')
        sys.stdout.flush()


if __name__ == '__main__':
    main()
