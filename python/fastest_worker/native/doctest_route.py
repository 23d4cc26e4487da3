"""Which units the doctest plugin's items make the pytest engine's (doctests run there only)."""
import os


def doctest_reason(args, rootdir, file):
    """Why `file` runs in the pytest engine under --doctest-modules: it may have doctests (a
    `>>>` in its source, or docstrings and `__test__` set at run time, as discovery judges it:
    src/discovery/doctests.ts). None when it has none, or doctest modules are off."""
    if not file.endswith(".py") or "--doctest-modules" not in args:
        return None
    try:
        with open(os.path.join(rootdir, file), "rb") as source:
            content = source.read()
    except OSError:
        return None
    if b">>>" not in content and b"__doc__" not in content and b"__test__" not in content:
        return None
    return "doctests (--doctest-modules) run in the pytest engine"
