"""Citizen journey "pay an order" through the pay flow (no Qt), against the reference platform with
RTT_S added to each round trip (bench.bench_journeys' conventions), the person identified before
(the identify journeys measure that part):

  home "Pay" -> the orders listed (payments on disk reconciled first) -> "Pay 400.00 yuan" -> the
  payment code created -> the citizen's wallet pays (the platform's simulated payer, at once: the
  citizen's own scanning time left out) -> the kiosk notices on its polling schedule (1 s, 1 s,
  2 s, ...) -> the receipt laid out -> "Finish" (the rating is then offered).

"choose delivery by post", after an application: "Post it to me" -> the region table (loaded as
the screen opens) -> province, city, district, street (one tap each) -> "Start from the address on
my ID card" -> the room added on the Pinyin keyboard ("&123", 5 0 2, back to letters, s h i,
the candidate 室) -> the 11 digits of the mobile number -> "Next" (the fee quoted) -> "Confirm"
(sealed in a real outbox on disk). The taps on a box to focus it count as touches.
"""
from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from bench.bench_journeys import RUNS, Journey, PacedClient

PERSON = ("林示例", "990101198805160026")


def pay_an_order(client, admin, folder: Path) -> Journey:
    from kiosk.flows.pay_order import PayFlow
    from kiosk.flows.pay_pending import PendingPayments
    from kiosk.session import Identity
    from printing.pay_receipt import PaymentPrint, payment_receipt

    j = Journey()
    person = Identity("idcard", *PERSON)
    j.touch("home: Pay")
    flow = PayFlow(client, PendingPayments(folder), lambda: person)
    j.wait("orders listed", flow.load)
    assert flow.step == "orders", flow.code
    order = flow.orders[0]
    j.touch(f"orders: Pay {order.yuan} yuan")
    assert flow.choose(order.payable_id)
    j.wait("payment code created", flow.pay)
    assert flow.step == "waiting", flow.code
    admin.call(f"/api/v1/admin/pay/payments/{flow.payment.payment_id}", {"outcome": "pay"})

    def until_paid():
        while flow.step == "waiting":
            time.sleep(flow.next_poll_s())
            flow.poll()
    j.wait("paid noticed (polling schedule)", until_paid)
    assert flow.step == "paid", flow.step
    p = flow.payment
    j.wait("receipt laid out", lambda: payment_receipt(PaymentPrint(
        p.title, p.collector, p.yuan, p.capital, p.paid_at, p.payment_id, p.reference,
        p.fiscal_receipt_url), "示范市政务服务中心", "BENCH"))
    j.touch("paid: Finish")
    return j


def choose_post(client, folder: Path) -> Journey:
    from kiosk.flows.delivery_post import DeliveryFlow, DeliveryPlatform
    from kiosk.session import Identity
    from sync.crypto import PayloadCipher, load_or_create_key
    from sync.outbox import Outbox

    j = Journey()
    folder.mkdir(parents=True, exist_ok=True)
    outbox = Outbox(folder / "outbox.sqlite3", PayloadCipher(load_or_create_key(folder / "k")))
    person = Identity("idcard", PERSON[0], PERSON[1], {"address": "示范市东湖区学府街88号"})
    flow = DeliveryFlow(DeliveryPlatform(client), outbox, lambda: person,
                        case_ref="SL-990100-20261202-000001")
    j.wait("region table loaded", flow.load)
    j.touch("delivery: Post it to me")
    flow.choose("post")
    for name in ("示范省", "示范市", "东湖区", "学府街道"):
        j.touch(f"region: {name}")
        flow.pick(next(r.code for r in flow.options() if r.name == name))
    j.touch("address: Start from the address on my ID card")
    flow.use_card_address()
    for key in ("detail box", "&123", "5", "0", "2", "ABC", "s", "h", "i", "candidate 室"):
        j.touch(f"keyboard: {key}")
    j.touch("keyboard: mobile box")
    for digit in "13912345678":
        j.touch(f"keyboard: {digit}")
    flow.set_fields(flow.recipient, "13912345678", flow.detail + "502室")
    j.touch("address: Next")
    assert flow.to_confirm(), flow.problems
    j.wait("fee quoted", flow.quote)
    j.touch("confirm: Confirm")
    j.wait("sealed in the outbox", flow.confirm)
    assert flow.step == "done", flow.code
    outbox.close()
    return j


def main() -> None:
    from kiosk.flows.pay_platform import PayClient
    from reference_platform.server import PlatformServer
    from sync.client import ClientSettings, PlatformClient
    from sync.credential import provision

    tmp = Path(tempfile.mkdtemp(prefix="kiosk-bench-pay-"))
    platform = PlatformServer(tmp / "platform.sqlite3").start()
    try:
        runs = []
        for run in range(RUNS):
            client = PlatformClient(ClientSettings(platform.url))
            client.use_credential(provision(client, platform.url, f"BENCH-PAY-{run}",
                                            platform.demo_enrollment_token,
                                            tmp / f"credential-{run}.json"))
            client.identify_citizen_with(lambda: (PERSON[1], ("idcard",)))
            # each run pays the next order of the list (a paid order leaves it)
            runs.append(pay_an_order(PayClient(PacedClient(client)), platform.admin,
                                     tmp / f"pay-{run}"))
            client.close()
        client = PlatformClient(ClientSettings(platform.url))
        client.use_credential(provision(client, platform.url, "BENCH-DELIVERY",
                                        platform.demo_enrollment_token, tmp / "credential-d.json"))
        client.identify_citizen_with(lambda: (PERSON[1], ("idcard",)))
        posts = [choose_post(PacedClient(client), tmp / f"delivery-{run}") for run in range(RUNS)]
        client.close()
    finally:
        platform.stop()
    first = runs[0]
    print(f"pay an order, {RUNS} runs, median seconds waited per step")
    for what in first.waits:
        print(f"  {what:<44} {statistics.median(r.waits[what] for r in runs):6.2f} s")
    total = statistics.median(r.seconds for r in runs)
    print(f"  {'total waited, home to paid':<44} {total:6.2f} s "
          f"(min {min(r.seconds for r in runs):.2f}, max {max(r.seconds for r in runs):.2f})")
    print(f"  touches: {len(first.touches)} ({'; '.join(first.touches)})")
    first = posts[0]
    print(f"choose delivery by post, {RUNS} runs, median seconds waited per step")
    for what in first.waits:
        print(f"  {what:<44} {statistics.median(r.waits[what] for r in posts):6.2f} s")
    total = statistics.median(r.seconds for r in posts)
    print(f"  {'total waited, choice to confirmed':<44} {total:6.2f} s "
          f"(min {min(r.seconds for r in posts):.2f}, max {max(r.seconds for r in posts):.2f})")
    print(f"  touches: {len(first.touches)}")


if __name__ == "__main__":
    main()
