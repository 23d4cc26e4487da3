"""Collection of one test module into items, in pytest's order, with pytest's node ids.

Mirrors _pytest/python.py (Module, Class, Function, Metafunc driving) and the xunit-style
setup/teardown functions registered as autouse fixtures, like pytest does since 8.
"""
from __future__ import annotations

import contextlib
import fnmatch
import inspect
import os
import sys
import warnings
from pathlib import Path
from types import FunctionType
from typing import Callable, ContextManager, Dict, List, Optional

from _pytest._code import getfslineno
from _pytest.pathlib import absolutepath, bestrelpath
from _pytest.compat import get_real_func, safe_getattr, safe_isclass
from _pytest.mark.structures import get_unpacked_marks
from _pytest.outcomes import Exit, Skipped, fail
from _pytest.warning_types import PytestCollectionWarning

from .fixtures import ASYNCIO_ITEM, FixtureDef, Node, SetupState, getfuncargnames
from .hooks import NeedsPytest, call_hook, generate_hooks, ignore_hooks, register_conftest
from .importer import conftest_paths, import_path
from .params import (CallSpec, Metafunc, direct_parametrize_args, generate_fixture_params,
                     prune_closure)
from . import unittest_support
from .rewrite import cyclic_gc_held
from ..named_nodes import NamedNodes, collection_warnings_quiet


_CO_COROUTINE = inspect.CO_COROUTINE
_CO_GENERATOR = inspect.CO_GENERATOR


def _direct_param(request):
    return request.param



def _warn_collection(obj, message: str) -> None:
    """pytest's PytestCollectionWarning for something named like a test that it cannot collect,
    at the object's source line (Node.warn and pytest_pycollect_makeitem do the same)."""
    filename, lineno = getfslineno(obj)
    warnings.warn_explicit(PytestCollectionWarning(message), category=None, filename=str(filename),
                           lineno=lineno + 1)

def _named_by_collect_ignore(conftests: list, path: str) -> bool:
    """pytest's builtin pytest_ignore_collect, its conftest part: `path` is named by the
    `collect_ignore` (or matched by the `collect_ignore_glob`) of the innermost of `conftests`
    defining it, relative to that conftest's directory."""
    for name in ("collect_ignore", "collect_ignore_glob"):
        owner = next((m for m in reversed(conftests) if hasattr(m, name)), None)
        if owner is None:
            continue
        base = os.path.dirname(os.path.abspath(owner.__file__))
        roots = [os.fspath(r) if isinstance(r, os.PathLike) else os.path.abspath(os.path.join(base, str(r).replace("/", os.sep)))
                 for r in getattr(owner, name) or ()]
        if name == "collect_ignore" and path in roots:
            return True
        if name == "collect_ignore_glob" and any(fnmatch.fnmatch(path, root) for root in roots):
            return True
    return False


class Session(Node):
    kind = "session"

    def __init__(self, config, registry):
        super().__init__("", "", None, path=config.rootpath)
        self._config = config
        self.registry = registry
        self.state = SetupState()
        self.dirs: Dict[str, Node] = {}
        self.pseudo: Dict[tuple, FixtureDef] = {}
        self._location_files: Dict[str, str] = {}

    def location_file(self, code_file: str, file_node) -> str:
        """pytest's `item.location[0]` for a function whose code is in `code_file`: the file that
        defines it (an inherited test's base class's module), relative to the rootdir."""
        known = self._location_files.get(code_file)
        if known is None:
            if code_file == getattr(file_node.obj, "__file__", None):
                known = file_node.nodeid
            else:
                known = bestrelpath(self.path, absolutepath(code_file)).replace(os.sep, "/")
            self._location_files[code_file] = known
        return known

    @property
    def config(self):
        return self._config

    @property
    def session(self):
        return self

    @property
    def session_state(self):
        return self.state


class DirNode(Node):
    kind = "dir"
    pytest_class = "Dir"


class PackageNode(Node):
    kind = "package"
    pytest_class = "Package"


class _MarkedNode(Node):
    """A module or class node: its marks as collected are among its keywords."""

    _collected_marks: tuple = ()

    def _fill_keywords(self, keywords) -> None:
        for mark in self._collected_marks:
            keywords[mark.name] = mark


class ModuleNode(_MarkedNode):
    kind = "module"
    pytest_class = "Module"

    def __init__(self, name, nodeid, parent, path, obj):
        super().__init__(name, nodeid, parent, path)
        self.obj = obj
        self.module = obj
        self.file_node = self  # the test module's own node (a describe block's is its file's)


class DescribeNode(ModuleNode):
    """A pytest-describe block: the plugin's DescribeBlock is a pytest Module whose object is a
    module made of the describe function's locals, so it is the `module` scope of its tests and
    fixtures, and `request.module` is that made module."""

    pytest_class = "DescribeBlock"

    def __init__(self, name, nodeid, parent, obj):
        super().__init__(name, nodeid, parent, parent.path, obj)
        self.file_node = parent.file_node

    def __repr__(self) -> str:
        return f"<DescribeBlock {self.name!r}>"


