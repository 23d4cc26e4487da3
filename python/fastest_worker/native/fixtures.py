"""Fixture definitions, their registry, the `request` object and the setup state.

Mirrors pytest 9's _pytest/fixtures.py and runner.SetupState: a FixtureDef caches its value
per parameter, finalizers are kept on the fixture and on the scope node it lives on, and
moving from one item to the next tears down exactly the nodes the next item does not share.
"""
from __future__ import annotations

import functools
import inspect
import os
import sys
from typing import Any, Callable, Dict, Iterator, List, Optional, Sequence, Tuple

import types

from _pytest.compat import get_real_func
from _pytest.compat import getfuncargnames as _pytest_getfuncargnames
from _pytest.fixtures import FixtureFunctionDefinition
from _pytest.outcomes import OutcomeException, fail, skip

from .pytest_compat import (CLASS_FIXTURE_INSTANCE_METHOD, DEPTH_FIRST_CLOSURE,
                             FIXTURE_GETFIXTUREVALUE_DURING_TEARDOWN, REMOVED_IN_9_WARNING,
                             warn_at_pytest_site)

SCOPES = ("session", "package", "module", "class", "function")
SCOPE_RANK = {name: rank for rank, name in enumerate(reversed(SCOPES))}  # function=0 .. session=4

# What may propagate out of a test phase without being an internal error.
TEST_OUTCOME = (OutcomeException, Exception)


_CO_VARARGS = inspect.CO_VARARGS
_CO_VARKEYWORDS = inspect.CO_VARKEYWORDS


def getfuncargnames(function, *, name: str = "", cls=None) -> Tuple[str, ...]:
    """pytest's getfuncargnames, reading the code object directly for plain functions.

    inspect.signature costs ~30 us a call; collection calls this once per test function.
    """
    if (type(function) is not types.FunctionType or function.__kwdefaults__
            or "__wrapped__" in function.__dict__ or "__signature__" in function.__dict__):
        # (a plain function can only have those two in its own __dict__)
        return _pytest_getfuncargnames(function, name=name, cls=cls)
    code = function.__code__
    posonly = code.co_posonlyargcount
    nargs = code.co_argcount
    nkw = code.co_kwonlyargcount
    varnames = code.co_varnames
    ndefaults = len(function.__defaults__ or ())
    positional = varnames[posonly:nargs - ndefaults] if ndefaults <= nargs - posonly else ()
    names = positional + varnames[nargs:nargs + nkw]
    if not posonly and cls is not None:
        attr = name or function.__name__
        if type(cls) is type and attr in cls.__dict__:
            static = cls.__dict__[attr]  # what getattr_static finds first, without its MRO walk
        else:
            static = inspect.getattr_static(cls, attr, None)
        if not isinstance(static, staticmethod):
            names = names[1:]
    return tuple(names)


class _NotSet:
    def __repr__(self) -> str:
        return "<NOTSET>"


NOTSET = _NotSet()


class FixtureLookupError(LookupError):
    """pytest's FixtureLookupError, formatted by `format_lookup_error`."""

    def __init__(self, argname: Optional[str], request: "Request", msg: Optional[str] = None):
        super().__init__(msg or argname)
        self.argname = argname
        self.request = request
        self.fixturestack = request._fixturestack()
        self.msg = msg


def traverse_closure(initialnames: Sequence[str], getdefs: Callable) -> Iterator[str]:
    """pytest >= 9.1's traverse_fixture_closure: every name of the closure once, depth-first,
    following override chains as the request resolves them."""
    current: Dict[str, int] = {}

    def process(argname: str) -> Iterator[str]:
        index = current.get(argname)
        if index == -1:
            return
        if index is None:
            yield argname
            current[argname] = -1
        defs = getdefs(argname)
        if not defs:
            return
        index = current.get(argname, -1)
        if -index > len(defs):
            return
        current[argname] = index - 1
        for dep in defs[index].argnames:
            yield from process(dep)
        current[argname] = index

    for argname in initialnames:
        yield from process(argname)


# The pytest_fixture_setup hook wrappers of plugins the native engine loads (anyio's, pytest-asyncio's),
# which act on async fixtures and those pytest-asyncio's decorator marks only: (wrapper, new-style:
# pluggy's `wrapper=True`, given the result and returning it), appended when the plugin is loaded.
ASYNC_FIXTURE_SETUP_WRAPPERS: List[Tuple[Callable, bool]] = []


def add_fixture_setup_wrapper(wrapper: Callable, new_style: bool) -> None:
    """A loaded plugin's pytest_fixture_setup wrapper, once per process."""
    if (wrapper, new_style) not in ASYNC_FIXTURE_SETUP_WRAPPERS:
        ASYNC_FIXTURE_SETUP_WRAPPERS.append((wrapper, new_style))


