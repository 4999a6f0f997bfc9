"""A kiosk sync process for the crash tests: builds the sync area exactly as the app does
(kiosk.wiring.sync.build_area from a config file), enqueues records, then runs the delivery
worker thread until the outbox is empty.

    python kiosk_proc.py CONFIG N_RECORDS [HOLD_S] [--crash-at POINT[:N]] [--crash-delay-s S]

Prints each receipt key as soon as enqueue() returns (the moment a citizen would be told
"submitted"). --crash-at makes it SIGKILL itself the N-th time (default first) execution reaches
POINT: after_enqueue, after_response or after_delete (points of sync.crash_points), or after_send,
which kills it while a request is in flight: CRASH_DELAY_S after a batch was sent, unless the
answer came back first. The hook is installed here, before any work starts; the product has no
switch for it.
"""
from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
import time

from kiosk import config
from kiosk.wiring.platform import open_link
from kiosk.wiring.sync import build_area
from sync import crash_points

IN_FLIGHT = "after_send"
AT_POINT = ("after_enqueue", "after_response", "after_delete")


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def crash_hook(point: str, nth: int, delay_s: float) -> crash_points.Hook:
    """A hook that kills this process the nth time `point` is reached."""
    if point not in AT_POINT + (IN_FLIGHT,):
        raise SystemExit(f"unknown crash point {point!r}")
    lock = threading.Lock()
    count = 0
    timer: threading.Timer | None = None

    def reached() -> None:
        nonlocal count
        with lock:
            count += 1
            due = count >= nth
        if due:
            _die()

    def hook(name: str) -> None:
        nonlocal timer
        if point != IN_FLIGHT:
            if name == point:
                reached()
        elif name == "send_started":
            timer = threading.Timer(delay_s, reached)
            timer.daemon = True
            timer.start()
        elif name == "send_finished" and timer is not None:
            timer.cancel()       # the answer came back in time: this batch is not the one
            timer = None
    return hook


def main(path: str, count: int, hold_s: float = 0.0) -> int:
    cfg = config.load(path)
    service = build_area(cfg, open_link(cfg, cfg.platform.url, demo=True))   # http on loopback
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


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    parser.add_argument("config")
    parser.add_argument("records", type=int)
    parser.add_argument("hold_s", type=float, nargs="?", default=0.0)
    parser.add_argument("--crash-at", metavar="POINT[:N]")
    parser.add_argument("--crash-delay-s", type=float, default=0.5)
    return parser.parse_args(argv)


if __name__ == "__main__":
    args = parse_args(sys.argv[1:])
    if args.crash_at:
        point, _, nth = args.crash_at.partition(":")
        crash_points.install(crash_hook(point, int(nth or 1), args.crash_delay_s))
    sys.exit(main(args.config, args.records, args.hold_s))