class ClassNode(_MarkedNode):
    kind = "class"
    pytest_class = "Class"

    def __init__(self, name, nodeid, parent, obj):
        super().__init__(name, nodeid, parent)
        self.obj = obj
        self.cls = obj

    def newinstance(self):
        return self.obj()


class FixtureInfo:
    __slots__ = ("argnames", "initialnames", "names_closure", "arg2defs")

    def __init__(self, argnames, initialnames, names_closure, arg2defs):
        self.argnames = argnames
        self.initialnames = initialnames
        self.names_closure = names_closure
        self.arg2defs = arg2defs


class Item(Node):
    """One test: pytest's Function (or TestCaseFunction for unittest)."""

    kind = "function"

    @property
    def pytest_class(self) -> str:
        if self.is_unittest:
            return "TestCaseFunction"
        return "Coroutine" if self.stash.get(ASYNCIO_ITEM) else "Function"  # (pytest-asyncio's class)

    def __init__(self, name, parent, raw, originalname, callspec, fixtureinfo, defn):
        super().__init__(name, f"{parent.nodeid}::{name}", parent)
        self.originalname = originalname
        self.raw = raw  # the function as found in the module / class __dict__
        self._callspec: Optional[CallSpec] = callspec
        self.fixtureinfo: FixtureInfo = fixtureinfo
        self.module_node: ModuleNode = defn.module_node  # the nearest module or describe block
        self.file_node: ModuleNode = defn.module_node.file_node
        self.class_node: Optional[ClassNode] = defn.class_node
        self.cls = defn.class_node.obj if defn.class_node is not None else None
        self.module_obj = defn.module_node.obj
        self.registry = defn.registry
        self.parentids = defn.parentids
        self.is_unittest = defn.is_unittest
        self.line = defn.line
        self.location_file: str = defn.location_file
        self.instance = None
        self.obj = None
        self.funcargs: dict = {}
        self.user_properties: list = []
        self.own_markers = list(defn.own_markers)
        if callspec is not None:
            self.own_markers.extend(callspec.marks)
        self._defn_markers = defn.own_markers
        # Set here, not first on use: an attribute added after __init__ turns the item's shared
        # key table (280 bytes) into a dict of its own (1.5 KB), 8 MB over 5,000 items, which
        # the run touches afresh (page faults) as it goes.
        self._mark_names: Optional[frozenset] = None
        self._marks_len = -1
        self._is_async: Optional[bool] = None

    def _fill_keywords(self, keywords) -> None:
        # pytest's Function.__init__ order: marks, the function's __dict__, the callspec id.
        callspec = self._callspec
        for mark in self._defn_markers:
            keywords[mark.name] = mark
        if callspec is not None:
            for mark in callspec.marks:
                keywords[mark.name] = mark
        keywords.update(getattr(self.raw, "__dict__", None) or {})
        if callspec is not None:
            keywords[callspec.id] = True

    @property
    def module(self):
        return self.module_obj

    def warn(self, warning: Warning) -> None:
        """pytest's Node.warn: the warning at the test's location."""
        warnings.warn_explicit(warning, category=None, filename=self.location_file, lineno=self.line)

    @property
    def fixturenames(self) -> list:
        return self.fixtureinfo.names_closure

    @property
    def _fixtureinfo(self) -> FixtureInfo:  # pytest's name, which plugins read
        return self.fixtureinfo

    @property
    def callspec(self) -> CallSpec:
        """pytest's attribute, which only a parametrized item has: `hasattr(node, "callspec")`."""
        if self._callspec is None:
            raise AttributeError("callspec")
        return self._callspec

    @property
    def is_async(self) -> bool:
        if self._is_async is None:
            raw = self.raw
            if type(raw) is FunctionType and "__wrapped__" not in raw.__dict__ and (
                    "_is_coroutine_marker" not in raw.__dict__):  # 3.12's markcoroutinefunction
                self._is_async = bool(raw.__code__.co_flags & _CO_COROUTINE)
            else:
                self._is_async = bool(inspect.iscoroutinefunction(raw)
                                      or inspect.iscoroutinefunction(get_real_func(raw)))
        return self._is_async

    def mark_names(self) -> frozenset:
        """Names of all marks on the item and its parents (recomputed if a mark was added)."""
        own = self.own_markers
        if self._marks_len != len(own) or self._mark_names is None:
            inherited = _node_mark_names(self.parent)
            if own:
                # one set for each combination of inherited and own names, not one per item
                key = (inherited, tuple(m.name for m in own))
                names = _MARK_NAME_UNIONS.get(key)
                if names is None:
                    names = _MARK_NAME_UNIONS[key] = inherited.union(key[1])
                self._mark_names = names
            else:
                self._mark_names = inherited
            self._marks_len = len(own)
        return self._mark_names

    @property
    def function(self):
        return self.obj if self.obj is not None else self.raw

    def setup_instance(self) -> None:
        if self.is_unittest:
            self.instance = self.cls(self.originalname)
            self.obj = getattr(self.instance, self.originalname)
        elif self.cls is not None:
            self.instance = self.cls()
            self.obj = getattr(self.instance, self.originalname)
        else:
            self.obj = getattr(self.module_obj, self.originalname, self.raw)
            self.obj = self.raw if self.obj is None else self.obj

    def clear_instance(self) -> None:
        self.instance = None
        self.obj = None
        self.funcargs = {}

    def reportinfo(self):
        if self.location_file == self.file_node.nodeid:
            return self.path, self.line - 1, self.name
        return getfslineno(self.function)[0], self.line - 1, self.name

    @property
    def location(self):
        return (self.location_file, self.line - 1, self.name)


