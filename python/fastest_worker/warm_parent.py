"""The warm parent (docs/ARCHITECTURE.md, Running): one process imports pytest, the engine and the
third-party packages that the suite's conftest files and test modules import at their top, once,
and forks each worker from that state when Node asks. Never the project's own modules: only
modules found in the interpreter's standard library or site-packages directories.

Control channel with Node: JSON lines on stdin/stdout.
  Node → parent: {"t": "early", "names": [...]} (what the last run's parent imported),
                 {"t": "preload", "files": [...], "rootdir", "exclude": [...], "socket", "token"}
                 {"t": "fork", "id", "index", "workers"}
  parent → Node: {"t": "ready", "imported": [...], "seconds"} or {"t": "unusable", "reason",
                 "unsafe": [...], "seconds"}; {"t": "forked", "id", "pid"};
                 {"t": "exit", "id", "pid", "code", "signal"}
A forked worker connects to Node's socket twice (frames; then its stdout and stderr) and runs
the ordinary worker loop (worker.py) in its own session and process group."""

import ast
import gc
import json
import os
import selectors
import shutil
import signal
import socket
import sys
import time

from .ending import end_now

_POLL_SECONDS = 0.05


def _import_names(stmt):
    """(module, level) pairs an import statement imports."""
    if isinstance(stmt, ast.Import):
        return [(alias.name, 0) for alias in stmt.names]
    if stmt.module == "__future__":
        return []
    if stmt.level == 0:
        return [(stmt.module, 0)] if stmt.module else []
    # `from . import a, b`: each name may be a submodule of the package
    base = [(stmt.module or "", stmt.level)]
    if not stmt.module:
        base += [(alias.name, stmt.level) for alias in stmt.names]
    return base


def _only_imports(body):
    return all(isinstance(s, (ast.Import, ast.ImportFrom, ast.Pass)) for s in body)


def _find_spec_guard(test):
    """The name in `if find_spec("name"):` / `if importlib.util.find_spec("name") is not None:`."""
    if isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.IsNot):
        test = test.left
    if (isinstance(test, ast.Call) and len(test.args) == 1 and isinstance(test.args[0], ast.Constant)
            and isinstance(test.args[0].value, str)):
        func = test.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        if name == "find_spec":
            return test.args[0].value
    return None


def _installed(name):
    """Whether a top-level module can be found (find_spec of a top-level name imports nothing)."""
    import importlib.util

    top = name.split(".")[0]
    try:
        return importlib.util.find_spec(top) is not None
    except (ImportError, ValueError):
        return False


def _idiom_imports(stmt):
    """(module, level) pairs of an import statement or of an optional-dependency idiom whose
    outcome is known here: `try: import x` / `except ImportError:` (the try body, when its modules
    are installed) and `if find_spec("x"):` (the branch taken). None for any other statement."""
    if isinstance(stmt, (ast.Import, ast.ImportFrom)):
        return _import_names(stmt)
    if isinstance(stmt, ast.Try) and not stmt.orelse and not stmt.finalbody and len(stmt.handlers) == 1 and (
            isinstance(stmt.handlers[0].type, ast.Name)
            and stmt.handlers[0].type.id in ("ImportError", "ModuleNotFoundError")):
        inner = _block_imports(stmt.body)
        if inner is not None and all(level == 0 and _installed(name) for name, level in inner):
            return inner
        return _block_imports(stmt.handlers[0].body)  # the handler runs (a flag set, a fallback import)
    if isinstance(stmt, ast.If) and _find_spec_guard(stmt.test):
        branch = stmt.body if _installed(_find_spec_guard(stmt.test)) else stmt.orelse
        if not _only_imports(branch):
            return None
        return [pair for i in branch if not isinstance(i, ast.Pass) for pair in _import_names(i)]
    return None


def _block_imports(body):
    """The imports of statements that are imports, the idioms above or effect-free; None if one
    is none of these."""
    pairs = []
    for stmt in body:
        inner = _idiom_imports(stmt)
        if inner is None:
            if not _effect_free(stmt):
                return None
            continue
        pairs.extend(inner)
    return pairs


