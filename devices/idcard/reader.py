"""The ID card reader: a serial link speaking GA 467 frames, and a polling worker with reconnect.

Sequence: open the port, SAM status (reset and ask again once if the self-test failed), SAM ID;
then every poll interval: find card -> select card -> read text + photo (+ fingerprint when
configured) -> parse. Each command has a timeout and a bounded retry; a bad frame flushes the input
and the command is sent again (resync). A port that goes away is reported as disconnected and
reopened by path until it comes back.

Events go to a plain callable on_event(kind, payload) (the kiosk wiring passes the Qt bridge's):
  "state" {"state": "connected", "sam_id": ...} | {"state": "disconnected", "reason": code}
          | {"state": "reading"} | {"state": "card_removed"}
  "card"  CardRead (personal data: memory only, never logged)
  "error" IdCardError.as_payload() {"code", "advice", "message"}
"""
from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from dataclasses import dataclass, replace
from typing import Any, Callable

from devices.idcard import codec, text
from devices.idcard.detect import find_reader
from devices.idcard.errors import (CardDataError, CardReadError, IdCardError, NoAnswer, PhotoUnavailable,
                                   PortUnavailable, ProtocolError, SamError, StatusError,
                                   UnexpectedReply, UnknownCardError)
from devices.idcard.link import ReaderSettings, SerialLink
from devices.idcard.photo import DECODE_FAILED, DECODED, NOT_DECODABLE, WltDecoder

log = logging.getLogger(__name__)

EventSink = Callable[[str, Any], None]
AUTO = "auto"
READ_REPLY_BYTES = {False: 1295, True: 2321}


@dataclass
class CardRead:
    """One card read: the parsed text plus the raw photo (and fingerprint) kept in memory."""
    text: text.CardText
    photo_wlt: bytearray
    fingerprint: bytearray | None
    photo_bmp: bytes | None
    photo_status: str

    def wipe(self) -> None:
        for buf in (self.photo_wlt, self.fingerprint):
            if buf is not None:
                buf[:] = b"\0" * len(buf)
        self.photo_bmp = None


# SW3 codes and the error each means when it answers a given step
_SAM_ERRORS = {0x60, 0x66, 0x23, 0x24, 0x47}
_RESEND = {0x10, 0x11}          # the reader received our command damaged: send it again


def _status_error(step: str, sw3: int) -> StatusError:
    message = f"{step}: {codec.status_text(sw3)} (SW3 {sw3:02X})"
    if sw3 in _SAM_ERRORS:
        return SamError(message, sw3)
    if sw3 == 0x40:
        return UnknownCardError(message, sw3)
    if step in ("select card", "read card", "find card"):
        return CardReadError(message, sw3)
    return StatusError(message, sw3)


