"""MessagePack codec for the worker protocol: maps, arrays, str, bytes, int, float, bool, None.

Uses the C `msgpack` package when it is importable, else a small pure-Python codec tuned for
the worker's frames (a result map encodes in a few microseconds).
"""

import struct

__all__ = ["pack_str", "packb", "unpackb"]

_pack_u8 = struct.Struct(">B").pack
_pack_u16 = struct.Struct(">H").pack
_pack_u32 = struct.Struct(">I").pack
_pack_u64 = struct.Struct(">Q").pack
_pack_i8 = struct.Struct(">b").pack
_pack_i16 = struct.Struct(">h").pack
_pack_i32 = struct.Struct(">i").pack
_pack_i64 = struct.Struct(">q").pack
_pack_f64 = struct.Struct(">d").pack

# Single-byte encodings of small ints and short-string headers, built once.
_FIXINT = [bytes((i,)) for i in range(128)]
_NEGFIXINT = {i: bytes((i & 0xFF,)) for i in range(-32, 0)}
_FIXSTR = [bytes((0xA0 | n,)) for n in range(32)]
_FIXMAP = [bytes((0x80 | n,)) for n in range(16)]
_FIXARRAY = [bytes((0x90 | n,)) for n in range(16)]


_short_str_cache = {}  # encodings of short strings that repeat (keys, outcomes, phases)


def _utf8(s):
    try:
        return s.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a lone surrogate that no decoder produced
        return s.encode("utf-8", "replace")


def _short_str(s, cache=_short_str_cache):
    b = _utf8(s)
    n = len(b)
    if n < 32:
        enc = _FIXSTR[n] + b
    elif n < 0x100:
        enc = b"\xd9" + _pack_u8(n) + b
    elif n < 0x10000:
        enc = b"\xda" + _pack_u16(n) + b
    else:
        enc = b"\xdb" + _pack_u32(n) + b
    if n < 24 and len(cache) < 4096:
        cache[s] = enc
    return enc


def _encode(obj, out, str=str, dict=dict, type=type, len=len, cache_get=_short_str_cache.get):
    t = type(obj)
    if t is str:
        out.append(cache_get(obj) or _short_str(obj))
    elif t is dict:
        n = len(obj)
        if n < 16:
            out.append(_FIXMAP[n])
        elif n < 0x10000:
            out.append(b"\xde" + _pack_u16(n))
        else:
            out.append(b"\xdf" + _pack_u32(n))
        append = out.append
        for k, v in obj.items():
            if type(k) is str:
                append(cache_get(k) or _short_str(k))
            else:
                _encode(k, out)
            # a result frame's values, inline: strings, durations, line numbers
            tv = type(v)
            if tv is str:
                append(cache_get(v) or _short_str(v))
            elif tv is float:
                append(b"\xcb" + _pack_f64(v))
            elif tv is int and 0 <= v < 128:
                append(_FIXINT[v])
            else:
                _encode(v, out)
    elif obj is None:
        out.append(b"\xc0")
    elif t is bool:
        out.append(b"\xc3" if obj else b"\xc2")
    elif t is int:
        if 0 <= obj < 128:
            out.append(_FIXINT[obj])
        elif -32 <= obj < 0:
            out.append(_NEGFIXINT[obj])
        elif obj >= 0:
            if obj < 0x100:
                out.append(b"\xcc" + _pack_u8(obj))
            elif obj < 0x10000:
                out.append(b"\xcd" + _pack_u16(obj))
            elif obj < 0x100000000:
                out.append(b"\xce" + _pack_u32(obj))
            elif obj < 0x10000000000000000:
                out.append(b"\xcf" + _pack_u64(obj))
            else:
                _encode(str(obj), out)
        else:
            if obj >= -0x80:
                out.append(b"\xd0" + _pack_i8(obj))
            elif obj >= -0x8000:
                out.append(b"\xd1" + _pack_i16(obj))
            elif obj >= -0x80000000:
                out.append(b"\xd2" + _pack_i32(obj))
            elif obj >= -0x8000000000000000:
                out.append(b"\xd3" + _pack_i64(obj))
            else:
                _encode(str(obj), out)
    elif t is float:
        out.append(b"\xcb" + _pack_f64(obj))
    elif t is list or t is tuple:
        n = len(obj)
        if n < 16:
            out.append(_FIXARRAY[n])
        elif n < 0x10000:
            out.append(b"\xdc" + _pack_u16(n))
        else:
            out.append(b"\xdd" + _pack_u32(n))
        for v in obj:
            _encode(v, out)
    elif t is bytes or t is bytearray or t is memoryview:
        b = bytes(obj)
        n = len(b)
        if n < 0x100:
            out.append(b"\xc4" + _pack_u8(n))
        elif n < 0x10000:
            out.append(b"\xc5" + _pack_u16(n))
        else:
            out.append(b"\xc6" + _pack_u32(n))
        out.append(b)
    elif isinstance(obj, int):  # bool cannot be subclassed: only `t is bool` above sees one
        _encode(int(obj), out)
    elif isinstance(obj, float):
        _encode(float(obj), out)
    elif isinstance(obj, str):
        _encode(str(obj), out)
    elif isinstance(obj, dict):
        _encode(dict(obj), out)
    elif isinstance(obj, (list, tuple)):
        _encode(list(obj), out)
    else:
        raise TypeError("cannot encode %s as MessagePack" % t.__name__)


