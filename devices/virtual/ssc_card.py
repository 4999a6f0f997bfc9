"""A virtual social security card for vpcd (vsmartcard's virtual reader driver for pcscd).

It connects to vpcd's socket (127.0.0.1:35963 is reader "Virtual PCD 00 00") and speaks vpcd's
framing: 2-byte big-endian length + payload; a 1-byte payload is a control message (00 power off,
01 power on, 02 reset, 04 get ATR), anything else a command APDU answered with data + SW1 SW2.
Connecting is inserting the card, closing the socket is removing it. The card answers the real
read APDUs from a card file (devices/virtual/cards/ssc_*.json; synthetic data only).

Faults are switched by attributes of `behaviour`, at any time, from any thread:
  pin_required       the holder file EF06 answers 69 82 until a VERIFY succeeds
  reject_pin         every VERIFY is wrong (63 Cx, counting down to blocked)
  blocked            the PIN is blocked (VERIFY answers 69 83)
  remove_mid_read    the card is pulled when the first holder record is asked for
  wrong_application  SELECT of the SSSE application answers 6A 82
  mute               the card gives its ATR but never answers a command
  chain_responses    answers come as 61 xx, to be fetched with GET RESPONSE
  exact_le           a READ RECORD with the wrong Le answers 6C xx
"""
from __future__ import annotations

import json
import logging
import socket
import struct
import threading
import time
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from devices.smartcard import tlv

log = logging.getLogger(__name__)

CARDS_DIR = Path(__file__).with_name("cards")
VPCD_PORT = 35963

_EF05_TAGS = {"card_identifier": 0x01, "card_type": 0x02, "version": 0x03, "issuer_code": 0x04,
              "issue_date": 0x05, "expiry_date": 0x06, "card_number": 0x07}
_EF06_TAGS = {"id_number": 0x08, "name": 0x09, "sex": 0x0A, "nation": 0x0B, "birthplace": 0x0C,
              "birth_date": 0x0D}
_DATES = {"issue_date", "expiry_date", "birth_date"}
_WIDTH = {"name": 30}     # fixed-width GBK fields, padded as issuers do


@dataclass
class Behaviour:
    pin_required: bool = False
    reject_pin: bool = False
    blocked: bool = False
    remove_mid_read: bool = False
    wrong_application: bool = False
    mute: bool = False
    chain_responses: bool = False
    exact_le: bool = False

    def set(self, **switches: bool) -> None:
        known = {f.name for f in fields(self)}
        for name, value in switches.items():
            if name not in known:
                raise ValueError(f"unknown behaviour {name!r} (known: {', '.join(sorted(known))})")
            setattr(self, name, bool(value))


def card_path(name: str) -> Path:
    """'demo' -> devices/virtual/cards/ssc_demo.json; a path is used as it is."""
    path = Path(name)
    return path if path.suffix == ".json" else CARDS_DIR / f"ssc_{name}.json"


def _encode_field(name: str, value: str) -> bytes:
    if name in _DATES:
        return tlv.to_bcd(value)
    raw = value.encode("gbk")
    width = _WIDTH.get(name)
    return raw.ljust(width, b" ") if width else raw


class CardFile:
    """The card's content, encoded the way the card stores it."""

    def __init__(self, path: Path):
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        self.path = Path(path)
        self.atr = bytes.fromhex(data["atr"])
        self.applications = [name.encode("gbk") for name in data.get("applications", [])]
        self.pin = data.get("pin", "123456")
        self.pin_tries = int(data.get("pin_tries", 3))
        self.pin_required = bool(data.get("pin_required", False))
        self.files: dict[int, list[bytes]] = {}
        for fid, tags, key in ((0xEF05, _EF05_TAGS, "ef05"), (0xEF06, _EF06_TAGS, "ef06")):
            records = []
            for name, tag in tags.items():
                if name in data.get(key, {}):
                    records.append(tlv.encode_record(tag, _encode_field(name, data[key][name])))
            self.files[fid] = records


