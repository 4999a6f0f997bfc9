"""Reading a social security card (社会保障卡): SELECT the SSSE application, then the card file EF05
and the holder file EF06, record by tag. Read-only: no keys are needed and nothing is written.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any, Callable

from devices.idcard.nations import NATIONS, SEXES
from devices.smartcard import apdu, tlv
from devices.smartcard.apdu import CardChannel, Response
from devices.smartcard.atr import AtrInfo
from devices.smartcard.errors import (CardError, PinBlocked, PinCancelled, PinRequired, PinWrong,
                                      UnknownCard)
from devices.smartcard.pin import PinEntry, PinPrompt, valid_pin

# ASCII "sx1.sh." followed by GBK "社会保障"
SSSE_AID = b"sx1.sh." + "社会保障".encode("gbk")
PAYMENT_SYSTEM_CONTACT = b"1PAY.SYS.DDF01"
PAYMENT_SYSTEM_CONTACTLESS = b"2PAY.SYS.DDF01"
EF05, EF06 = 0xEF05, 0xEF06

# (file, tag, field name, required) in reading order; optional fields may be absent (6A 83)
EF05_FIELDS = ((0x01, "card_identifier", True), (0x02, "card_type", False), (0x03, "version", False),
               (0x04, "issuer_code", False), (0x05, "issue_date", False), (0x06, "expiry_date", False),
               (0x07, "card_number", True))
EF06_FIELDS = ((0x08, "id_number", True), (0x09, "name", True), (0x0A, "sex", False),
               (0x0B, "nation", False), (0x0C, "birthplace", False), (0x0D, "birth_date", False))
_DATES = {"issue_date", "expiry_date", "birth_date"}
READ_STEPS = 1 + len(EF05_FIELDS) + len(EF06_FIELDS)

Progress = Callable[[float, str], None]


@dataclass
class SscRecord:
    """What the card says. Personal data: keep it in the session only, never log it."""
    card_identifier: str
    card_number: str
    id_number: str
    name: str
    version: str = ""
    card_type: str = ""
    issuer_code: str = ""
    issue_date: _dt.date | None = None
    expiry_date: _dt.date | None = None
    sex: str = ""                 # GB/T 2261.1 code: "1" male, "2" female
    nation: str = ""              # GB/T 3304 code: "01".."56", "97", "98"
    birthplace: str = ""
    birth_date: _dt.date | None = None
    atr: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def region_code(self) -> str:
        """The issuing region (GB/T 2260), the first six characters of the card identifier."""
        return self.card_identifier[:6]

    def sex_name(self, english: bool = False) -> str:
        names = SEXES.get(self.sex)
        return names[1 if english else 0] if names else self.sex

    def nation_name(self, english: bool = False) -> str:
        names = NATIONS.get(self.nation)
        return names[1 if english else 0] if names else self.nation

    def expired(self, today: _dt.date | None = None) -> bool:
        return self.expiry_date is not None and self.expiry_date < (today or _dt.date.today())

    def fields(self, mask: Callable[[str], str] | None = None) -> dict[str, str]:
        """The command line's JSON keys; mask hides the ID number unless the caller wants it whole."""
        def day(d: _dt.date | None) -> str:
            return d.isoformat() if d else ""
        return {
            "card_number": self.card_number,
            "card_identifier": self.card_identifier,
            "region_code": self.region_code,
            "version": self.version,
            "issue_date": day(self.issue_date),
            "expiry_date": day(self.expiry_date),
            "name": self.name,
            "id_number": mask(self.id_number) if mask else self.id_number,
            "sex": self.sex_name(),
            "nation": self.nation_name(),
            "birth_date": day(self.birth_date),
        }


def identify(channel: CardChannel, atr: AtrInfo) -> Response:
    """Make sure this is a social security card by selecting its application; say what it is if not."""
    if atr.kind == "storage":
        raise UnknownCard("memory card (no applications): not a social security card", kind="storage")
    resp = channel.send(apdu.select_by_name(SSSE_AID))
    if resp.ok:
        return resp
    for name in (PAYMENT_SYSTEM_CONTACT, PAYMENT_SYSTEM_CONTACTLESS):
        if channel.send(apdu.select_by_name(name)).ok:
            raise UnknownCard("bank card: the kiosk does not read payment cards", kind="bank")
    raise UnknownCard(f"card has no social security application (SW {resp.sw:04X})", kind="unknown")


