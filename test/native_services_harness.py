"""Drives the native engine's runtime services directly (no engine core, no pytest runner).

Usage (prints one JSON document on stdout):
  python native_services_harness.py asserts FILE CACHE_DIR [VERBOSE]
      import FILE under the rewrite hook, call each test_* function, report
      {test name: AssertionError message lines as pytest shows them after "E   "}.
  python native_services_harness.py cache SRC_DIR CACHE_DIR N
      write N test modules to SRC_DIR (if missing), import them under the hook and report
      seconds taken plus the rewrite counters.
  python native_services_harness.py services FIXTURE_DIR CAPTURE_MODE CACHE_DIR
      run each test_* function of FIXTURE_DIR/test_services.py with the builtin fixtures,
      the capture manager and warnings recording wired the way the engine core wires them;
      report {test name: "passed" | "failed: ..."} plus captured sections.
"""

from __future__ import annotations

import importlib
import inspect
import json
import os
import sys
import time
import types

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "python"))

from fastest_worker.native import rewrite  # noqa: E402


def _is_test_file(path: str) -> bool:
    base = os.path.basename(path)
    return (base.startswith("test_") and base.endswith(".py")) or base == "conftest.py"


def cmd_asserts(path: str, cache_dir: str, verbose: int) -> dict:
    rewrite.configure(verbose=verbose)
    directory, base = os.path.split(os.path.abspath(path))
    sys.path.insert(0, directory)
    rewrite.install_rewrite_hook(directory, cache_dir, _is_test_file)
    module = importlib.import_module(base[:-3])
    tests: list[tuple[str, object]] = []
    for name, obj in vars(module).items():
        if name.startswith("test_") and callable(obj):
            tests.append((name, obj))
        elif name.startswith("Test") and isinstance(obj, type):
            instance = obj()
            tests.extend(("{}.{}".format(name, attr), getattr(instance, attr))
                         for attr in vars(obj) if attr.startswith("test_"))
    messages: dict[str, list[str] | None] = {}
    for name, func in tests:
        try:
            func()  # type: ignore[operator]
        except AssertionError as exc:
            messages[name] = rewrite.assertion_message_lines(exc)
        except Exception as exc:
            messages[name] = ["not an AssertionError: {!r}".format(exc)]
        else:
            messages[name] = None
    return {"messages": messages, "stats": rewrite.stats}


def cmd_cache(src_dir: str, cache_dir: str, count: int) -> dict:
    os.makedirs(src_dir, exist_ok=True)
    body = "".join(
        "def test_{i}():\n    x = {i}\n    assert x + 1 == {j}, 'msg'\n    assert [x] * 3 != [x, x]\n\n".format(i=i, j=i + 1)
        for i in range(20)
    )
    names = []
    for i in range(count):
        name = "test_cache_mod_{}".format(i)
        names.append(name)
        file_path = os.path.join(src_dir, name + ".py")
        if not os.path.exists(file_path):
            with open(file_path, "w") as fh:
                fh.write('"""Generated."""\nimport os\n\n' + body)
    sys.path.insert(0, src_dir)
    rewrite.install_rewrite_hook(src_dir, cache_dir, _is_test_file)
    start = time.perf_counter()
    for name in names:
        importlib.import_module(name)
    seconds = time.perf_counter() - start
    # every imported module must carry rewritten asserts that pass
    for name in names:
        sys.modules[name].test_3()
    return {"seconds": seconds, "stats": rewrite.stats,
            "rewritten": sum(1 for n in names if n in rewrite._installed[0].rewritten)}


# --------------------------------------------------------------------------- services


class _Node:
    def __init__(self, name: str, nodeid: str, marks: list | None = None) -> None:
        self.name = name
        self.nodeid = nodeid
        self._marks = marks or []

    def get_closest_marker(self, name: str):
        for mark in self._marks:
            if mark.name == name:
                return mark
        return None


class _Config:
    def __init__(self, rootdir: str) -> None:
        import pathlib
        self.rootpath = pathlib.Path(rootdir)
        self._capture_manager = None
        self.ini = {"log_level": None}

    def getoption(self, name: str, default=None):
        return default

    def getini(self, name: str):
        return self.ini.get(name)


class _Request:
    """The few request attributes the builtin fixtures use; the engine core supplies the real one."""

    def __init__(self, runner: "_MiniRunner", node: _Node, fixturename: str, scope: str) -> None:
        self._runner = runner
        self.node = node
        self.config = runner.config
        self.fixturename = fixturename
        self.scope = scope

    def addfinalizer(self, fn) -> None:
        self._runner.finalizers[self.scope].append(fn)

    def getfixturevalue(self, name: str):
        return self._runner.fixture_value(name, self.node)


