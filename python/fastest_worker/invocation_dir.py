"""Paths in tracebacks as pytest writes them: relative to where the run was started.

Workers run in the rootdir. pytest runs where it was started and writes the file of each
traceback entry (`test_a.py:5: AssertionError`, `--tb=short`'s `test_a.py:5: in test_x`)
relative to its working directory (`FormattedExcinfo._makepath`); when fastest was started
below the rootdir, the same entry is written relative to that directory here.
"""

import os


def write_paths_from(invocation_dir):
    if not invocation_dir or os.path.abspath(invocation_dir) == os.getcwd():
        return
    from pathlib import Path

    from _pytest._code.code import FormattedExcinfo
    from _pytest.pathlib import bestrelpath

    start = Path(os.path.abspath(invocation_dir))

    def _makepath(self, path):
        # pytest's own, with its Path.cwd() replaced by the invocation directory
        if not self.abspath and isinstance(path, Path):
            try:
                relative = bestrelpath(start, path)
            except OSError:
                return str(path)
            if len(relative) < len(str(path)):
                return relative
        return str(path)

    FormattedExcinfo._makepath = _makepath
