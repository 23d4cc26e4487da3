"""Node-id arguments that name classes or functions inside a module (`test_x.py::TestA`):
pytest collects only the collectors on their paths. A class off them is never collected, so what
collecting it would warn (a test class with an `__init__`, a method that is not a function) is
never raised. The workers collect the module whole (its ids are the discovery's truth) and keep
quiet what pytest would not have collected."""

import warnings
from contextlib import contextmanager

import pytest
from _pytest.warning_types import PytestCollectionWarning


class NamedNodes:
    def __init__(self, nodeids=()):
        """`nodeids`: the command line's node ids below module level, rootdir-relative, without a
        parametrization, of the modules it names no wider way (init's `namedNodes`)."""
        self._by_file = {}
        for nodeid in nodeids or ():
            file, _, rest = nodeid.partition("::")
            if rest:
                self._by_file.setdefault(file, []).append(tuple(rest.split("::")))

    def restricts(self):
        """Whether any module is collected narrower than whole."""
        return bool(self._by_file)

    def collects(self, nodeid):
        """Whether pytest collects the collector `nodeid` (`file::Class`, `file::Class::Inner`):
        an argument names it, something below it, or something above it."""
        file, _, rest = nodeid.partition("::")
        named = self._by_file.get(file)
        if named is None or not rest:
            return True
        names = tuple(rest.split("::"))
        return any(path[:len(names)] == names or names[:len(path)] == path for path in named)


@contextmanager
def collection_warnings_quiet():
    """Collecting a class pytest does not collect: its PytestCollectionWarnings are not raised."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PytestCollectionWarning)
        yield


class OffPathClasses:
    """The pytest engine's collection: a class off the named paths collects without warning."""

    def __init__(self, named):
        self.named = named

    @pytest.hookimpl(wrapper=True)
    def pytest_make_collect_report(self, collector):
        if isinstance(collector, pytest.Class) and not self.named.collects(collector.nodeid):
            with collection_warnings_quiet():
                return (yield)
        return (yield)

