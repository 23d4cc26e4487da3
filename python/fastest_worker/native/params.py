"""Parametrization: pytest's Metafunc/CallSpec2 with its exact id generation.

Ids come from pytest's own IdMaker (with no config, so no hook and default escaping), and
parameter sets from ParameterSet._for_parametrize, so ids, arity errors and empty-set marks are
pytest's byte for byte.
"""
from __future__ import annotations

import itertools
import os
import warnings
from collections.abc import Collection
from typing import Dict, List, Sequence

from _pytest.compat import get_default_arg_names
from _pytest.mark.structures import ParameterSet, normalize_mark_list
from _pytest.outcomes import fail
from _pytest.python import IdMaker

try:  # pytest >= 8.4
    from _pytest.mark.structures import HIDDEN_PARAM
except ImportError:  # pragma: no cover
    HIDDEN_PARAM = object()

from .fixtures import SCOPE_RANK, SCOPES, traverse_closure
from .pytest_compat import DEPTH_FIRST_CLOSURE, PARAMETRIZE_NON_COLLECTION_ITERABLE, warn_at_pytest_site

_COLLECT_FILE = os.path.join(os.path.dirname(__file__), "collect.py")

# pytest 9.1 dropped IdMaker.func_name: its parametrize errors name the test by node id
# ("In t.py::test_x: ...") where 8.4 and 9.0 name the function ("In test_x: ...").
_ERRORS_NAME_NODEID = "func_name" not in IdMaker.__slots__


def _for_parametrize_from_mark(argnames, argvalues, function, config, nodeid):
    """ParameterSet._for_parametrize for a parametrize mark whose argvalues pytest >= 9.1
    deprecates (not a Collection). Its warning's stacklevel names the caller of parametrize:
    for a mark, the line of pytest's own pytest_generate_tests, so it is re-issued there."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = ParameterSet._for_parametrize(argnames, argvalues, function, config, nodeid=nodeid)
    for message in caught:
        if message.filename == __file__ or message.filename == _COLLECT_FILE:
            warn_at_pytest_site(message.message, "_pytest.python", "pytest_generate_tests",
                                "metafunc.parametrize(")
        else:
            warnings.warn_explicit(message.message, message.category, message.filename, message.lineno)
    return result


class CollectError(Exception):
    """A module cannot be collected; args[0] is pytest's text for it."""


class CallSpec:
    __slots__ = ("params", "indices", "arg2scope", "idlist", "marks")

    def __init__(self, params=None, indices=None, arg2scope=None, idlist=(), marks=()):
        self.params: Dict[str, object] = params or {}
        self.indices: Dict[str, int] = indices or {}
        self.arg2scope: Dict[str, str] = arg2scope or {}
        self.idlist = list(idlist)
        self.marks = list(marks)

    def setmulti(self, argnames, valset, id_, marks, scope: str, param_index: int, nodeid: str):
        params = dict(self.params)
        indices = dict(self.indices)
        arg2scope = dict(self.arg2scope)
        for arg, val in zip(argnames, valset):
            if arg in params:
                raise CollectError(f"{nodeid}: duplicate parametrization of {arg!r}")
            params[arg] = val
            indices[arg] = param_index
            arg2scope[arg] = scope
        idlist = self.idlist if id_ is HIDDEN_PARAM else self.idlist + [id_]
        return CallSpec(params, indices, arg2scope, idlist, self.marks + list(normalize_mark_list(marks)))

    def getparam(self, name: str):
        try:
            return self.params[name]
        except KeyError as e:
            raise ValueError(name) from e

    @property
    def id(self) -> str:
        return "-".join(self.idlist)


def _scope_from_user(scope: str, descr: str) -> str:
    if scope not in SCOPE_RANK:
        fail(f"{descr} got an unexpected scope value '{scope}'", pytrace=False)
    return scope


