"""Under -s (capture=no): what tests write to fds 1 and 2, forwarded in order with the results.

pytest writes the progress prefix, a test's own output and its result letter from one process.
Here the console is Node's and results travel on the protocol pipe: the worker points fds 1 and 2
at pipes of its own, a thread forwards what they carry as `output` frames (live, for a test that
prints for minutes), and before each frame the worker sends, what the pipes hold at that moment
(all a test wrote before it reported) goes first. Node then prints in pytest's order. Nothing of
this runs without -s: captured output already travels inside the results.
"""

import codecs
import os
import select
import sys
import threading


class OrderedOutput:
    def __init__(self, channel):
        self.channel = channel
        self.readers = {}  # read end -> (stream number, decoder)
        for stream in (1, 2):
            read_end, write_end = os.pipe()
            os.dup2(write_end, stream)
            os.close(write_end)
            os.set_blocking(read_end, False)
            self.readers[read_end] = (stream, codecs.getincrementaldecoder("utf-8")("replace"))
        channel.before_frame(self.drain)
        threading.Thread(target=self._forward, name="fastest-output", daemon=True).start()

    def drain(self):
        """Sends what tests wrote so far (the channel's lock held: nothing is sent meanwhile)."""
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass
        self._read()

    def _read(self):
        for read_end, (stream, decoder) in self.readers.items():
            chunks = []
            while True:
                try:
                    chunk = os.read(read_end, 65536)
                except (BlockingIOError, InterruptedError):
                    break
                if not chunk:
                    break
                chunks.append(chunk)
            text = decoder.decode(b"".join(chunks)) if chunks else ""
            if text:
                self.channel.send_output(stream, text)

    def _forward(self):
        while True:
            try:
                select.select(list(self.readers), [], [])
            except InterruptedError:
                continue
            except (OSError, ValueError):
                return
            with self.channel.lock:
                self._read()
