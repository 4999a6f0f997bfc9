"""The PC/SC side: contexts, readers, card connections, through pyscard's thin scard layer.

Every blocking call on a card goes through a connection's own I/O thread with a time limit, because
PC/SC has none: a mute card (ATR given, commands never answered) blocks SCardTransmit until the card
leaves the reader. The caller gets MuteCard after the limit; the stuck call is abandoned with its own
context (pcsc-lite serialises calls per context) and cleans up when it finally returns.
"""
from __future__ import annotations

import concurrent.futures
import logging
import queue
import threading
import time
from typing import Any, Callable

from smartcard import scard as sc

from devices.smartcard.atr import AtrInfo, parse_atr
from devices.smartcard.errors import (CardError, CardRemoved, MuteCard, NoCard, NoReader,
                                      ReaderRemoved, ServiceUnavailable, SmartCardError)

log = logging.getLogger(__name__)

PNP_NOTIFICATION = "\\\\?PnP?\\Notification"
_U32 = 0xFFFFFFFF

SERVICE_GONE = {sc.SCARD_E_NO_SERVICE & _U32, sc.SCARD_E_SERVICE_STOPPED & _U32,
                sc.SCARD_E_INVALID_HANDLE & _U32, sc.SCARD_F_COMM_ERROR & _U32}
READER_GONE = {sc.SCARD_E_READER_UNAVAILABLE & _U32, sc.SCARD_E_UNKNOWN_READER & _U32}
CARD_GONE = {sc.SCARD_W_REMOVED_CARD & _U32, sc.SCARD_E_NO_SMARTCARD & _U32}
CARD_MUTE = {sc.SCARD_W_UNRESPONSIVE_CARD & _U32, sc.SCARD_W_UNPOWERED_CARD & _U32}
NO_READERS = sc.SCARD_E_NO_READERS_AVAILABLE & _U32
TIMEOUT = sc.SCARD_E_TIMEOUT & _U32
# pcscd polls a reader for its card about every 0.4 s: how long to wait to tell 'removed' from 'mute'
REMOVAL_GRACE_S = 1.0
CANCELLED = sc.SCARD_E_CANCELLED & _U32


def describe(hresult: int) -> str:
    return f"{sc.SCardGetErrorMessage(hresult)} (0x{hresult & _U32:08X})"


def error_for(hresult: int, what: str) -> SmartCardError:
    """The typed error a PC/SC result code means for the kiosk."""
    code = hresult & _U32
    text = f"{what}: {describe(hresult)}"
    if code in SERVICE_GONE:
        return ServiceUnavailable(f"{what}: the PC/SC service (pcscd) is not running")
    if code in READER_GONE:
        return ReaderRemoved(text)
    if code in CARD_GONE:
        return CardRemoved(text)
    if code in CARD_MUTE:
        return MuteCard(text)
    if code == NO_READERS:
        return NoReader(f"{what}: no smart card reader is attached")
    return CardError(text)


def _check(hresult: int, what: str) -> None:
    if hresult != sc.SCARD_S_SUCCESS:
        raise error_for(hresult, what)


class Context:
    """One PC/SC context. pcsc-lite serialises the calls of one context, so each thread that may
    block (the monitor, each card read) has its own."""

    def __init__(self) -> None:
        hresult, handle = sc.SCardEstablishContext(sc.SCARD_SCOPE_USER)
        _check(hresult, "connecting to the PC/SC service")
        self.handle = handle

    def readers(self) -> list[str]:
        hresult, names = sc.SCardListReaders(self.handle, [])
        if hresult & _U32 == NO_READERS:
            return []
        _check(hresult, "listing readers")
        return list(names)

    def pick(self, wanted: str = "") -> str:
        """The first reader whose name contains `wanted` ('' = the first reader)."""
        names = self.readers()
        for name in names:
            if wanted.lower() in name.lower():
                return name
        if not names:
            raise NoReader("no smart card reader is attached")
        raise NoReader(f"no reader matches {wanted!r} (readers: {', '.join(names)})")

    def get_status_change(self, states: list[tuple], timeout_ms: int) -> tuple[int, list[tuple]]:
        hresult, new_states = sc.SCardGetStatusChange(self.handle, timeout_ms, states)
        return hresult & _U32, new_states

    def card_state(self, reader: str) -> tuple[int, bytes]:
        """(event state flags, ATR) of a reader right now."""
        hresult, states = self.get_status_change([(reader, sc.SCARD_STATE_UNAWARE)], 0)
        if hresult not in (sc.SCARD_S_SUCCESS, TIMEOUT):
            raise error_for(hresult, f"reading the state of {reader!r}")
        _name, flags, atr = states[0]
        return flags, bytes(atr)

    def cancel(self) -> None:
        """Wake a get_status_change blocked in another thread."""
        sc.SCardCancel(self.handle)

    def release(self) -> None:
        sc.SCardReleaseContext(self.handle)


def card_present(flags: int) -> bool:
    return bool(flags & sc.SCARD_STATE_PRESENT) and not flags & sc.SCARD_STATE_MUTE