class FixtureDef:
    __slots__ = ("argname", "func", "scope", "params", "ids", "autouse", "baseid",
                 "has_location", "argnames", "cached_result", "finalizers", "rank",
                 "is_generator", "is_async", "wrapped", "location")

    def __init__(self, argname: str, func: Callable, scope: str, params, ids, autouse: bool,
                 baseid: Optional[str], config=None):
        self.argname = argname
        self.func = func
        if callable(scope):
            scope = scope(fixture_name=argname, config=config)
        self.scope = scope or "function"
        if self.scope not in SCOPE_RANK:
            fail(f"Fixture '{getattr(func, '__name__', argname)}' from {baseid or '<plugin>'} got an "
                 f"unexpected scope value '{self.scope}'", pytrace=False)
        self.rank = SCOPE_RANK[self.scope]
        self.params = list(params) if params is not None else None
        self.ids = ids
        self.autouse = autouse
        self.baseid = baseid or ""
        self.has_location = baseid is not None
        self.argnames = getfuncargnames(func, name=argname)
        self.cached_result: Optional[tuple] = None
        self.finalizers: List[Callable] = []
        self.is_generator = inspect.isgeneratorfunction(func)
        self.is_async = inspect.iscoroutinefunction(func) or inspect.isasyncgenfunction(func)
        # what the plugins' setup wrappers may act on (pytest-asyncio's decorator marks sync ones too)
        self.wrapped = self.is_async or bool(getattr(func, "_force_asyncio_fixture", False))
        self.location = None

    @property
    def _scope(self):
        """pytest's attribute (its resolve_fixture_function reads it; pytest-asyncio calls that)."""
        from _pytest.scope import Scope
        return Scope(self.scope)

    def addfinalizer(self, fin: Callable) -> None:
        self.finalizers.append(fin)

    def finish(self, request: "SubRequest") -> None:
        exceptions = []
        while self.finalizers:
            fin = self.finalizers.pop()
            try:
                fin()
            except BaseException as e:  # collected like pytest
                exceptions.append(e)
        self.cached_result = None
        if len(exceptions) == 1:
            raise exceptions[0]
        if exceptions:
            raise BaseExceptionGroup(
                f'errors while tearing down fixture "{self.argname}" of {request.node}',
                exceptions[::-1])

    def execute(self, request: "SubRequest"):
        dependencies = []
        for argname in self.argnames:
            dependencies.append(request._get_active_fixturedef(argname))
        if self.cached_result is not None:
            my_key = request._cache_key()
            cache_key = self.cached_result[1]
            try:
                hit = bool(my_key == cache_key)
            except (ValueError, RuntimeError):
                hit = my_key is cache_key
            if hit:
                if self.cached_result[2] is not None:
                    exc, tb = self.cached_result[2]
                    raise exc.with_traceback(tb)
                return self.cached_result[0]
            self.finish(request)
        finalizer = functools.partial(self.finish, request)
        for dep in dependencies:
            if dep is not None:
                dep.addfinalizer(finalizer)
        try:
            return self._setup(request)
        finally:
            request.node.addfinalizer(finalizer)

    def _setup(self, request: "SubRequest"):
        if self.wrapped and ASYNC_FIXTURE_SETUP_WRAPPERS:
            return self._setup_wrapped(request)
        try:
            return self._setup_called(request, self.is_async, self.is_generator)
        except BaseException as e:
            if ASYNC_FIXTURE_SETUP_WRAPPERS:
                self._raise_through_wrappers(request, e)
            raise

    def _raise_through_wrappers(self, request: "SubRequest", error: BaseException) -> None:
        """A fixture the wrappers leave alone failed: a new-style wrapper (pytest-asyncio's, which
        pytest enters around every fixture) is still on pytest's stack, and its frame in the
        error's traceback. Entered now, it only checks the fixture before it yields."""
        entered = []
        for wrapper, new_style in ASYNC_FIXTURE_SETUP_WRAPPERS:
            if new_style:
                around = wrapper(fixturedef=self, request=request)
                try:
                    next(around)
                except BaseException:
                    continue  # (it would have acted before the fixture ran: nothing to add)
                entered.append((around, True))
        self._leave_wrappers(entered, None, error)

    def _setup_wrapped(self, request: "SubRequest"):
        """pytest_fixture_setup inside plugins' hook wrappers, each of which may swap the fixture's
        function for the call and restore it after."""
        entered = []
        result = error = None
        try:
            for wrapper, new_style in ASYNC_FIXTURE_SETUP_WRAPPERS:
                around = wrapper(fixturedef=self, request=request)
                next(around)
                entered.append((around, new_style))
            func = self.func
            result = self._setup_called(request, inspect.iscoroutinefunction(func) or inspect.isasyncgenfunction(func),
                                        inspect.isgeneratorfunction(func))
        except BaseException as e:
            error = e
        return self._leave_wrappers(entered, result, error)

    def _leave_wrappers(self, entered: list, result, error: Optional[BaseException]):
        """Resumes the wrappers entered, innermost first: old-style ones with nothing, new-style
        ones with the result (or the error thrown in), whose return is the result; then returns
        it or raises the error."""
        for around, new_style in reversed(entered):
            try:
                if not new_style:
                    around.send(None)
                elif error is None:
                    around.send(result)
                else:
                    around.throw(error)
            except StopIteration as stop:
                if new_style:
                    result, error = stop.value, None
            except BaseException as e:
                error = e
            else:
                error = RuntimeError(f"a pytest_fixture_setup wrapper of {self.argname!r} yielded twice")
        if error is not None:
            raise error
        return result

    def _setup_called(self, request: "SubRequest", is_async: bool, is_generator: bool):
        kwargs = {}
        for argname in self.argnames:
            kwargs[argname] = request.getfixturevalue(argname)
        func = resolve_fixture_function(self, request)
        key = request._cache_key()
        if is_async:
            _warn_async_fixture(self, request)  # raised before the cache is set, as pytest does
        try:
            if is_generator:
                gen = func(**kwargs)
                try:
                    result = next(gen)
                except StopIteration:
                    raise ValueError(f"{request.fixturename} did not yield a value") from None
                request.addfinalizer(functools.partial(_teardown_yield_fixture, self.func, gen))
            else:
                result = func(**kwargs)
        except TEST_OUTCOME as e:
            if isinstance(e, skip.Exception):
                e._use_item_location = True
            self.cached_result = (None, key, (e, e.__traceback__))
            raise
        self.cached_result = (result, key, None)
        return result

    def __repr__(self) -> str:
        return f"<FixtureDef argname={self.argname!r} scope={self.scope!r} baseid={self.baseid!r}>"


