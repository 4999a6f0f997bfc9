"""Outbox benchmarks: durable enqueue rate, and flush throughput to the loopback platform.

Enqueue, three ways over the same payloads, each record its own durable commit (what a kiosk
needs before it tells a citizen "submitted"):
  - bare floor: sqlite3 WAL + synchronous=FULL, BEGIN / INSERT the JSON / COMMIT, nothing else;
  - the outbox: the same plus an idempotency key, AES-GCM sealing, the free-space check;
  - persist-queue's SQLiteAckQueue.put (WAL, SQLite's default synchronous, pickled payload).
The three run interleaved record by record, so disk noise hits all alike.
Goal: outbox >= 0.8 x the bare floor, and faster than persist-queue.

Flush: records queued, then delivered by the delivery worker to the reference platform on
127.0.0.1, at two batch sizes.
"""
from __future__ import annotations

import json
import os
import sqlite3
import tempfile
import time
from pathlib import Path

N_ENQUEUE = 2000
ROUNDS = 3
N_FLUSH = 5000


def _payloads(n: int) -> list[dict]:
    # the shape of an evaluation or submission record: ~450 bytes of JSON, synthetic data
    return [{"item": f"990100-SVC-{i % 97:03d}", "level": "满意", "reasons": ["办理快", "态度好"],
             "applicant": {"name": f"测试{i:05d}", "id_number": f"99010119900101{i % 1000:03d}X"},
             "materials": [f"page-{j}.jpg" for j in range(6)], "n": i, "note": "x" * 120}
            for i in range(n)]


class BareSqlite:
    """The floor: what any durable SQLite queue must pay per record."""

    def __init__(self, directory: Path):
        self.conn = sqlite3.connect(directory / "bare.sqlite3", isolation_level=None)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=FULL")
        self.conn.execute("CREATE TABLE records (seq INTEGER PRIMARY KEY, kind TEXT, "
                          "created REAL, payload BLOB)")

    def put(self, payload: dict) -> None:
        data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        # autocommit: the INSERT is its own durable transaction, the cheapest durable write
        self.conn.execute("INSERT INTO records(kind, created, payload) VALUES (?, ?, ?)",
                          ("evaluation", time.time(), data))

    def close(self) -> None:
        self.conn.close()


class OutboxPut:
    def __init__(self, directory: Path):
        from sync.crypto import PayloadCipher, load_or_create_key
        from sync.outbox import Outbox
        self.box = Outbox(directory / "outbox.sqlite3",
                          PayloadCipher(load_or_create_key(directory / "outbox.key")))

    def put(self, payload: dict) -> None:
        self.box.enqueue("evaluation", payload)

    def close(self) -> None:
        self.box.close()


class PersistQueuePut:
    def __init__(self, directory: Path):
        from persistqueue import SQLiteAckQueue
        self.queue = SQLiteAckQueue(str(directory / "pq"), auto_commit=True, multithreading=True)
        self.synchronous = self.queue._putter.execute("PRAGMA synchronous").fetchone()[0]

    def put(self, payload: dict) -> None:
        self.queue.put(payload)

    def close(self) -> None:
        self.queue.close()


def enqueue_rates() -> None:
    """All three stores open at once, each record put into each in turn (rotating who goes
    first), so a slow stretch of the disk is shared fairly. Rate = records / time spent."""
    payloads = _payloads(N_ENQUEUE)
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_DIR")) as tmp:
        directory = Path(tmp)
        stores = {"bare": BareSqlite(directory), "outbox": OutboxPut(directory),
                  "pq": PersistQueuePut(directory)}
        spent = {name: 0.0 for name in stores}
        names = list(stores)
        for round_no in range(ROUNDS):
            for i, payload in enumerate(payloads):
                turn = (i + round_no) % len(names)
                for name in names[turn:] + names[:turn]:
                    begun = time.perf_counter()
                    stores[name].put(payload)
                    spent[name] += time.perf_counter() - begun
        pq_sync = stores["pq"].synchronous
        for store in stores.values():
            store.close()
    total = N_ENQUEUE * ROUNDS
    bare, outbox, pq = (total / spent[k] for k in ("bare", "outbox", "pq"))
    print(f"durable enqueue, {total} records into each store, interleaved record by record, "
          "one commit per record:")
    print(f"  bare sqlite3 WAL+FULL insert      {bare:8.0f} records/s")
    print(f"  outbox enqueue (key, AES-GCM)     {outbox:8.0f} records/s   "
          f"{outbox / bare:.2f} x bare (goal >= 0.80)")
    print(f"  persist-queue SQLiteAckQueue.put  {pq:8.0f} records/s   "
          f"outbox = {outbox / pq:.2f} x persist-queue (its synchronous={pq_sync}, 2 = FULL)")


def flush_throughput() -> None:
    from sync.client import ClientSettings, PlatformClient
    from sync.credential import provision
    from sync.crypto import PayloadCipher, load_or_create_key
    from sync.delivery import DeliveryWorker
    from sync.outbox import Outbox
    from reference_platform.routes_sync import DEMO_ENROLLMENT_TOKEN
    from reference_platform.server import PlatformServer
    payloads = _payloads(N_FLUSH)
    print(f"flush to the reference platform on 127.0.0.1, {N_FLUSH} records:")
    for nodelay in (False, True):
        for batch in (50, 200):
            with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_DIR")) as tmp:
                directory = Path(tmp)
                server = PlatformServer(directory / "platform.sqlite3")
                server.httpd.RequestHandlerClass.disable_nagle_algorithm = nodelay
                server.start()
                try:
                    client = PlatformClient(ClientSettings(server.url))
                    credential = provision(client, server.url, "KIOSK-BENCH",
                                           DEMO_ENROLLMENT_TOKEN, directory / "credential.json")
                    client.use_credential(credential)
                    box = Outbox(directory / "outbox.sqlite3",
                                 PayloadCipher(load_or_create_key(directory / "outbox.key")))
                    for payload in payloads:
                        box.enqueue("evaluation", payload)
                    worker = DeliveryWorker(box, client, batch_size=batch)
                    started = time.perf_counter()
                    result = worker.drain(ignore_backoff=True)
                    elapsed = time.perf_counter() - started
                    assert result.sent == N_FLUSH and result.remaining == 0, result
                    box.close()
                finally:
                    server.stop()
            label = "TCP_NODELAY" if nodelay else "server as shipped"
            print(f"  batch {batch:3d}, {label:17s}  {N_FLUSH / elapsed:8.0f} records/s "
                  f"({elapsed:.2f} s)")


def main() -> None:
    enqueue_rates()
    flush_throughput()


if __name__ == "__main__":
    main()
