"""Importing test modules and conftest.py files the way pytest's import modes do: prepend and
append here (the hot path, without pytest's Path objects), importlib by pytest's own import_path."""
from __future__ import annotations

import contextlib
import importlib
import inspect
import os
import sys
from typing import Any, Tuple


class ImportPathMismatchError(ImportError):
    pass


def resolve_pkg_root_and_module_name(path: str) -> Tuple[str, str]:
    """First directory upward without __init__.py, and the dotted module name below it."""
    directory = os.path.dirname(path)
    pkg_root = directory
    while os.path.isfile(os.path.join(pkg_root, "__init__.py")):
        parent = os.path.dirname(pkg_root)
        if parent == pkg_root:
            break
        pkg_root = parent
    rel = os.path.relpath(path, pkg_root)
    stem = rel[:-3] if rel.endswith(".py") else rel
    names = stem.split(os.sep)
    if names[-1] == "__init__":
        names.pop()
    return pkg_root, ".".join(names)


def import_path(path: str, mode: str = "prepend", root: str = "", consider_namespace_packages: bool = False):
    """pytest's import_path(mode=...); raises like it does. importlib mode is pytest's own
    function (module names from the rootdir, made-up parent packages in sys.modules, sys.path
    untouched), so module names and sys.modules entries are exactly pytest's."""
    if mode == "importlib":
        return _pytest_import_path(path, root, consider_namespace_packages)
    pkg_root, module_name = resolve_pkg_root_and_module_name(path)
    if mode == "append":
        if pkg_root not in sys.path:
            sys.path.append(pkg_root)
    elif not sys.path or sys.path[0] != pkg_root:
        sys.path.insert(0, pkg_root)
    importlib.import_module(module_name)
    mod = sys.modules[module_name]
    if os.path.basename(path) == "__init__.py":
        return mod
    ignore = os.environ.get("PY_IGNORE_IMPORTMISMATCH", "")
    if ignore != "1":
        module_file = getattr(mod, "__file__", None)
        if module_file is None:
            raise ImportPathMismatchError(module_name, module_file, path)
        if module_file.endswith((".pyc", ".pyo")):
            module_file = module_file[:-1]
        if module_file.endswith(os.sep + "__init__.py"):
            module_file = module_file[:-len(os.sep + "__init__.py")]
        try:
            same = os.path.samefile(path, module_file)
        except FileNotFoundError:
            same = False
        if not same:
            raise ImportPathMismatchError(module_name, module_file, path)
    return mod


def _pytest_import_path(path: str, root: str, consider_namespace_packages: bool):
    from pathlib import Path

    from _pytest.pathlib import import_path as pytest_import_path

    try:
        from .rewrite import importing_file
        hint = importing_file(path)
    except Exception:  # rewriting is optional (engine.py)
        hint = contextlib.nullcontext()
    with hint:
        if "consider_namespace_packages" in inspect.signature(pytest_import_path).parameters:  # pytest >= 8.1
            return pytest_import_path(Path(path), mode="importlib", root=Path(root),
                                      consider_namespace_packages=consider_namespace_packages)
        older: Any = pytest_import_path  # pytest < 8.1: no consider_namespace_packages
        return older(Path(path), mode="importlib", root=Path(root))


def conftest_paths(rootdir: str, module_path: str):
    """conftest.py files from rootdir down to the module's directory, outermost first."""
    directory = os.path.dirname(module_path)
    dirs = []
    while True:
        dirs.append(directory)
        if directory == rootdir:
            break
        parent = os.path.dirname(directory)
        if parent == directory or not (directory + os.sep).startswith(rootdir + os.sep):
            break
        directory = parent
    result = []
    for d in reversed(dirs):
        candidate = os.path.join(d, "conftest.py")
        if os.path.isfile(candidate):
            result.append(candidate)
    return result
