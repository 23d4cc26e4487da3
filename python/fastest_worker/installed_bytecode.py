"""Installed bytecode first, under Node's pycache prefix.

When the user runs with PYTHONDONTWRITEBYTECODE=1, Node points the workers' bytecode at
.fastest/pycache (sys.pycache_prefix, runner/python.ts), and Python then looks for bytecode only
under that prefix: the ``__pycache__`` that Python's installer and pip wrote beside the standard
library and site-packages is ignored, and a first run (a fresh checkout, every CI job) compiles
``typing``, ``re``, ``enum``, pytest's dependencies... from source in every worker. Here, for a
source under the interpreter's own directories only, a valid ``__pycache__`` file beside it is
used when the prefix has none (what Python itself does without a prefix). The user's sources
are never affected, and nothing is ever written beside a source: a file is chosen only when its
header matches the source's current modification time and size, and otherwise the prefix stays
the place Python reads and writes.

fastest's own modules (this package) keep their bytecode beside their sources, as Python does
without PYTHONDONTWRITEBYTECODE, when that directory is writable: a project's first run (a fresh
checkout, a new temporary project) then does not compile the engine again into its own prefix.
"""

import os
import sys

_HEADER = 16


def _install_dirs():
    dirs = {sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix}
    return tuple(sorted(os.path.join(os.path.abspath(d), "") for d in dirs if d))


def _beside_is_current(beside, source, magic):
    """The bytecode file beside `source` exists, is for this Python and matches the source's
    modification time and size (an unchecked-hash file is trusted as Python trusts it)."""
    try:
        with open(beside, "rb") as f:
            header = f.read(_HEADER)
        if len(header) < _HEADER or header[:4] != magic:
            return False
        flags = int.from_bytes(header[4:8], "little")
        if flags & 0b1:
            return not flags & 0b10  # hash-based: only the unchecked kind is used unchecked
        stat = os.stat(source)
        return (int.from_bytes(header[8:12], "little") == (int(stat.st_mtime) & 0xFFFFFFFF)
                and int.from_bytes(header[12:16], "little") == (stat.st_size & 0xFFFFFFFF))
    except (OSError, ValueError):
        return False


# Whether sys.pycache_prefix is the one Node chose (install() ran), not the user's.
node_prefix = False


def install():
    """Makes the import system's bytecode path prefer installed bytecode (see above); for the
    prefix Node chose (__main__.py), never a prefix the user set."""
    global node_prefix
    prefix = getattr(sys, "pycache_prefix", None)
    if not prefix:
        return
    node_prefix = True
    try:
        import importlib._bootstrap_external as external
        from importlib.util import MAGIC_NUMBER
    except ImportError:
        return
    prefixed_path = external.cache_from_source
    install_dirs = _install_dirs()
    own_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "")
    own_beside = os.access(own_dir, os.W_OK)
    exists = os.path.exists

    def beside_source(path, debug_override, optimization):
        saved = sys.pycache_prefix
        sys.pycache_prefix = None
        try:
            return prefixed_path(path, debug_override, optimization=optimization)
        finally:
            sys.pycache_prefix = saved

    def cache_from_source(path, debug_override=None, *, optimization=None):
        if own_beside and sys.pycache_prefix and path.startswith(own_dir):
            return beside_source(path, debug_override, optimization)
        cached = prefixed_path(path, debug_override, optimization=optimization)
        if not sys.pycache_prefix or not path.startswith(install_dirs) or exists(cached):
            return cached
        beside = beside_source(path, debug_override, optimization)
        return beside if _beside_is_current(beside, path, MAGIC_NUMBER) else cached

    external.cache_from_source = cache_from_source
