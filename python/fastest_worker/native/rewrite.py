"""Assertion rewriting for the native engine: pytest-grade messages for plain ``assert``.

Standard library only. Our own implementation of what ``_pytest/assertion/rewrite.py`` does:
each ``assert`` in a test module or conftest.py is replaced by code that keeps the
intermediate values and, on failure, raises ``AssertionError`` whose message is pytest's
explanation (``assert 1 == 2``, ``+  where 2 = f()``, comparison details from assertrepr).

API
---
install_rewrite_hook(rootdir: str, cache_dir: str, should_rewrite: Callable[[str], bool]) -> RewriteFinder
    Put a finder at the front of ``sys.meta_path``. A module whose source file ``path``
    (absolute) has ``should_rewrite(path)`` true is rewritten, compiled and its code object
    cached (marshal) at ``<cache_dir>/pyc/<stem>-<pathhash>.<cache_tag>.pyc``; the entry is
    valid while the source's hash, the Python magic number and this rewriter's version match,
    so a warm run compiles nothing even with PYTHONDONTWRITEBYTECODE=1 (the cache is ours, not
    ``__pycache__``; it is written atomically, so workers can share it). Other modules are
    left to the normal import system and never cached here. Calling it again replaces the
    previous finder. Returns the finder.
uninstall_rewrite_hook() -> None
configure(verbose: int = 0, truncation_lines: int = 8, truncation_chars: int = 640,
          reprcompare: Callable[[str, object, object], list[str] | None] | None = None) -> None
    Assertion verbosity (``-v`` count) and truncation limits (ini ``truncation_limit_*``);
    ``reprcompare`` may supply extra explanations (e.g. a conftest
    ``pytest_assertrepr_compare``): it is asked first, then assertrepr.compare_explanation.
compile_test_module(path: str, cache_dir: str, *, only_cache=False) -> types.CodeType | None
    The rewritten code object of one file, through the same cache (for an engine that
    creates and execs the module itself, e.g. --import-mode=importlib); with only_cache, just
    the cache filled (the collection pass rewrites its own share before importing others').
rewrite_source(source: bytes, filename: str, source_key: bytes | None = None) -> types.CodeType
    Parse, rewrite and compile (no cache). An assert without a message gets its failure
    branch (the code that builds the explanation) only when it fails: the rewritten code then
    calls ``_explain_failed(source_key, line, column)``, which re-reads the file, checks its
    key, and rewrites and compiles that one assert's branch (once per process).
rewrite_tree(tree: ast.Module, source: bytes, filename: str, source_key=None) -> None
    Rewrite the asserts of a parsed module in place (every failure branch inline without a key).
assertion_message_lines(exc: BaseException) -> list[str]
    The text pytest shows after ``E   `` for an exception: ``format_exception_only`` with the
    ``AssertionError: `` prefix dropped exactly when pytest drops it.
format_explanation(explanation: str) -> str
    pytest's ``\\n{`` / ``\\n}`` / ``\\n~`` mini-language to ``where``/``and`` lines.
stats: dict  -- counters ``compiled`` (modules compiled), ``cache_hits``, ``cache_writes``.

A module whose docstring contains ``PYTEST_DONT_REWRITE`` is compiled unchanged (still cached).
"""

from __future__ import annotations

import ast
import contextlib
import gc
import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import itertools
import marshal
import os
import sys
import tempfile
import time
import types
from typing import Any, Callable, Iterable, Iterator, Sequence

try:  # package-relative when imported as fastest_worker.native.rewrite
    from . import assertrepr as _assertrepr
except ImportError:  # loaded as a top-level module (tests)
    import assertrepr as _assertrepr  # type: ignore[no-redef]
try:
    from .. import cache_fill as _cache_fill
except ImportError:
    _cache_fill = None  # type: ignore[assignment]

REWRITE_VERSION = b"fastest-rewrite-3"
# The fields that hold statements: a statement's, an except clause's and a match case's.
_STATEMENT_LISTS = ("body", "orelse", "finalbody", "handlers", "cases")
HELPERS_NAME = "@fastest_ar"
BUILTINS_NAME = "@py_builtins"

stats = {"compiled": 0, "cache_hits": 0, "cache_writes": 0}


class _State:
    verbose = 0
    truncation_lines = _assertrepr.DEFAULT_MAX_LINES
    truncation_chars = _assertrepr.DEFAULT_MAX_CHARS
    reprcompare: Callable[[str, object, object], "list[str] | None"] | None = None


def configure(verbose: int = 0, truncation_lines: int = _assertrepr.DEFAULT_MAX_LINES,
              truncation_chars: int = _assertrepr.DEFAULT_MAX_CHARS,
              reprcompare: Callable[[str, object, object], "list[str] | None"] | None = None) -> None:
    _State.verbose = verbose
    _State.truncation_lines = truncation_lines
    _State.truncation_chars = truncation_chars
    _State.reprcompare = reprcompare


