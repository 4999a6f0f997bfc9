"""Typed errors of the smart card driver, each with a stable `code` the screens map to citizen messages.

Messages never include personal data (no names, no ID numbers, no PINs): they reach logs and the
technician's terminal.
"""
from __future__ import annotations

from devices.errors import DeviceError


class SmartCardError(DeviceError):
    """Base of every smart card error."""
    code = "smartcard"
    # what the screen should suggest: "retry" (insert the card again), "staff" (ask staff),
    # "other_method" (this card cannot be used here: pick another way to identify)
    advice = "staff"


# --- the PC/SC service and the reader ----------------------------------------------------------

class ServiceUnavailable(SmartCardError):
    """pcscd is not running (or stopped while we used it)."""
    code = "service_unavailable"


class NoReader(SmartCardError):
    """No reader is attached, or none matches the configured name."""
    code = "no_reader"


class ReaderRemoved(SmartCardError):
    """The reader went away while we used it."""
    code = "reader_removed"


# --- the card ---------------------------------------------------------------------------------

class NoCard(SmartCardError):
    code = "no_card"
    advice = "retry"


class CardRemoved(SmartCardError):
    """The card left the reader before the read finished."""
    code = "card_removed"
    advice = "retry"


class MuteCard(SmartCardError):
    """The card is powered but does not answer (dirty contacts, damaged chip, inserted the wrong way)."""
    code = "mute_card"
    advice = "retry"


class UnknownCard(SmartCardError):
    """A working card that is not a social security card (bank card, transport card, ...)."""
    code = "unknown_card"
    advice = "other_method"

    def __init__(self, message: str, kind: str = "unknown"):
        super().__init__(message)
        self.kind = kind

    def as_payload(self) -> dict:
        return {**super().as_payload(), "kind": self.kind}


class CardError(SmartCardError):
    """The card refused a command with a status word we cannot work around."""
    code = "card_error"
    advice = "retry"

    def __init__(self, message: str, sw: int | None = None):
        super().__init__(message if sw is None else f"{message} (SW {sw:04X})")
        self.sw = sw

    def as_payload(self) -> dict:
        return {**super().as_payload(), "sw": self.sw}


class CardDataError(SmartCardError):
    """The card answered, but its records are malformed."""
    code = "card_data"
    advice = "staff"


# --- the PIN ----------------------------------------------------------------------------------

class PinError(SmartCardError):
    advice = "retry"


class PinRequired(PinError):
    """The card wants a PIN and no way to ask for one was given."""
    code = "pin_required"


class PinCancelled(PinError):
    code = "pin_cancelled"


class PinWrong(PinError):
    """The last PIN was wrong and the citizen did not try again; tries_left says how many remain."""
    code = "pin_wrong"

    def __init__(self, message: str, tries_left: int):
        super().__init__(message)
        self.tries_left = tries_left

    def as_payload(self) -> dict:
        return {**super().as_payload(), "tries_left": self.tries_left}


class PinBlocked(PinError):
    """No tries left: only the card's issuing office can unblock it."""
    code = "pin_blocked"
    advice = "staff"


class PinEntryUnavailable(PinError):
    """The configured PIN entry device is missing or not working."""
    code = "pin_entry_unavailable"
    advice = "staff"
