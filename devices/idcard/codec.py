"""GA 467 SAM frames: building commands and responses, and finding frames in a byte stream.

Frame: AA AA AA 96 69 | LEN (2 bytes BE, counts everything after itself, CHK included) | body | CHK
where CHK is the XOR of the LEN bytes and the body. A command body is CMD PARA data...,
a response body is SW1 SW2 SW3 data...

The stream decoder never trusts a length or a checksum: a bad one is a typed ProtocolError, after
which the decoder has already skipped past the bad frame's first byte, so the next call resyncs on
the next preamble.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import reduce

from devices.idcard.errors import ChecksumError, LengthError, TruncatedFrame, UnexpectedReply

PREAMBLE = b"\xAA\xAA\xAA\x96\x69"
HEADER = len(PREAMBLE) + 2
# The longest real frame is a read with fingerprint (LEN 09 0A); anything much longer is a corrupt
# length, and waiting for it would stall the link until the command timeout.
MAX_LEN = 0x0A00

# Commands (CMD, PARA)
RESET_SAM = (0x10, 0xFF)
SAM_STATUS = (0x11, 0xFF)
SAM_ID = (0x12, 0xFF)
FIND_CARD = (0x20, 0x01)
SELECT_CARD = (0x20, 0x02)
READ_TEXT_PHOTO = (0x30, 0x01)
READ_TEXT_PHOTO_FP = (0x30, 0x10)
READ_NEW_ADDRESS = (0x30, 0x03)
SET_RF_FRAME = (0x61, 0xFF)

# Status byte SW3 and what it means
SW_OK = 0x90
SW_CARD_FOUND = 0x9F
SW_NO_CONTENT = 0x91
STATUS_TEXT = {
    0x90: "OK",
    0x9F: "card found",
    0x91: "no content for this item",
    0x80: "find card failed (no card)",
    0x81: "select card failed",
    0x40: "unknown card type",
    0x41: "read card failed",
    0x10: "checksum error in the command the reader received",
    0x11: "length error in the command the reader received",
    0x21: "command error / unknown command",
    0x23: "unauthorised operation",
    0x24: "unrecognised error",
    0x31: "card failed to authenticate SAM",
    0x32: "SAM failed to authenticate card",
    0x33: "information check failed",
    0x47: "random number failure",
    0x60: "SAM self-test failed",
    0x66: "SAM not authorised",
}


def status_text(sw3: int) -> str:
    return STATUS_TEXT.get(sw3, f"unknown status {sw3:02X}")


def xor(data: bytes) -> int:
    return reduce(lambda a, b: a ^ b, data, 0)


def encode(body: bytes) -> bytes:
    """Wrap a body (CMD PARA data, or SW1 SW2 SW3 data) into a complete frame."""
    size = len(body) + 1
    if size > 0xFFFF:
        raise ValueError("frame body too long")
    length = size.to_bytes(2, "big")
    return PREAMBLE + length + body + bytes([xor(length + body)])


def command(cmd: tuple[int, int], data: bytes = b"") -> bytes:
    return encode(bytes(cmd) + data)


def response(sw3: int, data: bytes = b"", sw12: bytes = b"\x00\x00") -> bytes:
    return encode(sw12 + bytes([sw3]) + data)


@dataclass(frozen=True)
class Frame:
    body: bytes

    # response view
    @property
    def sw3(self) -> int:
        return self.body[2]

    @property
    def data(self) -> bytes:
        return self.body[3:]

    # command view
    @property
    def cmd(self) -> tuple[int, int]:
        return self.body[0], self.body[1]

    @property
    def args(self) -> bytes:
        return self.body[2:]

    def wire_size(self) -> int:
        return HEADER + len(self.body) + 1


class FrameDecoder:
    """Finds frames in a byte stream fed in arbitrary pieces.

    `min_body` is 3 for responses (SW1 SW2 SW3) and 2 for commands (CMD PARA).
    next() returns a Frame, None when more bytes are needed, or raises a ProtocolError having
    consumed the offending bytes so the following call continues with the rest of the stream.
    """

    def __init__(self, min_body: int = 3):
        self.min_body = min_body
        self._buf = bytearray()
        self.skipped = 0          # garbage bytes thrown away, for diagnostics

    def feed(self, data: bytes) -> None:
        self._buf += data

    def clear(self) -> None:
        self._buf.clear()

    @property
    def pending(self) -> int:
        return len(self._buf)

    def next(self) -> Frame | None:
        buf = self._buf
        start = buf.find(PREAMBLE)
        if start < 0:
            # keep a tail that could be the beginning of a preamble split across reads
            keep = 0
            for n in range(min(len(PREAMBLE) - 1, len(buf)), 0, -1):
                if buf.endswith(PREAMBLE[:n]):
                    keep = n
                    break
            self.skipped += len(buf) - keep
            del buf[:len(buf) - keep]
            return None
        if start:
            self.skipped += start
            del buf[:start]
        if len(buf) < HEADER:
            return None
        size = int.from_bytes(buf[5:7], "big")
        if size < self.min_body + 1 or size > MAX_LEN:
            del buf[:1]
            self.skipped += 1
            raise LengthError(f"frame length {size} outside {self.min_body + 1}..{MAX_LEN}")
        total = HEADER + size
        if len(buf) < total:
            return None
        frame = bytes(buf[:total])
        expected = xor(frame[5:-1])
        if frame[-1] != expected:
            del buf[:1]
            self.skipped += 1
            raise ChecksumError(f"checksum {frame[-1]:02X}, computed {expected:02X} "
                                f"over a {total}-byte frame")
        del buf[:total]
        return Frame(frame[7:-1])

    def finish(self) -> None:
        """The stream ended (or timed out): a partial frame left over is truncated."""
        start = self._buf.find(PREAMBLE)
        if start >= 0 and len(self._buf) > start:
            have = len(self._buf) - start
            self._buf.clear()
            raise TruncatedFrame(f"frame cut off after {have} bytes")
        self._buf.clear()

    def frames(self, data: bytes = b""):
        """Feed data and yield every complete frame; ProtocolErrors propagate (the caller decides)."""
        if data:
            self.feed(data)
        while True:
            frame = self.next()
            if frame is None:
                return
            yield frame


# --- the read response --------------------------------------------------------------------------

@dataclass
class CardRecord:
    """The raw parts of a read response; photo and fingerprint are mutable so they can be wiped."""
    text: bytes
    photo: bytearray
    fingerprint: bytearray | None


def encode_read_data(text: bytes, photo: bytes, fingerprint: bytes | None = None) -> bytes:
    head = len(text).to_bytes(2, "big") + len(photo).to_bytes(2, "big")
    if fingerprint is not None:
        head += len(fingerprint).to_bytes(2, "big")
    return head + text + photo + (fingerprint or b"")


def decode_read_data(data: bytes, with_fingerprint: bool) -> CardRecord:
    """Split a 30 01 / 30 10 response's data into text, photo and fingerprint, checking lengths."""
    heads = 6 if with_fingerprint else 4
    if len(data) < heads:
        raise UnexpectedReply(f"read response of {len(data)} bytes has no length fields")
    text_len = int.from_bytes(data[0:2], "big")
    photo_len = int.from_bytes(data[2:4], "big")
    fp_len = int.from_bytes(data[4:6], "big") if with_fingerprint else 0
    if len(data) != heads + text_len + photo_len + fp_len:
        raise UnexpectedReply(f"read response lengths {text_len}+{photo_len}+{fp_len} do not add up "
                              f"to the {len(data) - heads} data bytes received")
    if text_len != 256:
        raise UnexpectedReply(f"card text is {text_len} bytes, expected 256")
    text = data[heads:heads + text_len]
    photo = bytearray(data[heads + text_len:heads + text_len + photo_len])
    fingerprint = bytearray(data[heads + text_len + photo_len:]) if with_fingerprint else None
    return CardRecord(text, photo, fingerprint)