# --------------------------------------------------------------------------- run-time helpers
# The rewritten code calls these through the name ``@fastest_ar`` (this module).


def _saferepr(obj: object) -> str:
    if isinstance(obj, types.MethodType):
        return obj.__name__
    maxsize = _maxsize_for_verbosity()
    if not maxsize:
        return _assertrepr.saferepr_unlimited(obj).replace("\n", "\\n")
    return _assertrepr.saferepr(obj, maxsize=maxsize).replace("\n", "\\n")


def _maxsize_for_verbosity() -> int | None:
    if _State.verbose >= 2:
        return None
    if _State.verbose >= 1:
        return _assertrepr.DEFAULT_REPR_MAX_SIZE * 10
    return _assertrepr.DEFAULT_REPR_MAX_SIZE


def _format_assertmsg(obj: object) -> str:
    replaces = [("\n", "\n~"), ("%", "%%")]
    if not isinstance(obj, str):
        obj = _assertrepr.saferepr(obj, _maxsize_for_verbosity())
        replaces.append(("\\n", "\n~"))
    text = obj
    for old, new in replaces:
        text = text.replace(old, new)
    return text


def _should_repr_global_name(obj: object) -> bool:
    if callable(obj):
        fixtures = sys.modules.get("_pytest.fixtures")
        fixture_def = getattr(fixtures, "FixtureFunctionDefinition", None)
        return fixture_def is not None and isinstance(obj, fixture_def)
    try:
        return not hasattr(obj, "__name__")
    except Exception:
        return True


def _format_boolop(explanations: Iterable[str], is_or: int) -> str:
    text = "(" + (" or " if is_or else " and ").join(explanations) + ")"
    return text.replace("%", "%%")


def _reprcompare(op: str, left: object, right: object) -> str | None:
    lines: list[str] | None = None
    if _State.reprcompare is not None:
        lines = _State.reprcompare(op, left, right)
    if not lines:
        lines = _assertrepr.compare_explanation(op, left, right, _State.verbose)
    if not lines:
        return None
    lines = _assertrepr.truncate_explanation(lines, _State.verbose, _State.truncation_lines,
                                             _State.truncation_chars)
    text = "\n~".join(line.replace("\n", "\\n") for line in lines)
    return text.replace("%", "%%")


def _call_reprcompare(ops: Sequence[str], results: Sequence[bool], expls: Sequence[str],
                      each_obj: Sequence[object]) -> str:
    i = 0
    for i, res in enumerate(results):
        try:
            done = not res
        except Exception:
            done = True
        if done:
            break
    custom = _reprcompare(ops[i], each_obj[i], each_obj[i + 1])
    if custom is not None:
        return custom
    return expls[i]


def _format_explanation(explanation: str) -> str:
    return format_explanation(explanation)


def format_explanation(explanation: str) -> str:
    raw = (explanation or "").split("\n")
    lines = [raw[0]]
    for piece in raw[1:]:
        if piece and piece[0] in ("{", "}", "~", ">"):
            lines.append(piece)
        else:
            lines[-1] += "\\n" + piece
    result = lines[:1]
    stack = [0]
    stackcnt = [0]
    for line in lines[1:]:
        if line.startswith("{"):
            word = "and   " if stackcnt[-1] else "where "
            stack.append(len(result))
            stackcnt[-1] += 1
            stackcnt.append(0)
            result.append(" +" + "  " * (len(stack) - 1) + word + line[1:])
        elif line.startswith("}"):
            stack.pop()
            stackcnt.pop()
            result[stack[-1]] += line[1:]
        else:
            stack[-1] += 1
            indent = len(stack) if line.startswith("~") else len(stack) - 1
            result.append("  " * indent + line[1:])
    return "\n".join(result)


def assertion_message_lines(exc: BaseException) -> list[str]:
    import traceback
    text = "".join(traceback.format_exception_only(type(exc), exc)).rstrip()
    if isinstance(exc, AssertionError):
        if _assertrepr.saferepr(exc).startswith("AssertionError('assert "):
            prefix = "AssertionError: "
            if text.startswith(prefix):
                text = text[len(prefix):]
    return text.split("\n")


# --------------------------------------------------------------------------- the rewriter

_UNARY = {ast.Not: "not %s", ast.Invert: "~%s", ast.USub: "-%s", ast.UAdd: "+%s"}
_BINOP = {
    ast.BitOr: "|", ast.BitXor: "^", ast.BitAnd: "&", ast.LShift: "<<", ast.RShift: ">>",
    ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.FloorDiv: "//",
    ast.Mod: "%%", ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">",
    ast.GtE: ">=", ast.Pow: "**", ast.Is: "is", ast.IsNot: "is not", ast.In: "in",
    ast.NotIn: "not in", ast.MatMult: "@",
}