class Metafunc:
    """What `pytest_generate_tests` receives; also drives mark and fixture parametrization."""

    def __init__(self, definition, fixtureinfo, config, cls=None, module=None):
        self.definition = definition
        self.config = config
        self.module = module
        self.function = definition.function
        self.fixturenames = fixtureinfo.names_closure
        self.cls = cls
        self._arg2fixturedefs = fixtureinfo.arg2defs
        self._calls: List[CallSpec] = []
        self._params_directness: Dict[str, str] = {}

    def parametrize(self, argnames, argvalues, indirect=False, ids=None, scope=None, *,
                    _param_mark=None):
        nodeid = self.definition.nodeid
        if _param_mark is not None and PARAMETRIZE_NON_COLLECTION_ITERABLE is not None \
                and not isinstance(argvalues, Collection):
            argnames, parametersets = _for_parametrize_from_mark(
                argnames, argvalues, self.function, self.config, nodeid)
        else:
            argnames, parametersets = ParameterSet._for_parametrize(
                argnames, argvalues, self.function, self.config, nodeid=nodeid)
        del argvalues
        if "request" in argnames:
            fail(f"{nodeid}: 'request' is a reserved name and cannot be used in @pytest.mark.parametrize",
                 pytrace=False)
        if scope is not None:
            scope_ = _scope_from_user(scope, f"parametrize() call in {self.function.__name__}")
        else:
            scope_ = self._find_parametrized_scope(argnames, indirect)
        self._validate_if_using_arg_names(argnames, indirect)

        generated_ids = None
        ids_from = getattr(_param_mark, "_param_ids_from", None) if _param_mark else None
        if ids_from is not None:
            generated_ids = ids_from._param_ids_generated
            if generated_ids is not None:
                ids = generated_ids
        ids = self._resolve_ids(argnames, ids, parametersets, nodeid)
        if ids_from is not None and generated_ids is None:
            object.__setattr__(ids_from, "_param_ids_generated", ids)

        directness = self._resolve_args_directness(argnames, indirect)
        self._params_directness.update(directness)
        for argname in argnames:
            if directness[argname] == "indirect":
                continue
            self._arg2fixturedefs[argname] = (self.definition.pseudo_fixturedef(argname, scope_),)

        newcalls = []
        for callspec in self._calls or [CallSpec()]:
            for param_index, (param_id, param_set) in enumerate(zip(ids, parametersets)):
                newcalls.append(callspec.setmulti(argnames, param_set.values, param_id,
                                                  param_set.marks, scope_, param_index, nodeid))
        self._calls = newcalls

    def _resolve_ids(self, argnames, ids, parametersets, nodeid) -> list:
        if ids is None:
            idfn, ids_ = None, None
        elif callable(ids):
            idfn, ids_ = ids, None
        else:
            idfn, ids_ = None, self._validate_ids(ids, parametersets, self._error_prefix())
        # Keywords as a dict: IdMaker's signature depends on the installed pytest.
        naming = {"nodeid": nodeid}
        if not _ERRORS_NAME_NODEID:
            naming["func_name"] = self.function.__name__
        maker = IdMaker(argnames, parametersets, idfn, ids_, None, **naming)
        return maker.make_unique_parameterset_ids()

    def _error_prefix(self) -> str:
        return f"In {self.definition.nodeid}" if _ERRORS_NAME_NODEID else f"In {self.function.__name__}"

    @staticmethod
    def _validate_ids(ids, parametersets, prefix) -> list:
        try:
            num_ids = len(ids)
        except TypeError:
            try:
                iter(ids)
            except TypeError as e:
                raise TypeError("ids must be a callable or an iterable") from e
            num_ids = len(parametersets)
        if num_ids != len(parametersets) and num_ids != 0:
            fail(f"{prefix}: {len(parametersets)} parameter sets specified, with different "
                 f"number of ids: {num_ids}", pytrace=False)
        return list(itertools.islice(ids, num_ids))

    def _resolve_args_directness(self, argnames, indirect) -> Dict[str, str]:
        if isinstance(indirect, bool):
            return dict.fromkeys(argnames, "indirect" if indirect else "direct")
        if isinstance(indirect, Sequence):
            directness = dict.fromkeys(argnames, "direct")
            for arg in indirect:
                if arg not in argnames:
                    fail(f"{self._error_prefix()}: indirect fixture '{arg}' doesn't exist",
                         pytrace=False)
                directness[arg] = "indirect"
            return directness
        fail(f"{self._error_prefix()}: expected Sequence or boolean for indirect, got "
             f"{type(indirect).__name__}", pytrace=False)

    def _find_parametrized_scope(self, argnames, indirect) -> str:
        if isinstance(indirect, Sequence) and not isinstance(indirect, str):
            all_fixtures = len(indirect) == len(argnames)
        else:
            all_fixtures = bool(indirect)
        if all_fixtures:
            used = [defs[-1].scope for name, defs in self._arg2fixturedefs.items()
                    if name in argnames and defs]
            if used:
                return min(used, key=lambda s: SCOPE_RANK[s])
        return "function"

    def _validate_if_using_arg_names(self, argnames, indirect) -> None:
        prefix = self._error_prefix()
        for arg in argnames:
            if arg not in self.fixturenames:
                # (the signature is only read on this error path: it costs ~10 us a function)
                if arg in set(get_default_arg_names(self.function)):
                    fail(f"{prefix}: function already takes an argument '{arg}' with a "
                         "default value", pytrace=False)
                if isinstance(indirect, Sequence) and not isinstance(indirect, str):
                    name = "fixture" if arg in indirect else "argument"
                else:
                    name = "fixture" if indirect else "argument"
                fail(f"{prefix}: function uses no {name} '{arg}'", pytrace=False)

    def _recompute_direct_params_indices(self) -> None:
        for argname, kind in self._params_directness.items():
            if kind == "direct":
                for i, callspec in enumerate(self._calls):
                    callspec.indices[argname] = i


