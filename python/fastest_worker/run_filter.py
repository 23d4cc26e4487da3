"""-k, -m and --deselect over the tests only a module's import makes (init's `filter`).

Node selects what discovery listed; a test it could not list (a run-time parametrize, the methods
of a class a node id names, a module run whole) is collected here, and judged here as pytest's
mark and main plugins judge every collected item, so that a test the filter leaves out is not run
(its side effects, its time). The unit's `collected` frame names those ids (`filtered`): Node
counts them as deselected. A test the unit lists by its own id was judged by Node already."""

import os


def _compiled(text):
    """pytest's compiled -k/-m expression, or None when there is none (an empty or blank -k
    selects everything, as pytest's deselect_by_keyword) or it does not compile (Node refused
    it before any worker started)."""
    if not text or not text.strip():
        return None
    from _pytest.mark.expression import Expression
    try:
        return Expression.compile(text.lstrip())
    except SyntaxError:
        return None


class _Names:
    """pytest's KeywordMatcher over a set of names: any name containing the word,
    case-insensitively."""

    __slots__ = ("_names",)

    def __init__(self, names):
        self._names = [name.lower() for name in names]

    def __call__(self, word, **kwargs):
        if kwargs:
            from _pytest.config.exceptions import UsageError
            raise UsageError("Keyword expressions do not support call parameters.")
        word = word.lower()
        return any(word in name for name in self._names)


class _Marks:
    """pytest's MarkMatcher: a mark of that name whose keyword arguments include the given ones."""

    __slots__ = ("_by_name",)

    def __init__(self, marks):
        by_name = {}
        for mark in marks:
            by_name.setdefault(mark.name, []).append(mark)
        self._by_name = by_name

    def __call__(self, name, **kwargs):
        missing = object()
        return any(all(mark.kwargs.get(key, missing) == value for key, value in kwargs.items())
                   for mark in self._by_name.get(name, ()))


def _native_keyword_names(item):
    """The names -k matches for a native engine's item, as pytest's KeywordMatcher.from_item
    gathers them for its own: its node's and its parents' names below the rootdir's directory
    (the native tree hangs the rootdir's entries on its session), what was assigned on the test
    function, its marks' names."""
    names = {node.name for node in item.listchain() if node.kind != "session"}
    function = _native_function(item)
    names.update(getattr(function, "__dict__", None) or ())
    names.update(mark.name for mark in _native_marks(item))
    return names


def _native_function(item):
    function = item.function
    return getattr(function, "__func__", function)  # (a staticmethod or classmethod as found)


class _PluginMark:
    __slots__ = ("name", "kwargs")

    def __init__(self, name):
        self.name = name
        self.kwargs = {}


def _native_marks(item):
    """A native item's marks, and the one hypothesis' plugin adds to a @given test in its
    pytest_collection_modifyitems (which the native engine does not call), when plugins load."""
    marks = list(item.iter_markers())
    if getattr(_native_function(item), "is_hypothesis_test", False) and not os.environ.get("PYTEST_DISABLE_PLUGIN_AUTOLOAD"):
        marks.append(_PluginMark("hypothesis"))
    return marks


class RunFilter:
    """init's `filter` ({keyword?, markexpr?, deselect?}) as pytest applies it to collected items."""

    def __init__(self, spec):
        spec = spec or {}
        self.keyword = _compiled(spec.get("keyword"))
        self.markexpr = _compiled(spec.get("markexpr"))
        self.deselect = tuple(spec.get("deselect") or ())
        self.active = bool(self.keyword or self.markexpr or self.deselect)
        # (a conftest's hook may add marks and keywords to any test: Node left every test to the run)
        self.every_test = bool(spec.get("all"))

    def keeps(self, item, pytest_item, keyword_matcher):
        """`pytest_item`: pytest's Item class (a native engine's item is none);
        `keyword_matcher`: pytest's KeywordMatcher."""
        if self.deselect and item.nodeid.startswith(self.deselect):
            return False
        native = not isinstance(item, pytest_item)
        if self.keyword is not None:
            matcher = _Names(_native_keyword_names(item)) if native else keyword_matcher.from_item(item)
            if not self.keyword.evaluate(matcher):
                return False
        if self.markexpr is None:
            return True
        return self.markexpr.evaluate(_Marks(_native_marks(item) if native else item.iter_markers()))

    def split(self, items, wanted, every=False):
        """(the items to run, the ids left out): `items` are a unit's, `wanted` its listed ids
        (None: the whole file). An item listed by its own id is run, Node selected it, unless
        init's `all` or the unit's `judge` (`every`) leaves every test to the run."""
        if not self.active:
            return items, []
        import pytest
        from _pytest.config.exceptions import UsageError
        from _pytest.mark import KeywordMatcher
        listed = frozenset(() if self.every_test or every else wanted or ())
        run, left_out = [], []
        for item in items:
            try:
                kept = item.nodeid in listed or self.keeps(item, pytest.Item, KeywordMatcher)
            except UsageError:  # `-k "name(arg=1)"`: pytest's usage error is Node's to give
                kept = True
            if kept:
                run.append(item)
            else:
                left_out.append(item.nodeid)
        return run, left_out