# Calls that change nothing an import after them could see (their arguments checked too).
_INERT_CALLS = {"list", "dict", "set", "tuple", "frozenset", "str", "bytes", "int", "float", "bool", "len",
                "sorted", "range", "enumerate", "zip", "repr", "min", "max", "object", "Path", "pathlib.Path",
                "os.getenv", "os.environ.get", "os.getcwd", "os.fspath", "logging.getLogger", "re.compile",
                "TypeVar", "typing.TypeVar", "NewType", "typing.NewType", "namedtuple", "collections.namedtuple"}


def _dotted(node):
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return None


def _inert(node):
    """Whether evaluating an expression changes nothing outside it: literals, names, operators and
    the calls above, os.path's and pytest's (marks, fixtures, params; not register_assert_rewrite)."""
    for inner in ast.walk(node):
        if isinstance(inner, (ast.Await, ast.Yield, ast.YieldFrom, ast.NamedExpr)):
            return False
        if isinstance(inner, ast.Call):
            name = _dotted(inner.func)
            if name is None and isinstance(inner.func, ast.Attribute):
                continue  # a method of a value made here (`Path(__file__).resolve()`, "".join): walked too
            name = name or ""
            if not (name in _INERT_CALLS or name.startswith("os.path.")
                    or (name.startswith("pytest.") and name != "pytest.register_assert_rewrite")):
                return False
    return True


def _effect_free(stmt):
    """Whether a top-level statement leaves the imports after it as they would be without it: a
    definition (its decorators and a class body taken as such), a docstring, `pass`, names bound to
    inert expressions, or an `if TYPE_CHECKING:` block. Anything else (a call, an assignment to an
    attribute or item such as os.environ's, a `with` or a loop) may configure what a later import
    reads, as a conftest setting a library's environment variable or sys.path does."""
    if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Pass)):
        return True
    if isinstance(stmt, ast.Expr):
        return isinstance(stmt.value, ast.Constant)
    if isinstance(stmt, ast.If) and (_dotted(stmt.test) or "").split(".")[-1] == "TYPE_CHECKING":
        return not stmt.orelse
    if isinstance(stmt, (ast.Assign, ast.AnnAssign)):
        targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
        names = all(isinstance(t, ast.Name) or (isinstance(t, ast.Tuple) and all(isinstance(e, ast.Name) for e in t.elts))
                    for t in targets)
        return names and (stmt.value is None or _inert(stmt.value))
    return False


def _importorskip_name(stmt):
    """`x = pytest.importorskip("name")`: the module it imports."""
    value = stmt.value if isinstance(stmt, (ast.Assign, ast.Expr)) else None
    if (isinstance(value, ast.Call) and _dotted(value.func) == "pytest.importorskip" and value.args
            and isinstance(value.args[0], ast.Constant) and isinstance(value.args[0].value, str)):
        return value.args[0].value
    return None


def _module_file(name, level, importer, bases):
    """The project file a module name resolves to (package __init__ files on the way included),
    found by path alone: nothing of the project is imported to find it."""
    if level:
        base = os.path.dirname(importer)
        for _ in range(level - 1):
            base = os.path.dirname(base)
        search = [base]
    else:
        search = bases
    parts = [p for p in name.split(".") if p]
    for base in search:
        found = []
        directory = base
        for i, part in enumerate(parts):
            package = os.path.join(directory, part, "__init__.py")
            module = os.path.join(directory, part + ".py")
            if os.path.isfile(package):
                found.append(package)
                directory = os.path.join(directory, part)
            elif i == len(parts) - 1 and os.path.isfile(module):
                found.append(module)
            else:
                found = None
                break
        if found:
            return found
        if not parts and level:
            init = os.path.join(base, "__init__.py")
            return [init] if os.path.isfile(init) else None
    return None


_MAX_PROJECT_FILES = 2000