def _locate_missing(root: ast.AST, lineno: int, col: int, end_lineno: Any, end_col: Any) -> None:
    """Give every node under root that has no position the assert's position."""
    stack = [root]
    pop, push = stack.pop, stack.append
    while stack:
        node = pop()
        if "lineno" in node._attributes and getattr(node, "lineno", None) is None:
            node.lineno = lineno
            node.col_offset = col
            node.end_lineno = end_lineno
            node.end_col_offset = end_col
        for field in node._fields:
            value = getattr(node, field, None)
            if isinstance(value, ast.AST):
                push(value)
            elif isinstance(value, list):
                for item in value:
                    if isinstance(item, ast.AST):
                        push(item)


def _position(node: ast.AST) -> tuple[Any, Any, Any, Any]:
    return (getattr(node, "lineno", None), getattr(node, "col_offset", None), getattr(node, "end_lineno", None),
            getattr(node, "end_col_offset", None))


def _copy_location(new: Any, old: ast.AST) -> Any:
    """ast.copy_location for an old node positioned as the parser positions every node; others
    go to ast.copy_location itself (it skips what is missing or None)."""
    lineno = getattr(old, "lineno", None)
    col = getattr(old, "col_offset", None)
    if lineno is None or col is None or not hasattr(old, "end_lineno") or not hasattr(old, "end_col_offset"):
        return ast.copy_location(new, old)
    new.lineno = lineno
    new.col_offset = col
    new.end_lineno = old.end_lineno  # type: ignore[attr-defined]
    new.end_col_offset = old.end_col_offset  # type: ignore[attr-defined]
    return new


