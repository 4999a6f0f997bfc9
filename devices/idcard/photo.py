"""The card photo: 1024 bytes of the proprietary WLT format, decoded only by a vendor library.

There is no open decoder, so decoding is an adapter around a configured shared library, called with
ctypes. Configure `idcard.wlt_decoder = "/path/libwlt2bmp.so"` or "/path/lib.so:SYMBOL"; the entry
point (default `unpack`, the name most Linux reader SDKs use) has the C signature

    int unpack(const unsigned char *wlt, unsigned char *out, int with_header);

writing either a 102 x 126 24-bit BMP (with_header = 1, 38862 bytes) or the raw rows, and returning
1 on success. With nothing configured the photo stays as raw WLT bytes in memory and is reported
"not decodable here"; the rest of the card works regardless.
"""
from __future__ import annotations

import ctypes
import struct
import threading

from devices.idcard.errors import PhotoUnavailable

WLT_SIZE = 1024
WIDTH, HEIGHT = 102, 126
ROW = (WIDTH * 3 + 3) & ~3          # BMP rows are padded to 4 bytes: 308
BMP_HEADER = 54
BMP_SIZE = BMP_HEADER + ROW * HEIGHT   # 38862
RAW_SIZE = WIDTH * HEIGHT * 3          # 38556
DEFAULT_SYMBOL = "unpack"

NOT_DECODABLE = "not_decodable_here"
DECODED = "decoded"
DECODE_FAILED = "decode_failed"


def bmp_from_raw(raw: bytes) -> bytes:
    """Wrap unpadded bottom-up BGR rows (what some decoders emit) into a BMP file."""
    if len(raw) != RAW_SIZE:
        raise PhotoUnavailable(f"decoder produced {len(raw)} raw bytes, expected {RAW_SIZE}")
    header = b"BM" + struct.pack("<IHHI", BMP_SIZE, 0, 0, BMP_HEADER)
    info = struct.pack("<IiiHHIIiiII", 40, WIDTH, HEIGHT, 1, 24, 0, ROW * HEIGHT, 2835, 2835, 0, 0)
    pad = b"\0" * (ROW - WIDTH * 3)
    rows = b"".join(raw[y * WIDTH * 3:(y + 1) * WIDTH * 3] + pad for y in range(HEIGHT))
    return header + info + rows


class WltDecoder:
    """A vendor WLT decoder loaded from a shared library. Calls are serialised: vendor libraries
    are rarely thread-safe."""

    def __init__(self, spec: str):
        path, sep, symbol = spec.rpartition(":")
        if not sep or not symbol.isidentifier():
            path, symbol = spec, ""
        self.path, self.symbol = path, symbol or DEFAULT_SYMBOL
        try:
            lib = ctypes.CDLL(self.path)
            fn = getattr(lib, self.symbol)
        except OSError as exc:
            raise PhotoUnavailable(f"cannot load WLT decoder {self.path}: {exc}") from None
        except AttributeError:
            raise PhotoUnavailable(f"WLT decoder {self.path} has no function {self.symbol}") from None
        fn.argtypes = (ctypes.c_char_p, ctypes.c_char_p, ctypes.c_int)
        fn.restype = ctypes.c_int
        self._fn = fn
        self._lib = lib
        self._lock = threading.Lock()

    def decode(self, wlt: bytes | bytearray) -> bytes:
        """BMP file bytes of the photo; PhotoUnavailable when the library refuses it."""
        if len(wlt) != WLT_SIZE:
            raise PhotoUnavailable(f"photo is {len(wlt)} bytes, expected {WLT_SIZE}")
        src = ctypes.create_string_buffer(bytes(wlt), WLT_SIZE)
        out = ctypes.create_string_buffer(BMP_SIZE)
        with self._lock:
            rc = self._fn(src, out, 1)
        data = out.raw
        src[:] = b"\0" * WLT_SIZE
        if rc != 1:
            raise PhotoUnavailable(f"WLT decoder returned {rc}")
        if data[:2] == b"BM":
            size = struct.unpack_from("<I", data, 2)[0]
            if size != BMP_SIZE:
                raise PhotoUnavailable(f"decoder produced a {size}-byte BMP, expected {BMP_SIZE}")
            return data
        return bmp_from_raw(data[:RAW_SIZE])


def load_decoder(spec: str) -> WltDecoder | None:
    """The configured decoder, or None when none is configured ('' in config.toml)."""
    return WltDecoder(spec) if spec.strip() else None