def candidate_modules(files, rootdir):
    """The absolute imports of the test files, the conftest.py files above them and the project
    modules they lead to, in the order pytest's session would import them (each directory's
    conftest.py before its modules; a project module read where it is imported), up to the first
    statement that may change what a later import does (_effect_free): a conftest that sets a
    library's environment variable, edits sys.path or configures a library's module (sqlalchemy's
    plugin, before its testing modules are imported) ends the list there. Project modules are
    followed by reading them, never by importing them."""
    rootdir = os.path.abspath(rootdir)
    # a virtualenv inside the project (`.venv/`) is on sys.path under the rootdir too: what it
    # holds is third-party (to import in the parent), not project files to read and follow
    shared = _shared_roots()
    project_bases = [rootdir] + [os.path.abspath(p) for p in sys.path
                                 if p and os.path.abspath(p).startswith(rootdir + os.sep)
                                 and not any((os.path.realpath(p) + os.sep).startswith(r) for r in shared)]
    order = []
    for path in files:
        path = os.path.abspath(path)
        chain = []
        directory = os.path.dirname(path)
        while directory.startswith(rootdir):
            chain.append(os.path.join(directory, "conftest.py"))
            if directory == rootdir or os.path.dirname(directory) == directory:
                break
            directory = os.path.dirname(directory)
        order.extend(list(reversed(chain)) + [path])
    seen_files = set()
    ordered = []

    def read(candidate):
        """Adds what `candidate` imports; False once a conftest.py met a statement with an effect
        (another file's effect ends only its own reading: a test module or a project module that
        configures a library for the test modules after it is not known to happen)."""
        if candidate in seen_files or len(seen_files) >= _MAX_PROJECT_FILES:
            return True
        if not candidate.endswith(".py") or not os.path.isfile(candidate):
            return True
        seen_files.add(candidate)
        try:
            with open(candidate, "rb") as f:
                tree = ast.parse(f.read())
        except (OSError, SyntaxError, ValueError):
            # its import fails, or does what cannot be read: a conftest's ends the list
            return os.path.basename(candidate) != "conftest.py"
        bases = [os.path.dirname(candidate)] + project_bases  # rootdir-relative and sibling imports
        for stmt in tree.body:
            pairs = _idiom_imports(stmt)
            if pairs is None:
                skipped = _importorskip_name(stmt)
                if skipped is not None:
                    pairs = [(skipped, 0)]
                elif _effect_free(stmt):
                    continue
                else:
                    return os.path.basename(candidate) != "conftest.py"
            for name, level in pairs:
                own = _module_file(name, level, candidate, bases)
                if own:
                    if not all(read(file) for file in own):
                        return False
                elif level == 0:
                    ordered.append(name)
        return True

    try:
        for candidate in order:
            if not read(candidate):
                break
    except RecursionError:
        pass  # a chain of project imports deeper than the interpreter's stack: what came before it
    out = []
    for name in ordered:
        if name not in out:
            out.append(name)
    return out


def _shared_roots():
    """site-packages and the stdlib: a virtualenv inside the project is still third-party."""
    import site
    import sysconfig

    roots = []
    try:
        roots.extend(site.getsitepackages())
    except AttributeError:
        pass
    try:
        roots.append(site.getusersitepackages())
    except AttributeError:
        pass
    for key in ("stdlib", "platstdlib", "purelib", "platlib"):
        path = sysconfig.get_paths().get(key)
        if path:
            roots.append(path)
    return [os.path.realpath(r) + os.sep for r in roots if r]


def is_shared_module(name, roots, rootdir):
    """True when the top-level package `name` is not the project's: it comes from outside the
    rootdir, or from site-packages inside it (a virtualenv in the project). The project's own
    sources, an editable install of them included, stay out: they may change between runs."""
    import importlib.util

    top = name.split(".")[0]
    if top in sys.builtin_module_names:
        return True
    try:
        spec = importlib.util.find_spec(top)
    except (ImportError, ValueError):
        return False
    if spec is None:
        return False
    locations = list(spec.submodule_search_locations or []) or ([spec.origin] if spec.origin else [])
    if not locations or spec.origin in ("frozen", "built-in"):
        return spec.origin in ("frozen", "built-in")
    project = os.path.realpath(rootdir) + os.sep
    for location in locations:
        real = os.path.realpath(location)
        if real.startswith(project) and not any(real.startswith(root) for root in roots):
            return False
    return True


