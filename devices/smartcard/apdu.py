"""ISO 7816-4 command APDUs and the status-word handling every read needs (61xx, 6Cxx).

The channel knows nothing of PC/SC: it takes any transmit(bytes) -> bytes (data + SW1 SW2), so the
same code runs over pcscd and over a PIN pad or test transport.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from devices.smartcard.errors import CardDataError

SW_OK = 0x9000
SW_SECURITY_NOT_SATISFIED = 0x6982
SW_PIN_BLOCKED = 0x6983
SW_FILE_NOT_FOUND = 0x6A82
SW_RECORD_NOT_FOUND = 0x6A83
SW_INS_NOT_SUPPORTED = 0x6D00
SW_CLA_NOT_SUPPORTED = 0x6E00

# a card that keeps saying "more data" forever must not keep us here forever
MAX_GET_RESPONSE = 64


@dataclass(frozen=True)
class Response:
    data: bytes
    sw: int

    @property
    def sw1(self) -> int:
        return self.sw >> 8

    @property
    def sw2(self) -> int:
        return self.sw & 0xFF

    @property
    def ok(self) -> bool:
        return self.sw == SW_OK


def select_by_name(name: bytes) -> bytes:
    return bytes([0x00, 0xA4, 0x04, 0x00, len(name)]) + name


def select_ef(fid: int) -> bytes:
    return bytes([0x00, 0xA4, 0x02, 0x00, 0x02, fid >> 8, fid & 0xFF])


def read_record(p1: int, p2: int, le: int = 0) -> bytes:
    """READ RECORD; Le 0 asks for up to 256 bytes (cards that want the exact length answer 6Cxx)."""
    return bytes([0x00, 0xB2, p1, p2, le & 0xFF])


def get_response(cla: int, le: int) -> bytes:
    return bytes([cla, 0xC0, 0x00, 0x00, le])


def verify(pin_bcd: bytes, reference: int = 0x00) -> bytes:
    return bytes([0x00, 0x20, 0x00, reference, len(pin_bcd)]) + pin_bcd


def with_le(apdu: bytes, le: int) -> bytes:
    """The same command with Le set to le (added for case 1/3, replaced for case 2/4)."""
    if len(apdu) < 4:
        raise ValueError("an APDU has at least 4 header bytes")
    if len(apdu) == 4:
        return apdu + bytes([le])      # case 1 becomes case 2
    if len(apdu) == 5:
        return apdu[:4] + bytes([le])  # case 2
    lc = apdu[4]
    if len(apdu) == 5 + lc:
        return apdu + bytes([le])      # case 3
    return apdu[:-1] + bytes([le])     # case 4


class CardChannel:
    """Sends commands and deals with the two ISO status words that are not answers:
    61xx (xx more bytes wait for GET RESPONSE) and 6Cxx (wrong Le, send again with Le = xx)."""

    def __init__(self, transmit: Callable[[bytes], bytes]):
        self._transmit = transmit
        self.apdu_count = 0

    def raw(self, apdu: bytes) -> Response:
        reply = self._transmit(bytes(apdu))
        self.apdu_count += 1
        if len(reply) < 2:
            raise CardDataError(f"reply of {len(reply)} bytes has no status word")
        return Response(bytes(reply[:-2]), (reply[-2] << 8) | reply[-1])

    def send(self, apdu: bytes) -> Response:
        resp = self.raw(apdu)
        if resp.sw1 == 0x6C:
            # the card tells the exact length; asking again once is the whole protocol
            resp = self.raw(with_le(apdu, resp.sw2))
        data = bytearray(resp.data)
        for _ in range(MAX_GET_RESPONSE):
            if resp.sw1 != 0x61:
                return Response(bytes(data), resp.sw)
            resp = self.raw(get_response(apdu[0] & 0x03, resp.sw2))
            if resp.sw1 == 0x6C:   # some cards want the GET RESPONSE Le corrected as well
                resp = self.raw(get_response(apdu[0] & 0x03, resp.sw2))
            data += resp.data
        raise CardDataError("card kept announcing more data (61xx) without end")