class _MiniRunner:
    """Resolves builtin fixtures by parameter name: just enough to drive builtins.py."""

    def __init__(self, rootdir: str) -> None:
        from fastest_worker.native import builtins as fixtures
        self.fixtures = fixtures.BUILTIN_FIXTURES
        self.config = _Config(rootdir)
        self.values: dict[str, dict[str, object]] = {"session": {}, "function": {}}
        self.finalizers: dict[str, list] = {"session": [], "function": []}

    def fixture_value(self, name: str, node: _Node):
        scope, func = self.fixtures[name]
        cache = self.values[scope]
        if name in cache:
            return cache[name]
        kwargs = {}
        for param in inspect.signature(func).parameters:
            if param == "request":
                kwargs[param] = _Request(self, node, name, scope)
            else:
                kwargs[param] = self.fixture_value(param, node)
        if inspect.isgeneratorfunction(func):
            gen = func(**kwargs)
            value = next(gen)

            def finish(gen=gen):
                try:
                    next(gen)
                except StopIteration:
                    pass
            self.finalizers[scope].append(finish)
        else:
            value = func(**kwargs)
        cache[name] = value
        return value

    def teardown(self, scope: str) -> None:
        while self.finalizers[scope]:
            self.finalizers[scope].pop()()
        self.values[scope].clear()


def cmd_services(fixture_dir: str, capture_mode: str, cache_dir: str) -> dict:
    from fastest_worker.native.capture import CaptureManager

    fixture_dir = os.path.abspath(fixture_dir)
    os.chdir(fixture_dir)  # the worker runs with the rootdir as its working directory
    sys.path.insert(0, fixture_dir)
    rewrite.install_rewrite_hook(fixture_dir, cache_dir, _is_test_file)
    module = importlib.import_module("test_services")
    runner = _MiniRunner(fixture_dir)
    capman = CaptureManager(capture_mode)
    runner.config._capture_manager = capman
    try:
        return _run_services(module, runner, capman, fixture_dir)
    finally:
        capman.stop()


def _run_services(module, runner, capman, fixture_dir: str) -> dict:
    from fastest_worker.native import warnings_rec
    results: dict[str, dict] = {}
    all_warnings: list = []
    for name, func in list(vars(module).items()):
        if not name.startswith("test_") or not isinstance(func, types.FunctionType):
            continue
        node = _Node(name, "test_services.py::" + name)
        outcome = "passed"
        sections: dict[str, tuple[str, str]] = {}
        capman.start_test()
        marks = [m for m in getattr(func, "pytestmark", []) if m.name == "filterwarnings"]
        mark_filters = [arg for mark in marks for arg in mark.args]
        with warnings_rec.record_warnings(mark_filters=mark_filters) as caught:
            try:
                kwargs = {p: runner.fixture_value(p, node) for p in inspect.signature(func).parameters}
                sections["setup"] = capman.phase_done("setup") + (capman.last_log,)
                func(**kwargs)
            except AssertionError as exc:
                outcome = "failed: " + " | ".join(rewrite.assertion_message_lines(exc))
            except Exception as exc:
                outcome = "error: {}: {}".format(type(exc).__name__, exc)
            sections["call"] = capman.phase_done("call") + (capman.last_log,)
            try:
                runner.teardown("function")
            except Exception as exc:
                outcome = "teardown error: {}: {}".format(type(exc).__name__, exc)
            sections["teardown"] = capman.phase_done("teardown") + (capman.last_log,)
        all_warnings.extend(warnings_rec.WarningReport.from_message(w, node.nodeid) for w in caught)
        results[name] = {"outcome": outcome, "sections": sections, "warnings": len(caught)}
    runner.teardown("session")
    summary = warnings_rec.format_warnings_summary(all_warnings, fixture_dir)
    return {"results": results, "warnings_summary": summary}


def main(argv: list[str]) -> int:
    # like the worker: keep the real stdout for our JSON, whatever fd 1 becomes meanwhile
    result_fd = os.dup(1)
    command = argv[0]
    if command == "asserts":
        verbose = int(argv[3]) if len(argv) > 3 else 0
        out = cmd_asserts(argv[1], argv[2], verbose)
    elif command == "cache":
        out = cmd_cache(argv[1], argv[2], int(argv[3]))
    elif command == "services":
        out = cmd_services(argv[1], argv[2], argv[3])
    else:
        print("unknown command " + command, file=sys.stderr)
        return 4
    os.write(result_fd, (json.dumps(out) + "\n").encode())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
