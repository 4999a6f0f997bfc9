"""Social security card: time from "card inserted" to parsed fields through a real pcscd + vpcd,
against the floor vpcd itself sets (~44 ms an APDU round trip, its own pacing, not the card's).

Figures: the APDU round trip measured here (SELECT on an open connection), the read alone
(read_started -> read_ok, N APDUs), detection (socket connect -> card_inserted: pcscd polls the
reader) and the whole insertion -> fields. Goal: the read within 1.2 x (APDUs x round trip) + the
connect; detection within one pcscd poll period (~0.4 s).
"""
from __future__ import annotations

import statistics
import threading
import time

from devices.smartcard.apdu import select_by_name
from devices.smartcard.daemon import Pcscd, SlotClaim, vpcd_readers
from devices.smartcard.pcsc import CardConnection, Context, card_present
from devices.smartcard.service import SmartCardService
from devices.smartcard.ssc import SSSE_AID
from devices.virtual.ssc_card import VPCD_PORT, VirtualSSC

TRIALS = 10
ROUND_TRIPS = 30


class _Events:
    def __init__(self):
        self.cond = threading.Condition()
        self.seen: list[tuple[float, str, object]] = []

    def __call__(self, kind, payload=None):
        with self.cond:
            self.seen.append((time.perf_counter(), kind, payload))
            self.cond.notify_all()

    def wait(self, kind: str, start: int, timeout: float = 10.0) -> float:
        deadline = time.perf_counter() + timeout
        with self.cond:
            while True:
                for at, k, payload in self.seen[start:]:
                    if k == kind:
                        return at
                    if k == "read_failed":
                        raise RuntimeError(f"read failed: {payload}")
                if time.perf_counter() > deadline:
                    raise TimeoutError(f"no {kind} within {timeout} s")
                self.cond.wait(0.05)


def _wait_state(ctx: Context, reader: str, present: bool) -> None:
    deadline = time.monotonic() + 5
    while card_present(ctx.card_state(reader)[0]) != present:
        if time.monotonic() > deadline:
            raise TimeoutError("reader state did not change")
        time.sleep(0.01)


def _ms(values: list[float]) -> str:
    return (f"median {statistics.median(values) * 1000:6.1f} ms   min {min(values) * 1000:6.1f}"
            f"   max {max(values) * 1000:6.1f}")


def main() -> None:
    slot = SlotClaim(VPCD_PORT, wait_s=120)
    daemon = Pcscd().ensure()
    card = VirtualSSC("demo", port=VPCD_PORT)
    ctx = Context()
    try:
        reader = sorted(vpcd_readers() or [])[0]
        print(f"pcscd {'reused' if daemon.reused else 'started'}; reader {reader!r}")
        # the floor: one APDU through pcscd and vpcd on an open connection
        card.insert()
        _wait_state(ctx, reader, True)
        trips = []
        with CardConnection(reader) as connection:
            command = select_by_name(SSSE_AID)
            for _ in range(ROUND_TRIPS):
                started = time.perf_counter()
                connection.transmit(command)
                trips.append(time.perf_counter() - started)
        card.remove()
        _wait_state(ctx, reader, False)
        trip = statistics.median(trips)
        print(f"APDU round trip ({ROUND_TRIPS}):     {_ms(trips)}")

        events = _Events()
        service = SmartCardService(events, reader=reader).start()
        service.arm()
        detect, read, total, apdus = [], [], [], 0
        try:
            for _ in range(TRIALS):
                mark = len(events.seen)
                started = time.perf_counter()
                card.insert()
                inserted = events.wait("card_inserted", mark)
                read_started = events.wait("read_started", mark)
                done = events.wait("read_ok", mark)
                detect.append(inserted - started)
                read.append(done - read_started)
                total.append(done - started)
                apdus = card.apdus
                card.remove()
                _wait_state(ctx, reader, False)
                events.wait("card_removed", mark)
        finally:
            service.stop()
        floor = apdus * trip
        print(f"detection ({TRIALS}):           {_ms(detect)}   (pcscd polls about every 0.4 s)")
        print(f"read, {apdus} APDUs ({TRIALS}):     {_ms(read)}   floor {floor * 1000:.0f} ms "
              f"= {apdus} x {trip * 1000:.1f} ms; ratio {statistics.median(read) / floor:.2f}")
        print(f"insertion -> fields ({TRIALS}): {_ms(total)}")
    finally:
        card.remove()
        ctx.release()
        daemon.stop()
        slot.release()


if __name__ == "__main__":
    main()
