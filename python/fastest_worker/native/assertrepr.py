"""Comparison details for failed asserts, the way pytest words them.

Standard library only at import; pytest is never imported here but for ``running_on_ci``, which
asks the loaded pytest (``approx`` objects are recognised by duck typing when
``_pytest.python_api`` is already loaded).

API
---
compare_explanation(op: str, left, right, verbose: int = 0) -> list[str] | None
    What pytest's ``pytest_assertrepr_compare`` returns for ``left <op> right``:
    the summary line (``'abc' == 'abd'``) followed by the detail lines
    (``''``, ``'- abd'``, ``'+ abc'`` ...), or None when pytest has no details
    for that operator/operand pair (then the plain ``assert a == b`` is used).
    Covers ==, !=, in/not in (text), <, <=, >, >= for sets; str (ndiff,
    ``Skipping N identical leading characters``), bytes, list/tuple/sequence,
    dict, set, dataclass/attrs/namedtuple, pytest.approx, and the
    ``Use -v to get more diff`` / ``Full diff:`` tail.
truncate_explanation(lines, verbose=0, max_lines=8, max_chars=640) -> list[str]
    pytest's truncation (``...Full output truncated (N lines hidden), use
    '-vv' to show``); no-op at verbose >= 2 or on CI (``$CI``/``$BUILD_NUMBER``).
saferepr(obj, maxsize: int | None = 240, use_ascii=False) -> str
    Size-limited repr that never raises, like ``_pytest._io.saferepr``.
pformat(obj) -> str
    pytest's one-item-per-line pretty printer used by ``Full diff:``.
running_on_ci() -> bool
"""

from __future__ import annotations

import collections
import dataclasses
import itertools
import pprint as _std_pprint
import re
import reprlib
import sys
import types
from typing import Any

DEFAULT_REPR_MAX_SIZE = 240
DEFAULT_MAX_LINES = 8
DEFAULT_MAX_CHARS = DEFAULT_MAX_LINES * 80
USAGE_MSG = "use '-vv' to show"


def _pytest_keeps_dict_order() -> bool:
    """pytest >= 9.1 shows dicts in insertion order (saferepr and the Full diff's pformat);
    older versions sort their keys. Read once, from pytest's own SafeRepr when installed."""
    try:
        from _pytest._io.saferepr import SafeRepr
    except ImportError:
        return False
    return "repr_dict" in SafeRepr.__dict__


DICT_INSERTION_ORDER = _pytest_keeps_dict_order()


def _dict_items(obj: dict) -> Any:
    return obj.items() if DICT_INSERTION_ORDER else sorted(obj.items(), key=_safe_pair)


def running_on_ci() -> bool:
    """The installed pytest's own answer (before pytest 9 a set but empty CI counts): pytest is
    loaded by the time a failure is explained."""
    try:
        from _pytest.compat import running_on_ci as pytest_running_on_ci
    except ImportError:  # pytest before 9 keeps it with its assertion helpers
        from _pytest.assertion.util import running_on_ci as pytest_running_on_ci
    return pytest_running_on_ci()


# --------------------------------------------------------------------------- saferepr


def _try_repr_or_str(obj: object) -> str:
    try:
        return repr(obj)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException:
        return '{}("{}")'.format(type(obj).__name__, obj)


def _repr_failure_text(exc: BaseException, obj: object) -> str:
    try:
        info = _try_repr_or_str(exc)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as inner:
        info = "unpresentable exception ({})".format(_try_repr_or_str(inner))
    return "<[{} raised in repr()] {} object at 0x{:x}>".format(info, type(obj).__name__, id(obj))


