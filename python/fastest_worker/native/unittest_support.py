"""unittest.TestCase support, as pytest 9's _pytest/unittest.py runs it.

The item acts as the unittest result object; the first error/failure/skip/expected failure
recorded decides the outcome, exactly like TestCaseFunction. Each subTest (passed, failed or
skipped) is a report of its own, as pytest 9's TestCaseFunction.addSubTest makes it; a failing
subTest does not fail the test itself.
"""
from __future__ import annotations

import importlib.util
import sys
from typing import Any, Callable, List, Mapping, Optional

from _pytest.outcomes import fail, skip, xfail

from .pytest_compat import UNITTEST_SKIP_FIXTURE

if sys.version_info < (3, 11):
    from exceptiongroup import ExceptionGroup  # type: ignore  # pytest's dependency before 3.11


def is_testcase_class(obj) -> bool:
    ut = sys.modules.get("unittest")
    if ut is None:
        return False
    try:
        return issubclass(obj, ut.TestCase)
    except Exception:  # as pytest's unittest plugin
        return False


def is_skipped(obj) -> bool:
    return bool(getattr(obj, "__unittest_skip__", False))


def test_names(cls) -> List[str]:
    import unittest
    names = list(unittest.TestLoader().getTestCaseNames(cls))
    if not names and getattr(cls, "runTest", None) is not None:
        names = ["runTest"]
    return names


def register_fixtures(registry, node, cls) -> None:
    if is_skipped(cls):
        if UNITTEST_SKIP_FIXTURE:
            def unittest_skip_fixture(request):
                raise skip.Exception(getattr(cls, "__unittest_skip_why__", ""), _use_item_location=True)

            registry.register(f"_unittest_skip_fixture_{cls.__qualname__}", unittest_skip_fixture,
                              node.nodeid, "class", autouse=True)
        return
    setup = getattr(cls, "setUpClass", None)
    teardown = getattr(cls, "tearDownClass", None)
    if setup is not None or teardown is not None:
        cleanup = getattr(cls, "doClassCleanups", lambda: None)

        def process_teardown_exceptions() -> None:
            exc_infos = getattr(cls, "tearDown_exceptions", None)
            if not exc_infos:
                return
            exceptions = [exc for (_, exc, _) in exc_infos]
            if len(exceptions) == 1:
                raise exceptions[0]
            raise ExceptionGroup("Unittest class cleanup errors", exceptions)

        def unittest_setup_class_fixture(request):
            klass = request.cls
            if is_skipped(klass):
                raise skip.Exception(klass.__unittest_skip_why__, _use_item_location=True)
            if setup is not None:
                try:
                    setup()
                except Exception:
                    cleanup()
                    process_teardown_exceptions()
                    raise
            yield
            try:
                if teardown is not None:
                    teardown()
            finally:
                cleanup()
                process_teardown_exceptions()

        registry.register(f"_unittest_setUpClass_fixture_{cls.__qualname__}",
                          unittest_setup_class_fixture, node.nodeid, "class", autouse=True)
    setup_m = getattr(cls, "setup_method", None)
    teardown_m = getattr(cls, "teardown_method", None)
    if setup_m is not None or teardown_m is not None:
        def unittest_setup_method_fixture(request):
            self = request.instance
            if is_skipped(self):
                raise skip.Exception(self.__unittest_skip_why__, _use_item_location=True)
            if setup_m is not None:
                setup_m(self, request.function)
            yield
            if teardown_m is not None:
                teardown_m(self, request.function)

        registry.register(f"_unittest_setup_method_fixture_{cls.__qualname__}",
                          unittest_setup_method_fixture, node.nodeid, "function", autouse=True)


# (item, exception or None, msg, params, unittest) -> None: the engine's subtest report.
SubtestRecorder = Callable[[Any, Optional[BaseException], Optional[str], dict, bool], None]


def subtest_description(msg: Optional[str], kwargs: Mapping[str, Any]) -> str:
    """`[msg] (k=v, ...)`, or `(<subtest>)`: pytest's SubtestReport._sub_test_description."""
    parts = []
    if msg is not None:
        parts.append(f"[{msg}]")
    if kwargs:
        from _pytest._io.saferepr import saferepr
        parts.append("(" + ", ".join(f"{k}={saferepr(v)}" for k, v in kwargs.items()) + ")")
    return " ".join(parts) or "(<subtest>)"


