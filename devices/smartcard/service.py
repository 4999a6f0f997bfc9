"""The smart card device worker: watches the reader, reads a card when asked, reports by callback.

One thread owns all PC/SC work for the kiosk (Electrum-style device thread); the UI only hears
events through notify(kind, payload), which the wiring turns into bridge posts:

  reader_added {reader}         reader_removed {reader}       service_unavailable {code, message}
  no_reader {code, message}     (once, when the first look finds none)
  card_inserted {reader, atr}   card_removed {reader}
  read_started {reader}         read_progress {fraction, step}
  read_ok SscRecord             read_failed {code, advice, message, ...}

The service reads only while armed (an identify screen is waiting), so a card left in the reader is
not read behind the citizen's back.
"""
from __future__ import annotations

import logging
import threading
from typing import Any, Callable

from smartcard import scard as sc

from devices.smartcard.apdu import CardChannel
from devices.smartcard.errors import (CardRemoved, MuteCard, NoReader, PinCancelled,
                                      ReaderRemoved, ServiceUnavailable, SmartCardError)
from devices.smartcard.pcsc import (CANCELLED, PNP_NOTIFICATION, TIMEOUT, CardConnection, Context,
                                    card_present, error_for)
from devices.smartcard.pin import PinEntry, PinPrompt
from devices.smartcard.ssc import Progress, SscRecord, read_ssc

log = logging.getLogger(__name__)

Notify = Callable[[str, Any], None]


def read_card(reader: str, pin_entry: PinEntry | None = None, progress: Progress | None = None,
              timeout_s: float = 3.0) -> SscRecord:
    """Read the social security card in `reader` once (blocking; not on the UI thread)."""
    with CardConnection(reader, timeout_s) as connection:
        return read_ssc(CardChannel(connection.transmit), connection.atr, pin_entry, progress)


class _GuardedPinEntry:
    """Cancels a pending PIN request when the card leaves the reader: the citizen must not type a
    PIN for a card that is gone."""

    def __init__(self, inner: PinEntry, card_still_there: Callable[[], bool],
                 still_wanted: Callable[[], bool] = lambda: True):
        self.inner = inner
        self.card_still_there = card_still_there
        self.still_wanted = still_wanted

    def request_pin(self, prompt: PinPrompt) -> str | None:
        answer: dict[str, Any] = {}

        def ask() -> None:
            try:
                answer["pin"] = self.inner.request_pin(prompt)
            except SmartCardError as exc:
                answer["error"] = exc
        asker = threading.Thread(target=ask, name="smartcard-pin", daemon=True)
        asker.start()
        while asker.is_alive():
            asker.join(0.25)
            if asker.is_alive() and not self.still_wanted():
                # the identify screen was left (Home, idle timeout): nobody shows a keypad
                self.inner.cancel()
                asker.join(2.0)
                raise PinCancelled("the read was abandoned while the PIN was asked for")
            if asker.is_alive() and not self.card_still_there():
                self.inner.cancel()
                asker.join(2.0)
                raise CardRemoved("the card was removed while the PIN was asked for")
        if "error" in answer:
            raise answer["error"]
        return answer.get("pin")

    def cancel(self) -> None:
        self.inner.cancel()