class _AssertRewriter(ast.NodeVisitor):
    """Turns one ``assert`` into statements that compute and explain each sub-expression.

    The explanation is a %-format string whose ``%(pyN)s`` slots are filled, only on failure,
    with reprs of the saved intermediate values (the same scheme pytest uses, so the final
    text is identical).
    """

    def __init__(self, filename: str, locate_missing: bool = False, source_key: bytes | None = None,
                 explaining: bool = False) -> None:
        self.filename = filename
        # Also walk each assert's statements for nodes still without a position (a tree whose
        # own nodes lack one: the parser's never do); compile() refuses such a node otherwise.
        self.locate_missing = locate_missing
        # With the source's key, an assert without a message gets its failure branch only when
        # it fails (_explain_failed): the branch is over half of a rewritten module's nodes, and
        # compiling them was a quarter of a first run's rewrite. A message is the test's own
        # code, evaluated in the test's frame, so an assert with one keeps its branch.
        self.source_key = source_key
        # At a failure: visit_Assert returns the failure branch, ending in the message.
        self.explaining = explaining

    _visitors: dict[type, Callable[..., Any]] = {}
    branch = True  # whether the assert being visited gets its failure branch now

    def visit(self, node: ast.AST) -> Any:
        """ast.NodeVisitor.visit with the method looked up once per node class."""
        method = self._visitors.get(node.__class__)
        if method is None:
            method = getattr(type(self), "visit_" + node.__class__.__name__, type(self).generic_visit)
            self._visitors[node.__class__] = method
        return method(self, node)

    # --- module level
    def run(self, mod: ast.Module) -> None:
        if not mod.body:
            return
        pos = 0
        expect_doc = True
        item: ast.stmt = mod.body[0]
        for item in mod.body:
            if (expect_doc and isinstance(item, ast.Expr) and isinstance(item.value, ast.Constant)
                    and isinstance(item.value.value, str)):
                if "PYTEST_DONT_REWRITE" in item.value.value:
                    return
                expect_doc = False
            elif isinstance(item, ast.ImportFrom) and item.level == 0 and item.module == "__future__":
                pass
            else:
                break
            pos += 1
        if isinstance(item, ast.FunctionDef) and item.decorator_list:
            lineno = item.decorator_list[0].lineno
        else:
            lineno = item.lineno
        imports = [
            ast.Import([ast.alias("builtins", BUILTINS_NAME)], lineno=lineno, col_offset=0),
            ast.Import([ast.alias(_helpers_module_name(), HELPERS_NAME)], lineno=lineno, col_offset=0),
        ]
        for imp in imports:
            for alias in imp.names:
                alias.lineno = lineno
                alias.col_offset = 0
                alias.end_lineno = lineno
                alias.end_col_offset = 0
        mod.body[pos:pos] = imports

        # Asserts are statements, and statements are only found in statement lists: the walk
        # goes through those alone (every field of every node was a fifth of the visit's time).
        pending: list[ast.AST] = [mod]
        while pending:
            node = pending.pop()
            for name in _STATEMENT_LISTS:
                field = getattr(node, name, None)
                if not isinstance(field, list):
                    continue
                new: list[Any] = []
                for child in field:
                    if isinstance(child, ast.Assert):
                        new.extend(self.visit_Assert(child))
                    else:
                        new.append(child)
                        pending.append(child)
                setattr(node, name, new)

    # --- bookkeeping
    def variable(self) -> str:
        name = "@py_assert" + str(next(self.counter))
        self.variables.append(name)
        return name

    def assign(self, expr: ast.expr) -> ast.Name:
        name = self.variable()
        self.statements.append(ast.Assign([ast.Name(name, ast.Store(), **self.at)], expr, **self.at))
        return _copy_location(ast.Name(name, ast.Load()), expr)

    def helper(self, name: str, *args: ast.expr) -> ast.expr:
        attr = ast.Attribute(ast.Name(HELPERS_NAME, ast.Load(), **self.at), name, ast.Load(), **self.at)
        return ast.Call(attr, list(args), [], **self.at)

    def builtin(self, name: str) -> ast.Attribute:
        return ast.Attribute(ast.Name(BUILTINS_NAME, ast.Load(), **self.at), name, ast.Load(), **self.at)

    def display(self, expr: ast.expr) -> ast.expr | None:
        return self.helper("_saferepr", expr) if self.branch else None

    def explanation_param(self, expr: ast.expr) -> str:
        spec = "py" + str(next(self.counter))
        self.specifiers[spec] = expr
        return "%(" + spec + ")s"

    def push_format_context(self) -> None:
        self.specifiers: dict[str, ast.expr] = {}
        self.stack.append(self.specifiers)

    def pop_format_context(self, expl_expr: ast.expr | None) -> ast.Name | None:
        current = self.stack.pop()
        if self.stack:
            self.specifiers = self.stack[-1]
        if not self.branch:
            next(self.counter)  # the name the branch built at the failure gives this format
            return None
        keys: list[Any] = [ast.Constant(key, **self.at) for key in current]
        form = ast.BinOp(expl_expr, ast.Mod(), ast.Dict(keys, list(current.values()), **self.at), **self.at)
        name = "@py_format" + str(next(self.counter))
        self.expl_stmts.append(ast.Assign([ast.Name(name, ast.Store(), **self.at)], form, **self.at))
        return ast.Name(name, ast.Load(), **self.at)

    # --- statements
    def visit_Assert(self, assert_: ast.Assert) -> list[ast.stmt]:
        if isinstance(assert_.test, ast.Tuple) and len(assert_.test.elts) >= 1 and not self.explaining:
            _warn_always_true(self.filename, assert_.lineno)
        self.statements: list[ast.stmt] = []
        self.variables: list[str] = []
        self.counter = itertools.count()
        self.stack: list[dict[str, ast.expr]] = []
        self.expl_stmts: list[ast.stmt] = []
        # The nodes built here take the assert's position when they are made (a walk giving it
        # afterwards to every node without one was half of the rewrite's time); the nodes given a
        # sub-expression's position by copy_location have it already.
        self.at = {"lineno": assert_.lineno, "col_offset": assert_.col_offset,
                   "end_lineno": getattr(assert_, "end_lineno", None),
                   "end_col_offset": getattr(assert_, "end_col_offset", None)}
        # Whether this assert's failure branch is built now. Without it the visit still numbers
        # every name as the branch's build at a failure will, and keeps what the branch reads.
        lazy = self.source_key is not None and not assert_.msg and not self.explaining
        self.branch = not lazy
        self.push_format_context()
        top, explanation = self.visit(assert_.test)
        body = self.expl_stmts
        failed = ast.If(ast.UnaryOp(ast.Not(), top, **self.at), body, [], **self.at)
        self.statements.append(failed)
        if lazy:
            at = [ast.Constant(value, **self.at) for value in (self.source_key, assert_.lineno, assert_.col_offset)]
            self.branch = True
            message: ast.expr = self.helper("_explain_failed", *at)
        else:
            if assert_.msg:
                assertmsg: ast.expr = self.helper("_format_assertmsg", assert_.msg)
                explanation = "\n>assert " + explanation
            else:
                assertmsg = ast.Constant("", **self.at)
                explanation = "assert " + explanation
            msg = self.pop_format_context(ast.BinOp(assertmsg, ast.Add(), ast.Constant(explanation, **self.at), **self.at))
            message = self.helper("_format_explanation", msg)
            if self.explaining:
                body.append(ast.Assign([ast.Name(_MESSAGE_NAME, ast.Store(), **self.at)], message, **self.at))
                position = _position(assert_)
                for stmt in body:
                    _locate_missing(stmt, *position)
                return body
        exc = ast.Call(ast.Name("AssertionError", ast.Load(), **self.at), [message], [], **self.at)
        body.append(ast.Raise(exc, None, **self.at))
        if self.variables:
            names: list[ast.expr] = [ast.Name(name, ast.Store(), **self.at) for name in self.variables]
            self.statements.append(ast.Assign(names, ast.Constant(None, **self.at), **self.at))
        if self.locate_missing:
            position = _position(assert_)
            for stmt in self.statements:
                _locate_missing(stmt, *position)
        return self.statements

    # --- expressions
    def generic_visit(self, node: ast.AST) -> tuple[ast.expr, str]:  # type: ignore[override]
        assert isinstance(node, ast.expr)
        res = self.assign(node)
        return res, self.explanation_param(self.display(res))

    def visit_Constant(self, constant: ast.Constant) -> tuple[ast.expr, str]:
        # Shown by its own value: it cannot change between the test and its explanation, so it
        # needs no variable (pytest assigns one; the message is the same). A constant's variable
        # was 40% of the rewritten nodes of `assert 0 + 1 == 1`.
        return constant, self.explanation_param(self.display(constant))

    def _name_display(self, value: ast.expr, name: str) -> str:
        if not self.branch:
            return self.explanation_param(None)
        locs = ast.Call(self.builtin("locals"), [], [], **self.at)
        inlocs = ast.Compare(ast.Constant(name, **self.at), [ast.In()], [locs], **self.at)
        dorepr = self.helper("_should_repr_global_name", value)
        test = ast.BoolOp(ast.Or(), [inlocs, dorepr], **self.at)
        return self.explanation_param(ast.IfExp(test, self.display(value), ast.Constant(name, **self.at), **self.at))

    def visit_Name(self, name: ast.Name) -> tuple[ast.expr, str]:
        return name, self._name_display(name, name.id)

    def visit_NamedExpr(self, named: Any) -> tuple[ast.expr, str]:
        return named, self._name_display(named, named.target.id)

    def visit_BoolOp(self, boolop: ast.BoolOp) -> tuple[ast.expr, str]:
        res_var = self.variable()
        expl_list = self.assign(ast.List([], ast.Load(), **self.at))
        app = ast.Attribute(expl_list, "append", ast.Load(), **self.at)
        is_or = int(isinstance(boolop.op, ast.Or))
        body = save = self.statements
        fail_save = self.expl_stmts
        levels = len(boolop.values) - 1
        self.push_format_context()
        cond: ast.expr | None = None
        for i, value in enumerate(boolop.values):
            if i and self.branch:
                fail_inner: list[ast.stmt] = []
                assert cond is not None
                self.expl_stmts.append(ast.If(cond, fail_inner, [], **self.at))
                self.expl_stmts = fail_inner
            self.push_format_context()
            res, expl = self.visit(value)
            body.append(ast.Assign([ast.Name(res_var, ast.Store(), **self.at)], res, **self.at))
            if self.branch:
                expl_format = self.pop_format_context(ast.Constant(expl, **self.at))
                self.expl_stmts.append(ast.Expr(ast.Call(app, [expl_format], [], **self.at), **self.at))
            else:
                self.pop_format_context(None)
            if i < levels:
                cond = res
                if is_or:
                    cond = ast.UnaryOp(ast.Not(), cond, **self.at)
                inner: list[ast.stmt] = []
                self.statements.append(ast.If(cond, inner, [], **self.at))
                self.statements = body = inner
        self.statements = save
        self.expl_stmts = fail_save
        template = self.helper("_format_boolop", expl_list, ast.Constant(is_or, **self.at)) if self.branch else None
        expl_name = self.pop_format_context(template)
        return ast.Name(res_var, ast.Load(), **self.at), self.explanation_param(expl_name)

    def visit_UnaryOp(self, unary: ast.UnaryOp) -> tuple[ast.expr, str]:
        pattern = _UNARY[unary.op.__class__]
        operand, operand_expl = self.visit(unary.operand)
        res = self.assign(_copy_location(ast.UnaryOp(unary.op, operand), unary))
        return res, pattern % (operand_expl,)

    def visit_BinOp(self, binop: ast.BinOp) -> tuple[ast.expr, str]:
        symbol = _BINOP[binop.op.__class__]
        left, left_expl = self.visit(binop.left)
        right, right_expl = self.visit(binop.right)
        res = self.assign(_copy_location(ast.BinOp(left, binop.op, right), binop))
        return res, "({} {} {})".format(left_expl, symbol, right_expl)

    def visit_Call(self, call: ast.Call) -> tuple[ast.expr, str]:
        func, func_expl = self.visit(call.func)
        arg_expls: list[str] = []
        args: list[ast.expr] = []
        keywords: list[ast.keyword] = []
        for arg in call.args:
            res, expl = self.visit(arg)
            arg_expls.append(expl)
            args.append(res)
        for keyword in call.keywords:
            res, expl = self.visit(keyword.value)
            keywords.append(ast.keyword(keyword.arg, res, **self.at))
            arg_expls.append(keyword.arg + "=" + expl if keyword.arg else "**" + expl)
        expl = "{}({})".format(func_expl, ", ".join(arg_expls))
        res = self.assign(_copy_location(ast.Call(func, args, keywords), call))
        res_expl = self.explanation_param(self.display(res))
        return res, "{}\n{{{} = {}\n}}".format(res_expl, res_expl, expl)

    def visit_Starred(self, starred: ast.Starred) -> tuple[ast.expr, str]:
        res, expl = self.visit(starred.value)
        return ast.Starred(res, starred.ctx, **self.at), "*" + expl

    def visit_Attribute(self, attr: ast.Attribute) -> tuple[ast.expr, str]:
        if not isinstance(attr.ctx, ast.Load):
            return self.generic_visit(attr)
        value, value_expl = self.visit(attr.value)
        res = self.assign(_copy_location(ast.Attribute(value, attr.attr, ast.Load()), attr))
        res_expl = self.explanation_param(self.display(res))
        return res, "%s\n{%s = %s.%s\n}" % (res_expl, res_expl, value_expl, attr.attr)

    def visit_Compare(self, comp: ast.Compare) -> tuple[ast.expr, str]:
        self.push_format_context()
        left_res, left_expl = self.visit(comp.left)
        if isinstance(comp.left, (ast.Compare, ast.BoolOp)):
            left_expl = "({})".format(left_expl)
        res_variables = [self.variable() for _ in comp.ops]
        load_names: list[ast.expr] = [ast.Name(v, ast.Load(), **self.at) for v in res_variables]
        expls: list[ast.expr] = []
        syms: list[ast.expr] = []
        results = [left_res]
        for i, (op, operand) in enumerate(zip(comp.ops, comp.comparators)):
            next_res, next_expl = self.visit(operand)
            if isinstance(operand, (ast.Compare, ast.BoolOp)):
                next_expl = "({})".format(next_expl)
            results.append(next_res)
            if self.branch:
                sym = _BINOP[op.__class__]
                syms.append(ast.Constant(sym, **self.at))
                expls.append(ast.Constant("{} {} {}".format(left_expl, sym, next_expl), **self.at))
            res_expr = _copy_location(ast.Compare(left_res, [op], [next_res]), comp)
            self.statements.append(ast.Assign([ast.Name(res_variables[i], ast.Store(), **self.at)], res_expr, **self.at))
            left_res, left_expl = next_res, next_expl
        expl_call = self.helper(
            "_call_reprcompare",
            ast.Tuple(syms, ast.Load(), **self.at), ast.Tuple(load_names, ast.Load(), **self.at),
            ast.Tuple(expls, ast.Load(), **self.at), ast.Tuple(results, ast.Load(), **self.at),
        ) if self.branch else None
        res: ast.expr = ast.BoolOp(ast.And(), load_names, **self.at) if len(comp.ops) > 1 else load_names[0]
        return res, self.explanation_param(self.pop_format_context(expl_call))


