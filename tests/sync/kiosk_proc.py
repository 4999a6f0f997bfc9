"""A kiosk sync process for the crash tests: builds the sync area exactly as the app does
(kiosk.wiring.sync.build_sync from a config file), enqueues records, then runs the delivery
worker thread until the outbox is empty.

    python kiosk_proc.py CONFIG N_RECORDS [HOLD_S]

Prints each receipt key as soon as enqueue() returns (the moment a citizen would be told
"submitted"). KIOSK_SYNC_CRASH_AT=point[:n] makes it SIGKILL itself at that point.
"""
from __future__ import annotations

import sys
import time

from kiosk import config
from kiosk.wiring.sync import build_sync


def main(path: str, count: int, hold_s: float = 0.0) -> int:
    cfg = config.load(path)
    service = build_sync(cfg, cfg.platform.url)
    for n in range(count):
        receipt = service.enqueue("submission", {"n": n, "applicant": "测试申请人"})
        print(receipt.key, flush=True)
    service.start()
    print("started", flush=True)
    time.sleep(hold_s)          # stay up with every sync thread running (port inspection)
    deadline = time.time() + 30
    while service.outbox.stats().depth and time.time() < deadline:
        time.sleep(0.02)
    depth = service.outbox.stats().depth
    service.stop()
    return 0 if depth == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2]), float(sys.argv[3]) if len(sys.argv) > 3 else 0.0))
