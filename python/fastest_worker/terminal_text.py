"""Text of a pytest report or repr as pytest's terminal writes it.

`str()` / `longreprtext` strip the blank line that opens a long traceback and the indentation of
its first source line; the console must show them as pytest does. Shared by both engines.

When the console is coloured (init's `markup`), each text is also rendered with pytest's markup:
the crash line's file in bold red, `E` lines in bold red and the source highlighted by pygments
(pytest's `--code-highlight`, on by default, when pygments is importable). That copy waits here,
keyed by the plain text, for the result carrying the text when it is sent (results.py).
"""
import io
import traceback
from collections import OrderedDict

_markup = None  # {"highlight": bool} when the console shows colour
_marked = OrderedDict()  # plain text -> the same with markup (the last few hundred texts)
_MARKED_KEPT = 256


def configure(markup):
    global _markup
    _markup = markup if isinstance(markup, dict) else None


def console_colored():
    """The console shows colour (pytest's terminal writer would have markup)."""
    return _markup is not None


def _writer(buffer, markup):
    """pytest's terminal writer into `buffer`, with the console's markup (None: plain)."""
    from _pytest._io import TerminalWriter  # pytest is loaded by then: both engines need it

    writer = TerminalWriter(buffer)
    writer.hasmarkup = markup is not None
    if markup is not None:
        writer.code_highlight = bool(markup.get("highlight", True))
    return writer


def _render(obj, markup):
    buffer = io.StringIO()
    obj.toterminal(_writer(buffer, markup))
    return buffer.getvalue().rstrip()


def terminal_text(obj) -> str:
    """`obj.toterminal()` into plain text (no colour), trailing blank lines removed."""
    plain = _render(obj, None)
    if _markup is not None:
        try:
            _marked[plain] = _render(obj, _markup)
        except Exception:  # the plain text is what matters
            pass
        while len(_marked) > _MARKED_KEPT:
            _marked.popitem(last=False)
    return plain


def marked_text(plain):
    """The coloured rendering of `plain`, or None (identical texts render alike)."""
    return _marked.get(plain) if _marked else None


def interrupt_detail(excrepr, full_trace):
    """What pytest's terminal prints under the `!!! KeyboardInterrupt !!!` line of a test's
    KeyboardInterrupt: the whole traceback under --full-trace, else the crash line and a hint,
    with the console's markup."""
    buffer = io.StringIO()
    writer = _writer(buffer, _markup)
    if full_trace:
        excrepr.toterminal(writer)
    else:
        excrepr.reprcrash.toterminal(writer)
        writer.line("(to show a full traceback on KeyboardInterrupt use --full-trace)", yellow=True)
    return buffer.getvalue()


def uncaught_text(exc, prefix=""):
    """The end of the traceback pytest prints for an exception it does not report as a test's:
    where it was raised (a syntax error's own location) and what it says, each line after
    `prefix` (`INTERNALERROR> ` for one pytest's session caught). pytest's ImportError for a
    plugin is its last line alone (raised in pytest's own code, the cause named in it)."""
    where = []
    if not isinstance(exc, (ImportError, SyntaxError)):
        where = traceback.format_list(traceback.extract_tb(exc.__traceback__)[-1:])
    lines = "".join(where + traceback.format_exception_only(type(exc), exc)).splitlines()
    return "".join(prefix + line + "\n" for line in lines)


def usage_error_text(messages):
    """What pytest prints for a UsageError that ends the run (its main(): each message as
    `ERROR: ...` and a blank line), to print as it is."""
    return "".join("ERROR: %s\n\n" % message for message in messages)