def _warn_async_fixture(fixturedef: "FixtureDef", request: "SubRequest") -> None:
    """pytest_fixture_setup on an async fixture no plugin handled. pytest 9.1 fails the setup;
    8.4 and 9.0 warn (PytestRemovedIn9Warning: an error under 9.0's default filters, which the
    engine's warning recorder sets), and with the warning filtered out the fixture's value is
    the coroutine (async generator), as under pytest."""
    auto_str = " with autouse=True" if fixturedef.autouse else ""
    if REMOVED_IN_9_WARNING is None:
        fail(f"{request.node.name!r} requested an async fixture {request.fixturename!r}{auto_str}, "
             "with no plugin or hook that handled it. This is an error, as pytest does not natively "
             "support it.\n"
             "See: https://docs.pytest.org/en/stable/deprecations.html#sync-test-depending-on-async-fixture",
             pytrace=False)
    warn_at_pytest_site(
        REMOVED_IN_9_WARNING(
            f"{request.node.name!r} requested an async fixture {request.fixturename!r}{auto_str}, "
            "with no plugin or hook that handled it. This is usually an error, as pytest does not "
            "natively support it. This will turn into an error in pytest 9.\n"
            "See: https://docs.pytest.org/en/stable/deprecations.html#sync-test-depending-on-async-fixture"),
        "_pytest.fixtures", "pytest_fixture_setup", "warnings.warn(")


def _teardown_yield_fixture(func, gen) -> None:
    try:
        next(gen)
    except StopIteration:
        pass
    else:
        try:
            src = inspect.getsource(func)
            path = inspect.getsourcefile(func)
            line = func.__code__.co_firstlineno
        except (OSError, TypeError):
            src, path, line = repr(func), "?", 0
        indented = "\n".join("    " + ln for ln in src.rstrip("\n").split("\n"))
        fail(f"fixture function has more than one 'yield':\n\n{indented}\n{path}:{line}",
             pytrace=False)


def resolve_fixture_function(fixturedef: FixtureDef, request: "Request") -> Callable:
    func = fixturedef.func
    if fixturedef.scope == "class" and CLASS_FIXTURE_INSTANCE_METHOD is not None \
            and not isinstance(getattr(func, "__self__", type), type):
        # pytest >= 9.1 (its stacklevel=2 names its own call in pytest_fixture_setup)
        warn_at_pytest_site(CLASS_FIXTURE_INSTANCE_METHOD, "_pytest.fixtures", "pytest_fixture_setup",
                            "resolve_fixture_function(")
    instance = request.instance
    if instance is not None:
        if hasattr(func, "__self__") and not isinstance(instance, func.__self__.__class__):
            return func
        unbound = getattr(func, "__func__", func)
        if unbound is not func:
            return unbound.__get__(instance)
    return func


