"""Identify with the social security card (社会保障卡), as a plain state machine (no Qt), with the
PIN hand-off.

The device worker (devices.smartcard.service) reads only while armed; this flow arms it when the
citizen is asked for the card and disarms it when they leave, so a card is never read behind their
back. The worker's events arrive through the bridge and the screen hands them over with
on_event(kind, payload). When the card asks for its PIN, the worker blocks in
HandoffPinEntry.request_pin(); the flow enters PIN, the screen shows a keypad, and the keypad's
answer goes back through enter_pin(digits) or cancel_pin(). A PIN request nobody answers is
cancelled when the citizen leaves (leave(), or the read ending while the keypad is up).

States: INSERT, READING, PIN (the card asks for its PIN; pin_prompt.tries_left is set after a wrong
PIN), VERIFYING (the PIN is with the card), DONE (masked summary), ERROR (error_code says which:
pin_blocked, unknown_card with kind bank, card_removed, mute_card, ...), IDENTIFIED.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Callable, Mapping, Protocol

from devices.smartcard.pin import PIN_LENGTH, PinPrompt, valid_pin
from kiosk.config import mask_id
from kiosk.flows.identify import IdentitySession, identify, mask_name
from kiosk.session import Identity

INSERT, READING, PIN, VERIFYING, DONE, ERROR, IDENTIFIED = (
    "insert", "reading", "pin", "verifying", "done", "error", "identified")
# errors the citizen can fix by trying again with the card still in
RETRY_IN_PLACE = frozenset({"pin_cancelled", "pin_wrong", "card_error"})
# the reader or the PC/SC service is gone: reading resumes when a reader comes back
READER_PROBLEMS = frozenset({"service_unavailable", "reader_removed", "no_reader"})
# the card number is shown with less of it visible than an ID number
CARD_NUMBER_KEEP = {"id_keep_head": 1, "id_keep_tail": 4}


class CardSlot(Protocol):
    """What the flow needs of the card reader worker (devices.smartcard.service.SmartCardService)."""
    service_up: bool

    def arm(self, fresh: bool = True) -> None: ...
    def disarm(self) -> None: ...


class PinHandoff(Protocol):
    """The waiting side of devices.smartcard.pin.HandoffPinEntry."""

    def answer(self, pin: str) -> None: ...
    def cancel(self) -> None: ...


@dataclass(frozen=True)
class SscDevices:
    """The smart card area as this flow sees it (built by the screen from ctx.services)."""
    slot: CardSlot
    pin_entry: PinHandoff
    available: Callable[[], bool]     # a reader is there (or the worker has not looked yet)


@dataclass(frozen=True)
class SscSummary:
    name: str
    id_number: str
    card_number: str
    valid_until: dt.date | None       # None: not on the card
    expired: bool


def identity_from_record(record: Any) -> Identity:
    """The session's identity from a devices.smartcard.ssc.SscRecord."""
    return Identity(source="ssc", name=record.name, id_number=record.id_number,
                    extra={"card_number": record.card_number, "region_code": record.region_code,
                           "expiry_date": record.expiry_date, "sex": record.sex,
                           "nation": record.nation, "birth_date": record.birth_date})


class KeypadAnswer:
    """Given to the PIN keypad as its `entry`: its answer(pin) / cancel() reach the flow, which
    decides whether anything is still waiting for them."""

    def __init__(self, flow: "SscIdentifyFlow"):
        self._flow = flow

    def answer(self, pin: str) -> None:
        self._flow.enter_pin(pin)

    def cancel(self) -> None:
        self._flow.cancel_pin()