def _warn_always_true(filename: str, lineno: int) -> None:
    import warnings
    category: type = SyntaxWarning
    warning_types = sys.modules.get("_pytest.warning_types")
    if warning_types is not None:
        category = getattr(warning_types, "PytestAssertRewriteWarning", SyntaxWarning)
    warnings.warn_explicit(category("assertion is always true, perhaps remove parentheses?"),
                           category=None, filename=filename, lineno=lineno)


def _helpers_module_name() -> str:
    return __name__


def rewrite_tree(tree: ast.Module, source: bytes, filename: str, locate_missing: bool = True,
                 source_key: bytes | None = None) -> None:
    """`source_key` (_source_key of the source and filename): failure branches built at a failure."""
    _AssertRewriter(filename, locate_missing, source_key).run(tree)


# --------------------------------------------------------------------------- failure branches

_MESSAGE_NAME = "@py_message"
# (source key, line, column) -> the failure branch's code; source key -> the module's asserts by
# position (parsed at its first failure in this process)
_failure_codes: dict[tuple[bytes, int, int], types.CodeType] = {}
_asserts_of: dict[bytes, dict[tuple[int, int], ast.Assert]] = {}


def _explain_failed(source_key: bytes, lineno: int, col: int) -> str:
    """The message of the failed assert at (lineno, col) of the module whose source has this key,
    called from the test's frame: its failure branch (parsed, rewritten and compiled now, once
    per process) runs on the frame's variables, as it would have inline."""
    frame = sys._getframe(1)
    try:
        code = _failure_code(source_key, frame.f_code.co_filename, lineno, col)
        if code is None:
            return ("assert <explanation unavailable: %s changed after it was imported>"
                    % frame.f_code.co_filename)
        namespace = dict(frame.f_locals)
        exec(code, frame.f_globals, namespace)
        return namespace[_MESSAGE_NAME]
    finally:
        del frame


