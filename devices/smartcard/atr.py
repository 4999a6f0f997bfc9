"""First look at a card: what its ATR (answer to reset) says before any command is sent.

The ATR does not prove a card is a social security card (issuers use many chip vendors); it can
prove that it is not one: contactless readers report memory-only cards (MIFARE Classic, Ultralight,
...) with the PC/SC part 3 pseudo-ATR, and those cannot hold the SSSE application. Everything
else is asked what it answers to (see devices.smartcard.ssc.identify).
"""
from __future__ import annotations

from dataclasses import dataclass

# PC/SC part 3, 3.1.3.2.3: 3B 8F 80 01 80 4F 0C A0 00 00 03 06 SS NN NN 00 00 00 00 TCK
_STORAGE_PREFIX = bytes.fromhex("3B8F8001804F0CA000000306")


@dataclass(frozen=True)
class AtrInfo:
    atr: bytes
    kind: str              # "storage" (memory card, no applications) or "processor"
    protocols: tuple[int, ...]
    historical: bytes

    @property
    def hex(self) -> str:
        return self.atr.hex(" ").upper()


def parse_atr(atr: bytes) -> AtrInfo:
    """Split an ATR into protocols offered and historical bytes (ISO 7816-3, 8.2)."""
    if len(atr) < 2 or atr[0] not in (0x3B, 0x3F):
        return AtrInfo(bytes(atr), "processor", (), b"")
    t0 = atr[1]
    historical_len = t0 & 0x0F
    y, i, protocols = t0 >> 4, 2, []
    while True:
        i += bin(y & 0x0F).count("1") - (1 if y & 0x8 else 0)   # TA, TB, TC present
        if y & 0x8:                                              # TD present: next Y and protocol
            if i >= len(atr):
                break
            td = atr[i]
            protocols.append(td & 0x0F)
            y, i = td >> 4, i + 1
        else:
            break
    historical = bytes(atr[i:i + historical_len])
    kind = "storage" if atr.startswith(_STORAGE_PREFIX) else "processor"
    return AtrInfo(bytes(atr), kind, tuple(dict.fromkeys(protocols or [0])), historical)