def _may_hold_fixtures(holder, holder_tp) -> bool:
    """False when no @pytest.fixture object can be among the holder's attributes (most test
    classes and many modules): they can only come from the namespaces dir() walks."""
    if inspect.ismodule(holder):
        namespace = vars(holder)
        if "__getattr__" in namespace or "__dir__" in namespace:
            return True
        return any(type(value) is FixtureFunctionDefinition for value in namespace.values())
    if (type(holder_tp) is not type or holder_tp.__dir__ is not object.__dir__
            or hasattr(holder_tp, "__getattr__")):
        return True
    for klass in holder_tp.__mro__:
        # (a fixture under @staticmethod or @classmethod is stored wrapped in the class)
        if klass is not object and any(
                type(value.__func__ if type(value) in (staticmethod, classmethod) else value) is FixtureFunctionDefinition
                for value in vars(klass).values()):
            return True
    return False


class FixtureRegistry:
    """All fixture definitions of the session: pytest's FixtureManager without hooks."""

    def __init__(self, config):
        self.config = config
        self.arg2defs: Dict[str, List[FixtureDef]] = {}
        self.autousenames: Dict[str, List[str]] = {"": list(config.getini("usefixtures") or [])}
        # id -> holder: the holder is kept so that its id cannot be reused by a later holder
        # (a class's throwaway instance) that would then look already parsed.
        self.holders_seen: Dict[int, Any] = {}

    def register(self, name: str, func: Callable, baseid: Optional[str], scope="function",
                 params=None, ids=None, autouse=False) -> FixtureDef:
        fd = FixtureDef(name, func, scope, params, ids, autouse, baseid, self.config)
        faclist = self.arg2defs.setdefault(name, [])
        if fd.has_location:
            faclist.append(fd)
        else:
            i = len([f for f in faclist if not f.has_location])
            faclist.insert(i, fd)
        if autouse:
            self.autousenames.setdefault(baseid or "", []).append(name)
        return fd

    def parse_holder(self, holder, baseid: Optional[str]) -> None:
        """Register the @pytest.fixture functions of a module, conftest or class instance."""
        key = id(holder)
        if key in self.holders_seen:
            return
        self.holders_seen[key] = holder
        holder_tp = holder if isinstance(holder, type) or inspect.ismodule(holder) else type(holder)
        if not _may_hold_fixtures(holder, holder_tp):
            return
        for name in dir(holder):
            try:
                obj_ub = getattr(holder_tp, name, None)
            except Exception:  # like safe_getattr
                continue
            if type(obj_ub) is not FixtureFunctionDefinition:
                continue
            marker = obj_ub._fixture_function_marker
            try:
                obj = getattr(holder, name)
            except AttributeError:
                obj = obj_ub
            self.register(marker.name or name, obj._get_wrapped_function(), baseid,
                          marker.scope, marker.params, marker.ids, marker.autouse)

    def getfixturedefs(self, argname: str, parentids) -> Optional[Tuple[FixtureDef, ...]]:
        defs = self.arg2defs.get(argname)
        if defs is None:
            return None
        return tuple(fd for fd in defs if fd.baseid in parentids)

    def autouse_for(self, chain_ids: Sequence[str]) -> List[str]:
        names: List[str] = []
        for nodeid in chain_ids:
            names.extend(self.autousenames.get(nodeid, ()))
        return names

    def closure(self, initialnames: Sequence[str], parentids, ignore_args) -> Tuple[List[str], dict]:
        # Before the scope sort: pytest >= 9.1 lists the names depth-first (a fixture's
        # dependencies before the next requested name), older ones the requested names first.
        closure = [] if DEPTH_FIRST_CLOSURE else list(initialnames)
        arg2defs: Dict[str, Tuple[FixtureDef, ...]] = {}
        current: Dict[str, int] = {}

        def process(argname: str) -> None:
            if current.get(argname) == -1:
                return
            if argname not in closure:
                closure.append(argname)
            if argname in ignore_args:
                return
            defs = arg2defs.get(argname)
            if not defs:
                defs = self.getfixturedefs(argname, parentids)
                if not defs:
                    return
                arg2defs[argname] = defs
            index = current.get(argname, -1)
            if -index > len(defs):
                return
            fd = defs[index]
            current[argname] = index - 1
            for dep in fd.argnames:
                process(dep)
            current[argname] = index

        for name in initialnames:
            process(name)

        def rank(name: str) -> int:
            defs = arg2defs.get(name)
            return defs[-1].rank if defs else 0

        closure.sort(key=rank, reverse=True)
        return closure, arg2defs

    def available_names(self, parentids) -> List[str]:
        return sorted(name for name, defs in self.arg2defs.items()
                      if any(fd.baseid in parentids for fd in defs))


# ---------------------------------------------------------------------------------------------
# Nodes: the chain of scopes an item lives in (session, packages, module, classes, item).