def _failure_code(source_key: bytes, filename: str, lineno: int, col: int) -> types.CodeType | None:
    code = _failure_codes.get((source_key, lineno, col))
    if code is not None:
        return code
    asserts = _asserts_of.get(source_key)
    if asserts is None:
        try:
            with open(filename, "rb") as fh:
                source = fh.read()
        except OSError:
            return None
        if _source_key(source, filename) != source_key:
            return None
        tree = ast.parse(source, filename=filename)
        asserts = _asserts_of[source_key] = {
            (node.lineno, node.col_offset): node for node in ast.walk(tree) if isinstance(node, ast.Assert)}
    node = asserts.get((lineno, col))
    if node is None:
        return None
    branch = _AssertRewriter(filename, explaining=True).visit_Assert(node)
    code = compile(ast.Module(branch, []), filename, "exec", dont_inherit=True)
    _failure_codes[(source_key, lineno, col)] = code
    return code


_offered: list[tuple[str, bytes, ast.Module]] = []


def offer_parsed(path: str, source: bytes, tree: ast.Module) -> None:
    """A module's tree, parsed for another reader (the native engine's static facts, read just
    before the module is imported): the rewrite of the same bytes takes it instead of parsing the
    file a second time. One tree is held at a time."""
    _offered[:] = [(os.path.abspath(path), source, tree)]