class VirtualSSC:
    """One card for one vpcd slot. insert() connects, remove() disconnects."""

    def __init__(self, card: str | Path = "demo", host: str = "127.0.0.1", port: int = VPCD_PORT,
                 **behaviour: bool):
        self.card = CardFile(card_path(str(card)))
        self.host, self.port = host, port
        self.behaviour = Behaviour(pin_required=self.card.pin_required)
        self.behaviour.set(**behaviour)
        self.tries_left = self.card.pin_tries
        self.apdus = 0                      # commands seen since the last insert
        self.pin_attempts = 0               # VERIFY commands seen since the last insert
        self.interrupted = False            # last removal left a command unanswered
        self._sock: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._awaiting_answer = False
        self._reset_state()

    # --- the citizen's hand ------------------------------------------------------------------
    @property
    def inserted(self) -> bool:
        return self._sock is not None

    def insert(self, timeout_s: float = 5.0) -> None:
        """Connect to vpcd (retrying while pcscd starts up) and start answering."""
        if self.inserted:
            return
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                sock = socket.create_connection((self.host, self.port), timeout=1.0)
                break
            except OSError as exc:
                if time.monotonic() >= deadline:
                    raise ConnectionError(f"vpcd is not listening on {self.host}:{self.port} "
                                          f"(is pcscd running with the vpcd driver?): {exc}") from None
                time.sleep(0.1)
        sock.settimeout(None)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        with self._lock:
            self._sock = sock
            self.apdus = self.pin_attempts = 0
            self.interrupted = False
            self._awaiting_answer = False
            self._reset_state()
        self._thread = threading.Thread(target=self._serve, args=(sock,), name="virtual-ssc",
                                        daemon=True)
        self._thread.start()

    def remove(self) -> None:
        with self._lock:
            sock, self._sock = self._sock, None
            if sock is not None and self._awaiting_answer:
                self.interrupted = True
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()
        thread, self._thread = self._thread, None
        if thread is not None and thread is not threading.current_thread():
            thread.join(2.0)

    close = remove

    def load(self, card: str | Path) -> None:
        """Swap the card file (the next insert is a different card)."""
        self.card = CardFile(card_path(str(card)))
        self.behaviour.pin_required = self.card.pin_required
        self.tries_left = self.card.pin_tries

    # --- vpcd framing ------------------------------------------------------------------------
    def _serve(self, sock: socket.socket) -> None:
        try:
            while True:
                header = _recv_exact(sock, 2)
                if header is None:
                    break
                (length,) = struct.unpack(">H", header)
                payload = _recv_exact(sock, length)
                if payload is None:
                    break
                reply = self._control(payload) if length == 1 else self._apdu(payload)
                if reply is _PULLED:
                    self.interrupted = True
                    break
                self._awaiting_answer = reply is None and length > 1
                if reply is not None:
                    sock.sendall(struct.pack(">H", len(reply)) + reply)
        except OSError as exc:
            if self._sock is sock:
                log.debug("virtual card connection ended: %s", exc)
        finally:
            with self._lock:
                if self._sock is sock:
                    self._sock = None
                    sock.close()

    def _control(self, payload: bytes) -> bytes | None:
        code = payload[0]
        if code == 0x04:
            return self.card.atr
        if code in (0x00, 0x01, 0x02):   # power off / on / reset: volatile state is lost
            self._reset_state()
        return None

    # --- the card ----------------------------------------------------------------------------
    def _reset_state(self) -> None:
        self._app_selected = False
        self._current_ef: int | None = None
        self._verified = False
        self._pending = b""

    def _apdu(self, apdu: bytes) -> Any:
        self.apdus += 1
        if self.behaviour.mute:
            return None
        if len(apdu) < 4:
            return b"\x67\x00"
        cla, ins, p1, p2 = apdu[:4]
        if cla & 0xFC not in (0x00, 0x80):
            return b"\x6E\x00"
        body = apdu[5:5 + apdu[4]] if len(apdu) > 5 else b""
        le = apdu[4] if len(apdu) == 5 else (apdu[5 + apdu[4]] if len(apdu) > 5 + apdu[4] else None)
        if ins == 0xC0:
            return self._get_response(p1, p2, le)
        self._pending = b""
        if ins == 0xA4:
            return self._select(p1, body)
        if ins == 0xB2:
            return self._read_record(p1, p2, le)
        if ins == 0x20:
            return self._verify(body)
        return b"\x6D\x00"

    def _answer(self, data: bytes) -> bytes:
        if data and self.behaviour.chain_responses:
            self._pending = data
            return bytes([0x61, min(len(data), 0xFF) & 0xFF])
        return data + b"\x90\x00"

    def _get_response(self, p1: int, p2: int, le: int | None) -> bytes:
        if not self._pending:
            return b"\x69\x85"
        want = le or 256
        if le is not None and le != min(len(self._pending), 256) and self.behaviour.exact_le:
            return bytes([0x6C, len(self._pending) & 0xFF])
        chunk, self._pending = self._pending[:want], self._pending[want:]
        if self._pending:
            return chunk + bytes([0x61, min(len(self._pending), 0xFF) & 0xFF])
        return chunk + b"\x90\x00"

    def _select(self, p1: int, body: bytes) -> bytes:
        if p1 == 0x04:                                   # by application name
            if body not in self.card.applications:
                self._app_selected = False
                return b"\x6A\x82"
            if self.behaviour.wrong_application and body.startswith(b"sx1.sh."):
                return b"\x6A\x82"
            self._app_selected, self._current_ef = True, None
            fci = tlv.encode_record(0x6F, tlv.encode_record(0x84, body))
            return self._answer(fci)
        if p1 == 0x02 and len(body) == 2:               # elementary file under the application
            fid = int.from_bytes(body, "big")
            if not self._app_selected or not self.card.files.get(fid):
                return b"\x6A\x82"
            self._current_ef = fid
            return b"\x90\x00"
        return b"\x6A\x86"

    def _read_record(self, p1: int, p2: int, le: int | None) -> Any:
        sfi, mode = p2 >> 3, p2 & 0x07
        fid = 0xEF00 | sfi if sfi else self._current_ef
        if fid is None or not self._app_selected:
            return b"\x69\x86"
        records = self.card.files.get(fid, [])
        if fid == 0xEF06:
            if self.behaviour.remove_mid_read:
                self.remove()
                return _PULLED
            if self.behaviour.pin_required and not self._verified:
                return b"\x69\x82"
        if mode == 0x04:
            record = records[p1 - 1] if 1 <= p1 <= len(records) else None
        elif mode == 0x00:
            record = next((r for r in records if r[0] == p1), None)
        else:
            return b"\x6A\x86"
        if record is None:
            return b"\x6A\x83"
        if self.behaviour.exact_le and (le or 256) != len(record):
            return bytes([0x6C, len(record)])
        return self._answer(record)

    def _verify(self, body: bytes) -> bytes:
        self.pin_attempts += 1
        if self.behaviour.blocked or self.tries_left <= 0:
            return b"\x69\x83"
        if not self.behaviour.reject_pin and body == tlv.to_bcd(self.card.pin):
            self._verified = True
            self.tries_left = self.card.pin_tries
            return b"\x90\x00"
        self.tries_left -= 1
        if self.tries_left <= 0:
            self.behaviour.blocked = True
        return bytes([0x63, 0xC0 | self.tries_left])


_PULLED = object()


def _recv_exact(sock: socket.socket, n: int) -> bytes | None:
    data = bytearray()
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            return None
        data += chunk
    return bytes(data)


def main(argv: list[str] | None = None) -> int:
    """`python -m devices.virtual.ssc_card [CARD] [--behaviour NAME ...]`: insert a card until Ctrl-C."""
    import argparse
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("card", nargs="?", default="demo", help="card name (demo, pin, bank) or JSON path")
    parser.add_argument("--port", type=int, default=VPCD_PORT)
    parser.add_argument("--behaviour", action="append", default=[],
                        choices=[f.name for f in fields(Behaviour)])
    args = parser.parse_args(argv)
    card = VirtualSSC(args.card, port=args.port, **{name: True for name in args.behaviour})
    card.insert()
    print(f"virtual card {card.card.path.name} inserted on vpcd port {args.port}; Ctrl-C removes it")
    try:
        while card.inserted:
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    card.remove()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