def parametrize_argnames(mark) -> Sequence[str]:
    args, _ = ParameterSet._parse_parametrize_args(*mark.args, **mark.kwargs)
    return args


def direct_parametrize_args(marks) -> set:
    """pytest's _get_direct_parametrize_args over the parametrize marks of an item."""
    direct = set()
    for mark in marks:
        if mark.name != "parametrize":
            continue
        indirect = mark.kwargs.get("indirect", False)
        p_argnames, _ = ParameterSet._parse_parametrize_args(*mark.args, **mark.kwargs)
        if indirect is True:
            continue
        if indirect is False or not indirect:
            direct.update(p_argnames)
        else:
            direct.update(a for a in p_argnames if a not in indirect)
    return direct


def generate_fixture_params(metafunc: Metafunc, parametrize_marks) -> None:
    """FixtureManager.pytest_generate_tests: parametrize by parametrized fixtures."""
    marked = set()
    for mark in parametrize_marks:
        marked.update(parametrize_argnames(mark))
    for argname in metafunc.fixturenames:
        defs = metafunc._arg2fixturedefs.get(argname)
        if not defs or argname in marked:
            continue
        for fd in reversed(defs):
            if fd.params is not None:
                metafunc.parametrize(argname, fd.params, indirect=True, scope=fd.scope, ids=fd.ids)
                break
            if argname not in fd.argnames:
                break


def prune_closure(fixtureinfo) -> None:
    """FuncFixtureInfo.prune_dependency_tree: direct parametrization may shadow fixtures."""
    if DEPTH_FIRST_CLOSURE:  # pytest >= 9.1
        keep = set(traverse_closure(fixtureinfo.initialnames, fixtureinfo.arg2defs.get))
        fixtureinfo.names_closure[:] = [name for name in fixtureinfo.names_closure if name in keep]
        return
    closure = set()
    working = set(fixtureinfo.initialnames)
    names = fixtureinfo.names_closure
    while working:
        argname = working.pop()
        if argname not in closure and argname in names:
            closure.add(argname)
            if argname in fixtureinfo.arg2defs:
                working.update(fixtureinfo.arg2defs[argname][-1].argnames)
    names[:] = sorted(closure, key=names.index)


__all__ = ["CallSpec", "CollectError", "Metafunc", "SCOPES", "direct_parametrize_args",
           "generate_fixture_params", "prune_closure"]