def _take_offered(path: str, source: bytes) -> ast.Module | None:
    if not _offered:
        return None
    offered_path, offered_source, tree = _offered.pop()
    return tree if offered_path == path and offered_source == source else None


@contextlib.contextmanager
def cyclic_gc_held() -> Iterator[None]:
    """The cyclic collector off inside, back on after if it was on."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def rewrite_source(source: bytes, filename: str, source_key: bytes | None = None) -> types.CodeType:
    # The cyclic collector is held off while the module's tree is built, rewritten and compiled:
    # the tree has no cycles (reference counting frees it), and the collections its hundreds of
    # thousands of allocations set off were ~30% of a first run's rewrite. No user code runs here.
    started = time.process_time()
    try:
        with cyclic_gc_held():
            if source_key is None:
                source_key = _source_key(source, filename)
            tree = _take_offered(filename, source) or ast.parse(source, filename=filename)
            rewrite_tree(tree, source, filename, locate_missing=False, source_key=source_key)
            stats["compiled"] += 1
            try:
                return compile(tree, filename, "exec", dont_inherit=True)
            except (TypeError, ValueError):
                # A node left without a position (not expected from a parsed tree): the rewrite
                # again with the walk that gives every such node the assert's position.
                tree = ast.parse(source, filename=filename)
                rewrite_tree(tree, source, filename, locate_missing=True, source_key=source_key)
                return compile(tree, filename, "exec", dont_inherit=True)
    finally:
        if _cache_fill is not None:
            _cache_fill.add(started)


# --------------------------------------------------------------------------- cache

_HEADER_LEN = 4 + 32  # magic number + blake2b-256 of (version, helpers name, path, source)


def _source_key(source: bytes, path: str) -> bytes:
    digest = hashlib.blake2b(digest_size=32)
    digest.update(REWRITE_VERSION + b"\0" + _helpers_module_name().encode() + b"\0")
    digest.update(os.fsencode(path) + b"\0")
    digest.update(source)
    return digest.digest()


def _cache_file(pyc_dir: str, path: str) -> str:
    stem = os.path.splitext(os.path.basename(path))[0]
    path_hash = hashlib.blake2b(os.fsencode(path), digest_size=8).hexdigest()
    tag = sys.implementation.cache_tag or "py"
    return os.path.join(pyc_dir, "{}-{}.{}.pyc".format(stem, path_hash, tag))


def _read_cached(cache_file: str, key: bytes) -> types.CodeType | None:
    try:
        with open(cache_file, "rb") as fh:
            header = fh.read(_HEADER_LEN)
            if header != importlib.util.MAGIC_NUMBER + key:
                return None
            # marshal.load on a file object reads it in many small calls: ~10x slower.
            code = marshal.loads(fh.read())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    return code if isinstance(code, types.CodeType) else None


def _write_cached(cache_file: str, key: bytes, code: types.CodeType) -> None:
    directory = os.path.dirname(cache_file)
    try:
        os.makedirs(directory, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=directory)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(importlib.util.MAGIC_NUMBER + key + marshal.dumps(code))
            os.replace(tmp, cache_file)
            stats["cache_writes"] += 1
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
    except OSError:
        pass  # read-only or full disk: run uncached


# --------------------------------------------------------------------------- import hook


class _RewritingLoader(importlib.machinery.SourceFileLoader):
    """SourceFileLoader whose code comes from the rewriter (and our cache), not __pycache__."""

    def __init__(self, fullname: str, path: str, pyc_dir: str) -> None:
        super().__init__(fullname, path)
        self.pyc_dir = pyc_dir

    def get_code(self, fullname: str) -> types.CodeType:  # type: ignore[override]
        code = compile_test_module(self.get_filename(fullname), os.path.dirname(self.pyc_dir))
        assert code is not None
        return code


def compile_test_module(path: str, cache_dir: str, *, only_cache: bool = False) -> types.CodeType | None:
    """Rewritten code of one file through the same cache, for an engine that execs it itself.
    `only_cache`: fill the cache and return None (a cached entry is not even loaded)."""
    path, source, key, cache_file = _cache_entry(path, cache_dir)
    if only_cache and _cached_header_is(cache_file, key):
        return None
    code = None if only_cache else _read_cached(cache_file, key)
    if code is not None:
        stats["cache_hits"] += 1
        return code
    code = rewrite_source(source, path, key)
    _write_cached(cache_file, key, code)
    return None if only_cache else code


def _cache_entry(path: str, cache_dir: str) -> tuple[str, bytes, bytes, str]:
    """The file at `path` as the cache knows it: its absolute path, source, key and cache file."""
    path = os.path.abspath(path)
    with open(path, "rb") as fh:
        source = fh.read()
    return path, source, _source_key(source, path), _cache_file(os.path.join(cache_dir, "pyc"), path)


def is_cached(path: str, cache_dir: str) -> bool:
    """Whether the rewrite cache holds the code of the file at `path` as it is now."""
    try:
        _, _, key, cache_file = _cache_entry(path, cache_dir)
    except OSError:
        return False
    return _cached_header_is(cache_file, key)


def fill_cache(path: str, cache_dir: str) -> None:
    """Rewrites and compiles the file at `path` into the rewrite cache, without importing it, so
    that its import (in this worker or another) finds its code cached. Its errors are the
    import's to report."""
    try:
        compile_test_module(path, cache_dir, only_cache=True)
    except Exception:
        pass