def _subtest_context(test) -> tuple:
    from unittest.case import _subtest_msg_sentinel
    message = getattr(test, "_message", _subtest_msg_sentinel)
    msg = None if message is _subtest_msg_sentinel else str(message)
    return msg, dict(getattr(test, "params", {}) or {})


SUBTESTS_SUPPORTED = importlib.util.find_spec("_pytest.subtests") is not None  # pytest >= 9


class UnittestResult:
    """The result object handed to TestCase.run; keeps the exceptions in order."""

    failfast = False
    shouldStop = False

    def __init__(self, item=None, record_subtest: Optional[SubtestRecorder] = None):
        self.excs: List[BaseException] = []
        self.item = item
        self.record_subtest = record_subtest

    def _add(self, rawexcinfo) -> None:
        exc = rawexcinfo[1]
        if exc is not None and exc.__traceback__ is None and rawexcinfo[2] is not None:
            exc = exc.with_traceback(rawexcinfo[2])
        self.excs.append(exc)

    def startTest(self, testcase) -> None:
        pass

    def stopTest(self, testcase) -> None:
        pass

    def addError(self, testcase, rawexcinfo) -> None:
        self._add(rawexcinfo)

    def addFailure(self, testcase, rawexcinfo) -> None:
        self._add(rawexcinfo)

    def addSkip(self, testcase, reason) -> None:
        from unittest.case import _SubTest
        try:
            raise skip.Exception(reason, _use_item_location=True)
        except skip.Exception as e:
            if isinstance(testcase, _SubTest):
                if self.record_subtest is not None:
                    msg, params = _subtest_context(testcase)
                    self.record_subtest(self.item, e, msg, params, True)
                return
            self.excs.append(e)

    def addExpectedFailure(self, testcase, rawexcinfo, reason="") -> None:
        try:
            xfail(str(reason))
        except xfail.Exception as e:
            self.excs.append(e)

    def addUnexpectedSuccess(self, testcase, reason=None) -> None:
        msg = "Unexpected success"
        if reason:
            msg += f": {reason.reason}"
        try:
            fail(msg, pytrace=False)
        except fail.Exception as e:
            self.excs.append(e)

    def addSuccess(self, testcase) -> None:
        pass

    def addDuration(self, testcase, elapsed) -> None:
        pass

    def _add_subtest(self, test_case, test, exc_info) -> None:
        exc = None
        if exc_info is not None:
            exc = exc_info[1]
            if exc.__traceback__ is None:
                exc = exc.with_traceback(exc_info[2])
        if self.record_subtest is not None:
            msg, params = _subtest_context(test)
            self.record_subtest(self.item, exc, msg, params, True)

    # pytest < 9 has no subtest support: without addSubTest on the result, unittest runs each
    # `with self.subTest()` block inline, and its first failure fails the test.
    if SUBTESTS_SUPPORTED:
        addSubTest = _add_subtest


def run_testcase(item, record_subtest: Optional[SubtestRecorder] = None) -> None:
    """Run one TestCase method (setUp, test, tearDown, cleanups) and raise its outcome."""
    testcase = item.instance
    result = UnittestResult(item, record_subtest)
    name = item.originalname
    setattr(testcase, name, item.obj)
    try:
        testcase(result=result)
    finally:
        try:
            delattr(testcase, name)
        except AttributeError:
            pass
    excs = result.excs
    if excs:
        exc = excs[0]
        ut = sys.modules.get("unittest")
        if ut is not None and isinstance(exc, ut.SkipTest):
            raise skip.Exception(str(exc), _use_item_location=True) from None
        raise exc


def pytest_skip_of(exc: BaseException, when: str) -> BaseException:
    """The skip pytest's unittest plugin makes of a unittest.SkipTest that reaches its
    pytest_runtest_makereport (raised by setUpClass, a fixture, or a plain test function: a
    TestCase's own method is skipped by unittest itself): pytest.skip raised in that plugin's
    module, whose line is the skip's location (`SKIPPED [2] .../_pytest/unittest.py:502: reason`).
    Made by pytest's own hook, so the location is that of the installed pytest."""
    import types

    from _pytest import unittest as pytest_unittest

    call = types.SimpleNamespace(excinfo=types.SimpleNamespace(value=exc), when=when)
    pytest_unittest.pytest_runtest_makereport(item=None, call=call)
    return call.excinfo.value