class Definition:
    """What the items of one function share (pytest's FunctionDefinition)."""

    def __init__(self, session, module_node, class_node, parent, name, raw, is_unittest=False):
        self.session = session
        self.registry = session.registry
        self.module_node = module_node
        self.class_node = class_node
        self.parent = parent
        self.name = name
        self.raw = raw
        self.function = raw
        self.nodeid = f"{parent.nodeid}::{name}"
        self.parentids = parent.parentids_below
        self.is_unittest = is_unittest
        if type(raw) is FunctionType and not raw.__dict__:
            # A plain function (no marks, no wrapper, no __test__): what get_unpacked_marks and
            # _def_code would find, without their generic walks.
            self.own_markers = []
            code = raw.__code__
        else:
            self.own_markers = get_unpacked_marks(raw)
            code = _def_code(raw)
        if code is None:
            self.line = 1
            self.location_file = module_node.file_node.nodeid
        else:
            self.line = code.co_firstlineno
            self.location_file = session.location_file(code.co_filename, module_node.file_node)
        self.config = session.config

    def iter_markers(self, name=None):
        for mark in self.own_markers:
            if name is None or mark.name == name:
                yield mark
        node = self.parent
        while node is not None:
            for mark in node.own_markers:
                if name is None or mark.name == name:
                    yield mark
            node = node.parent

    def pseudo_fixturedef(self, argname: str, scope: str) -> FixtureDef:
        if scope == "function":
            return FixtureDef(argname, _direct_param, "function", None, None, False, "")
        if scope == "class":
            owner = self.class_node.nodeid if self.class_node is not None else self.module_node.nodeid
        elif scope == "module":
            owner = self.module_node.nodeid
        else:
            owner = ""
        key = (owner, scope, argname)
        fd = self.session.pseudo.get(key)
        if fd is None:
            fd = self.session.pseudo[key] = FixtureDef(argname, _direct_param, scope, None, None,
                                                       False, "")
        return fd


def _def_code(func):
    """The code object behind a test function, under its decorators (pytest's getfslineno)."""
    real = get_real_func(func)
    real = getattr(real, "__func__", real)
    real = getattr(real, "place_as", real)
    return getattr(real, "__code__", None)


_MARK_NAME_UNIONS: dict = {}


def _node_mark_names(node) -> frozenset:
    """Names of the marks on a collector node and its parents, kept on the node (shared by
    its items) and recomputed when a mark was added to it or to a parent."""
    if node is None:
        return frozenset()
    parent_names = _node_mark_names(node.parent)
    cached = node.__dict__.get("_mark_names_cache")
    count = len(node.own_markers)
    if cached is not None and cached[0] == count and cached[1] is parent_names:
        return cached[2]
    names = parent_names.union(m.name for m in node.own_markers) if count else parent_names
    node._mark_names_cache = (count, parent_names, names)
    return names


def _has_generate_hook(node) -> bool:
    """Whether a module's or class's object has pytest_generate_tests, looked up once per node
    rather than once per function (a failed lookup builds an AttributeError each time)."""
    found = node.__dict__.get("_generate_hook")
    if found is None:
        found = node._generate_hook = hasattr(node.obj, "pytest_generate_tests")
    return found


def _has_fixture_params(info: FixtureInfo) -> bool:
    """Whether a fixture the function may use is parametrized (generate_fixture_params's input)."""
    for defs in info.arg2defs.values():
        for fd in defs:
            if fd.params is not None:
                return True
    return False


def _matches(name: str, patterns) -> bool:
    for pattern in patterns:
        if name.startswith(pattern):
            return True
        if ("*" in pattern or "?" in pattern or "[" in pattern) and fnmatch.fnmatch(name, pattern):
            return True
    return False


def _first_non_fixture(obj, names):
    for name in names:
        meth = getattr(obj, name, None)
        if meth is not None and type(meth).__name__ != "FixtureFunctionDefinition":
            return meth
    return None


def _call_optional(func, arg) -> None:
    code = getattr(func, "__code__", None)
    arg_count = code.co_argcount if code is not None else 1
    if inspect.ismethod(func):
        arg_count -= 1
    if arg_count:
        func(arg)
    else:
        func()


