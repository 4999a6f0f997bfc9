"""Payments the kiosk started and whose final state it does not know yet, kept on disk, sealed.

The idempotency key of a payment attempt is written here BEFORE the create request goes out, and
the payment id as soon as the platform names it; the entry goes only when the payment's final
state is known (paid, expired, cancelled, failed). So a double tap, a retry after a lost answer,
a crash or a power cut while the citizen is paying all come back to the same key and the same
payment, and the next look (the Pay screen, start-up) asks the platform for the true state.

One sealed file (AES-GCM as the outbox, sync.crypto, its own 0600 key), written to a temp file,
fsynced and renamed into place: a crash leaves the old file or the new one, never half of one.
Entries hold no personal data: the payable's id (the platform's opaque id), the key, the payment
id, title and amount for the receipt, and when the attempt began.
"""
from __future__ import annotations

import json
import os
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from sync.crypto import PayloadCipher, fsync_dir, load_or_create_key

_AAD = b"kiosk.pending_payments.v1"


@dataclass
class PendingPayment:
    payable_id: str
    key: str
    payment_id: str = ""             # empty until the platform answered the create
    started_at: float = 0.0


class PendingPayments:
    def __init__(self, directory: Path):
        directory.mkdir(parents=True, exist_ok=True)
        self.path = directory / "payments_pending.sealed"
        self._cipher = PayloadCipher(load_or_create_key(directory / "payments.key"))
        self._lock = threading.Lock()

    def _read(self) -> dict[str, PendingPayment]:
        if not self.path.exists():
            return {}
        plain = self._cipher.open(self.path.read_bytes(), _AAD)
        return {k: PendingPayment(**v) for k, v in json.loads(plain).items()}

    def _write(self, entries: dict[str, PendingPayment]) -> None:
        blob = self._cipher.seal(json.dumps({k: asdict(v) for k, v in entries.items()})
                                 .encode("utf-8"), _AAD)
        temp = self.path.with_suffix(".tmp")
        with open(temp, "wb") as handle:
            handle.write(blob)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, self.path)
        fsync_dir(self.path.parent)

    def all(self) -> list[PendingPayment]:
        with self._lock:
            return list(self._read().values())

    def get(self, payable_id: str) -> PendingPayment | None:
        with self._lock:
            return self._read().get(payable_id)

    def begin(self, payable_id: str, key: str) -> PendingPayment:
        """The attempt for `payable_id`: the one on disk, or a new one with `key`, kept first."""
        with self._lock:
            entries = self._read()
            entry = entries.get(payable_id)
            if entry is None:
                entry = entries[payable_id] = PendingPayment(payable_id, key,
                                                             started_at=time.time())
                self._write(entries)
            return entry

    def named(self, payable_id: str, payment_id: str) -> None:
        with self._lock:
            entries = self._read()
            if payable_id in entries and entries[payable_id].payment_id != payment_id:
                entries[payable_id].payment_id = payment_id
                self._write(entries)

    def done(self, payable_id: str) -> None:
        with self._lock:
            entries = self._read()
            if entries.pop(payable_id, None) is not None:
                self._write(entries)