class NodeKeywords(dict):
    """pytest's NodeKeywords: a node's own keywords (its name, its marks), then its parents'."""

    __slots__ = ("parent",)

    def __init__(self, node: "Node"):
        super().__init__()
        self.parent = node.parent
        dict.__setitem__(self, node.name, True)

    def __getitem__(self, key):
        if dict.__contains__(self, key):
            return dict.__getitem__(self, key)
        if self.parent is None:
            raise KeyError(key)
        return self.parent.keywords[key]

    def __contains__(self, key) -> bool:
        return dict.__contains__(self, key) or (self.parent is not None and key in self.parent.keywords)

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def _seen(self) -> set:
        names = set(dict.keys(self))
        if self.parent is not None:
            names |= self.parent.keywords._seen()
        return names

    def keys(self):
        return self._seen()

    def __iter__(self):
        return iter(self._seen())

    def __len__(self) -> int:
        return len(self._seen())


class Node:
    """Just enough of a pytest node for fixtures and `request.node`."""

    kind = "node"

    def __init__(self, name: str, nodeid: str, parent: Optional["Node"], path=None):
        self.name = name
        self.nodeid = nodeid
        self.parent = parent
        self.path = path if path is not None else (parent.path if parent is not None else None)
        self.own_markers: list = []
        self._keywords: Optional[NodeKeywords] = None
        self.stash: dict = {}
        self._chain: Optional[List["Node"]] = None

    @property
    def keywords(self) -> "NodeKeywords":
        """Built on first use: most runs never look at a test's keywords."""
        keywords = self._keywords
        if keywords is None:
            keywords = self._keywords = NodeKeywords(self)
            self._fill_keywords(keywords)
        return keywords

    @keywords.setter
    def keywords(self, value) -> None:
        self._keywords = value

    def _fill_keywords(self, keywords: "NodeKeywords") -> None:
        """The keywords a node has from its creation (its name is already in)."""

    @property
    def _nodeid(self) -> str:  # pytest's attribute, which plugins read
        return self.nodeid

    def listchain(self) -> List["Node"]:
        if self._chain is None:
            self._chain = (self.parent.listchain() if self.parent is not None else []) + [self]
        return self._chain

    def iter_parents(self):
        node = self
        while node is not None:
            yield node
            node = node.parent

    def iter_markers(self, name: Optional[str] = None):
        for node in self.iter_parents():
            for mark in node.own_markers:
                if name is None or getattr(mark, "name", None) == name:
                    yield mark

    def iter_markers_with_node(self, name: Optional[str] = None):
        for node in self.iter_parents():
            for mark in node.own_markers:
                if name is None or getattr(mark, "name", None) == name:
                    yield node, mark

    def get_closest_marker(self, name: str, default=None):
        return next(self.iter_markers(name), default)

    def add_marker(self, marker, append: bool = True) -> None:
        from _pytest.mark.structures import MarkDecorator, MARK_GEN
        if isinstance(marker, str):
            marker = getattr(MARK_GEN, marker)
        elif not isinstance(marker, MarkDecorator):
            raise ValueError("is not a string or pytest.mark.* Marker")
        self.keywords[marker.name] = marker
        if append:
            self.own_markers.append(marker.mark)
        else:
            self.own_markers.insert(0, marker.mark)

    def getparent(self, cls):
        for node in self.iter_parents():
            if isinstance(node, cls):
                return node
        return None

    def addfinalizer(self, fin: Callable) -> None:
        self.session_state.addfinalizer(self, fin)

    @property
    def session_state(self) -> "SetupState":
        return self.listchain()[0].state

    @property
    def config(self):
        return self.listchain()[0].config

    @property
    def session(self):
        return self.listchain()[0]

    @property
    def fspath(self):
        return self.path

    pytest_class = ""  # the pytest node class this node stands for, as its repr names it

    def __repr__(self) -> str:
        return f"<{self.pytest_class or type(self).__name__} {self.name}>"


class SetupState:
    """pytest's runner.SetupState: a stack of nodes with their finalizers."""

    def __init__(self):
        self.stack: Dict[Node, List[Callable]] = {}
        self.tearing_down = False  # (pytest >= 9.1 warns about fixtures first requested then)

    def setup(self, chain: List[Node]) -> None:
        for node in chain[len(self.stack):]:
            self.stack[node] = []

    def addfinalizer(self, node: Node, fin: Callable) -> None:
        fins = self.stack.get(node)
        if fins is None:
            raise RuntimeError(f"{node!r} is not set up")  # pytest asserts the same
        fins.append(fin)

    def teardown_exact(self, needed: List[Node]) -> None:
        exceptions: List[BaseException] = []
        while self.stack:
            keys = list(self.stack)
            if keys == needed[:len(keys)]:
                break
            node, fins = self.stack.popitem()
            these: List[BaseException] = []
            self.tearing_down = True
            try:
                while fins:
                    fin = fins.pop()
                    try:
                        fin()
                    except TEST_OUTCOME as e:
                        these.append(e)
            finally:
                self.tearing_down = False
            if len(these) == 1:
                exceptions.extend(these)
            elif these:
                exceptions.append(BaseExceptionGroup(f"errors while tearing down {node!r}", these[::-1]))
        if len(exceptions) == 1:
            raise exceptions[0]
        if exceptions:
            raise BaseExceptionGroup("errors during test teardown", exceptions[::-1])