class Collector:
    """Turns module paths into items; one per session, caching modules and conftests."""

    def __init__(self, session: Session, config):
        self.session = session
        self.config = config
        self.registry = session.registry
        self.rootdir = str(config.rootpath)
        self.conftests: Dict[str, object] = {}
        self.python_functions = config.getini("python_functions")
        self.python_classes = config.getini("python_classes")
        # pytest-describe, when loaded (engine.py): its `describe_prefixes` and the plugin's own
        # function that makes a describe block's module of the function's locals
        self.describe_prefixes: tuple = ()
        self.make_describe_module = None
        self.anyio = None  # anyio's plugin (plugins.AnyioHooks), once a module needed it
        self.named_nodes = NamedNodes()  # the command line's node ids below module level
        # --engine native: a class that fails to collect is its own collection error, the module's
        # other tests collected, as pytest reports it ({relfile: [(class node id, exception)]}).
        # Auto leaves the failure to the module's collection, which hands it to pytest's engine.
        self.keeps_class_errors = False
        self.class_errors: Dict[str, list] = {}
        # A context manager around each conftest's import, given its path: the engine keeps what
        # the import warned as the conftest's (pytest imports it once a session).
        self.conftest_loading: Callable[[str], ContextManager[None]] = lambda path: contextlib.nullcontext()

    # --- the chain of directory nodes ------------------------------------------------------
    def dir_node(self, reldir: str) -> Node:
        if reldir in ("", "."):
            return self.session
        node = self.session.dirs.get(reldir)
        if node is None:
            parent = self.dir_node(os.path.dirname(reldir))
            abs_dir = os.path.join(self.rootdir, reldir)
            cls = PackageNode if os.path.isfile(os.path.join(abs_dir, "__init__.py")) else DirNode
            node = cls(os.path.basename(reldir), reldir.replace(os.sep, "/"), parent, path=abs_dir)
            node.parentids_below = parent.parentids_below | {node.nodeid}
            self.session.dirs[reldir] = node
        return node

    def load_conftests(self, module_path: str) -> None:
        for path in conftest_paths(self.rootdir, module_path):
            self.load_conftest(path)

    def load_conftest(self, path: str) -> None:
        """Imports and registers the conftest at `path`, once. A failure is kept and raised again
        each time, with `conftest_path` set (and `conftest_import_failed` when importing failed)."""
        if path in self.conftests:
            known = self.conftests[path]
            if isinstance(known, BaseException):
                raise known
            return
        if not os.path.isfile(os.path.join(os.path.dirname(path), "__init__.py")):
            # Like pytest's _importconftest: every conftest outside a package is the
            # top-level module "conftest", so the one imported before must not answer.
            sys.modules.pop("conftest", None)
        try:
            with self.conftest_loading(path):
                mod = self._import_path(path)
        except BaseException as e:
            e.conftest_path = path
            e.conftest_import_failed = True
            self.conftests[path] = e
            raise
        baseid = os.path.relpath(os.path.dirname(path), self.rootdir).replace(os.sep, "/")
        if baseid == ".":
            baseid = ""
        try:
            register_conftest(mod, self.config, self.session)
        except BaseException as e:
            e.conftest_path = path
            self.conftests[path] = e
            raise
        self.conftests[path] = mod
        self.registry.parse_holder(mod, baseid)

    def conftest_modules(self, module_path: str) -> list:
        """The loaded conftest modules of a module, outermost first."""
        mods = (self.conftests.get(p) for p in conftest_paths(self.rootdir, module_path))
        return [m for m in mods if m is not None and not isinstance(m, BaseException)]

    def ignored_by_conftest(self, module_path: str, named=frozenset()) -> bool:
        """pytest_ignore_collect for the module and each directory above it below the rootdir, as
        pytest's walk asks it of each entry it reaches: the conftests' own hooks (those of the
        entry's directory and above, innermost first) and, when none of them answers, pytest's
        builtin part: `collect_ignore` (or `collect_ignore_glob`) of the nearest conftest that
        defines it for that directory, relative to that conftest's directory (attrs:
        `if not PY_3_14_PLUS: collect_ignore.extend([...])`). pytest never imports an ignored
        module. A path named on the command line (`named`) is collected all the same.
        Raises NeedsPytest for a hook only pytest's plugin manager calls as written."""
        conftests = self.conftest_modules(module_path)
        if not any(hasattr(m, "collect_ignore") or hasattr(m, "collect_ignore_glob")
                   or hasattr(m, "pytest_ignore_collect") for m in conftests):
            return False
        path = os.path.abspath(module_path)
        while path.startswith(self.rootdir + os.sep) and path not in named:
            parent = os.path.dirname(path)
            applying = [m for m in conftests
                        if parent == os.path.dirname(m.__file__) or parent.startswith(os.path.dirname(m.__file__) + os.sep)]
            answer = None
            for hook in ignore_hooks(applying):
                answer = call_hook(hook, collection_path=Path(path), config=self.config)
                if answer is not None:
                    break
            if answer is None:
                answer = _named_by_collect_ignore(applying, path)
            if answer:
                return True
            path = parent
        return False

    # --- modules -------------------------------------------------------------------------------
    def import_module(self, relfile: str):
        path = os.path.join(self.rootdir, relfile)
        self.load_conftests(path)
        return self._import_path(path)

    def _import_path(self, path: str):
        return import_path(path, self.config.option.importmode, self.rootdir,
                           bool(self.config.getini("consider_namespace_packages")))

    def collect_module(self, relfile: str, mod) -> List[Item]:
        parent = self.dir_node(os.path.dirname(relfile))
        path = os.path.join(self.rootdir, relfile)
        nodeid = relfile.replace(os.sep, "/")
        module_node = ModuleNode(os.path.basename(relfile), nodeid, parent, path, mod)
        module_node.parentids_below = parent.parentids_below | {nodeid}
        module_node.own_markers = get_unpacked_marks(mod)
        module_node._collected_marks = tuple(module_node.own_markers)
        self._register_module_xunit(module_node, mod)
        self.registry.parse_holder(mod, nodeid)
        items: List[Item] = []
        if not getattr(mod, "__test__", True):
            return items
        seen = set()
        errors = []
        for name, obj in list(mod.__dict__.items()):
            if name in seen:
                continue
            seen.add(name)
            try:
                items.extend(self._make_items(module_node, module_node, None, name, obj))
            except (KeyboardInterrupt, Exit, Skipped, NeedsPytest):
                raise
            except BaseException as e:
                if not (self.keeps_class_errors and safe_isclass(obj)):
                    raise
                errors.append((f"{nodeid}::{name}", e))
        if errors:
            self.class_errors[relfile] = errors
        return items

    def _make_items(self, module_node, parent, class_node, name, obj) -> List[Item]:
        if self.describe_prefixes and type(obj) is FunctionType and obj.__name__.startswith(self.describe_prefixes):
            # pytest-describe's pytest_pycollect_makeitem, which pluggy calls before pytest's own
            if class_node is not None:
                raise NeedsPytest(f"pytest-describe collects the method {name!r} as a block")
            return self._collect_describe(parent, obj)
        if module_node is parent and module_node.file_node is not module_node:
            return self._make_block_items(module_node, name, obj)
        if type(obj) is FunctionType and not obj.__dict__:
            # A plain function (most tests): no __test__, no wrapper, so the checks below come
            # down to the name and the generator flag.
            if not _matches(name, self.python_functions):
                return []
            if obj.__code__.co_flags & _CO_GENERATOR:
                fail(f"'yield' keyword is allowed in fixtures, but not in tests ({name})", pytrace=False)
            return self._genfunctions(module_node, parent, class_node, name, obj)
        # safe_isclass / safe_getattr, as pytest: a module global whose attribute access raises
        # (werkzeug's LocalProxy outside a request) is no test, not a collection error.
        if safe_isclass(obj):
            is_testcase = unittest_support.is_testcase_class(obj)
            if not (is_testcase or _matches(name, self.python_classes)
                    or safe_getattr(obj, "__test__", False) is True):
                return []
            if inspect.isabstract(obj):
                return []
            if is_testcase:
                return self._collect_unittest(module_node, parent, name, obj)
            return self._collect_class(module_node, parent, name, obj)
        if not self._is_test_function(name, obj):
            return []
        return self._function_items(module_node, parent, class_node, name, obj)

    def _function_items(self, module_node, parent, class_node, name, obj) -> List[Item]:
        """pytest_pycollect_makeitem's end for a test function by name: its items, or none."""
        obj = getattr(obj, "__func__", obj)
        if not (inspect.isfunction(obj) or inspect.isfunction(get_real_func(obj))):
            _warn_collection(obj, f"cannot collect {name!r} because it is not a function.")
            return []
        if not getattr(obj, "__test__", True):
            return []
        if inspect.isgeneratorfunction(obj):
            fail(f"'yield' keyword is allowed in fixtures, but not in tests ({name})", pytrace=False)
        return self._genfunctions(module_node, parent, class_node, name, obj)

    def _collect_describe(self, parent, func) -> List[Item]:
        """pytest-describe's DescribeBlock: named by the function (a shared behaviour's by its
        mangled name); its marks are the function's, then its module's `pytestmark`; its module
        holds fixtures and is collected as a test module whose every public function is a test."""
        name = getattr(func, "_mangled_name", func.__name__)
        # pytest-describe takes the locals of every frame that returns to its tracer: a weakref
        # callback the cyclic collector runs meanwhile (a WeakSet's `_remove(item, selfref)` once
        # an asyncio task is collected) would add its `item` and `selfref`, which then warn as
        # "cannot collect". pytest collects before any test has made such garbage; here a block may
        # be collected after tests ran in this worker.
        with cyclic_gc_held():
            mod = self.make_describe_module(func)
        node = DescribeNode(name, f"{parent.nodeid}::{name}", parent, mod)
        node.parentids_below = parent.parentids_below | {node.nodeid}
        node.own_markers = list(getattr(func, "pytestmark", [])) + get_unpacked_marks(mod)
        node._collected_marks = tuple(node.own_markers)
        # DescribeBlock.collect parses the block's fixtures before Module.collect registers its
        # xunit functions
        self.registry.parse_holder(mod, node.nodeid)
        self._register_module_xunit(node, mod)
        items: List[Item] = []
        if not getattr(mod, "__test__", True):
            return items
        for attr, obj in list(mod.__dict__.items()):
            items.extend(self._make_items(node, node, None, attr, obj))
        return items

    def _make_block_items(self, block, name, obj) -> List[Item]:
        """pytest's pytest_pycollect_makeitem inside a describe block, whose name filters are
        pytest-describe's: every function not named `_...` is a test, no class is."""
        if safe_isclass(obj):
            if unittest_support.is_testcase_class(obj) or safe_getattr(obj, "__test__", False) is True:
                raise NeedsPytest(f"a describe block holds the test class {name!r}")
            return []
        if not self._is_test_function(name, obj, in_block=True):
            return []
        return self._function_items(block, block, None, name, obj)

    def _is_test_function(self, name, obj, in_block=False) -> bool:
        named = not name.startswith("_") if in_block else _matches(name, self.python_functions)
        if not (named or safe_getattr(obj, "__test__", False) is True):
            return False
        if isinstance(obj, (staticmethod, classmethod)):
            obj = safe_getattr(obj, "__func__", False)
        return callable(obj) and type(obj).__name__ != "FixtureFunctionDefinition"

    def _class_node(self, parent, name, obj) -> ClassNode:
        node = ClassNode(name, f"{parent.nodeid}::{name}", parent, obj)
        node.parentids_below = parent.parentids_below | {node.nodeid}
        node.own_markers = get_unpacked_marks(obj)
        node._collected_marks = tuple(node.own_markers)
        return node

    def _collect_class(self, module_node, parent, name, cls) -> List[Item]:
        if not getattr(cls, "__test__", True):
            return []
        if self.named_nodes.restricts() and not self.named_nodes.collects(f"{parent.nodeid}::{name}"):
            with collection_warnings_quiet():
                return self._collect_class_on_path(module_node, parent, name, cls)
        return self._collect_class_on_path(module_node, parent, name, cls)

    def _collect_class_on_path(self, module_node, parent, name, cls) -> List[Item]:
        init = getattr(cls, "__init__", None)
        if init and init != object.__init__:
            _warn_collection(cls, f"cannot collect test class {cls.__name__!r} because it has a "
                                  f"__init__ constructor (from: {parent.nodeid})")
            return []
        new = getattr(cls, "__new__", None)
        if new and new != object.__new__:
            _warn_collection(cls, f"cannot collect test class {cls.__name__!r} because it has a "
                                  f"__new__ constructor (from: {parent.nodeid})")
            return []
        node = self._class_node(parent, name, cls)
        self._register_class_xunit(node, cls)
        self.registry.parse_holder(node.newinstance(), node.nodeid)
        # the class itself first (it is __mro__[0]); pytest walks object's namespace last as
        # well, nothing in it can be a test
        dicts = [base.__dict__ for base in cls.__mro__ if base is not object]
        seen = set()
        per_dict: List[List[Item]] = []
        for dic in dicts:
            values: List[Item] = []
            for attr, obj in list(dic.items()):
                if attr in seen:
                    continue
                seen.add(attr)
                values.extend(self._make_items(module_node, node, node, attr, obj))
            per_dict.append(values)
        items: List[Item] = []
        for values in reversed(per_dict):
            items.extend(values)
        return items

    def _collect_unittest(self, module_node, parent, name, cls) -> List[Item]:
        if not getattr(cls, "__test__", True):
            return []
        node = self._class_node(parent, name, cls)
        node.pytest_class = "UnitTestCase"
        unittest_support.register_fixtures(self.registry, node, cls)
        if not unittest_support.is_skipped(cls):
            self._register_class_xunit(node, cls, method=False)
        self.registry.parse_holder(cls("runTest"), node.nodeid)
        items = []
        for meth in unittest_support.test_names(cls):
            raw = getattr(cls, meth)
            if not getattr(raw, "__test__", True):
                continue
            defn = Definition(self.session, module_node, node, node, meth, raw, is_unittest=True)
            info = self._fixtureinfo(defn, node, argnames=())
            items.append(Item(meth, node, raw, meth, None, info, defn))
        return items

    # --- functions -----------------------------------------------------------------------------
    def _parent_marks(self, defn: Definition, node) -> tuple:
        """(usefixtures args, parametrize marks) of the function and its parents.

        The parents' share is the same for every function of a module or class, so it is
        computed once per parent node and only a function's own marks are walked each time.
        """
        inherited = getattr(node, "_inherited_marks", None)
        if inherited is None:
            usefixtures = []
            parametrize = []
            walked = node
            while walked is not None:
                for mark in walked.own_markers:
                    if mark.name == "usefixtures":
                        usefixtures.extend(mark.args)
                    elif mark.name == "parametrize":
                        parametrize.append(mark)
                walked = walked.parent
            inherited = node._inherited_marks = (usefixtures, parametrize)
        if not defn.own_markers:
            return inherited
        usefixtures = []
        parametrize = []
        for mark in defn.own_markers:
            if mark.name == "usefixtures":
                usefixtures.extend(mark.args)
            elif mark.name == "parametrize":
                parametrize.append(mark)
        return usefixtures + inherited[0], parametrize + inherited[1]

    def _fixtureinfo(self, defn: Definition, node, argnames, parent_marks=None) -> FixtureInfo:
        """`parent_marks`: `_parent_marks(defn, node)` when the caller has it already."""
        autouse = getattr(node, "_autouse_names", None)
        if autouse is None:
            autouse = node._autouse_names = self.registry.autouse_for(
                [n.nodeid for n in node.listchain()])
        usefixtures, marks = parent_marks if parent_marks is not None else self._parent_marks(defn, node)
        if autouse or usefixtures:
            initialnames = tuple(dict.fromkeys([*autouse, *usefixtures, *argnames]))
        else:
            initialnames = tuple(dict.fromkeys(argnames)) if len(argnames) > 1 else tuple(argnames)
        if not initialnames:
            return FixtureInfo(argnames, initialnames, [], {})
        direct = direct_parametrize_args(marks) if marks else set()
        # Functions of one parent that ask for the same fixtures get the same closure (the
        # registry holds every definition visible from this parent by now); callers mutate
        # their copy (parametrize adds pseudo fixtures, requests add dynamic ones).
        cache = getattr(node, "_closure_cache", None)
        if cache is None:
            cache = node._closure_cache = {}
        key = (defn.parentids, initialnames, frozenset(direct))
        known = cache.get(key)
        if known is None:
            known = cache[key] = self.registry.closure(initialnames, defn.parentids, direct)
        return FixtureInfo(argnames, initialnames, list(known[0]), dict(known[1]))

    def _conftest_generate_hooks(self, module_node) -> list:
        """The module's conftests' pytest_generate_tests, innermost first (pluggy's order), looked
        up once per module; support.static_check sent the module to pytest unless each of them
        never parametrizes."""
        found = module_node.__dict__.get("_conftest_generate")
        if found is None:
            found = module_node._conftest_generate = generate_hooks(self.conftest_modules(module_node.path))
        return found

    def _genfunctions(self, module_node, parent, class_node, name, func) -> List[Item]:
        if self.anyio is not None:  # its makeitem marks the function before pytest's makes items
            self.anyio.function_collected(parent, name, func)
        defn = Definition(self.session, module_node, class_node, parent, name, func)
        cls = class_node.obj if class_node is not None else None
        argnames = getfuncargnames(func, name=name, cls=cls)
        parent_marks = self._parent_marks(defn, parent)
        marks = parent_marks[1]
        info = self._fixtureinfo(defn, parent, argnames, parent_marks)
        hooks = []
        if _has_generate_hook(module_node):
            hooks.append(module_node.obj.pytest_generate_tests)
        if cls is not None and _has_generate_hook(class_node):
            hooks.append(cls().pytest_generate_tests)
        hooks += self._conftest_generate_hooks(module_node)
        if not hooks and not marks and not _has_fixture_params(info):
            return [Item(name, parent, func, name, None, info, defn)]  # nothing parametrizes it
        metafunc = Metafunc(defn, info, self.config, cls=cls, module=module_node.obj)
        for hook in hooks:
            hook(metafunc=metafunc)
        generate_fixture_params(metafunc, marks)
        for mark in marks:
            metafunc.parametrize(*mark.args, **mark.kwargs, _param_mark=mark)
        if not metafunc._calls:
            return [Item(name, parent, func, name, None, info, defn)]
        metafunc._recompute_direct_params_indices()
        prune_closure(info)
        return [Item(f"{name}[{cs.id}]" if cs.idlist else name, parent, func, name, cs, info, defn)
                for cs in metafunc._calls]

    # --- xunit setup/teardown as autouse fixtures (pytest >= 8) -------------------------------
    def _register_module_xunit(self, node, mod) -> None:
        setup_module = _first_non_fixture(mod, ("setUpModule", "setup_module"))
        teardown_module = _first_non_fixture(mod, ("tearDownModule", "teardown_module"))
        if setup_module is not None or teardown_module is not None:
            def xunit_setup_module_fixture(request):
                module = request.module
                if setup_module is not None:
                    _call_optional(setup_module, module)
                yield
                if teardown_module is not None:
                    _call_optional(teardown_module, module)
            self.registry.register(f"_xunit_setup_module_fixture_{mod.__name__}",
                                   xunit_setup_module_fixture, node.nodeid, "module", autouse=True)
        setup_function = _first_non_fixture(mod, ("setup_function",))
        teardown_function = _first_non_fixture(mod, ("teardown_function",))
        if setup_function is not None or teardown_function is not None:
            def xunit_setup_function_fixture(request):
                if request.instance is not None:
                    yield
                    return
                function = request.function
                if setup_function is not None:
                    _call_optional(setup_function, function)
                yield
                if teardown_function is not None:
                    _call_optional(teardown_function, function)
            self.registry.register(f"_xunit_setup_function_fixture_{mod.__name__}",
                                   xunit_setup_function_fixture, node.nodeid, "function",
                                   autouse=True)

    def _register_class_xunit(self, node, cls, method=True) -> None:
        setup_class = _first_non_fixture(cls, ("setup_class",))
        teardown_class = _first_non_fixture(cls, ("teardown_class",))
        if setup_class is not None or teardown_class is not None:
            def xunit_setup_class_fixture(request):
                klass = request.cls
                if setup_class is not None:
                    _call_optional(getattr(setup_class, "__func__", setup_class), klass)
                yield
                if teardown_class is not None:
                    _call_optional(getattr(teardown_class, "__func__", teardown_class), klass)
            self.registry.register(f"_xunit_setup_class_fixture_{cls.__qualname__}",
                                   xunit_setup_class_fixture, node.nodeid, "class", autouse=True)
        if not method:
            return
        setup_method = _first_non_fixture(cls, ("setup_method",))
        teardown_method = _first_non_fixture(cls, ("teardown_method",))
        if setup_method is not None or teardown_method is not None:
            def xunit_setup_method_fixture(request):
                instance = request.instance
                method_obj = request.function
                if setup_method is not None:
                    _call_optional(getattr(instance, "setup_method"), method_obj)
                yield
                if teardown_method is not None:
                    _call_optional(getattr(instance, "teardown_method"), method_obj)
            self.registry.register(f"_xunit_setup_method_fixture_{cls.__qualname__}",
                                   xunit_setup_method_fixture, node.nodeid, "function",
                                   autouse=True)