def pack_str(s):
    """One str as MessagePack."""
    return _short_str_cache.get(s) or _short_str(s)


def _py_packb(obj):
    out = []
    _encode(obj, out)
    return b"".join(out)


class _Reader:
    __slots__ = ("data", "pos")

    def __init__(self, data):
        self.data = data
        self.pos = 0

    def take(self, n):
        p = self.pos
        end = p + n
        if end > len(self.data):
            raise ValueError("truncated MessagePack data")
        self.pos = end
        return self.data[p:end]


_unpack_u8 = struct.Struct(">B").unpack_from
_unpack_u16 = struct.Struct(">H").unpack_from
_unpack_u32 = struct.Struct(">I").unpack_from
_unpack_u64 = struct.Struct(">Q").unpack_from
_unpack_i8 = struct.Struct(">b").unpack_from
_unpack_i16 = struct.Struct(">h").unpack_from
_unpack_i32 = struct.Struct(">i").unpack_from
_unpack_i64 = struct.Struct(">q").unpack_from
_unpack_f32 = struct.Struct(">f").unpack_from
_unpack_f64 = struct.Struct(">d").unpack_from


def _decode(r):
    data = r.data
    p = r.pos
    if p >= len(data):
        raise ValueError("truncated MessagePack data")
    b = data[p]
    r.pos = p + 1
    if b <= 0x7F:
        return b
    if b >= 0xE0:
        return b - 0x100
    if 0xA0 <= b <= 0xBF:
        return _str(r, b & 0x1F)
    if 0x80 <= b <= 0x8F:
        return _map(r, b & 0x0F)
    if 0x90 <= b <= 0x9F:
        return _array(r, b & 0x0F)
    if b == 0xC0:
        return None
    if b == 0xC2:
        return False
    if b == 0xC3:
        return True
    number = _NUMBERS.get(b)
    if number is not None:
        width, unpack = number
        return unpack(r.take(width))[0]
    sized = _LENGTH_PREFIXED.get(b)
    if sized is not None:
        width, unpack, read = sized
        return read(r, unpack(r.take(width))[0])
    raise ValueError("unsupported MessagePack type byte 0x%02x" % b)


def _str(r, n):
    return bytes(r.take(n)).decode("utf-8", "surrogateescape")


def _bin(r, n):
    return bytes(r.take(n))


def _array(r, n):
    return [_decode(r) for _ in range(n)]


def _map(r, n):
    d = {}
    for _ in range(n):
        k = _decode(r)
        d[k] = _decode(r)
    return d


_NUMBERS = {  # type byte -> (width, unpack_from) of a fixed-width int or float
    0xCC: (1, _unpack_u8), 0xCD: (2, _unpack_u16), 0xCE: (4, _unpack_u32), 0xCF: (8, _unpack_u64),
    0xD0: (1, _unpack_i8), 0xD1: (2, _unpack_i16), 0xD2: (4, _unpack_i32), 0xD3: (8, _unpack_i64),
    0xCA: (4, _unpack_f32), 0xCB: (8, _unpack_f64),
}
_LENGTH_PREFIXED = {  # type byte -> (width, unpack_from) of its length, reader of that length
    0xD9: (1, _unpack_u8, _str), 0xDA: (2, _unpack_u16, _str), 0xDB: (4, _unpack_u32, _str),
    0xC4: (1, _unpack_u8, _bin), 0xC5: (2, _unpack_u16, _bin), 0xC6: (4, _unpack_u32, _bin),
    0xDC: (2, _unpack_u16, _array), 0xDD: (4, _unpack_u32, _array),
    0xDE: (2, _unpack_u16, _map), 0xDF: (4, _unpack_u32, _map),
}


def _py_unpackb(data):
    r = _Reader(memoryview(data) if not isinstance(data, memoryview) else data)
    obj = _decode(r)
    if r.pos != len(r.data):
        raise ValueError("extra data after MessagePack object")
    return obj


try:  # the C extension, when the environment happens to have it
    import msgpack as _c_msgpack  # type: ignore

    _c_packer = _c_msgpack.Packer(use_bin_type=True, unicode_errors="surrogateescape")

    def packb(obj):
        return _c_packer.pack(obj)

    def unpackb(data):
        return _c_msgpack.unpackb(data, raw=False, strict_map_key=False,  # pyright: ignore[reportCallIssue] - the C msgpack's, not this module
                                  unicode_errors="surrogateescape")  # pyright: ignore[reportCallIssue]

except Exception:  # ImportError, or an old msgpack without these options
    packb = _py_packb
    unpackb = _py_unpackb
