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

Once tests run, they see no prefix and no writing, as under pytest (worker.py
`_tests_write_no_bytecode`). What they import still reads and writes its bytecode in Node's
prefix (`keep_prefix_for_tests`), but an entry there counts only when it was written after its
source last changed (the source's ctime, which creating, writing or `os.utime` all set): a module
a test writes, imports and deletes outlives its directory in the prefix, and the next file of its
name, size and mtime would otherwise load it.
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
# Node's prefix (ending in a separator) once tests run with sys.pycache_prefix None.
_tests_prefix = None


def keep_prefix_for_tests():
    """Tests are about to run with sys.pycache_prefix None: their imports keep Node's prefix."""
    global _tests_prefix
    if node_prefix and sys.pycache_prefix:
        _tests_prefix = os.path.join(os.path.abspath(sys.pycache_prefix), "")


def _under_prefix(prefix, path, beside):
    """Where cache_from_source puts `path`'s bytecode under `prefix` (its rule, given the path it
    gives without a prefix)."""
    head = os.path.dirname(path)
    if not os.path.isabs(head):
        head = os.path.join(os.getcwd(), head)
    return os.path.join(prefix, head.lstrip(os.sep), os.path.basename(beside))


def _entry_state(entry, source_stat, magic):
    """'current' when the timestamp bytecode `entry` matches the source and was written after
    the source last changed; 'older' when it matches but predates that change; 'other' for a
    hash-based file (the import system checks it itself); None when missing or not matching."""
    try:
        with open(entry, "rb") as f:
            header = f.read(_HEADER)
            written = os.fstat(f.fileno()).st_mtime_ns
    except OSError:
        return None
    if len(header) < _HEADER or header[:4] != magic:
        return None
    if int.from_bytes(header[4:8], "little"):
        return "other"
    if (int.from_bytes(header[8:12], "little") != (int(source_stat.st_mtime) & 0xFFFFFFFF)
            or int.from_bytes(header[12:16], "little") != (source_stat.st_size & 0xFFFFFFFF)):
        return None
    return "current" if written > source_stat.st_ctime_ns else "older"


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
        tests_prefix = _tests_prefix
        if tests_prefix is not None and sys.pycache_prefix is None:
            beside = prefixed_path(path, debug_override, optimization=optimization)
            if own_beside and path.startswith(own_dir):
                return beside
            cached = _under_prefix(tests_prefix, path, beside)
            if not path.startswith(install_dirs) or exists(cached):
                return cached
            return beside if _beside_is_current(beside, path, MAGIC_NUMBER) else cached
        if own_beside and sys.pycache_prefix and path.startswith(own_dir):
            return beside_source(path, debug_override, optimization)
        cached = prefixed_path(path, debug_override, optimization=optimization)
        if not sys.pycache_prefix or not path.startswith(install_dirs) or exists(cached):
            return cached
        beside = beside_source(path, debug_override, optimization)
        return beside if _beside_is_current(beside, path, MAGIC_NUMBER) else cached

    external.cache_from_source = cache_from_source
    _write_tests_bytecode_to_prefix(external, MAGIC_NUMBER)


def _write_tests_bytecode_to_prefix(external, magic):
    """While tests run (sys.dont_write_bytecode set, as pytest leaves it), a source file's
    bytecode under Node's prefix is written here, and an entry older than its source's last
    change is dropped before the import system could load it."""
    loader = external.SourceFileLoader
    get_code = loader.get_code

    def get_code_with_tests_prefix(self, fullname):
        tests_prefix = _tests_prefix
        if tests_prefix is None or sys.pycache_prefix is not None:
            return get_code(self, fullname)
        try:
            source = self.get_filename(fullname)
            entry = external.cache_from_source(source)
            if not entry.startswith(tests_prefix):
                return get_code(self, fullname)
            before = os.stat(source)
        except (ImportError, NotImplementedError, OSError):
            return get_code(self, fullname)
        state = _entry_state(entry, before, magic)
        if state == "older":
            try:
                os.unlink(entry)
            except OSError:
                pass
        code = get_code(self, fullname)
        if state in ("current", "other"):
            return code
        try:
            after = os.stat(source)
            if (after.st_mtime_ns, after.st_size, after.st_ctime_ns) == (
                    before.st_mtime_ns, before.st_size, before.st_ctime_ns):
                data = external._code_to_timestamp_pyc(code, int(before.st_mtime), before.st_size)
                self._cache_bytecode(source, entry, data)
        except Exception:
            pass  # bytecode is a cache: the import itself succeeded
        return code

    loader.get_code = get_code_with_tests_prefix