def _plugin_modules():
    """Top-level modules of installed pytest plugins (entry points `pytest11`): pytest marks them
    for assertion rewriting when it loads them, and warns about one imported before."""
    try:
        from importlib.metadata import entry_points

        found = entry_points()
        group = found.select(group="pytest11") if hasattr(found, "select") else found.get("pytest11", [])
        return {ep.value.split(":")[0].split(".")[0] for ep in group}
    except Exception:  # broken metadata: no plugin is left out by name
        return set()


def _open_fds():
    for path in ("/proc/self/fd", "/dev/fd"):
        try:
            return set(os.listdir(path))
        except OSError:
            continue
    return None


def _observable_state():
    """What an import must leave as it found it for the parent to be invisible to tests."""
    import logging
    import threading
    import warnings

    return {
        "environ": dict(os.environ),
        "cwd": os.getcwd(),
        "path": list(sys.path),
        "meta_path": list(sys.meta_path),
        "threads": threading.active_count(),
        "fds": _open_fds(),
        "root_handlers": list(logging.root.handlers),
        "root_level": logging.root.level,
        "filters": list(warnings.filters),
        "signals": [signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)],
        "stdio": (sys.stdout, sys.stderr, sys.stdin),
        "hooks": (sys.excepthook, sys.displayhook, sys.gettrace(), sys.getprofile()),
    }


def _binds_stdio(names):
    """Whether a newly imported module holds the stdio stream objects in its globals (`from sys
    import stdout`): pytest imports it under capture, so the module would see capture's stream,
    the one its tests then print to and compare against (structlog's PrintLogger pickling)."""
    streams = [s for s in (sys.stdout, sys.stderr, sys.stdin, sys.__stdout__, sys.__stderr__, sys.__stdin__)
               if s is not None]
    for name in names:
        namespace = getattr(sys.modules.get(name), "__dict__", None)
        if isinstance(namespace, dict) and any(
                any(value is stream for stream in streams) for value in list(namespace.values())):
            return True
    return False


def _project_modules(rootdir, roots):
    """Modules loaded from the project's own files (not its virtualenv)."""
    project = os.path.realpath(rootdir) + os.sep
    found = set()
    for name, module in list(sys.modules.items()):
        path = getattr(module, "__file__", None)
        if not path:
            continue
        real = os.path.realpath(path)
        if real.startswith(project) and not any(real.startswith(root) for root in roots):
            found.add(name)
    return found


def _runqueue_wait():
    """Seconds this process has waited for a CPU so far (Linux /proc/self/schedstat), else 0."""
    try:
        with open("/proc/self/schedstat", "rb") as f:
            return int(f.read().split()[1]) / 1e9
    except (OSError, ValueError, IndexError):
        return 0.0


def _busy_clock():
    """Wall seconds less the time spent waiting for a CPU: what the imports take on an idle
    machine (CPU and I/O), which a loaded machine's wall clock inflates several times."""
    return time.perf_counter() - _runqueue_wait()