if sys.version_info < (3, 11):  # pragma: no cover - BaseExceptionGroup is 3.11+
    try:
        from exceptiongroup import BaseExceptionGroup  # type: ignore
    except ImportError:
        class BaseExceptionGroup(Exception):  # type: ignore[no-redef]
            def __init__(self, msg, excs):
                super().__init__(msg)
                self.exceptions = excs


# ---------------------------------------------------------------------------------------------
# The request object.

class Request:
    """pytest's TopRequest: the `request` fixture seen by a test."""

    _parent_request = None
    fixturename: Optional[str] = None
    _fixturedef: Optional[FixtureDef] = None

    def __init__(self, item, fixture_defs: dict):
        self._item = item
        self._pyfuncitem = item
        self._fixture_defs = fixture_defs  # name -> FixtureDef done for this item
        self._arg2fixturedefs = item.fixtureinfo.arg2defs
        self.scope = "function"

    # --- the documented attributes -------------------------------------------------------
    @property
    def node(self):
        return self._item

    @property
    def config(self):
        return self._item.config

    @property
    def session(self):
        return self._item.session

    @property
    def function(self):
        if self.scope != "function":
            raise AttributeError(f"function not available in {self.scope}-scoped context")
        return self._item.function

    @property
    def cls(self):
        if self.scope not in ("class", "function"):
            raise AttributeError(f"cls not available in {self.scope}-scoped context")
        return self._item.cls

    @property
    def instance(self):
        if self.scope != "function":
            return None
        return self._item.instance

    @property
    def module(self):
        if self.scope not in ("function", "class", "module"):
            raise AttributeError(f"module not available in {self.scope}-scoped context")
        return self._item.module_obj

    @property
    def path(self):
        return self._item.path

    @property
    def fspath(self):
        return self._item.path

    @property
    def keywords(self):
        return self.node.keywords

    @property
    def fixturenames(self) -> List[str]:
        result = list(self._item.fixtureinfo.names_closure)
        result.extend(set(self._fixture_defs).difference(result))
        return result

    @property
    def _scope_rank(self) -> int:
        return SCOPE_RANK[self.scope]

    def addfinalizer(self, finalizer: Callable) -> None:
        self._item.addfinalizer(finalizer)

    def applymarker(self, marker) -> None:
        self.node.add_marker(marker)

    def raiseerror(self, msg: Optional[str]):
        raise FixtureLookupError(None, self, msg)

    def getfixturevalue(self, argname: str):
        fixturedef = self._get_active_fixturedef(argname)
        if fixturedef is None:
            return self
        assert fixturedef.cached_result is not None, (
            f'The fixture value for "{argname}" is not available.  '
            "This can happen when the fixture has already been torn down.")
        return fixturedef.cached_result[0]

    # --- internals -------------------------------------------------------------------------
    def _chain(self):
        current = self
        while isinstance(current, SubRequest):
            yield current
            current = current._parent_request

    def _fixturestack(self) -> List[FixtureDef]:
        values = [r._fixturedef for r in self._chain()]
        values.reverse()
        return values

    def _check_scope(self, fixturedef: FixtureDef) -> None:
        pass

    def _get_active_fixturedef(self, argname: str) -> Optional[FixtureDef]:
        """The FixtureDef for argname, executed; None for `request` itself."""
        if argname == "request":
            return None
        fixturedef = self._fixture_defs.get(argname)
        if fixturedef is not None:
            self._check_scope(fixturedef)
            return fixturedef
        defs = self._arg2fixturedefs.get(argname)
        if defs is None:
            defs = self._item.registry.getfixturedefs(argname, self._item.parentids)
            if defs is not None:
                self._arg2fixturedefs[argname] = defs
        if not defs:
            raise FixtureLookupError(argname, self)
        index = -1
        for req in self._chain():
            if req.fixturename == argname:
                index -= 1
        if -index > len(defs):
            raise FixtureLookupError(argname, self)
        fixturedef = defs[index]
        callspec = self._item._callspec
        if callspec is not None and argname in callspec.params:
            param = callspec.params[argname]
            param_index = callspec.indices[argname]
            scope = callspec.arg2scope[argname]
        else:
            param = NOTSET
            param_index = 0
            scope = fixturedef.scope
            if fixturedef.params is not None:
                self._fail_no_param(fixturedef)
        self._check_scope(fixturedef)
        sub = SubRequest(self, scope, param, param_index, fixturedef)
        if FIXTURE_GETFIXTUREVALUE_DURING_TEARDOWN is not None and self._item.session_state.tearing_down:
            self._check_teardown_request(argname, sub)
        fixturedef.execute(sub)
        self._fixture_defs[argname] = fixturedef
        return fixturedef

    def _check_teardown_request(self, argname: str, sub: "SubRequest") -> None:
        """pytest >= 9.1: a fixture first requested while its node is being torn down warns, and
        fails when the fixture's own node is no longer set up either."""
        stack = self._item.session_state.stack
        if self.node in stack:
            return
        import warnings
        warnings.warn(FIXTURE_GETFIXTUREVALUE_DURING_TEARDOWN.format(argname=argname), stacklevel=4)
        if sub.node not in stack:
            raise FixtureLookupError(argname, self, (
                f'The fixture value for "{argname}" is not available during teardown because it was '
                "not previously requested.\nOnly fixtures that were already active can be retrieved "
                "during teardown.\nRequest the fixture before teardown begins by declaring it in the "
                "fixture signature or by calling request.getfixturevalue() before the fixture yields."))

    def _fail_no_param(self, fixturedef: FixtureDef) -> None:
        item = self._item
        if item.is_unittest:
            fail(f"{item.name} does not support fixtures, maybe unittest.TestCase subclass?\n"
                 f"Node id: {item.nodeid}\nFunction type: TestCaseFunction", pytrace=False)
        fail("The requested fixture has no parameter defined for test:\n"
             f"    {item.nodeid}\n\n"
             f"Requested fixture '{fixturedef.argname}' defined in:\n"
             f"{_location(fixturedef.func, item.config.rootpath)}", pytrace=False)

    def __repr__(self) -> str:
        return f"<FixtureRequest for {self._item!r}>"