class IdCardReader:
    """The reader's protocol (synchronous methods) and its polling worker (start/stop)."""

    def __init__(self, settings: ReaderSettings, on_event: EventSink | None = None,
                 photo_decoder: WltDecoder | None = None,
                 today: Callable[[], dt.date] = dt.date.today):
        self.settings = settings
        self.on_event = on_event or (lambda kind, payload=None: None)
        self.photo_decoder = photo_decoder
        self.today = today
        self.link = SerialLink(settings)
        self.sam_id: str | None = None
        self._stop = threading.Event()
        self._rearm = threading.Event()
        self._thread: threading.Thread | None = None
        self.state = "disconnected"

    # ---- one command with the retry policy --------------------------------------------------

    def _command(self, step: str, cmd: tuple[int, int], data: bytes = b"",
                 expect: tuple[int, ...] = (codec.SW_OK,), extra_wait_s: float = 0.0,
                 retries: int | None = None) -> codec.Frame:
        """Exchange with bounded retries on damaged or missing replies; status errors are not
        retried here (the caller knows what a status means)."""
        attempts = (self.settings.retries if retries is None else retries) + 1
        last: IdCardError | None = None
        for attempt in range(attempts):
            try:
                reply = self.link.exchange(cmd, data, extra_wait_s)
            except (ProtocolError, NoAnswer) as exc:
                last = exc
                log.debug("%s: attempt %d/%d failed: %s", step, attempt + 1, attempts, exc)
                continue
            if reply.sw3 in _RESEND:
                last = StatusError(f"{step}: {codec.status_text(reply.sw3)}", reply.sw3)
                continue
            if reply.body[:2] != b"\0\0":
                last = UnexpectedReply(f"{step}: status bytes {reply.body[:2].hex()} are not 0000")
                continue
            if reply.sw3 not in expect:
                raise _status_error(step, reply.sw3)
            return reply
        assert last is not None
        raise last

    # ---- the protocol ---------------------------------------------------------------------------

    def open(self) -> str:
        """Open the port and check the SAM; returns the SAM ID (a hex string)."""
        self.link.close()
        if self.settings.port == AUTO:
            self.link = SerialLink(self._detect())
        self.link.open()
        try:
            try:
                self._command("SAM status", codec.SAM_STATUS)
            except SamError:
                # a failed self-test sometimes clears after a SAM reset; ask once more
                self._command("SAM reset", codec.RESET_SAM, expect=(codec.SW_OK, 0x60))
                self._command("SAM status", codec.SAM_STATUS)
            reply = self._command("SAM ID", codec.SAM_ID)
        except IdCardError:
            self.link.close()
            raise
        self.sam_id = reply.data.hex().upper()
        return self.sam_id

    def close(self) -> None:
        self.link.close()

    def _detect(self) -> ReaderSettings:
        found = find_reader(bauds=(self.settings.baud,) + tuple(
            b for b in (115200, 57600, 38400, 19200, 9600) if b != self.settings.baud),
            exclude=self.settings.exclude_ports)
        if found is None:
            raise PortUnavailable("no ID card reader answered on any serial port")
        log.info("ID card reader found on %s at %d baud", found.port, found.baud)
        return replace(self.settings, port=found.port, baud=found.baud)

    def find_card(self) -> bool:
        reply = self._command("find card", codec.FIND_CARD, expect=(codec.SW_CARD_FOUND, 0x80))
        return reply.sw3 == codec.SW_CARD_FOUND

    def read_card(self) -> CardRead:
        """Select and read the card on the reader, then parse it. Raises a typed error; a wrong
        check digit raises CheckDigitError."""
        fingerprint = self.settings.read_fingerprint
        cmd = codec.READ_TEXT_PHOTO_FP if fingerprint else codec.READ_TEXT_PHOTO
        wait = self.link.settings.wire_time(READ_REPLY_BYTES[fingerprint])
        # a damaged read reply is retried as select + read: a reader may want the card selected
        # again before it reads it a second time
        for attempt in range(self.settings.retries + 1):
            self._command("select card", codec.SELECT_CARD)
            try:
                reply = self._command("read card", cmd, extra_wait_s=wait, retries=0)
                break
            except (ProtocolError, NoAnswer, StatusError) as exc:
                retryable = not isinstance(exc, StatusError) or exc.sw3 in _RESEND
                if not retryable or attempt == self.settings.retries:
                    raise
        record = codec.decode_read_data(reply.data, fingerprint)
        try:
            card = text.parse(record.text, today=self.today())
            card.require_valid()
        except IdCardError:
            # a card that is refused leaves nothing behind
            for buf in (record.photo, record.fingerprint):
                if buf is not None:
                    buf[:] = b"\0" * len(buf)
            raise
        photo_bmp, status = None, NOT_DECODABLE
        if self.photo_decoder is not None:
            try:
                photo_bmp, status = self.photo_decoder.decode(record.photo), DECODED
            except PhotoUnavailable as exc:
                log.warning("photo not decoded: %s", exc)
                status = DECODE_FAILED
        return CardRead(card, record.photo, record.fingerprint, photo_bmp, status)

    def read_one(self, timeout_s: float) -> CardRead | None:
        """For tools: open, wait up to timeout_s for a card, read it; None when no card came."""
        self.open()
        try:
            deadline = time.monotonic() + timeout_s
            while True:
                if self.find_card():
                    return self.read_card()
                if time.monotonic() + self.settings.poll_interval_s > deadline:
                    return None
                time.sleep(self.settings.poll_interval_s)
        finally:
            self.close()

    # ---- the worker ---------------------------------------------------------------------------

    def start(self) -> "IdCardReader":
        if self._thread is None:
            self._stop.clear()
            self._thread = threading.Thread(target=self._run, name="idcard-reader", daemon=True)
            self._thread.start()
        return self

    def stop(self, timeout: float = 3.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        self.close()

    def rearm(self) -> None:
        """Read the card on the reader again even if it was already read (a screen that opens
        after the card was placed); the driver keeps no card data between reads."""
        self._rearm.set()

    def _emit(self, kind: str, payload: Any) -> None:
        try:
            self.on_event(kind, payload)
        except Exception:   # a broken listener must not kill the reader thread
            log.exception("ID card event listener failed on %s", kind)

    def _set_state(self, state: str, **extra: Any) -> None:
        self.state = state
        self._emit("state", {"state": state, **extra})

    def _run(self) -> None:
        connected = False
        announced_down: str | None = None
        card_on_reader = False
        last_error: str | None = None
        while not self._stop.is_set():
            if not connected:
                try:
                    sam_id = self.open()
                except PortUnavailable as exc:
                    if announced_down != exc.code:
                        self._set_state("disconnected", reason=exc.code)
                        announced_down = exc.code
                    self._stop.wait(self.settings.reconnect_interval_s)
                    continue
                except IdCardError as exc:
                    # the port exists but does not answer as a reader (or its SAM failed)
                    if announced_down != exc.code:
                        self._emit("error", exc.as_payload())
                        self._set_state("disconnected", reason=exc.code)
                        announced_down = exc.code
                    self._stop.wait(self.settings.unavailable_retry_s)
                    continue
                connected, announced_down, card_on_reader, last_error = True, None, False, None
                self._set_state("connected", sam_id=sam_id)
            started = time.monotonic()
            if self._rearm.is_set():
                self._rearm.clear()
                card_on_reader, last_error = False, None
            try:
                present = self.find_card()
                if present and not card_on_reader:
                    self._set_state("reading")
                    try:
                        card = self.read_card()
                    except (CardReadError, UnknownCardError, ProtocolError) as exc:
                        # moved away mid-read or badly placed: try again on the next poll.
                        # Every "reading" gets its outcome, so the error is not deduplicated.
                        self._emit("error", exc.as_payload())
                        last_error = exc.code
                        self._set_state("connected", sam_id=self.sam_id)
                    except CardDataError as exc:
                        # the card itself is wrong: wait until it is taken away
                        card_on_reader = True
                        self._emit("error", exc.as_payload())
                        last_error = exc.code
                    else:
                        card_on_reader, last_error = True, None
                        self._emit("card", card)
                elif not present and (card_on_reader or last_error):
                    card_on_reader, last_error = False, None
                    self._set_state("card_removed")
                    self._set_state("connected", sam_id=self.sam_id)
            except (PortUnavailable, NoAnswer) as exc:
                self.close()
                connected = False
                announced_down = exc.code
                self._set_state("disconnected", reason=exc.code)
                continue
            except IdCardError as exc:
                # a damaged exchange outside a read (e.g. find card): report once, keep polling
                if exc.code != last_error:
                    self._emit("error", exc.as_payload())
                last_error = exc.code
            except Exception:
                # a driver bug must not leave the kiosk showing a reader that silently died:
                # log it, tell the UI, and start over from opening the port
                log.exception("ID card reader worker failed")
                self._emit("error", {"code": "internal", "advice": "staff",
                                     "message": "internal error in the ID card driver"})
                self.close()
                connected = False
                self._set_state("disconnected", reason="internal")
                self._stop.wait(self.settings.unavailable_retry_s)
                continue
            self._stop.wait(max(0.0, self.settings.poll_interval_s - (time.monotonic() - started)))
        self.close()