class SscIdentifyFlow:
    def __init__(self, devices: SscDevices | None, session: IdentitySession,
                 privacy: Mapping[str, Any]):
        self.devices = devices
        self.session = session
        self.privacy = privacy
        self.phase = INSERT
        self.record: Any = None
        self.error: dict[str, Any] | None = None
        self.progress = 0.0
        self.pin_prompt: PinPrompt | None = None
        self.keypad = KeypadAnswer(self)
        self.active = False

    # ---- what the screen shows -------------------------------------------------------------------
    @property
    def error_code(self) -> str:
        return (self.error or {}).get("code", "")

    @property
    def tries_left(self) -> int | None:
        """After a wrong PIN: how many tries the card still allows."""
        if self.phase == PIN and self.pin_prompt is not None:
            return self.pin_prompt.tries_left
        return (self.error or {}).get("tries_left")

    @property
    def pin_length(self) -> int:
        return self.pin_prompt.length if self.pin_prompt is not None else PIN_LENGTH

    @property
    def may_retry(self) -> bool:
        return self.phase == DONE or (self.phase == ERROR and self.error_code in RETRY_IN_PLACE)

    @property
    def may_continue(self) -> bool:
        return self.phase == DONE and self.record is not None

    @property
    def summary(self) -> SscSummary | None:
        r = self.record
        if self.phase != DONE or r is None:
            return None
        card_mask = {**CARD_NUMBER_KEEP, "mask_char": self.privacy["mask_char"]}
        return SscSummary(mask_name(r.name), mask_id(r.id_number, self.privacy),
                          mask_id(r.card_number, card_mask, min_hidden=len(r.card_number) // 2),
                          r.expiry_date, r.expired())

    # ---- the citizen's actions ------------------------------------------------------------------
    def start(self) -> None:
        """The screen opened: arm the reader (a card already in is read now)."""
        self.active = True
        self._clear()
        devices = self.devices
        if devices is None or not devices.available():
            code = ("service_unavailable" if devices is None or not devices.slot.service_up
                    else "no_reader")
            self._fail({"code": code})
            return
        self.phase = INSERT
        devices.slot.arm()

    def retry(self) -> None:
        """"Try again" reads the card in the slot again; "Not me" (after a read) reads only a card
        inserted anew."""
        same_card = self.phase != DONE
        self._clear()
        self.phase = INSERT
        if self.devices is not None:
            self.devices.slot.arm(fresh=same_card)

    def enter_pin(self, digits: str) -> bool:
        """The citizen's PIN, for the card that asked; False (nothing sent) when nothing waits for
        it or the digits are not a whole PIN."""
        if self.phase != PIN or self.devices is None or not valid_pin(digits, self.pin_length):
            return False
        self.phase = VERIFYING
        self.devices.pin_entry.answer(digits)
        return True

    def cancel_pin(self) -> None:
        """The keypad was cancelled or left: the card stops waiting (the read fails with
        pin_cancelled, and the citizen may try again)."""
        if self.phase != PIN:
            return
        self.phase = VERIFYING
        if self.devices is not None:
            self.devices.pin_entry.cancel()

    def confirm(self) -> Identity | None:
        """"Continue": the card's holder goes into the session; the card data leaves the flow."""
        if not self.may_continue:
            return None
        identity = identity_from_record(self.record)
        self._clear()
        identify(self.session, identity)
        self.phase = IDENTIFIED
        return identity

    def leave(self) -> None:
        """The citizen left (Back, Home, idle timeout): nobody answers a pending PIN request, and
        no card is read until someone asks again."""
        self.active = False
        if self.devices is not None:
            if self.phase == PIN:
                self.devices.pin_entry.cancel()
            self.devices.slot.disarm()
        self._clear()
        if self.phase in (PIN, VERIFYING, READING):
            self.phase = INSERT

    # ---- device events (UI thread, through the bridge) ----------------------------------------
    def on_event(self, kind: str, payload: Any) -> None:
        if not self.active:
            if kind == "pin_request" and self.devices is not None:
                self.devices.pin_entry.cancel()     # asked after the citizen left
            return
        if self.phase == PIN and kind in ("read_ok", "read_failed", "card_removed"):
            # the read ended while the keypad is up (card pulled out): it must not wait on
            self.phase = VERIFYING
            if self.devices is not None:
                self.devices.pin_entry.cancel()
        handler = getattr(self, f"_on_{kind}", None)
        if handler is not None:
            handler(payload)

    def _on_pin_request(self, prompt: PinPrompt) -> None:
        self.pin_prompt = prompt
        self.phase = PIN

    def _on_read_started(self, _payload: Any) -> None:
        self.error = None
        self.progress = 0.0
        self.phase = READING

    def _on_read_progress(self, payload: Mapping[str, Any]) -> None:
        self.progress = float(payload["fraction"])

    def _on_read_ok(self, record: Any) -> None:
        self.record = record
        self.pin_prompt = None
        self.phase = DONE

    def _on_read_failed(self, payload: Mapping[str, Any]) -> None:
        self._fail(dict(payload))

    def _on_card_inserted(self, _payload: Any) -> None:
        if self.phase == ERROR:
            # a new try: the message about the last card goes, the read's events follow
            self.error = None
            self.phase = INSERT

    def _on_service_unavailable(self, _payload: Any) -> None:
        self._fail({"code": "service_unavailable"})

    def _on_reader_removed(self, _payload: Any) -> None:
        self._fail({"code": "reader_removed"})

    def _on_no_reader(self, _payload: Any) -> None:
        self._fail({"code": "no_reader"})

    def _on_reader_added(self, _payload: Any) -> None:
        if self.phase == ERROR and self.error_code in READER_PROBLEMS:
            self.error = None
            self.phase = INSERT
            if self.devices is not None:
                self.devices.slot.arm()

    # ---- inside -----------------------------------------------------------------------------------
    def _fail(self, error: dict[str, Any]) -> None:
        self.error = error
        self.pin_prompt = None
        self.phase = ERROR

    def _clear(self) -> None:
        """The card's data lives in this flow only until the citizen continues or leaves."""
        self.record = None
        self.error = None
        self.pin_prompt = None
        self.progress = 0.0