def reorder_items(items: List[Item]) -> List[Item]:
    """pytest's reorder_items: group items sharing higher-scoped parameters."""
    from collections import OrderedDict, defaultdict, deque
    high = ("session", "package", "module", "class")
    if not any(it._callspec is not None and any(s != "function" for s in it._callspec.arg2scope.values())
               for it in items):
        return items

    def argkeys(item, scope):
        cs = item._callspec
        if cs is None:
            return
        cls_key = None
        if scope == "session":
            path_key = None
        elif scope == "package":
            path_key = os.path.dirname(item.path)
        elif scope == "module":
            path_key = item.path
        else:
            path_key = item.path
            cls_key = item.cls
        for argname, index in cs.indices.items():
            if cs.arg2scope.get(argname) != scope:
                continue
            yield (argname, index, path_key, cls_key)

    argkeys_by_item = {}
    items_by_argkey = {}
    for scope in high:
        by_item = argkeys_by_item[scope] = {}
        by_key = items_by_argkey[scope] = defaultdict(OrderedDict)
        for item in items:
            keys = dict.fromkeys(argkeys(item, scope))
            if keys:
                by_item[item] = keys
                for key in keys:
                    by_key[key][item] = None

    def lower(scope):
        return high[high.index(scope) + 1] if scope != "class" else "function"

    def at_scope(items_set, scope):
        if scope == "function" or len(items_set) < 3:
            return items_set
        scoped_items_by_argkey = items_by_argkey[scope]
        scoped_argkeys_by_item = argkeys_by_item[scope]
        ignore = set()
        items_deque = deque(items_set)
        items_done = {}
        while items_deque:
            no_argkey_items = {}
            slicing_argkey = None
            while items_deque:
                item = items_deque.popleft()
                if item in items_done or item in no_argkey_items:
                    continue
                keys = dict.fromkeys(k for k in scoped_argkeys_by_item.get(item, ()) if k not in ignore)
                if not keys:
                    no_argkey_items[item] = None
                else:
                    slicing_argkey, _ = keys.popitem()
                    matching = [i for i in scoped_items_by_argkey[slicing_argkey] if i in items_set]
                    for i in reversed(matching):
                        items_deque.appendleft(i)
                        for other in high:
                            other_by_key = items_by_argkey[other]
                            for key in argkeys_by_item[other].get(i, ()):
                                d = other_by_key[key]
                                d[i] = None
                                d.move_to_end(i, last=False)
                    break
            if no_argkey_items:
                items_done.update(at_scope(no_argkey_items, lower(scope)))
            if slicing_argkey is not None:
                ignore.add(slicing_argkey)
        return items_done

    return list(at_scope(dict.fromkeys(items), "session"))
