"""A virtual GA 467 ID card reader on a pty: the real wire protocol, paced at the configured baud.

The twin answers SAM status / SAM ID / find / select / read like a reader, writing its replies at
10 bits a byte (a pty ignores the baud rate, so the twin keeps time itself) and waiting for the
command's own wire time before it answers. If the driver sets the port to another baud rate the
twin hears noise, as a real UART would, and does not answer.

Scenarios (see SCENARIOS): each sample card in devices/virtual/cards/, no card, card removed between
select and read, checksum corruption, a reply split into slow pieces, leading garbage, SAM
self-test failure, no answer at all.

A `link` path (a symlink to the current pty) lets tests unplug the reader (stop) and plug a new one
in at the same path, as a USB reader coming back under its udev name.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import select
import termios
import threading
import time
import tty
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from devices.idcard import codec, text
from devices.idcard.errors import ProtocolError
from devices.virtual.demo_control import QT_TRANSLATE_NOOP, DemoControl

log = logging.getLogger(__name__)

CARDS_DIR = Path(__file__).with_name("cards")
BAUD_CONSTANTS = {9600: termios.B9600, 19200: termios.B19200, 38400: termios.B38400,
                  57600: termios.B57600, 115200: termios.B115200}

# fault kinds for inject()
REMOVE_BEFORE_READ = "remove_before_read"
CORRUPT_CHECKSUM = "corrupt_checksum"
SLOW_SPLIT = "slow_split"
LEADING_GARBAGE = "leading_garbage"
GARBAGE = bytes.fromhex("00FF13AAAA9655C3AA")   # includes a partial preamble on purpose


@dataclass
class TwinCard:
    """A card the twin can 'place': on-card values, plus synthetic photo and fingerprint bytes."""
    name: str
    card_type: str
    values: dict[str, Any]
    fingerprint: bool = False

    def text_bytes(self) -> bytes:
        return text.encode(self.card_type, self.values)

    def photo_bytes(self) -> bytes:
        # not a real WLT image (none can be made without the vendor encoder): deterministic filler
        seed = hashlib.sha256(("photo:" + self.name).encode()).digest()
        return (seed * 32)[:1024]

    def fingerprint_bytes(self) -> bytes:
        seed = hashlib.sha256(("fp:" + self.name).encode()).digest()
        return (seed * 32)[:1024] if self.fingerprint else b""

    @classmethod
    def from_file(cls, path: str | os.PathLike) -> "TwinCard":
        path = Path(path)
        data = json.loads(path.read_text(encoding="utf-8"))
        card_type = data.pop("card_type", None)
        if card_type not in text.CARD_TYPES:
            raise ValueError(f"{path}: card_type must be one of {', '.join(text.CARD_TYPES)}")
        fingerprint = bool(data.pop("fingerprint", False))
        data.pop("description", None)
        return cls(path.stem, card_type, data, fingerprint)


def sample_cards() -> dict[str, TwinCard]:
    """The bundled ID card samples by name (file stem); other twins' cards share the folder."""
    cards = {}
    for path in sorted(CARDS_DIR.glob("*.json")):
        if json.loads(path.read_text(encoding="utf-8")).get("card_type") in text.CARD_TYPES:
            cards[path.stem] = TwinCard.from_file(path)
    return cards


def load_card(name_or_path: str) -> TwinCard:
    cards = sample_cards()
    if name_or_path in cards:
        return cards[name_or_path]
    return TwinCard.from_file(name_or_path)


@dataclass
class _Fault:
    kind: str
    times: int
    on: tuple[tuple[int, int], ...] | None


@dataclass
class TwinStats:
    commands: int = 0
    bytes_out: int = 0
    bad_commands: int = 0
    by_command: dict[str, int] = field(default_factory=dict)


DEMO_CARDS = (
    (QT_TRANSLATE_NOOP("DemoActions", "Place sample ID card"), "resident"),
    (QT_TRANSLATE_NOOP("DemoActions", "Place ID card valid long-term"), "resident_longterm"),
    (QT_TRANSLATE_NOOP("DemoActions", "Place expired ID card"), "resident_expired"),
    (QT_TRANSLATE_NOOP("DemoActions", "Place HK/Macau/Taiwan residence permit"), "hmt_permit"),
    (QT_TRANSLATE_NOOP("DemoActions", "Place foreign permanent residence card"), "foreign_2023"),
)


