"""Run test modules with the native engine and print its frames as JSON lines.

usage: python test/native_harness.py ROOTDIR [--ids ID ...] [--ini KEY=VALUE ...] [--check] [--collect-first] FILE...
Prints one JSON object per frame (start/result/collect_error) plus {"t":"unit_done",...}.
With --check, prints unsupported_reason for each file instead of running it. With
--collect-first, every file is collected before the first runs (the worker's collection pass).
"""
import json
import os
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.normpath(os.path.join(HERE, "..", "python")))


def main(argv):
    rootdir = os.path.abspath(argv[0])
    files, ids, ini, check, args, collect_first = [], None, {}, False, [], False
    i = 1
    while i < len(argv):
        a = argv[i]
        if a == "--ids":
            ids = ids or []
            ids.append(argv[i + 1]); i += 2; continue
        if a == "--ini":
            k, _, v = argv[i + 1].partition("="); ini[k] = v; i += 2; continue
        if a == "--arg":
            args.append(argv[i + 1]); i += 2; continue
        if a == "--check":
            check = True; i += 1; continue
        if a == "--collect-first":
            collect_first = True; i += 1; continue
        files.append(a); i += 1
    os.chdir(rootdir)
    out = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)
    sys.stdout = sys.stderr

    def emit(frame):
        out.write(json.dumps(frame, default=repr) + "\n")
        out.flush()

    from fastest_worker.native.engine import NativeEngine
    # --check asks what `auto` would ask: why a module must run under pytest instead.
    engine = NativeEngine({"rootdir": rootdir, "engine": "auto" if check else "native", "args": args,
                           "capture": "fd", "verbose": 0, "ini": ini,
                           "cacheDir": os.environ.get("NATIVE_CACHE_DIR") or os.path.join(
                               tempfile.gettempdir(), "fastest-native-harness-cache"),
                           "workerId": 0}, emit)
    if not check:
        for f in files:
            engine.unsupported_reason(f)  # as the worker asks first: it loads the plugins a module needs
    if collect_first and not check:
        for f in files:
            engine.collect_file(f)
    for f in files:
        if check:
            emit({"t": "check", "file": f, "reason": engine.unsupported_reason(f)})
            continue
        done = engine.run_unit({"file": f, "ids": ids, "expected": 0})
        emit(dict(done, t="unit_done", file=f))
    engine.close()


if __name__ == "__main__":
    main(sys.argv[1:])
