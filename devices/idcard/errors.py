"""Typed errors of the ID card reader, each with a stable `code` the screens map to citizen messages.

Messages never include personal data (no names, no ID numbers): they end up in logs and on the
technician's terminal.
"""
from __future__ import annotations

from devices.errors import DeviceError


class IdCardError(DeviceError):
    """Base of every ID card reader error."""
    code = "idcard"
    # what the citizen-facing screen should do about it: "retry" (place the card again),
    # "staff" (the reader is unusable, ask staff)
    advice = "staff"


# --- frames on the wire -------------------------------------------------------------------------

class ProtocolError(IdCardError):
    """A frame that cannot be trusted: the driver resynchronises and retries."""
    code = "protocol"
    advice = "retry"


class ChecksumError(ProtocolError):
    code = "checksum"


class LengthError(ProtocolError):
    code = "length"


class TruncatedFrame(ProtocolError):
    code = "truncated"


class UnexpectedReply(ProtocolError):
    """A well-formed frame whose content does not fit the command that was sent."""
    code = "unexpected_reply"


# --- the reader and its link --------------------------------------------------------------------

class PortUnavailable(IdCardError):
    """The serial port cannot be opened or went away (USB unplugged)."""
    code = "port_unavailable"


class NoAnswer(IdCardError):
    """The port is open but nothing answered within the command timeout."""
    code = "no_answer"


class StatusError(IdCardError):
    """The reader answered with a status word other than the one expected."""
    code = "status"

    def __init__(self, message: str, sw3: int):
        super().__init__(message)
        self.sw3 = sw3

    def as_payload(self) -> dict:
        return {**super().as_payload(), "sw3": f"{self.sw3:02X}"}


class SamError(StatusError):
    """The security module (SAM) is not usable: self-test failed, not authorised, ..."""
    code = "sam"


class CardReadError(StatusError):
    """The card could not be selected or read (moved away, badly placed, failed authentication)."""
    code = "card_read"
    advice = "retry"


class UnknownCardError(StatusError):
    code = "unknown_card"
    advice = "retry"


# --- what the card says -------------------------------------------------------------------------

class CardDataError(IdCardError):
    """The card's text could not be understood (bad date, unknown code, not UCS-2)."""
    code = "card_data"
    advice = "retry"


class CheckDigitError(CardDataError):
    """The ID number's GB 11643 check digit is wrong: never accepted silently."""
    code = "check_digit"


class PhotoUnavailable(IdCardError):
    """No vendor WLT decoder is configured, or it failed: the rest of the card still works."""
    code = "photo_unavailable"
    advice = "none"