def _cached_header_is(cache_file: str, key: bytes) -> bool:
    try:
        with open(cache_file, "rb") as fh:
            return fh.read(_HEADER_LEN) == importlib.util.MAGIC_NUMBER + key
    except OSError:
        return False


_STDLIB_NAMES = frozenset(getattr(sys, "stdlib_module_names", ()))
_STDLIB_DIR = os.path.dirname(os.__file__)


def _is_stdlib(fullname: str) -> bool:
    """Cheap early exit for standard-library imports (no path search for them).

    A dotted name counts only when its already-imported top package lives in the standard
    library: a user's ``test/`` package shadows the stdlib ``test`` and must be searched.
    """
    top, dot, _ = fullname.partition(".")
    if top not in _STDLIB_NAMES:
        return False
    if not dot:
        return True
    module = sys.modules.get(top)
    if module is None:
        return False
    location = getattr(module, "__file__", None)
    return location is None or location.startswith(_STDLIB_DIR)


class RewriteFinder(importlib.abc.MetaPathFinder):
    def __init__(self, rootdir: str, cache_dir: str, should_rewrite: Callable[[str], bool]) -> None:
        self.rootdir = rootdir
        self.pyc_dir = os.path.join(cache_dir, "pyc")
        self.should_rewrite = should_rewrite
        self.rewritten: dict[str, str] = {}
        self._busy = False
        # The file pytest's importlib import mode is importing (importing_file): pytest < 9.1
        # asks the meta path with a search path that need not hold it, then loads it by its
        # path, so without this hint the module would not be rewritten.
        self.importing: str | None = None

    def find_spec(self, fullname: str, path: Any = None, target: Any = None) -> Any:
        if self._busy or _is_stdlib(fullname):
            return None
        self._busy = True
        try:
            spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        finally:
            self._busy = False
        importing = self.importing
        if (spec is None and importing is not None
                and os.path.splitext(os.path.basename(importing))[0] == fullname.rpartition(".")[2]):
            spec = importlib.util.spec_from_file_location(fullname, importing)
        if (spec is None or spec.origin is None
                or not isinstance(spec.loader, importlib.machinery.SourceFileLoader)):
            return None
        origin = os.path.abspath(spec.origin)
        try:
            if not self.should_rewrite(origin):
                return None
        except Exception:
            return None
        self.rewritten[fullname] = origin
        loader = _RewritingLoader(fullname, origin, self.pyc_dir)
        return importlib.util.spec_from_file_location(
            fullname, origin, loader=loader,
            submodule_search_locations=spec.submodule_search_locations)


_installed: list[RewriteFinder] = []


def install_rewrite_hook(rootdir: str, cache_dir: str, should_rewrite: Callable[[str], bool]) -> RewriteFinder:
    uninstall_rewrite_hook()
    finder = RewriteFinder(rootdir, cache_dir, should_rewrite)
    sys.meta_path.insert(0, finder)
    _installed.append(finder)
    return finder


@contextlib.contextmanager
def importing_file(path: str) -> Iterator[None]:
    """While pytest's import_path(mode=importlib) imports `path`: the rewrite hook may give it."""
    finders = list(_installed)
    for finder in finders:
        finder.importing = path
    try:
        yield
    finally:
        for finder in finders:
            finder.importing = None


def uninstall_rewrite_hook() -> None:
    while _installed:
        finder = _installed.pop()
        try:
            sys.meta_path.remove(finder)
        except ValueError:
            pass


__all__ = ["install_rewrite_hook", "importing_file", "compile_test_module", "offer_parsed", "uninstall_rewrite_hook", "configure", "rewrite_source",
           "rewrite_tree", "assertion_message_lines", "format_explanation", "stats", "RewriteFinder"]
