"""Text of a pytest report or repr as pytest's terminal writes it.

`str()` / `longreprtext` strip the blank line that opens a long traceback and the indentation of
its first source line; the console must show them as pytest does. Shared by both engines.
"""
import io


def terminal_text(obj) -> str:
    """`obj.toterminal()` into plain text (no colour), trailing blank lines removed."""
    from _pytest._io import TerminalWriter  # pytest is loaded by then: both engines need it

    buffer = io.StringIO()
    writer = TerminalWriter(buffer)
    writer.hasmarkup = False
    obj.toterminal(writer)
    return buffer.getvalue().rstrip()