class SubRequest(Request):
    """The `request` seen by a fixture function."""

    def __init__(self, parent: Request, scope: str, param, param_index: int, fixturedef: FixtureDef):
        self._item = parent._item
        self._pyfuncitem = parent._item
        self._fixture_defs = parent._fixture_defs
        self._arg2fixturedefs = parent._arg2fixturedefs
        self._parent_request = parent
        self.fixturename = fixturedef.argname
        self._fixturedef = fixturedef
        self.scope = scope
        if param is not NOTSET:
            self.param = param
        self.param_index = param_index

    def _cache_key(self):
        return getattr(self, "param", None)

    @property
    def node(self):
        item = self._item
        scope = self.scope
        if scope == "function":
            return item
        if scope == "class":
            return item.class_node or item
        if scope == "module":
            return item.module_node
        if scope == "package":
            base = self._fixturedef.baseid
            for node in item.iter_parents():
                if node.kind == "package" and node.nodeid == base:
                    return node
            return item.session
        return item.session

    def addfinalizer(self, finalizer: Callable) -> None:
        self._fixturedef.addfinalizer(finalizer)

    def _check_scope(self, requested: FixtureDef) -> None:
        if SCOPE_RANK[self.scope] > requested.rank:
            stack = "\n".join(self._format_line(fd) for fd in self._fixturestack())
            fail(f"ScopeMismatch: You tried to access the {requested.scope} scoped fixture "
                 f"{requested.argname} with a {self.scope} scoped request object. "
                 f"Requesting fixture stack:\n{stack}\nRequested fixture:\n"
                 f"{self._format_line(requested)}", pytrace=False)

    def _format_line(self, fixturedef: FixtureDef) -> str:
        factory = fixturedef.func
        try:
            path = inspect.getsourcefile(factory) or "?"
            line = inspect.getsourcelines(factory)[1]
            path = os.path.relpath(path, str(self._item.config.rootpath))
        except (OSError, TypeError, ValueError):
            path, line = "?", 0
        return f"{path}:{line}:  def {factory.__name__}{inspect.signature(factory)}"

    def __repr__(self) -> str:
        return f"<SubRequest {self.fixturename!r} for {self._item!r}>"


def _location(func, rootpath) -> str:
    try:
        path = inspect.getsourcefile(get_real_func(func)) or "?"
        line = inspect.getsourcelines(get_real_func(func))[1]
        path = os.path.relpath(path, str(rootpath))
    except (OSError, TypeError, ValueError):
        return repr(func)
    return f"{path}:{line}"


def fill_fixtures(item, fixture_defs: dict) -> Tuple[Request, dict]:
    """Set up every fixture of the item's closure; returns the request and the funcargs."""
    request = Request(item, fixture_defs)
    funcargs = item.funcargs
    for argname in item.fixtureinfo.names_closure:
        if argname not in funcargs:
            funcargs[argname] = request.getfixturevalue(argname)
    return request, funcargs


