"""pytest's initial conftests: the conftest.py files pytest imports while it configures, before
collecting (PytestPluginManager._set_initial_conftests). One that fails to import is not a
collection error but a usage error: pytest prints `ImportError while loading conftest '...'.` and
the traceback on stderr, runs nothing and exits 4. The native engine imports them first, in
pytest's order; the pytest engine gets the paths named on the command line, so that pytest's own
configuration loads them."""

import glob
import io
import os

from .native.importer import conftest_paths

_OWN_DIR = os.path.dirname(os.path.abspath(__file__)) + os.sep


class InitialConftestFailure(Exception):
    """An initial conftest failed to import (or one of its hooks pytest calls while it configures
    raised): `text` is what pytest prints for it, `exit_code` pytest's."""

    def __init__(self, text, exit_code=4):
        Exception.__init__(self, text)
        self.text = text
        self.exit_code = exit_code


def initial_conftest_paths(rootdir, invocation_dir, named_paths, testpaths):
    """The conftest.py files pytest imports before collecting, in its order: for each path the
    command line names (or each `testpaths` match when it names none and pytest runs from the
    rootdir, else the invocation directory), those from the rootdir down to the path's directory,
    then those of a named directory's `test*` subdirectories (and their parents)."""
    anchors = [p for p in named_paths if os.path.exists(p)]
    if not anchors and not named_paths and testpaths and invocation_dir == rootdir:
        anchors = [os.path.abspath(os.path.join(invocation_dir, match))
                   for pattern in testpaths for match in sorted(glob.glob(os.path.join(invocation_dir, pattern), recursive=True))]
    if not anchors:
        anchors = [invocation_dir]
    found = []
    for anchor in anchors:
        directories = [anchor if os.path.isdir(anchor) else os.path.dirname(anchor)]
        if os.path.isdir(anchor):
            directories += sorted(d for d in glob.glob(os.path.join(anchor, "test*")) if os.path.isdir(d))
        for directory in directories:
            for path in conftest_paths(rootdir, os.path.join(directory, "__init__.py")):
                if path not in found:
                    found.append(path)
    return found


def import_failure_text(path, cause, markup):
    """pytest's print_conftest_import_error: the header line and the short traceback of `cause`
    (pytest's, importlib's and fastest's own frames left out), red when the console has colour."""
    from _pytest._code import ExceptionInfo
    from _pytest._io import TerminalWriter
    from _pytest.config import filter_traceback_for_conftest_import_failure

    out = _Console() if markup else io.StringIO()
    tw = TerminalWriter(out)
    tw.line(f"ImportError while loading conftest '{path}'.", red=True)
    info = ExceptionInfo.from_exception(cause)
    info.traceback = info.traceback.filter(
        lambda entry: filter_traceback_for_conftest_import_failure(entry)
        and not str(entry.path).startswith(_OWN_DIR))
    text = str(info.getrepr(style="short", chain=False) if info.traceback else info.exconly())
    for line in text.splitlines():
        tw.line(line.rstrip(), red=True)
    return out.getvalue()


class _Console(io.StringIO):
    """Text for a console with colour: pytest's TerminalWriter marks up for a terminal."""

    def isatty(self):
        return True