def import_shared(names, rootdir, roots):
    """Imports each name, checking that it changes nothing a test could see beyond the modules
    themselves (no warning at import, no thread, no open file or socket, no change to the
    environment, sys.path, logging or signal handlers). Returns (imported, unsafe, seconds)."""
    import importlib
    import warnings

    imported, unsafe = [], []
    project_before = _project_modules(rootdir, roots)
    started = _busy_clock()
    for name in names:
        if name in sys.modules:
            continue
        before = _observable_state()
        modules_before = set(sys.modules)
        problem = None
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            filters_inside = list(warnings.filters)
            try:
                importlib.import_module(name)
            except BaseException as e:
                problem = "%s: %s" % (type(e).__name__, e)
            if list(warnings.filters) != filters_inside:
                problem = problem or "changes the warning filters"
        if caught:
            problem = problem or "warns at import (%s)" % caught[0].category.__name__
        if problem is None:
            after = _observable_state()
            changed = [key for key in before if before[key] != after[key]]
            if changed:
                problem = "changes %s" % ", ".join(changed)
            elif _binds_stdio(set(sys.modules) - modules_before):
                problem = "keeps sys.stdout or sys.stderr in a module global"
            else:
                project = sorted(_project_modules(rootdir, roots) - project_before)
                if project:
                    problem = "imports the project's own module %s" % project[0]
        if problem is not None:
            unsafe.append((name, problem))
            break  # what it did cannot be undone: this parent is not used
        imported.append(name)
    return imported, unsafe, _busy_clock() - started


class _Parent:
    def __init__(self):
        self.control_in = sys.stdin.buffer
        self.control_out = os.fdopen(os.dup(1), "w", buffering=1, encoding="utf-8")
        # anything a module prints while imported here goes to stderr, not into the control pipe
        os.dup2(2, 1)
        self.children = {}  # pid -> id
        self.preload = None
        self.early = ([], [], 0.0)

    def say(self, message):
        try:
            self.control_out.write(json.dumps(message) + "\n")
            self.control_out.flush()
        except OSError:
            pass  # Node is gone: the parent still waits for its children, then ends

    def reap(self):
        while self.children:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            ident = self.children.pop(pid, None)
            if os.WIFSIGNALED(status):
                number = os.WTERMSIG(status)
                try:
                    name = signal.Signals(number).name
                except ValueError:
                    name = str(number)
                self.say({"t": "exit", "id": ident, "pid": pid, "code": None, "signal": name})
            else:
                self.say({"t": "exit", "id": ident, "pid": pid, "code": os.WEXITSTATUS(status), "signal": None})

    def on_early(self, message):
        """What the last run's parent imported, imported again while Node discovers; checked
        against this run's files when they are known (on_preload)."""
        roots = _shared_roots()
        rootdir = message.get("rootdir") or os.getcwd()
        names = [name for name in message.get("names") or () if is_shared_module(name, roots, rootdir)]
        imported, unsafe, seconds = import_shared(names, rootdir, roots)
        self.early = (imported, unsafe, seconds)

    def on_preload(self, message):
        self.preload = message
        rootdir = message.get("rootdir") or os.getcwd()
        exclude = set(message.get("exclude") or ()) | _plugin_modules()
        roots = _shared_roots()
        names = [name for name in candidate_modules(message.get("files") or [], rootdir)
                 if name.split(".")[0] not in exclude and name.split(".")[0] not in ("fastest_worker",)
                 and is_shared_module(name, roots, rootdir)]
        self.say({"t": "measuring", "count": len(names)})
        early_imported, unsafe, early_seconds = self.early
        stale = [name for name in early_imported if name not in names]
        if stale and not unsafe:
            unsafe = [(stale[0], "is no longer imported by the suite's files")]
        imported, seconds = list(early_imported), early_seconds
        if not unsafe:
            more, unsafe, seconds = import_shared(names, rootdir, roots)
            imported += more
            seconds += early_seconds
        if unsafe:
            self.say({"t": "unusable", "reason": "%s %s" % unsafe[0], "unsafe": [n for n, _ in unsafe],
                      "imported": imported, "seconds": round(seconds, 4)})
            self.preload = None
        else:
            self.say({"t": "ready", "imported": imported, "seconds": round(seconds, 4)})

    def on_fork(self, message):
        """Returns the child's worker arguments in the child, None in the parent."""
        if self.preload is None:
            return None
        sys.stdout.flush()
        sys.stderr.flush()
        # The parent's objects are never collected in a child: its collections would write to
        # every page of them (copy-on-write), as the interpreter's own end would (ending.py).
        gc.freeze()
        pid = os.fork()
        if pid == 0:
            return message
        self.children[pid] = message.get("id")
        self.say({"t": "forked", "id": message.get("id"), "pid": pid})
        return None

    def loop(self):
        """Serves Node until its pipe closes and every child has exited; in a forked child,
        returns the fork request."""
        selector = selectors.DefaultSelector()
        selector.register(self.control_in, selectors.EVENT_READ)
        buffer = b""
        open_ = True
        while open_ or self.children:
            ready = selector.select(_POLL_SECONDS) if open_ else time.sleep(_POLL_SECONDS)
            self.reap()
            if not open_ or not ready:
                continue
            chunk = os.read(self.control_in.fileno(), 65536)
            if not chunk:
                open_ = False
                continue
            buffer += chunk
            while b"\n" in buffer:
                line, buffer = buffer.split(b"\n", 1)
                message = json.loads(line)
                kind = message.get("t")
                if kind == "early":
                    self.on_early(message)
                elif kind == "preload":
                    self.on_preload(message)
                elif kind == "fork":
                    child = self.on_fork(message)
                    if child is not None:
                        selector.close()
                        return child
        return None