def read_ssc(channel: CardChannel, atr: AtrInfo, pin_entry: PinEntry | None = None,
             progress: Progress | None = None) -> SscRecord:
    """The whole read on one connected card; PC/SC errors surface as the driver's typed errors."""
    report = progress or (lambda fraction, step: None)
    step = 0

    def advance(name: str) -> None:
        nonlocal step
        step += 1
        report(step / READ_STEPS, name)

    identify(channel, atr)
    advance("application")
    values: dict[str, Any] = {}
    verifier = _PinVerifier(channel, pin_entry)
    for fid, fields in ((EF05, EF05_FIELDS), (EF06, EF06_FIELDS)):
        resp = channel.send(apdu.select_ef(fid))
        if resp.sw == apdu.SW_SECURITY_NOT_SATISFIED:
            verifier.verify()
            resp = channel.send(apdu.select_ef(fid))
        if not resp.ok:
            raise CardError(f"cannot select EF{fid & 0xFF:02X}", resp.sw)
        for tag, name, required in fields:
            raw = _read_tag(channel, tag, verifier)
            if raw is None:
                if required:
                    raise CardError(f"required record 0x{tag:02X} is missing", apdu.SW_RECORD_NOT_FOUND)
            else:
                values[name] = _decode(name, raw)
            advance(name)
    return SscRecord(atr=atr.hex, **values)


def _read_tag(channel: CardChannel, tag: int, verifier: "_PinVerifier") -> bytes | None:
    resp = channel.send(apdu.read_record(tag, 0x00))
    if resp.sw == apdu.SW_SECURITY_NOT_SATISFIED:
        verifier.verify()
        resp = channel.send(apdu.read_record(tag, 0x00))
    if resp.sw == apdu.SW_RECORD_NOT_FOUND:
        return None
    if not resp.ok:
        raise CardError(f"cannot read record 0x{tag:02X}", resp.sw)
    return tlv.parse_record(resp.data, expected_tag=tag)[1]


def _decode(name: str, raw: bytes) -> Any:
    if name in _DATES:
        return tlv.bcd_date(raw)
    return tlv.text(raw)


class _PinVerifier:
    """Asks the citizen for the PIN when the card demands it, at most once per demand and never
    re-sending a PIN: after 63 Cx the citizen is asked again (with tries left) or cancels."""

    def __init__(self, channel: CardChannel, pin_entry: PinEntry | None):
        self.channel = channel
        self.pin_entry = pin_entry
        self.verified = False

    def verify(self) -> None:
        if self.verified:
            # the card said "not allowed" again after a good PIN: retrying would loop
            raise CardError("card refuses access even after the PIN was accepted",
                            apdu.SW_SECURITY_NOT_SATISFIED)
        if self.pin_entry is None:
            raise PinRequired("the card asks for its PIN")
        tries_left: int | None = None
        while True:
            pin = self.pin_entry.request_pin(PinPrompt(tries_left=tries_left))
            if pin is None:
                if tries_left is not None:
                    raise PinWrong(f"wrong PIN, {tries_left} tries left", tries_left)
                raise PinCancelled("PIN entry cancelled")
            if not valid_pin(pin):
                # never spend one of the card's tries on something that cannot be a PIN
                raise PinCancelled("the PIN entered does not have six digits")
            resp = self.channel.send(apdu.verify(tlv.to_bcd(pin)))
            if resp.ok:
                self.verified = True
                return
            if resp.sw == apdu.SW_PIN_BLOCKED or resp.sw == 0x63C0:
                raise PinBlocked("the card's PIN is blocked")
            if resp.sw1 == 0x63 and resp.sw2 & 0xF0 == 0xC0:
                tries_left = resp.sw2 & 0x0F
                continue
            raise CardError("card rejected PIN verification", resp.sw)
