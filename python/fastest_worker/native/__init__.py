"""The native engine: runs pytest-style test modules without pytest's collection machinery."""


def __getattr__(name):  # lazy: importing the package must not import pytest
    if name == "NativeEngine":
        from .engine import NativeEngine
        return NativeEngine
    raise AttributeError(name)