class SmartCardService:
    def __init__(self, notify: Notify, reader: str = "", pin_entry: PinEntry | None = None,
                 apdu_timeout_s: float = 3.0, retry_s: float = 1.0):
        self.notify = notify
        self.wanted_reader = reader
        self.pin_entry = pin_entry
        self.apdu_timeout_s = apdu_timeout_s
        self.retry_s = retry_s
        self.reader: str | None = None
        self.card_present = False
        self.service_up = False
        self._armed = False
        self._read_done = False
        self._ctx: Context | None = None
        self._reader_state = sc.SCARD_STATE_UNAWARE
        self._pnp_state = sc.SCARD_STATE_UNAWARE
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._service_reported = False
        self.looked = threading.Event()      # set once the worker has looked for the reader

    # --- called from any thread ---------------------------------------------------------------
    def start(self) -> "SmartCardService":
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="smartcard", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self.pin_entry is not None:
            self.pin_entry.cancel()
        self._wake()
        if self._thread is not None:
            self._thread.join(5.0)
            self._thread = None

    def arm(self, fresh: bool = True) -> None:
        """An identify screen waits: read the card now if present, else as soon as it is inserted.
        fresh=False reads only a card inserted from now on (the citizen said "not my card")."""
        with self._lock:
            self._armed = True
            if fresh:
                self._read_done = False
        self._wake()

    def disarm(self) -> None:
        with self._lock:
            self._armed = False
        if self.pin_entry is not None:
            self.pin_entry.cancel()

    def status(self) -> dict[str, Any]:
        return {"service": self.service_up, "reader": self.reader, "card_present": self.card_present}

    def _wake(self) -> None:
        ctx = self._ctx
        if ctx is not None:
            try:
                ctx.cancel()
            except Exception as exc:  # the context may be released by the worker at this moment
                log.debug("SCardCancel failed: %s", exc)

    # --- the worker thread --------------------------------------------------------------------
    def _run(self) -> None:
        while not self._stop.is_set():
            if self._ctx is None and not self._connect_service():
                self.looked.set()
                self._stop.wait(self.retry_s)
                continue
            try:
                self._cycle()
            except ServiceUnavailable as exc:
                self._service_lost(exc)
            except SmartCardError as exc:
                log.warning("smart card monitor: %s", exc)
                self._stop.wait(self.retry_s)
            except Exception:
                log.exception("smart card monitor failed; restarting its PC/SC context")
                self._service_lost(ServiceUnavailable("internal error in the smart card monitor"))
                self._stop.wait(self.retry_s)
        self._release()

    def _connect_service(self) -> bool:
        try:
            self._ctx = Context()
        except SmartCardError as exc:
            if not self._service_reported:
                self._service_reported = True
                self.notify("service_unavailable", exc.as_payload())
            return False
        self.service_up, self._service_reported = True, False
        self._reader_state = self._pnp_state = sc.SCARD_STATE_UNAWARE
        return True

    def _service_lost(self, exc: SmartCardError) -> None:
        self._set_reader(None)
        self._release()
        self.service_up = False
        self._service_reported = True
        self.notify("service_unavailable", exc.as_payload())

    def _release(self) -> None:
        if self._ctx is not None:
            try:
                self._ctx.release()
            except Exception as exc:
                log.debug("releasing the PC/SC context: %s", exc)
            self._ctx = None

    def _set_reader(self, reader: str | None) -> None:
        if reader == self.reader:
            return
        if self.reader is not None:
            if self.card_present:
                self.card_present = False
                self.notify("card_removed", {"reader": self.reader})
            self.notify("reader_removed", {"reader": self.reader})
        self.reader = reader
        self._reader_state = sc.SCARD_STATE_UNAWARE
        if reader is not None:
            self.notify("reader_added", {"reader": reader})

    def _cycle(self) -> None:
        ctx = self._ctx
        assert ctx is not None
        names = ctx.readers()
        wanted = self.wanted_reader.lower()
        self._set_reader(next((n for n in names if wanted in n.lower()), None))
        if not self.looked.is_set():
            self.looked.set()
            if self.reader is None:
                self.notify("no_reader", NoReader(
                    f"no reader matches {self.wanted_reader!r}" if self.wanted_reader
                    else "no smart card reader is attached").as_payload())
        states = [(PNP_NOTIFICATION, self._pnp_state)]
        if self.reader is not None:
            states.insert(0, (self.reader, self._reader_state))
        hresult, new_states = ctx.get_status_change(states, 1000)
        if hresult in (TIMEOUT, CANCELLED):
            self._maybe_read()
            return
        if hresult != sc.SCARD_S_SUCCESS:
            raise error_for(hresult, "watching the reader")
        for name, flags, atr in new_states:
            if name == PNP_NOTIFICATION:
                self._pnp_state = flags & ~sc.SCARD_STATE_CHANGED
                continue
            self._reader_state = flags & ~sc.SCARD_STATE_CHANGED
            if flags & (sc.SCARD_STATE_UNKNOWN | sc.SCARD_STATE_UNAVAILABLE):
                continue   # the reader is going away; the next listing says so
            self._card_state(flags, bytes(atr))
        self._maybe_read()

    def _card_state(self, flags: int, atr: bytes) -> None:
        present = card_present(flags)
        if flags & sc.SCARD_STATE_MUTE and not self.card_present:
            self.card_present = True
            self.notify("card_inserted", {"reader": self.reader, "atr": ""})
            with self._lock:
                self._read_done = True   # nothing to read; wait for the card to come back
            self.notify("read_failed", MuteCard("the card does not answer to reset").as_payload())
        elif present and not self.card_present:
            self.card_present = True
            with self._lock:
                self._read_done = False
            self.notify("card_inserted", {"reader": self.reader, "atr": atr.hex(" ").upper()})
        elif not flags & sc.SCARD_STATE_PRESENT and self.card_present:
            self.card_present = False
            self.notify("card_removed", {"reader": self.reader})

    def _present_now(self) -> bool:
        if self._ctx is None or self.reader is None:
            return False
        try:
            flags, _atr = self._ctx.card_state(self.reader)
        except SmartCardError:
            return False
        return card_present(flags)

    def _maybe_read(self) -> None:
        with self._lock:
            if not (self._armed and self.card_present and not self._read_done):
                return
            self._read_done = True
        reader = self.reader
        assert reader is not None
        self.notify("read_started", {"reader": reader})
        pin = (_GuardedPinEntry(self.pin_entry, self._present_now, lambda: self._armed)
               if self.pin_entry else None)
        try:
            record = read_card(reader, pin,
                               lambda fraction, step: self.notify("read_progress",
                                                                  {"fraction": fraction, "step": step}),
                               self.apdu_timeout_s)
        except SmartCardError as exc:
            if not isinstance(exc, (CardRemoved, ServiceUnavailable, ReaderRemoved)) \
                    and not self._present_now():
                exc = CardRemoved(f"the card was removed during the read ({exc.code})")
            log.info("smart card read failed: %s", exc.code)
            self.notify("read_failed", exc.as_payload())
            if isinstance(exc, ServiceUnavailable):
                raise exc
            return
        self.notify("read_ok", record)
