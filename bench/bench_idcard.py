"""ID card: time from "card placed" to parsed identity with the paced twin, against the wire-time
floor of the same frames; and codec throughput.

The floor is what the serial line alone needs at the baud rate (10 bits a byte) for find, select
and read, commands and replies. The goal is latency <= 1.2 x floor + one poll interval (the card
can land just after a poll).
"""
from __future__ import annotations

import statistics
import threading
import time

from devices.idcard import codec
from devices.idcard.reader import IdCardReader, ReaderSettings
from devices.virtual.idcard_twin import IdCardTwin, sample_cards

BAUD = 115200
POLL_S = 0.3
TRIALS = 12
# find cmd + reply, select cmd + reply, read cmd + reply (text + photo)
FRAMES = (10, 15, 10, 19, 10, 1295)


class _Waiter:
    def __init__(self):
        self.cond = threading.Condition()
        self.seen: list[tuple[float, str, object]] = []

    def __call__(self, kind, payload=None):
        with self.cond:
            self.seen.append((time.perf_counter(), kind, payload))
            self.cond.notify_all()

    def wait(self, pred, start, timeout=5.0):
        deadline = time.perf_counter() + timeout
        with self.cond:
            while True:
                for i in range(start, len(self.seen)):
                    if pred(*self.seen[i][1:]):
                        return i, self.seen[i][0]
                if not self.cond.wait(max(0.0, deadline - time.perf_counter())):
                    raise TimeoutError("reader event not seen")


def card_latency() -> None:
    floor = sum(FRAMES) * 10 / BAUD
    goal = 1.2 * floor + POLL_S
    waiter = _Waiter()
    with IdCardTwin(baud=BAUD) as twin:
        reader = IdCardReader(ReaderSettings(port=twin.port, baud=BAUD, poll_interval_s=POLL_S),
                              on_event=waiter).start()
        try:
            idx, _ = waiter.wait(lambda k, p: k == "state" and p["state"] == "connected", 0)
            total, reads = [], []
            for trial in range(TRIALS):
                # land the card at a different point of the poll cycle each time
                time.sleep(POLL_S * trial / TRIALS)
                twin.place_card("resident")
                placed = twin.placed_at
                i_read, t_reading = waiter.wait(
                    lambda k, p: k == "state" and p["state"] == "reading", idx)
                idx, t_card = waiter.wait(lambda k, p: k == "card", i_read)
                total.append(t_card - placed)
                reads.append(t_card - t_reading)
                twin.remove_card()
                idx, _ = waiter.wait(lambda k, p: k == "state" and p["state"] == "card_removed", idx)
        finally:
            reader.stop()
    read_floor = sum(FRAMES[2:]) * 10 / BAUD
    print(f"card placed -> parsed identity at {BAUD} baud, poll {POLL_S * 1000:.0f} ms, "
          f"{TRIALS} cards")
    print(f"  wire-time floor (find+select+read, both ways, {sum(FRAMES)} bytes): "
          f"{floor * 1000:.1f} ms")
    print(f"  latency: median {statistics.median(total) * 1000:.1f} ms, "
          f"mean {statistics.mean(total) * 1000:.1f} ms, max {max(total) * 1000:.1f} ms")
    print(f"  ratio to floor: median {statistics.median(total) / floor:.2f}x, "
          f"max {max(total) / floor:.2f}x")
    print(f"  goal <= 1.2 x floor + one poll = {goal * 1000:.1f} ms: "
          f"{'met' if max(total) <= goal else 'NOT met'} (max {max(total) * 1000:.1f} ms)")
    print(f"  select+read alone: median {statistics.median(reads) * 1000:.1f} ms vs floor "
          f"{read_floor * 1000:.1f} ms = {statistics.median(reads) / read_floor:.3f}x")


def codec_throughput() -> None:
    card = sample_cards()["resident"]
    frame = codec.response(0x90, codec.encode_read_data(card.text_bytes(), card.photo_bytes()))
    stream = (b"\x00\x13" + frame) * 400
    chunk = 64
    started = time.perf_counter()
    decoder = codec.FrameDecoder()
    frames = 0
    for pos in range(0, len(stream), chunk):
        for _ in decoder.frames(stream[pos:pos + chunk]):
            frames += 1
    elapsed = time.perf_counter() - started
    assert frames == 400
    print(f"codec decode: {frames} read replies ({len(frame)} bytes) in {chunk}-byte pieces: "
          f"{len(stream) / elapsed / 1e6:.1f} MB/s, {frames / elapsed:.0f} frames/s "
          f"(115200 baud is 0.0115 MB/s)")
    started = time.perf_counter()
    for _ in range(20000):
        codec.command(codec.FIND_CARD)
    print(f"codec encode: {20000 / (time.perf_counter() - started):.0f} commands/s")


def main() -> None:
    card_latency()
    codec_throughput()


if __name__ == "__main__":
    main()
