"""The receipt printer: one link, one lock, a status poller, and events for the UI bridge.

Events (callback(kind, payload)): "status" whenever the state word changes (payload
ReceiptStatus.as_payload()), "link" when the link drops or comes back. Paper near end is a staff
warning; paper out / cover open make print() refuse with NotReady, which the screens show kindly.
"""
from __future__ import annotations

import logging
import threading
from typing import Callable

from devices.receipt import status as st
from devices.receipt.errors import NotReady, TransportError
from devices.receipt.transport import Transport

log = logging.getLogger(__name__)

AFTER_PRINT_REPLY_S = 3.0     # how long the status asked right after a receipt may take


class ReceiptPrinter:
    def __init__(self, connect: Callable[[], Transport], poll_s: float = 10.0,
                 callback: Callable[[str, dict], None] = lambda kind, payload: None,
                 reply_timeout: float = 0.5):
        self._connect = connect
        self.poll_s = poll_s
        self.callback = callback
        self.reply_timeout = reply_timeout
        self._lock = threading.Lock()
        self._transport: Transport | None = None
        self._last = st.ReceiptStatus()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def last_status(self) -> st.ReceiptStatus:
        return self._last

    def _link(self) -> Transport:
        if self._transport is None:
            self._transport = self._connect()
            self.callback("link", {"up": True, "name": self._transport.name})
        return self._transport

    def _drop(self, exc: Exception) -> None:
        if self._transport is not None:
            try:
                self._transport.close()
            except OSError as close_exc:   # the link is already gone; say so and move on
                log.debug("receipt printer: closing a dead link: %s", close_exc)
            self._transport = None
            self.callback("link", {"up": False, "error": str(exc)})

    def poll(self, reply_timeout: float | None = None) -> st.ReceiptStatus:
        """Ask the printer now; a dead link gives an 'unknown' status (and a link event)."""
        with self._lock:
            try:
                status = st.query(self._link(), reply_timeout or self.reply_timeout)
            except TransportError as exc:
                self._drop(exc)
                status = st.ReceiptStatus()
        if status.state != self._last.state:
            log.info("receipt printer: %s -> %s", self._last.state, status.state)
            self.callback("status", status.as_payload())
        self._last = status
        return status

    def print(self, data: bytes, check: bool = True) -> st.ReceiptStatus:
        """Send one receipt. With check, asks for status first and refuses when the printer says
        it cannot print, and asks again afterwards: a roll that ran out (or a cover opened) in the
        middle of the receipt raises NotReady too, since what came out is not the whole receipt.
        Returns the status seen before printing."""
        before = self.poll() if check else self._last
        if check and not before.can_print:
            raise NotReady(f"receipt printer is {before.state}", f"receipt_{before.state}")
        with self._lock:
            try:
                self._link().write(data)
            except TransportError as exc:
                self._drop(exc)
                raise
        if check:
            # answered after the receipt's bytes on the same link, so once they are printed:
            # give a printer busy cutting the receipt the time to answer
            after = self.poll(max(self.reply_timeout, AFTER_PRINT_REPLY_S))
            if after.state in ("paper_out", "cover_open"):
                raise NotReady(f"receipt printer went {after.state} while printing",
                               f"receipt_{after.state}")
        return before

    def start(self) -> "ReceiptPrinter":
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="receipt-status", daemon=True)
        self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.is_set():
            self.poll()
            self._stop.wait(self.poll_s)

    def stop(self) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join(timeout=5)
        with self._lock:
            if self._transport is not None:
                self._transport.close()
                self._transport = None
