// Top-level modules of Python's standard library (sys.stdlib_module_names of 3.11, without the
// private ones and without unittest, doctest and test, whose classes may be TestCases). A class
// from any of these is not a test class and brings no tests into a class that derives from it.
export const STDLIB_MODULES = new Set(
  `abc aifc antigravity argparse array ast asynchat asyncio asyncore atexit audioop base64 bdb binascii
bisect builtins bz2 cProfile calendar cgi cgitb chunk cmath cmd code codecs codeop collections
colorsys compileall concurrent configparser contextlib contextvars copy copyreg crypt csv ctypes
curses dataclasses datetime dbm decimal difflib dis distutils email encodings ensurepip enum errno
faulthandler fcntl filecmp fileinput fnmatch fractions ftplib functools gc genericpath getopt
getpass gettext glob graphlib grp gzip hashlib heapq hmac html http idlelib imaplib imghdr imp
importlib inspect io ipaddress itertools json keyword lib2to3 linecache locale logging lzma mailbox
mailcap marshal math mimetypes mmap modulefinder msilib msvcrt multiprocessing netrc nis nntplib nt
ntpath nturl2path numbers opcode operator optparse os ossaudiodev pathlib pdb pickle pickletools
pipes pkgutil platform plistlib poplib posix posixpath pprint profile pstats pty pwd py_compile
pyclbr pydoc pydoc_data pyexpat queue quopri random re readline reprlib resource rlcompleter runpy
sched secrets select selectors shelve shlex shutil signal site smtpd smtplib sndhdr socket
socketserver spwd sqlite3 sre_compile sre_constants sre_parse ssl stat statistics string stringprep
struct subprocess sunau symtable sys sysconfig syslog tabnanny tarfile telnetlib tempfile termios
textwrap this threading time timeit tkinter token tokenize tomllib trace traceback tracemalloc tty
turtle turtledemo types typing unicodedata urllib uu uuid venv warnings wave weakref webbrowser
winreg winsound wsgiref xdrlib xml xmlrpc zipapp zipfile zipimport zlib zoneinfo`.split(/\s+/),
);

/** Python's builtin classes (types, exceptions, warnings): a module names them without importing. */
export const BUILTIN_CLASSES: ReadonlySet<string> = new Set([
  'object',
  'int',
  'float',
  'complex',
  'str',
  'bytes',
  'bytearray',
  'bool',
  'list',
  'tuple',
  'dict',
  'set',
  'frozenset',
  'type',
  'BaseException',
  'Exception',
  'ArithmeticError',
  'AssertionError',
  'AttributeError',
  'BufferError',
  'EOFError',
  'ImportError',
  'LookupError',
  'IndexError',
  'KeyError',
  'MemoryError',
  'NameError',
  'OSError',
  'IOError',
  'EnvironmentError',
  'ReferenceError',
  'RuntimeError',
  'NotImplementedError',
  'RecursionError',
  'StopIteration',
  'StopAsyncIteration',
  'SyntaxError',
  'SystemError',
  'TypeError',
  'ValueError',
  'UnicodeError',
  'UnicodeDecodeError',
  'UnicodeEncodeError',
  'ZeroDivisionError',
  'OverflowError',
  'FileNotFoundError',
  'FileExistsError',
  'PermissionError',
  'TimeoutError',
  'ConnectionError',
  'ModuleNotFoundError',
  'Warning',
  'UserWarning',
  'DeprecationWarning',
  'PendingDeprecationWarning',
  'RuntimeWarning',
  'FutureWarning',
  'ImportWarning',
  'UnicodeWarning',
  'BytesWarning',
  'ResourceWarning',
  'SyntaxWarning',
  'EncodingWarning',
  'KeyboardInterrupt',
  'SystemExit',
  'range',
  'slice',
  'memoryview',
  'GeneratorExit',
  'IsADirectoryError',
  'NotADirectoryError',
  'UnboundLocalError',
  'TabError',
  'IndentationError',
  'UnicodeTranslateError',
  'BrokenPipeError',
  'ChildProcessError',
  'ConnectionAbortedError',
  'ConnectionRefusedError',
  'ConnectionResetError',
  'BlockingIOError',
  'InterruptedError',
  'ProcessLookupError',
  'enumerate',
  'zip',
  'map',
  'filter',
  'reversed',
  'property',
  'staticmethod',
  'classmethod',
  'super',
]);

/** Builtin functions: a name for one is the function, whose `__name__` is that name. */
export const BUILTIN_FUNCTIONS: ReadonlySet<string> = new Set([
  'len',
  'repr',
  'print',
  'sorted',
  'min',
  'max',
  'sum',
  'abs',
  'all',
  'any',
  'callable',
  'iter',
  'next',
  'hash',
  'id',
  'format',
  'ord',
  'chr',
  'isinstance',
  'issubclass',
  'getattr',
  'setattr',
  'hasattr',
  'vars',
  'dir',
  'round',
  'divmod',
  'pow',
  'hex',
  'oct',
  'bin',
  'ascii',
  'open',
  'input',
]);

/** Builtin classes whose instances pytest shows by value (numbers, strings), that cannot be
 * subclassed, or whose instances may carry a `__name__` (wrappers, iterators): never plain. */
const NOT_PLAIN_BUILTINS = new Set([
  'int',
  'float',
  'complex',
  'str',
  'bytes',
  'bool',
  'type',
  'range',
  'slice',
  'memoryview',
  'enumerate',
  'zip',
  'map',
  'filter',
  'reversed',
  'property',
  'staticmethod',
  'classmethod',
  'super',
]);

/** Builtin classes a plain class may derive from: an instance has no `__name__` and is no str or number. */
export const PLAIN_BUILTIN_CLASSES: ReadonlySet<string> = new Set([...BUILTIN_CLASSES].filter((name) => !NOT_PLAIN_BUILTINS.has(name)));