def _ellipsize(text: str, maxsize: int) -> str:
    if len(text) > maxsize:
        head = max(0, (maxsize - 3) // 2)
        tail = max(0, maxsize - 3 - head)
        return text[:head] + "..." + text[len(text) - tail:]
    return text


class _SafeRepr(reprlib.Repr):
    def __init__(self, maxsize: int | None, use_ascii: bool = False) -> None:
        super().__init__()
        self.maxstring = maxsize if maxsize is not None else 1_000_000_000
        self.maxsize = maxsize
        self.use_ascii = use_ascii

    def repr(self, x: object) -> str:
        return self._guarded(ascii if self.use_ascii else super().repr, x)

    def repr_instance(self, x: object, level: int) -> str:
        return self._guarded(repr, x)

    def _repr_dict_in_order(self, x: dict, level: int) -> str:
        if not x:
            return "{}"
        if level <= 0:
            return "{...}"
        pieces = [f"{self.repr1(key, level - 1)}: {self.repr1(x[key], level - 1)}"
                  for key in itertools.islice(x, self.maxdict)]
        if len(x) > self.maxdict:
            pieces.append("...")
        return "{" + ", ".join(pieces) + "}"

    if DICT_INSERTION_ORDER:
        repr_dict = _repr_dict_in_order

    def _guarded(self, render: Any, x: object) -> str:
        try:
            text = render(x)
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as exc:
            text = _repr_failure_text(exc, x)
        if self.maxsize is not None:
            text = _ellipsize(text, self.maxsize)
        return text


def saferepr(obj: object, maxsize: int | None = DEFAULT_REPR_MAX_SIZE, use_ascii: bool = False) -> str:
    return _SafeRepr(maxsize, use_ascii).repr(obj)


def saferepr_unlimited(obj: object, use_ascii: bool = True) -> str:
    try:
        return ascii(obj) if use_ascii else repr(obj)
    except Exception as exc:
        return _repr_failure_text(exc, obj)


# --------------------------------------------------------------------------- pformat
# pytest's "Full diff" printer: every container item on its own line, trailing commas.


class _SafeKey:
    __slots__ = ("obj",)

    def __init__(self, obj: Any) -> None:
        self.obj = obj

    def __lt__(self, other: "_SafeKey") -> bool:
        try:
            return bool(self.obj < other.obj)
        except TypeError:
            return (str(type(self.obj)), id(self.obj)) < (str(type(other.obj)), id(other.obj))


def _safe_pair(pair: tuple) -> tuple:
    return _SafeKey(pair[0]), _SafeKey(pair[1])


_SCALARS = frozenset({str, bytes, bytearray, float, complex, bool, type(None), int})


def _recursion(obj: Any) -> str:
    return "<Recursion on {} with id={}>".format(type(obj).__name__, id(obj))


class _Printer:
    def __init__(self, indent: int = 4, width: int = 80) -> None:
        self.step = indent
        self.width = width

    def pformat(self, obj: Any) -> str:
        out: list[str] = []
        self.fmt(obj, out, 0, 0, set(), 0)
        return "".join(out)

    def fmt(self, obj: Any, out: list, indent: int, allowance: int, context: set, level: int) -> None:
        if id(obj) in context:
            out.append(_recursion(obj))
            return
        handler = self._handlers().get(type(obj).__repr__)
        if handler is not None:
            context.add(id(obj))
            handler(self, obj, out, indent, allowance, context, level + 1)
            context.discard(id(obj))
            return
        if (dataclasses.is_dataclass(obj) and not isinstance(obj, type)
                and obj.__dataclass_params__.repr
                and hasattr(obj.__repr__, "__wrapped__")
                and "__create_fn__" in obj.__repr__.__wrapped__.__qualname__):
            context.add(id(obj))
            fields = [(f.name, getattr(obj, f.name)) for f in dataclasses.fields(obj) if f.repr]
            out.append(type(obj).__name__ + "(")
            self.namespace_items(fields, out, indent, context, level + 1)
            out.append(")")
            context.discard(id(obj))
            return
        out.append(self.short(obj, context.copy(), level))

    # containers: one entry per line, each followed by a comma
    def entries(self, entries: Any, out: list, indent: int, write_entry: Any) -> None:
        if not entries:
            return
        inner = indent + self.step
        for entry in entries:
            out.append("\n" + " " * inner)
            write_entry(entry, inner)
            out.append(",")
        out.append("\n" + " " * indent)

    def items(self, items: Any, out: list, indent: int, context: set, level: int) -> None:
        def write(item: Any, inner: int) -> None:
            self.fmt(item, out, inner, 1, context, level)
        self.entries(list(items), out, indent, write)

    def dict_items(self, pairs: list, out: list, indent: int, context: set, level: int) -> None:
        def write(pair: tuple, inner: int) -> None:
            key, value = pair
            out.append(self.short(key, context.copy(), level) + ": ")
            self.fmt(value, out, inner, 1, context, level)
        self.entries(pairs, out, indent, write)

    def namespace_items(self, pairs: list, out: list, indent: int, context: set, level: int) -> None:
        def write(pair: tuple, inner: int) -> None:
            key, value = pair
            out.append(key + "=")
            if id(value) in context:
                out.append("...")
            else:
                self.fmt(value, out, inner + len(key) + 1, 1, context, level)
        self.entries(pairs, out, indent, write)

    def p_dict(self, obj, out, indent, allowance, context, level):
        out.append("{")
        self.dict_items(_dict_items(obj), out, indent, context, level)
        out.append("}")

    def p_ordered_dict(self, obj, out, indent, allowance, context, level):
        if not len(obj):
            out.append(repr(obj))
            return
        out.append(type(obj).__name__ + "(")
        self.p_dict(obj, out, indent, allowance, context, level)
        out.append(")")

    def p_default_dict(self, obj, out, indent, allowance, context, level):
        out.append("{}({}, ".format(type(obj).__name__, self.short(obj.default_factory, context.copy(), level)))
        self.p_dict(obj, out, indent, allowance, context, level)
        out.append(")")

    def p_counter(self, obj, out, indent, allowance, context, level):
        out.append(type(obj).__name__ + "(")
        if obj:
            out.append("{")
            self.dict_items(obj.most_common(), out, indent, context, level)
            out.append("}")
        out.append(")")

    def p_list(self, obj, out, indent, allowance, context, level):
        out.append("[")
        self.items(obj, out, indent, context, level)
        out.append("]")

    def p_tuple(self, obj, out, indent, allowance, context, level):
        out.append("(")
        self.items(obj, out, indent, context, level)
        out.append(")")

    def p_set(self, obj, out, indent, allowance, context, level):
        if not len(obj):
            out.append(repr(obj))
            return
        if type(obj) is set:
            out.append("{")
            end = "}"
        else:
            out.append(type(obj).__name__ + "({")
            end = "})"
        self.items(sorted(obj, key=_SafeKey), out, indent, context, level)
        out.append(end)

    def p_deque(self, obj, out, indent, allowance, context, level):
        out.append(type(obj).__name__ + "(")
        if obj.maxlen is not None:
            out.append("maxlen={}, ".format(obj.maxlen))
        out.append("[")
        self.items(obj, out, indent, context, level)
        out.append("])")

    def p_namespace(self, obj, out, indent, allowance, context, level):
        name = "namespace" if type(obj) is types.SimpleNamespace else type(obj).__name__
        out.append(name + "(")
        self.namespace_items(list(obj.__dict__.items()), out, indent, context, level)
        out.append(")")

    def p_mappingproxy(self, obj, out, indent, allowance, context, level):
        out.append("mappingproxy(")
        self.fmt(obj.copy(), out, indent, allowance, context, level)
        out.append(")")

    def p_str(self, obj, out, indent, allowance, context, level):
        if not len(obj):
            out.append(repr(obj))
            return
        chunks: list[str] = []
        lines = obj.splitlines(True)
        if level == 1:
            indent += 1
            allowance += 1
        max_width1 = max_width = self.width - indent
        rep = ""
        for i, line in enumerate(lines):
            rep = repr(line)
            if i == len(lines) - 1:
                max_width1 -= allowance
            if len(rep) <= max_width1:
                chunks.append(rep)
                continue
            parts = re.findall(r"\S*\s*", line)
            parts.pop()
            max_width2 = max_width
            current = ""
            for j, part in enumerate(parts):
                candidate = current + part
                if j == len(parts) - 1 and i == len(lines) - 1:
                    max_width2 -= allowance
                if len(repr(candidate)) > max_width2:
                    if current:
                        chunks.append(repr(current))
                    current = part
                else:
                    current = candidate
            if current:
                chunks.append(repr(current))
        if len(chunks) == 1:
            out.append(rep)
            return
        if level == 1:
            out.append("(")
        out.append(("\n" + " " * indent).join(chunks))
        if level == 1:
            out.append(")")

    def p_bytes(self, obj, out, indent, allowance, context, level):
        if len(obj) <= 4:
            out.append(repr(obj))
            return
        parens = level == 1
        if parens:
            indent += 1
            allowance += 1
            out.append("(")
        reps: list[str] = []
        width = self.width - indent
        current = b""
        last = len(obj) // 4 * 4
        for i in range(0, len(obj), 4):
            part = obj[i:i + 4]
            candidate = current + part
            if i == last:
                width -= allowance
            if len(repr(candidate)) > width:
                if current:
                    reps.append(repr(current))
                current = part
            else:
                current = candidate
        if current:
            reps.append(repr(current))
        out.append(("\n" + " " * indent).join(reps))
        if parens:
            out.append(")")

    def p_bytearray(self, obj, out, indent, allowance, context, level):
        out.append("bytearray(")
        self.p_bytes(bytes(obj), out, indent + 10, allowance + 1, context, level + 1)
        out.append(")")

    def p_user_wrapper(self, obj, out, indent, allowance, context, level):
        self.fmt(obj.data, out, indent, allowance, context, level - 1)

    _handler_table: dict | None = None

    @classmethod
    def _handlers(cls) -> dict:
        if cls._handler_table is None:
            cls._handler_table = {
                dict.__repr__: cls.p_dict,
                collections.OrderedDict.__repr__: cls.p_ordered_dict,
                collections.defaultdict.__repr__: cls.p_default_dict,
                collections.Counter.__repr__: cls.p_counter,
                list.__repr__: cls.p_list,
                tuple.__repr__: cls.p_tuple,
                set.__repr__: cls.p_set,
                frozenset.__repr__: cls.p_set,
                collections.deque.__repr__: cls.p_deque,
                types.SimpleNamespace.__repr__: cls.p_namespace,
                types.MappingProxyType.__repr__: cls.p_mappingproxy,
                str.__repr__: cls.p_str,
                bytes.__repr__: cls.p_bytes,
                bytearray.__repr__: cls.p_bytearray,
                collections.UserDict.__repr__: cls.p_user_wrapper,
                collections.UserList.__repr__: cls.p_user_wrapper,
                collections.UserString.__repr__: cls.p_user_wrapper,
            }
        return cls._handler_table

    def short(self, obj: Any, context: set, level: int) -> str:
        """One-line repr, dict keys sorted before pytest 9.1 (pprint's _safe_repr)."""
        typ = type(obj)
        if typ in _SCALARS:
            return repr(obj)
        r = getattr(typ, "__repr__", None)
        if issubclass(typ, dict) and r is dict.__repr__:
            if not obj:
                return "{}"
            if id(obj) in context:
                return _recursion(obj)
            context.add(id(obj))
            parts = ["{}: {}".format(self.short(k, context, level + 1), self.short(v, context, level + 1))
                     for k, v in _dict_items(obj)]
            context.discard(id(obj))
            return "{" + ", ".join(parts) + "}"
        if (issubclass(typ, list) and r is list.__repr__) or (issubclass(typ, tuple) and r is tuple.__repr__):
            if issubclass(typ, list):
                if not obj:
                    return "[]"
                form = "[%s]"
            elif len(obj) == 1:
                form = "(%s,)"
            else:
                if not obj:
                    return "()"
                form = "(%s)"
            if id(obj) in context:
                return _recursion(obj)
            context.add(id(obj))
            parts = [self.short(o, context, level + 1) for o in obj]
            context.discard(id(obj))
            return form % ", ".join(parts)
        return repr(obj)


def pformat(obj: Any) -> str:
    return _Printer().pformat(obj)


# --------------------------------------------------------------------------- predicates


def _is_text(x: Any) -> bool:
    return isinstance(x, str)


def _is_sequence(x: Any) -> bool:
    import collections.abc as cabc
    return isinstance(x, cabc.Sequence) and not isinstance(x, str)


def _is_set(x: Any) -> bool:
    return isinstance(x, (set, frozenset))


def _is_namedtuple(x: Any) -> bool:
    return isinstance(x, tuple) and getattr(x, "_fields", None) is not None


def _is_dataclass(x: Any) -> bool:
    return getattr(x, "__dataclass_fields__", None) is not None


def _is_attrs(x: Any) -> bool:
    return getattr(x, "__attrs_attrs__", None) is not None


def _is_iterable(x: Any) -> bool:
    try:
        iter(x)
        return not _is_text(x)
    except Exception:
        return False


def _is_approx(x: Any) -> bool:
    api = sys.modules.get("_pytest.python_api")
    base = getattr(api, "ApproxBase", None) if api is not None else None
    return base is not None and isinstance(x, base)


def _has_default_eq(obj: object) -> bool:
    eq = obj.__eq__
    code = getattr(eq, "__code__", None)
    if code is not None and hasattr(code, "co_filename"):
        if _is_attrs(obj):
            return "attrs generated " in code.co_filename
        return code.co_filename == "<string>"
    return True


# --------------------------------------------------------------------------- comparisons


def compare_explanation(op: str, left: Any, right: Any, verbose: int = 0) -> list[str] | None:
    import unicodedata
    use_ascii = (isinstance(left, str) and isinstance(right, str)
                 and unicodedata.normalize("NFD", left) == unicodedata.normalize("NFD", right))
    if verbose > 1:
        left_repr = saferepr_unlimited(left, use_ascii=use_ascii)
        right_repr = saferepr_unlimited(right, use_ascii=use_ascii)
    else:
        maxsize = (80 - 15 - len(op) - 2) // 2
        left_repr = saferepr(left, maxsize=maxsize, use_ascii=use_ascii)
        right_repr = saferepr(right, maxsize=maxsize, use_ascii=use_ascii)
    summary = "{} {} {}".format(left_repr, op, right_repr)

    explanation: list[str] | None = None
    try:
        if op == "==":
            explanation = _compare_eq_any(left, right, verbose)
        elif op == "not in":
            if _is_text(left) and _is_text(right):
                explanation = _notin_text(left, right, verbose)
        elif op == "!=":
            if _is_set(left) and _is_set(right):
                explanation = ["Both sets are equal"]
        elif op == ">=":
            if _is_set(left) and _is_set(right):
                explanation = _one_sided_set_diff("right", right, left)
        elif op == "<=":
            if _is_set(left) and _is_set(right):
                explanation = _one_sided_set_diff("left", left, right)
        elif op == ">":
            if _is_set(left) and _is_set(right):
                explanation = _one_sided_set_diff("right", right, left) or ["Both sets are equal"]
        elif op == "<":
            if _is_set(left) and _is_set(right):
                explanation = _one_sided_set_diff("left", left, right) or ["Both sets are equal"]
    except (KeyboardInterrupt, SystemExit):
        raise
    except Exception as exc:
        crash = "{}: {}".format(type(exc).__name__, exc) if str(exc) else type(exc).__name__
        explanation = [
            "(pytest_assertion plugin: representation of details failed: {}.".format(_crash_text(exc, crash)),
            " Probably an object has a faulty __repr__.)",
        ]
    if not explanation:
        return None
    if explanation[0] != "":
        explanation = [""] + explanation
    return [summary] + explanation


def _crash_text(exc: BaseException, fallback: str) -> str:
    # pytest formats the crash location object of the innermost frame.
    tb = exc.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    if tb is None:
        return fallback
    return "ReprFileLocation(path={!r}, lineno={}, message={!r})".format(
        tb.tb_frame.f_code.co_filename, tb.tb_lineno, fallback)


def _compare_eq_any(left: Any, right: Any, verbose: int) -> list[str]:
    explanation: list[str] = []
    if _is_text(left) and _is_text(right):
        return _diff_text(left, right, verbose)
    if _is_approx(left) or _is_approx(right):
        approx_side, other = (left, right) if _is_approx(left) else (right, left)
        explanation = approx_side._repr_compare(other)
    elif type(left) is type(right) and (_is_dataclass(left) or _is_attrs(left) or _is_namedtuple(left)):
        explanation = _compare_eq_cls(left, right, verbose)
    elif _is_sequence(left) and _is_sequence(right):
        explanation = _compare_eq_sequence(left, right)
    elif _is_set(left) and _is_set(right):
        explanation = _one_sided_set_diff("left", left, right) + _one_sided_set_diff("right", right, left)
    elif isinstance(left, dict) and isinstance(right, dict):
        explanation = _compare_eq_dict(left, right, verbose)
    if _is_iterable(left) and _is_iterable(right):
        explanation.extend(_compare_eq_iterable(left, right, verbose))
    return explanation


def _diff_text(left: str, right: str, verbose: int) -> list[str]:
    from difflib import ndiff
    explanation: list[str] = []
    if verbose < 1:
        i = 0
        for i in range(min(len(left), len(right))):
            if left[i] != right[i]:
                break
        if i > 42:
            i -= 10
            explanation = ["Skipping {} identical leading characters in diff, use -v to show".format(i)]
            left = left[i:]
            right = right[i:]
        if len(left) == len(right):
            for i in range(len(left)):
                if left[-i] != right[-i]:
                    break
            if i > 42:
                i -= 10
                explanation += ["Skipping {} identical trailing characters in diff, use -v to show".format(i)]
                left = left[:-i]
                right = right[:-i]
    if left.isspace() or right.isspace():
        left = repr(str(left))
        right = repr(str(right))
        explanation += ["Strings contain only whitespace, escaping them using repr()"]
    # right is the expected base, left the actual (pytest #3333)
    diff = "\n".join(line.strip("\n") for line in ndiff(right.splitlines(True), left.splitlines(True)))
    explanation.extend(diff.splitlines())
    return explanation


def _compare_eq_iterable(left: Any, right: Any, verbose: int) -> list[str]:
    if verbose <= 0 and not running_on_ci():
        return ["Use -v to get more diff"]
    import difflib
    left_lines = pformat(left).splitlines()
    right_lines = pformat(right).splitlines()
    explanation = ["", "Full diff:"]
    diff = "\n".join(line.rstrip() for line in difflib.ndiff(right_lines, left_lines))
    explanation.extend(diff.splitlines())
    return explanation


def _compare_eq_sequence(left: Any, right: Any) -> list[str]:
    comparing_bytes = isinstance(left, bytes) and isinstance(right, bytes)
    explanation: list[str] = []
    len_left, len_right = len(left), len(right)
    for i in range(min(len_left, len_right)):
        if left[i] != right[i]:
            if comparing_bytes:
                left_value, right_value = left[i:i + 1], right[i:i + 1]
            else:
                left_value, right_value = left[i], right[i]
            explanation.append("At index {} diff: {!r} != {!r}".format(i, left_value, right_value))
            break
    if comparing_bytes:
        return explanation
    len_diff = len_left - len_right
    if len_diff:
        if len_diff > 0:
            side, extra = "Left", saferepr(left[len_right])
        else:
            len_diff = -len_diff
            side, extra = "Right", saferepr(right[len_left])
        if len_diff == 1:
            explanation.append("{} contains one more item: {}".format(side, extra))
        else:
            explanation.append("{} contains {} more items, first extra item: {}".format(side, len_diff, extra))
    return explanation


def _one_sided_set_diff(position: str, set1: Any, set2: Any) -> list[str]:
    explanation: list[str] = []
    diff = set1 - set2
    if diff:
        explanation.append("Extra items in the {} set:".format(position))
        for item in diff:
            explanation.append(saferepr(item))
    return explanation


def _compare_eq_dict(left: dict, right: dict, verbose: int) -> list[str]:
    explanation: list[str] = []
    set_left, set_right = set(left), set(right)
    common = set_left.intersection(set_right)
    same = {k: left[k] for k in common if left[k] == right[k]}
    if same and verbose < 2:
        explanation.append("Omitting {} identical items, use -vv to show".format(len(same)))
    elif same:
        explanation.append("Common items:")
        explanation += _std_pprint.pformat(same).splitlines()
    diff = {k for k in common if left[k] != right[k]}
    if diff:
        explanation.append("Differing items:")
        for k in diff:
            explanation.append(saferepr({k: left[k]}) + " != " + saferepr({k: right[k]}))
    for side, mine, other in (("Left", left, set_right), ("Right", right, set_left)):
        extra = set(mine) - other
        if extra:
            explanation.append("{} contains {} more item{}:".format(side, len(extra), "" if len(extra) == 1 else "s"))
            explanation += _std_pprint.pformat({k: mine[k] for k in extra}).splitlines()
    return explanation


def _compare_eq_cls(left: Any, right: Any, verbose: int) -> list[str]:
    if not _has_default_eq(left):
        return []
    if _is_dataclass(left):
        fields = [f.name for f in dataclasses.fields(left) if f.compare]
    elif _is_attrs(left):
        fields = [f.name for f in left.__attrs_attrs__ if getattr(f, "eq")]
    else:
        fields = list(left._fields)
    same = [f for f in fields if getattr(left, f) == getattr(right, f)]
    diff = [f for f in fields if f not in same]
    explanation: list[str] = []
    if same or diff:
        explanation.append("")
    if same and verbose < 2:
        explanation.append("Omitting {} identical items, use -vv to show".format(len(same)))
    elif same:
        explanation.append("Matching attributes:")
        explanation += _std_pprint.pformat(same).splitlines()
    if diff:
        explanation.append("Differing attributes:")
        explanation += _std_pprint.pformat(diff).splitlines()
        for field in diff:
            field_left, field_right = getattr(left, field), getattr(right, field)
            explanation += [
                "",
                "Drill down into differing attribute {}:".format(field),
                "  {}: {!r} != {!r}".format(field, field_left, field_right),
            ]
            explanation += ["  " + line for line in _compare_eq_any(field_left, field_right, verbose)]
    return explanation


def _notin_text(term: str, text: str, verbose: int) -> list[str]:
    index = text.find(term)
    correct_text = text[:index] + text[index + len(term):]
    diff = _diff_text(text, correct_text, verbose)
    lines = ["{} is contained here:".format(saferepr(term, maxsize=42))]
    for line in diff:
        if line.startswith("Skipping") or line.startswith("- "):
            continue
        if line.startswith("+ "):
            lines.append("  " + line[2:])
        else:
            lines.append(line)
    return lines


# --------------------------------------------------------------------------- truncation


def _pytest_truncate() -> Any:
    """pytest's own line/char truncation when installed (its rules changed in 9.1)."""
    try:
        from _pytest.assertion.truncate import _truncate_explanation
    except ImportError:
        return None
    return _truncate_explanation


_PYTEST_TRUNCATE = _pytest_truncate()


def truncate_explanation(lines: list[str], verbose: int = 0, max_lines: int = DEFAULT_MAX_LINES,
                         max_chars: int = DEFAULT_MAX_CHARS) -> list[str]:
    if verbose >= 2 or running_on_ci() or (max_lines <= 0 and max_chars <= 0):
        return lines
    if _PYTEST_TRUNCATE is not None:
        return _PYTEST_TRUNCATE(list(lines), max_lines, max_chars)
    return _truncate_before_9_1(lines, max_lines, max_chars)


def _truncate_before_9_1(lines: list[str], max_lines: int, max_chars: int) -> list[str]:
    if len(lines) <= max_lines + 2 and len("".join(lines)) <= max_chars + 70:
        return lines
    kept = lines[:max_lines] if max_lines > 0 else list(lines)
    cut_chars = True
    if len("".join(kept)) > max_chars + 70 and max_chars > 0:
        kept = _truncate_by_chars(kept, max_chars)
    else:
        cut_chars = False
    if kept == lines:
        return kept
    hidden = len(lines) - len(kept)
    if kept[-1]:
        kept[-1] = kept[-1] + "..."
        if cut_chars:
            hidden += 1
    else:
        kept[-1] = "..."
    return kept + ["", "...Full output truncated ({} line{} hidden), {}".format(
        hidden, "" if hidden == 1 else "s", USAGE_MSG)]


def _truncate_by_chars(lines: list[str], max_chars: int) -> list[str]:
    count = 0
    index = 0
    for index, line in enumerate(lines):
        if count + len(line) > max_chars:
            break
        count += len(line)
    result = lines[:index]
    final = lines[index]
    if final:
        final = final[:max_chars - count]
    result.append(final)
    return result


__all__ = ["compare_explanation", "truncate_explanation", "saferepr", "saferepr_unlimited",
           "pformat", "running_on_ci"]