class _IoThread:
    """One daemon thread running a connection's PC/SC calls in order. Not a ThreadPoolExecutor:
    its threads are joined at interpreter exit, and a call stuck on a mute card would then keep the
    kiosk from exiting until the card is pulled."""

    def __init__(self) -> None:
        self._jobs: queue.SimpleQueue = queue.SimpleQueue()
        threading.Thread(target=self._loop, name="pcsc-card", daemon=True).start()

    def submit(self, fn: Callable[[], Any]) -> concurrent.futures.Future:
        future: concurrent.futures.Future = concurrent.futures.Future()
        self._jobs.put((fn, future))
        return future

    def shutdown(self) -> None:
        self._jobs.put(None)

    def _loop(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            fn, future = job
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(fn())
            except BaseException as exc:   # handed to the caller through the future
                future.set_exception(exc)


class CardConnection:
    """A connected card with its own context and I/O thread; use as a context manager."""

    def __init__(self, reader: str, timeout_s: float = 3.0):
        self.reader = reader
        self.timeout_s = timeout_s
        self._pool = _IoThread()
        self._stuck = False
        self._ctx: Context | None = None
        self._card: Any = None
        self._protocol = 0
        self.atr = AtrInfo(b"", "processor", (), b"")
        try:
            self._run(self._open, "connecting to the card")
        except BaseException:
            self.close()
            raise

    def _open(self) -> None:
        self._ctx = Context()
        flags, _atr = self._ctx.card_state(self.reader)
        if flags & sc.SCARD_STATE_MUTE:
            raise MuteCard("the card does not answer to reset")
        if not flags & sc.SCARD_STATE_PRESENT:
            raise NoCard("no card in the reader")
        hresult, card, protocol = sc.SCardConnect(self._ctx.handle, self.reader, sc.SCARD_SHARE_SHARED,
                                                  sc.SCARD_PROTOCOL_T0 | sc.SCARD_PROTOCOL_T1)
        if hresult & _U32 in (sc.SCARD_E_NO_SMARTCARD & _U32,):
            raise NoCard("no card in the reader")
        _check(hresult, "connecting to the card")
        self._card, self._protocol = card, protocol
        hresult, _reader, _state, _proto, atr = sc.SCardStatus(card)
        _check(hresult, "reading the card's ATR")
        self.atr = parse_atr(bytes(atr))

    def _run(self, fn: Callable[[], Any], what: str) -> Any:
        if self._stuck:
            raise MuteCard(f"{what}: the card stopped answering earlier")
        future = self._pool.submit(fn)
        try:
            return future.result(self.timeout_s)
        except concurrent.futures.TimeoutError:
            self._stuck = True
            raise MuteCard(f"{what}: no answer within {self.timeout_s:g} s") from None

    def transmit(self, command: bytes) -> bytes:
        """Send one APDU; returns data + SW1 SW2. Used as a CardChannel's transport."""
        return bytes(self._run(lambda: self._transmit(command), "sending a command"))

    def _transmit(self, command: bytes) -> list[int]:
        hresult, response = sc.SCardTransmit(self._card, self._protocol, list(command))
        if hresult != sc.SCARD_S_SUCCESS:
            raise self._explain(hresult)
        if len(response) < 2:
            # vpcd (and some readers) report success with nothing when the card left mid-command;
            # the reader notices the removal within its polling period, so look for a moment
            raise self._explain_silence()
        return response

    def _explain_silence(self) -> SmartCardError:
        assert self._ctx is not None
        deadline = time.monotonic() + REMOVAL_GRACE_S
        while True:
            flags, _atr = self._ctx.card_state(self.reader)
            if not flags & sc.SCARD_STATE_PRESENT:
                return CardRemoved("the card was removed during the read")
            if time.monotonic() >= deadline:
                return MuteCard("the card gave an empty answer")
            time.sleep(0.05)

    def _explain(self, hresult: int) -> SmartCardError:
        """A failed transmit often just says 'not transacted': ask the reader what happened."""
        error = error_for(hresult, "sending a command")
        if type(error) is not CardError or self._ctx is None:
            return error
        try:
            flags, _atr = self._ctx.card_state(self.reader)
        except SmartCardError as state_error:
            return state_error
        if not flags & sc.SCARD_STATE_PRESENT:
            return CardRemoved("the card was removed during the read")
        return error

    def close(self) -> None:
        """Disconnect resetting the card, so a verified PIN does not outlive this read."""
        def cleanup() -> None:
            if self._card is not None:
                sc.SCardDisconnect(self._card, sc.SCARD_RESET_CARD)
                self._card = None
            if self._ctx is not None:
                self._ctx.release()
                self._ctx = None
        if self._stuck:
            # queued behind the stuck call; runs when the card leaves and the call returns
            self._pool.submit(cleanup)
            self._pool.shutdown()
            return
        try:
            self._pool.submit(cleanup).result(self.timeout_s)
        except concurrent.futures.TimeoutError:
            log.warning("smart card disconnect did not finish in %.1f s", self.timeout_s)
        self._pool.shutdown()

    def __enter__(self) -> "CardConnection":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