def format_lookup_error(err: FixtureLookupError) -> str:
    """FixtureLookupErrorRepr.toterminal, as text."""
    request = err.request
    item = request._item
    stack = [item.function] + [fd.func for fd in err.fixturestack]
    msg = err.msg
    if msg is not None:
        stack = stack[:-1]
    lines: List[str] = []
    fspath, lineno = "?", 0
    for function in stack:
        real = get_real_func(function)
        real = getattr(real, "__func__", real)
        try:
            fspath = inspect.getsourcefile(real) or "?"
            source, _ = inspect.getsourcelines(real)
            lineno = real.__code__.co_firstlineno - 1
        except (OSError, TypeError, AttributeError):
            lines.append(f"file {fspath}, line {lineno + 1}: source code not available")
            continue
        lines.append(f"file {fspath}, line {lineno + 1}")
        for line in source:
            line = line.rstrip()
            lines.append("  " + line)
            if line.lstrip().startswith("def"):
                break
    if msg is None:
        available = item.registry.available_names(item.parentids)
        if err.argname in available:
            msg = f" recursive dependency involving fixture '{err.argname}' detected"
        else:
            msg = f"fixture '{err.argname}' not found"
        msg += "\n available fixtures: {}".format(", ".join(available))
        msg += "\n use 'pytest --fixtures [testpath]' for help on them."
    out = [ln.rstrip() for ln in lines]
    parts = msg.split("\n")
    out.append(f"E       {parts[0].strip()}")
    for part in parts[1:]:
        out.append(f">       {part.strip()}")
    out.append("")
    out.append(f"{fspath}:{lineno + 1}")
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------
# The tests pytest-asyncio takes over (support.AsyncSetup), as its item classes run them.

def asyncio_runner_requested(item, default_scope: str) -> str:
    """pytest-asyncio's item setup: the runner fixture of the test's loop scope (its `asyncio`
    mark's `loop_scope`, else the ini's `default_scope`) joins the end of its fixture names, to be
    set up after the others unless one of its async fixtures already asked for it; returns its name."""
    marker = item.get_closest_marker("asyncio")
    scope = (marker.kwargs.get("loop_scope") or marker.kwargs.get("scope")) if marker is not None else None
    name = f"_{scope or default_scope}_scoped_runner"
    names = item.fixtureinfo.names_closure
    if name not in names:
        names.append(name)
    return name


def run_in_asyncio_runner(func: Callable, kwargs: dict, runner) -> None:
    """pytest-asyncio's item call: the coroutine runs in its loop scope's runner, in a copy of
    the current context."""
    import contextvars
    runner.run(func(**kwargs), context=contextvars.copy_context())


ASYNCIO_ITEM = "asyncio_item"  # stash key: pytest-asyncio made this item one of its own
ASYNCIO_RUNNER = "asyncio_runner"  # stash key: the name of the runner fixture it runs in


def asyncio_items(items, asyncs) -> None:
    """pytest-asyncio's collection-time choice (pytest_pycollect_makeitem): a coroutine test
    function that is `asyncio`-marked then, or any in auto mode (which adds the mark), is its
    item; a mark added later by a hook or fixture does not make it one."""
    for item in items:
        if item.is_unittest or not item.is_async:
            continue
        if "asyncio" in item.mark_names():
            item.stash[ASYNCIO_ITEM] = True
        elif asyncs.mode == "auto":
            item.add_marker("asyncio")
            item.stash[ASYNCIO_ITEM] = True


def asyncio_call_warnings(item, asyncs) -> None:
    """pytest-asyncio's pytest_pyfunc_call warnings for an `asyncio`-marked test: a plain async
    fixture in strict mode, or a test that is not one of its (coroutine) items."""
    import warnings
    from _pytest.warning_types import PytestDeprecationWarning, PytestWarning
    if item.stash.get(ASYNCIO_ITEM):
        if asyncs.mode != "strict":
            return
        for name, defs in list(item.fixtureinfo.arg2defs.items()):
            fixturedef = defs[-1] if defs else None
            if fixturedef is not None and fixturedef.is_async \
                    and not getattr(fixturedef.func, "_force_asyncio_fixture", False):
                warnings.warn(PytestDeprecationWarning(
                    f"asyncio test {item.name!r} requested async @pytest.fixture {name!r} in strict "
                    "mode. You might want to use @pytest_asyncio.fixture or switch to auto mode. "
                    "This will become an error in future versions of pytest-asyncio."), stacklevel=1)
        return
    item.warn(PytestWarning(
        f"The test <Function {item.name}> is marked with '@pytest.mark.asyncio' "
        "but it is not an async function. Please remove the asyncio mark. "
        "If the test is not marked explicitly, check for global marks applied via 'pytestmark'."))