class IdCardTwin:
    """The simulated reader. Thread-safe controls: place_card, remove_card, inject, set flags."""

    def __init__(self, baud: int = 115200, card: TwinCard | None = None, link: str | None = None,
                 rf_delay_s: float = 0.0):
        if baud not in BAUD_CONSTANTS:
            raise ValueError(f"baud {baud} not one of {sorted(BAUD_CONSTANTS)}")
        self.baud = baud
        self.link = link
        self.rf_delay_s = rf_delay_s      # extra card-side time for a read (real readers: 0.5-1 s)
        self.sam_self_test_fails = False
        self.no_answer = False
        self.sam_id = bytes.fromhex("05010000202601010000009900000001")
        self.stats = TwinStats()
        self._card = card
        self._selected = False
        self._lifted = False
        self._faults: list[_Fault] = []
        self._lock = threading.Lock()
        self._master = self._slave = -1
        self.path = ""
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self.placed_at: float | None = None

    # ---- lifecycle --------------------------------------------------------------------------

    @property
    def port(self) -> str:
        """What a driver opens: the link path if one is set, else the pty itself."""
        return self.link or self.path

    def start(self) -> "IdCardTwin":
        self._master, self._slave = os.openpty()
        # raw on the slave side: no echo, no newline translation, whoever opens it
        tty.setraw(self._slave)
        self.path = os.ttyname(self._slave)
        attrs = termios.tcgetattr(self._slave)
        attrs[4] = attrs[5] = BAUD_CONSTANTS[self.baud]
        termios.tcsetattr(self._slave, termios.TCSANOW, attrs)
        if self.link:
            tmp = f"{self.link}.{os.getpid()}.tmp"
            if os.path.lexists(tmp):
                os.unlink(tmp)
            os.symlink(self.path, tmp)
            os.replace(tmp, self.link)
        self._stop.clear()
        self._thread = threading.Thread(target=self._serve, name="idcard-twin", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Unplug: the pty goes away (the driver's reads fail) and the link path disappears."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(2.0)
            self._thread = None
        if self.link and os.path.islink(self.link) and os.readlink(self.link) == self.path:
            os.unlink(self.link)
        for fd in (self._master, self._slave):
            if fd >= 0:
                os.close(fd)
        self._master = self._slave = -1

    def unplug(self) -> None:
        """Pull the cable: the pty goes away, the driver reports the reader disconnected."""
        self.stop()

    def replug(self) -> None:
        """Plug the reader back in: a new pty behind the same link path, no card, faults cleared."""
        self.stop()
        self.clear_faults()
        self.remove_card()
        self.start()

    def scenario(self, name: str, card: "TwinCard | str" = "resident") -> None:
        """A named scenario (SCENARIOS) or sample card, after clearing earlier faults."""
        self.clear_faults()
        apply_scenario(self, name, card)

    def demo_controls(self) -> list[DemoControl]:
        controls = [DemoControl(caption, lambda c=card: self.scenario(c)) for caption, card in DEMO_CARDS]
        return controls + [
            DemoControl(QT_TRANSLATE_NOOP("DemoActions", "Remove ID card"), self.remove_card),
            DemoControl(QT_TRANSLATE_NOOP("DemoActions", "ID card taken away during reading"),
                        lambda: self.scenario("removed_before_read")),
            DemoControl(QT_TRANSLATE_NOOP("DemoActions", "Unplug the ID card reader"), self.unplug),
            DemoControl(QT_TRANSLATE_NOOP("DemoActions", "Plug the ID card reader back in"),
                        self.replug),
        ]

    def __enter__(self) -> "IdCardTwin":
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()

    # ---- controls ---------------------------------------------------------------------------

    def place_card(self, card: TwinCard | str) -> None:
        if isinstance(card, str):
            card = load_card(card)
        with self._lock:
            # a card cannot be swapped without leaving the field: the next find sees no card
            self._lifted = self._card is not None
            self._card, self._selected = card, False
            self.placed_at = time.perf_counter()

    def remove_card(self) -> None:
        with self._lock:
            self._card, self._selected = None, False

    @property
    def card(self) -> TwinCard | None:
        return self._card

    def inject(self, kind: str, times: int = 1, on: Any = None) -> None:
        """Make the next `times` replies (to command `on` or one of a list of commands, or to any
        command when None) misbehave as `kind`."""
        if kind not in (REMOVE_BEFORE_READ, CORRUPT_CHECKSUM, SLOW_SPLIT, LEADING_GARBAGE):
            raise ValueError(f"unknown fault {kind!r}")
        commands = None if on is None else (tuple(on) if isinstance(on[0], tuple) else (tuple(on),))
        with self._lock:
            self._faults.append(_Fault(kind, times, commands))

    def clear_faults(self) -> None:
        with self._lock:
            self._faults.clear()
            self.no_answer = self.sam_self_test_fails = False

    def _take_fault(self, kind: str, cmd: tuple[int, int]) -> bool:
        with self._lock:
            for fault in self._faults:
                if fault.kind == kind and fault.times > 0 and (fault.on is None or cmd in fault.on):
                    fault.times -= 1
                    if fault.times == 0:
                        self._faults.remove(fault)
                    return True
        return False

    # ---- the serial side --------------------------------------------------------------------

    def _port_baud_matches(self) -> bool:
        try:
            attrs = termios.tcgetattr(self._master)
        except termios.error:
            return True
        return attrs[4] == BAUD_CONSTANTS[self.baud]

    def _serve(self) -> None:
        decoder = codec.FrameDecoder(min_body=2)
        while not self._stop.is_set():
            try:
                ready, _, _ = select.select([self._master], [], [], 0.05)
                if not ready:
                    continue
                chunk = os.read(self._master, 4096)
            except OSError as exc:
                log.debug("twin read: %s", exc)
                self._stop.wait(0.05)
                continue
            received_at = time.perf_counter()
            if not self._port_baud_matches():
                decoder.clear()   # at the wrong baud rate the UART only hears noise
                continue
            decoder.feed(chunk)
            while True:
                try:
                    frame = decoder.next()
                except ProtocolError as exc:
                    self.stats.bad_commands += 1
                    if not self.no_answer:
                        sw3 = 0x10 if exc.code == "checksum" else 0x11
                        self._send(codec.response(sw3), (0, 0), received_at, 0)
                    continue
                if frame is None:
                    break
                self._handle(frame, received_at)

    def _handle(self, frame: codec.Frame, received_at: float) -> None:
        cmd = frame.cmd
        self.stats.commands += 1
        key = f"{cmd[0]:02X}{cmd[1]:02X}"
        self.stats.by_command[key] = self.stats.by_command.get(key, 0) + 1
        if self.no_answer:
            return
        reply = self._answer(cmd)
        self._send(reply, cmd, received_at, frame.wire_size())

    def _answer(self, cmd: tuple[int, int]) -> bytes:
        with self._lock:
            card = self._card
        if cmd == codec.SAM_STATUS:
            return codec.response(0x60 if self.sam_self_test_fails else codec.SW_OK)
        if cmd == codec.RESET_SAM:
            return codec.response(0x60 if self.sam_self_test_fails else codec.SW_OK)
        if cmd == codec.SAM_ID:
            return codec.response(codec.SW_OK, self.sam_id)
        if cmd == codec.SET_RF_FRAME:
            return codec.response(codec.SW_OK)
        if cmd == codec.FIND_CARD:
            with self._lock:
                lifted, self._lifted = self._lifted, False
            if card is None or lifted:
                return codec.response(0x80)
            return codec.response(codec.SW_CARD_FOUND, b"\0\0\0\0")
        if cmd == codec.SELECT_CARD:
            if card is None:
                return codec.response(0x81)
            self._selected = True
            return codec.response(codec.SW_OK, hashlib.sha256(card.name.encode()).digest()[:8])
        if cmd in (codec.READ_TEXT_PHOTO, codec.READ_TEXT_PHOTO_FP):
            if self._take_fault(REMOVE_BEFORE_READ, cmd):
                self.remove_card()
                card = None
            if card is None or not self._selected:
                return codec.response(0x41)
            self._selected = False
            if self.rf_delay_s:
                time.sleep(self.rf_delay_s)
            fp = card.fingerprint_bytes() if cmd == codec.READ_TEXT_PHOTO_FP else None
            return codec.response(codec.SW_OK, codec.encode_read_data(
                card.text_bytes(), card.photo_bytes(), fp))
        if cmd == codec.READ_NEW_ADDRESS:
            return codec.response(codec.SW_NO_CONTENT)
        return codec.response(0x21)

    def _send(self, reply: bytes, cmd: tuple[int, int], received_at: float, cmd_size: int) -> None:
        if self._take_fault(CORRUPT_CHECKSUM, cmd):
            reply = reply[:-1] + bytes([reply[-1] ^ 0x5A])
        if self._take_fault(LEADING_GARBAGE, cmd):
            reply = GARBAGE + reply
        pieces = [reply]
        pause = 0.0
        if self._take_fault(SLOW_SPLIT, cmd):
            third = max(1, len(reply) // 3)
            pieces = [reply[:third], reply[third:2 * third], reply[2 * third:]]
            pause = 0.15
        # the reader answers only once the whole command has crossed the wire
        self._sleep_until(received_at + cmd_size * 10 / self.baud)
        for i, piece in enumerate(pieces):
            if i:
                time.sleep(pause)
            self._write_paced(piece)

    def _write_paced(self, data: bytes) -> None:
        chunk = max(16, self.baud // 1000)      # about 10 ms of wire time per write
        start = time.perf_counter()
        sent = 0
        while sent < len(data) and not self._stop.is_set():
            part = data[sent:sent + chunk]
            # a byte reaches the other end only once its 10 bits have crossed the wire
            self._sleep_until(start + (sent + len(part)) * 10 / self.baud)
            try:
                os.write(self._master, part)
            except OSError as exc:
                log.debug("twin write: %s", exc)
                return
            sent += len(part)
            self.stats.bytes_out += len(part)

    @staticmethod
    def _sleep_until(when: float) -> None:
        delay = when - time.perf_counter()
        if delay > 0:
            time.sleep(delay)


# Named scenarios for tools and the demo: each sets up a fresh twin's card and faults.
SCENARIOS: dict[str, str] = {
    "no_card": "no card on the reader",
    "removed_before_read": "the card is taken away between select and read",
    "checksum_corruption": "the next read reply has a bad checksum",
    "slow_split": "the next read reply arrives in three slow pieces",
    "leading_garbage": "noise precedes the next reply",
    "sam_failure": "the SAM self-test fails",
    "no_answer": "the reader answers nothing",
}


def apply_scenario(twin: IdCardTwin, scenario: str, card: "TwinCard | str" = "resident") -> None:
    """Set the twin up for a named scenario, or place the sample card of that name."""
    read = (codec.READ_TEXT_PHOTO, codec.READ_TEXT_PHOTO_FP)
    if scenario in sample_cards():
        twin.place_card(scenario)
        return
    if scenario not in SCENARIOS:
        raise ValueError(f"unknown scenario {scenario!r}: choose one of "
                         + ", ".join([*SCENARIOS, *sample_cards()]))
    if scenario == "no_card":
        twin.remove_card()
        return
    if scenario == "sam_failure":
        twin.sam_self_test_fails = True
    elif scenario == "no_answer":
        twin.no_answer = True
    elif scenario == "removed_before_read":
        twin.inject(REMOVE_BEFORE_READ, on=read)
    elif scenario == "checksum_corruption":
        twin.inject(CORRUPT_CHECKSUM, on=read)
    elif scenario == "slow_split":
        twin.inject(SLOW_SPLIT, on=read)
    elif scenario == "leading_garbage":
        twin.inject(LEADING_GARBAGE)
    twin.place_card(card)
