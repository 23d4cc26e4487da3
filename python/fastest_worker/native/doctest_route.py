"""Which units the doctest plugin's items make the pytest engine's (doctests run there only)."""
import fnmatch
import os


def doctest_reason(args, rootdir, file, python_files):
    """Why `file` runs in the pytest engine under --doctest-modules: it may have doctests (a
    `>>>` in its source, or docstrings and `__test__` set at run time, as discovery judges it:
    src/discovery/doctests.ts), or it is no test module (`python_files()`, the ini's patterns),
    so that only the doctest plugin collects it: its import error is the doctest plugin's to
    report or skip (--doctest-ignore-import-errors). None when it is a test module without
    doctests, or doctest modules are off."""
    if not file.endswith(".py") or "--doctest-modules" not in args:
        return None
    base = os.path.basename(file)
    if not any(fnmatch.fnmatch(base, pattern) for pattern in python_files()):
        return "a module only the doctest plugin collects (--doctest-modules) runs in the pytest engine"
    try:
        with open(os.path.join(rootdir, file), "rb") as source:
            content = source.read()
    except OSError:
        return None
    if b">>>" not in content and b"__doc__" not in content and b"__test__" not in content:
        return None
    return "doctests (--doctest-modules) run in the pytest engine"
