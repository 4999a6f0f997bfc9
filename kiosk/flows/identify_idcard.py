"""Identify with the resident ID card, as a plain state machine (no Qt).

The reader worker (devices.idcard.reader) runs in the device layer; the wiring posts its events
through the bridge, and the screen hands them to this flow as plain calls: on_state(payload),
on_card(card_read), on_error(payload). What was read stays in the flow until the citizen confirms
it is them; only then does the identity go into the session (wiped with it). Leaving without
confirming wipes the card data.

States: WAITING (place the card; also where the reader comes back to after being unavailable),
READING, READ (masked summary), EXPIRED, RETRY (not recognised: place it again), UNAVAILABLE,
IDENTIFIED (confirmed; the screen goes on to the next step).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Mapping, Protocol

from kiosk.config import mask_id
from kiosk.flows.identify import IdentitySession, identify, mask_name
from kiosk.session import Identity

WAITING, READING, READ, EXPIRED, RETRY, UNAVAILABLE, IDENTIFIED = (
    "waiting", "reading", "read", "expired", "retry", "unavailable", "identified")
# reader errors that point at the card rather than at how it was placed
CARD_FAULTS = frozenset({"check_digit", "card_data", "unknown_card"})


class CardReader(Protocol):
    """What the flow needs of the ID card reader area (kiosk.wiring.idcard.IdCardArea)."""

    @property
    def available(self) -> bool: ...

    def rearm(self) -> None:
        """Read the card lying on the reader again (it was read before this citizen looked)."""


@dataclass(frozen=True)
class CardSummary:
    """What the citizen checks before confirming: name and number masked for display."""
    name: str
    id_number: str
    card_type: str              # resident, hmt_residence_permit, foreign_permanent_2017/2023
    valid_until: dt.date | None  # None: valid long-term (长期)


def identity_from_card(read: Any) -> Identity:
    """The session's identity from a devices.idcard.reader.CardRead. The photo is copied into a
    bytearray the session zeroes at its end; the card's own buffers are wiped by read.wipe()."""
    card = read.text
    extra = {
        "card_type": card.card_type, "sex": card.sex, "birth_date": card.birth_date,
        "nation": card.nation, "valid_until": card.valid_until, "address": card.address,
        "photo": bytearray(read.photo_bmp) if read.photo_bmp else None,
        "photo_wlt": read.photo_wlt, "photo_status": read.photo_status,
    }
    return Identity("idcard", card.name, card.id_number, extra)


class IdCardIdentifyFlow:
    def __init__(self, reader: CardReader | None, session: IdentitySession,
                 privacy: Mapping[str, Any]):
        self.reader = reader
        self.session = session
        self.privacy = privacy
        self.phase = WAITING
        self.error_code = ""
        self.expired_until: dt.date | None = None
        self._read: Any = None
        self._identity: Identity | None = None

    # ---- what the screen shows -------------------------------------------------------------------
    @property
    def summary(self) -> CardSummary | None:
        identity = self._identity
        if self.phase != READ or identity is None:
            return None
        return CardSummary(mask_name(identity.name), mask_id(identity.id_number, self.privacy),
                           identity.extra.get("card_type") or "resident",
                           identity.extra.get("valid_until"))

    @property
    def may_continue(self) -> bool:
        return self.phase == READ

    @property
    def may_read_again(self) -> bool:
        return self.phase in (READ, RETRY)

    @property
    def card_may_be_damaged(self) -> bool:
        """Not recognised for a reason that placing it again will not fix: say staff can help."""
        return self.phase == RETRY and self.error_code in CARD_FAULTS

    # ---- the citizen's actions ------------------------------------------------------------------
    def start(self) -> None:
        """The screen opened: wait for a card, and read one already lying on the reader."""
        self._forget()
        self.error_code = ""
        if not self._reader_up():
            self.phase = UNAVAILABLE
            return
        self.phase = WAITING
        self.reader.rearm()

    def read_again(self) -> None:
        """"Read again": what was read is forgotten and the card on the reader read anew."""
        self._forget()
        self.error_code = ""
        self.phase = WAITING if self._reader_up() else UNAVAILABLE
        if self.reader is not None:
            self.reader.rearm()

    def confirm(self) -> Identity | None:
        """"Yes, this is me": the identity goes into the session; None when there is nothing to
        confirm."""
        identity = self._identity
        if self.phase != READ or identity is None:
            return None
        read, self._read, self._identity = self._read, None, None
        identify(self.session, identity)
        if read is not None:
            self.session.on_wipe(read.wipe)     # the session owns the card data now
        self.phase = IDENTIFIED
        return identity

    def leave(self) -> None:
        """The screen is left: unconfirmed card data must not outlive it."""
        self._forget()

    # ---- device events (in the UI thread, from the bridge) ------------------------------------
    def on_card(self, read: Any) -> None:
        if self.phase == IDENTIFIED:
            read.wipe()             # a card placed after confirming is nobody's business here
            return
        card = read.text
        if card.expired:
            self._forget()
            self.expired_until = card.valid_until
            read.wipe()
            self.phase = EXPIRED
            return
        self._forget()
        self._read = read
        self._identity = identity_from_card(read)
        self.phase = READ

    def on_error(self, payload: Mapping[str, Any]) -> None:
        if self.phase in (READ, IDENTIFIED):
            return          # what was read stays valid whatever the reader does next
        self.error_code = payload.get("code", "")
        self.phase = UNAVAILABLE if payload.get("advice") == "staff" else RETRY

    def on_state(self, payload: Mapping[str, Any]) -> None:
        if self.phase in (READ, IDENTIFIED):
            return
        state = payload.get("state")
        if state == "reading":
            self.phase = READING
        elif state == "disconnected":
            self.phase = UNAVAILABLE
        elif state == "connected" and self.phase in (UNAVAILABLE, READING):
            self.phase = WAITING        # the reader is back, or a read ended without a card

    # ---- inside -----------------------------------------------------------------------------------
    def _reader_up(self) -> bool:
        return self.reader is not None and self.reader.available

    def _forget(self) -> None:
        if self._read is not None:
            self._read.wipe()
        self._read = None
        if self._identity is not None:
            photo = self._identity.extra.get("photo")
            if isinstance(photo, bytearray):
                photo[:] = b"\0" * len(photo)
            self._identity.extra.clear()
        self._identity = None
        self.expired_until = None
