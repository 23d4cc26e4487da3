"""Prints the import edges between the modules of a Python package as JSON: [[importer, imported], ...].

Every import counts, at module level or inside a function: a lazy import is still a dependency.
Usage: python3 python_imports.py PACKAGE_DIR
"""
import ast
import json
import os
import sys


def module_name(root, path):
    rel = os.path.relpath(path, os.path.dirname(root))[: -len(".py")].split(os.sep)
    return ".".join(rel[:-1] if rel[-1] == "__init__" else rel)


def main(root):
    root = os.path.abspath(root)
    modules = {}
    for dirpath, _dirnames, filenames in os.walk(root):
        for name in filenames:
            if name.endswith(".py"):
                path = os.path.join(dirpath, name)
                modules[module_name(root, path)] = path
    edges = set()
    for name, path in modules.items():
        package = name if path.endswith("__init__.py") else name.rpartition(".")[0]
        with open(path, encoding="utf-8") as f:
            tree = ast.parse(f.read(), path)
        for node in ast.walk(tree):
            targets = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")
                    base = base[: len(base) - (node.level - 1)]
                    prefix = ".".join(base + ([node.module] if node.module else []))
                else:
                    prefix = node.module or ""
                # `from . import x` names a submodule when there is one, else a name of the package.
                targets = [f"{prefix}.{alias.name}" if f"{prefix}.{alias.name}" in modules else prefix for alias in node.names]
            for target in targets:
                # `import a.b.c` depends on the deepest of a.b.c, a.b, a that is one of ours.
                while target and target not in modules:
                    target = target.rpartition(".")[0]
                if target and target != name:
                    edges.add((name, target))
    json.dump(sorted(edges), sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
