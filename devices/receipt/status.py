"""Real-time status (DLE EOT n) of an ESC/POS printer.

n=1 printer, n=2 offline cause, n=4 paper roll sensor. Every reply byte has fixed bits (bit 1 and
bit 4 set, bits 0 and 7 clear); a byte without them is not a status reply. No reply, or a bad one,
means "unknown" - never "paper out" (plenty of links are write-only).
"""
from __future__ import annotations

from dataclasses import dataclass

DLE_EOT = b"\x10\x04"
FIXED_MASK, FIXED_BITS = 0x93, 0x12


@dataclass(frozen=True)
class ReceiptStatus:
    online: bool | None = None
    cover_open: bool | None = None
    paper: str = "unknown"            # ok / near-end / out / unknown
    error: bool | None = None

    @property
    def state(self) -> str:
        """One word for screens and staff: ready, paper_near_end, paper_out, cover_open,
        offline, error or unknown."""
        if self.paper == "out":
            return "paper_out"
        if self.cover_open:
            return "cover_open"
        if self.error:
            return "error"
        if self.online is False:
            return "offline"
        if self.online is None and self.paper == "unknown":
            return "unknown"
        if self.paper == "near-end":
            return "paper_near_end"
        return "ready"

    @property
    def can_print(self) -> bool:
        """False only when the printer said it cannot; unknown is given the benefit of the doubt."""
        return self.state not in ("paper_out", "cover_open", "error", "offline")

    def as_payload(self) -> dict:
        return {"state": self.state, "online": self.online, "cover_open": self.cover_open,
                "paper": self.paper, "error": self.error}


def valid(byte: int) -> bool:
    return byte & FIXED_MASK == FIXED_BITS


def query(transport, timeout: float = 0.5) -> ReceiptStatus:
    """Ask n=1, 2 and 4; a missing or malformed answer leaves that part unknown."""
    transport.drain()
    replies: dict[int, int | None] = {}
    for n in (1, 2, 4):
        transport.write(DLE_EOT + bytes([n]))
        data = transport.read(1, timeout)
        replies[n] = data[0] if data and valid(data[0]) else None
        if not data:
            break            # a silent link stays silent: don't wait three timeouts
    return decode(replies.get(1), replies.get(2), replies.get(4))


def decode(printer: int | None, offline: int | None, paper: int | None) -> ReceiptStatus:
    online = None if printer is None else not printer & 0x08
    cover = None if offline is None else bool(offline & 0x04)
    error = None if offline is None else bool(offline & 0x40)
    if paper is None:
        roll = "unknown"
    elif paper & 0x60:
        roll = "out"
    elif paper & 0x0C:
        roll = "near-end"
    else:
        roll = "ok"
    if offline is not None and offline & 0x20 and roll != "out":
        roll = "out"           # "printing stopped: paper end" from the offline cause
    return ReceiptStatus(online=online, cover_open=cover, paper=roll, error=error)