def _connect(path, token, ident, kind):
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.connect(path)
    sock.sendall(("%s %s %s\n" % (token, ident, kind)).encode("ascii"))
    fd = sock.detach()
    os.set_inheritable(fd, False)
    return fd


def become_worker(parent, request):
    """In the forked child: own session, fresh random state, Node's sockets as the worker's
    frames and output, the parent's control pipe closed; then the ordinary worker."""
    os.setsid()
    # The parent may have listed a project directory before a file was added to it (fastest watch
    # forks from one parent for many runs): the import system lists directories again.
    import importlib

    importlib.invalidate_caches()
    preload = parent.preload
    try:
        parent.control_out.close()
    except OSError:
        pass
    proto = _connect(preload["socket"], preload["token"], request["id"], "frames")
    output = _connect(preload["socket"], preload["token"], request["id"], "output")
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)  # and the parent's control pipe is no longer fd 0
    os.close(devnull)
    os.dup2(output, 1)
    os.dup2(output, 2)
    os.close(output)
    sys.argv[1:] = []  # as a worker started by Node: no --warm-parent
    os.environ["FASTEST_WORKER"] = str(request["index"])
    os.environ["FASTEST_WORKER_COUNT"] = str(request["workers"])
    if os.environ.get("FASTEST_XDIST_ENV") == "1":
        os.environ["PYTEST_XDIST_WORKER"] = "gw%d" % request["index"]
        os.environ["PYTEST_XDIST_WORKER_COUNT"] = str(request["workers"])
    # os.fork reseeds `random` itself; numpy's global generator is not reseeded by a fork
    numpy_random = sys.modules.get("numpy.random")
    if numpy_random is not None:
        try:
            numpy_random.seed()
        except Exception:
            pass
    from .worker import main

    end_now(main(proto_fds=(proto, proto)))


def main():
    # The parent never runs tests: the engine's own import is the shared part every worker needs.
    from . import debugger
    from .worker import _native_pytest_range_reason, _pytest_version, preload_engine

    debugger.take_terminal()  # its forks' (a worker's own start finds it taken)
    socket_dir = os.environ.pop("FASTEST_WARM_SOCKET_DIR", "")

    if os.environ.pop("FASTEST_WARM_PROBE", None) == "1":
        try:
            os.nice(10)  # only measuring, beside the run's own workers
        except OSError:
            pass

    if _native_pytest_range_reason(_pytest_version()) is None:
        preload_engine()
    parent = _Parent()
    request = parent.loop()
    if request is None:
        # Node removes it at its end, but not when it was killed outright (SIGKILL)
        if os.path.basename(socket_dir).startswith("fastest-warm-"):
            shutil.rmtree(socket_dir, ignore_errors=True)
        end_now(0)
    become_worker(parent, request)
