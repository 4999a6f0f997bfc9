"""A kiosk process for the kill -9 cases: builds its areas with the product's wiring from a config
file, runs one transaction as the screens drive its flow, and is killed with SIGKILL at a named
point of the durable work (sync.crash_points), by a hook this file installs: the product has no
switch for it.

    python kiosk_child.py CONFIG TRANSACTION [--crash-at POINT] [--crash-delay-s S]

TRANSACTION: rating (a rating through the outbox), notice (a guide notice on the receipt printer,
audited through the outbox), or none (start, deliver what is queued, exit 0 once the outbox is
empty: the kiosk after its restart). Prints "told: ..." when the citizen would be told the outcome.
POINT: after_enqueue, after_response, after_delete, or after_send (killed while the request is in
flight: CRASH_DELAY_S after a batch was sent, unless the answer came back first).
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


def crash_hook(point: str, delay_s: float) -> crash_points.Hook:
    timer: list[threading.Timer] = []

    def die() -> None:
        os.kill(os.getpid(), signal.SIGKILL)

    def hook(name: str) -> None:
        if point == "after_send":
            if name == "send_started":
                timer.append(threading.Timer(delay_s, die))
                timer[-1].daemon = True
                timer[-1].start()
            elif name == "send_finished" and timer:
                timer.pop().cancel()
        elif name == point:
            die()
    return hook


def rating(cfg, sync) -> str:
    from kiosk.flows.evaluation import Evaluation
    evaluation = Evaluation(cfg.kiosk.id, "XK00101001")
    evaluation.choose("satisfied")
    recorded = evaluation.record(sync)
    return f"{recorded.outcome} {recorded.reference}"


def notice(cfg, sync) -> str:
    from kiosk.catalog import ServiceItem
    from kiosk.context import AppContext
    from kiosk.flows.guide_notice import GuideNotice
    from kiosk.session import Session
    from kiosk.wiring import printing
    from reference_platform.demo_data import items
    ctx = AppContext(config=cfg, session=Session(), bridge=None)
    ctx.services.sync = sync
    printing.wire(ctx)
    area = ctx.services.printing
    flow = GuideNotice(ServiceItem.from_dict(items()[2]), area.print_guide_notice, area.receipts)
    if flow.start():
        flow.print()
    return str(flow.outcome)


def main(path: str, transaction: str) -> int:
    cfg = config.load(path)
    sync = build_area(cfg, open_link(cfg, cfg.platform.url))
    sync.start()
    if transaction != "none":
        told = {"rating": rating, "notice": notice}[transaction](cfg, sync)
        print(f"told: {told}", flush=True)
    deadline = time.monotonic() + 30
    while sync.outbox.stats().depth and time.monotonic() < deadline:
        time.sleep(0.02)
    depth = sync.outbox.stats().depth
    sync.stop()
    return 0 if depth == 0 else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("config")
    parser.add_argument("transaction", choices=("rating", "notice", "none"))
    parser.add_argument("--crash-at")
    parser.add_argument("--crash-delay-s", type=float, default=0.4)
    args = parser.parse_args()
    if args.crash_at:
        crash_points.install(crash_hook(args.crash_at, args.crash_delay_s))
    sys.exit(main(args.config, args.transaction))
