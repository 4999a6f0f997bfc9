"""Pay against the reference platform: every payment state, and every race the issue names
(double tap, a lost answer, a 500 on create, a payment that completes after the kiosk gave up,
a crash while pending), each ending with the platform holding at most one charge."""
from __future__ import annotations

import pytest

from kiosk.flows.pay_order import PayFlow, reconcile
from kiosk.flows.pay_pending import PendingPayments
from flows.test_pay_support import PERSON, charges, pay_client, wallet
from sync.client import PlatformUnavailable


def flow_for(platform, tmp_path, client=None, person=PERSON, clock=None) -> PayFlow:
    kw = {"clock": clock} if clock else {}
    flow = PayFlow(client or pay_client(platform), PendingPayments(tmp_path / "pay"),
                   lambda: person, **kw)
    flow.load()
    return flow


def paying(flow, index=0) -> str:
    payable_id = flow.orders[index].payable_id
    assert flow.choose(payable_id)
    flow.pay()
    return payable_id


def test_orders_are_listed_with_amount_and_due_date(platform, tmp_path):
    flow = flow_for(platform, tmp_path)
    assert flow.step == "orders"
    insurance = flow.orders[0]
    assert insurance.title == "2027年度城乡居民基本医疗保险费"
    assert (insurance.yuan, insurance.capital) == ("400.00", "人民币肆佰元整")
    assert insurance.due_date == "2026-12-31" and insurance.payer_name == "张三"


def test_nobody_identified_is_sent_to_identify(platform, tmp_path):
    flow = PayFlow(pay_client(platform), PendingPayments(tmp_path), lambda: None)
    assert flow.step == "identify"
    assert not flow.choose("anything")


def test_paid_leaves_the_list_offers_the_rating_and_is_charged_once(platform, tmp_path):
    flow = flow_for(platform, tmp_path)
    payable_id = paying(flow)
    assert flow.step == "waiting"
    assert flow.payment.code_url.startswith("https://pay.gov.example/q/")
    assert 290 <= flow.remaining_s() <= 300
    wallet(platform, flow.payment.payment_id)
    flow.poll()
    assert flow.step == "paid"
    assert flow.payment.reference and flow.payment.fiscal_receipt_url
    assert flow.next_step is not None
    assert payable_id not in [o.payable_id for o in flow.orders]
    assert flow.pending.all() == []
    assert charges(platform, payable_id) == {"payable_id": payable_id, "payments": 1,
                                             "charged": 1}
    again = flow_for(platform, tmp_path / "other")
    assert payable_id not in [o.payable_id for o in again.orders]


def test_declined_then_paid_again(platform, tmp_path):
    flow = flow_for(platform, tmp_path)
    payable_id = paying(flow)
    wallet(platform, flow.payment.payment_id, "fail")
    flow.poll()
    assert (flow.step, flow.payment.reason) == ("failed", "declined")
    flow.again()
    assert flow.step == "orders"
    paying(flow)
    wallet(platform, flow.payment.payment_id)
    flow.poll()
    assert flow.step == "paid"
    assert charges(platform, payable_id)["charged"] == 1


def test_cancel_charges_nothing(platform, tmp_path):
    flow = flow_for(platform, tmp_path)
    payable_id = paying(flow)
    flow.cancel()
    assert flow.step == "cancelled"
    assert flow.pending.all() == []
    assert charges(platform, payable_id)["charged"] == 0


def test_cancel_after_the_wallet_paid_shows_paid(platform, tmp_path):
    flow = flow_for(platform, tmp_path)
    paying(flow)
    wallet(platform, flow.payment.payment_id)
    flow.cancel()
    assert flow.step == "paid"


def expire(platform, payment_id):
    with platform.store.lock:
        platform.store.execute("UPDATE pay_payments SET expires_at = 0 WHERE payment_id = ?",
                               (payment_id,))


def test_expired_and_a_payment_that_completes_after_the_kiosk_gave_up(platform, tmp_path):
    flow = flow_for(platform, tmp_path)
    payable_id = paying(flow)
    payment_id = flow.payment.payment_id
    expire(platform, payment_id)
    flow.poll()
    assert flow.step == "expired"
    assert flow.pending.all() == []
    # the wallet completes late: the platform takes it once; the next look shows it paid
    assert wallet(platform, payment_id, "pay_late")["state"] == "paid"
    next_look = flow_for(platform, tmp_path)
    assert payable_id not in [o.payable_id for o in next_look.orders]
    [late] = [o for o in next_look.recent if o.payable_id == payable_id]   # seen as paid
    assert late.paid_payment_id == payment_id
    next_look.show_paid(payment_id)
    assert next_look.step == "paid" and next_look.payment.reference
    # a retry of the same order now is refused as already paid: never a second charge
    assert charges(platform, payable_id)["charged"] == 1


def test_a_late_payment_after_another_paid_is_refused(platform, tmp_path):
    flow = flow_for(platform, tmp_path)
    payable_id = paying(flow)
    first = flow.payment.payment_id
    expire(platform, first)
    flow.poll()
    flow.again()
    paying(flow)
    wallet(platform, flow.payment.payment_id)
    late = wallet(platform, first, "pay_late")
    assert (late["state"], late["reason"]) == ("failed", "duplicate_refused")
    assert charges(platform, payable_id) == {"payable_id": payable_id, "payments": 2,
                                             "charged": 1}


def test_a_double_tap_creates_one_payment(platform, tmp_path):
    flow = flow_for(platform, tmp_path)
    payable_id = flow.orders[0].payable_id
    assert flow.choose(payable_id)
    assert not flow.choose(payable_id)          # the second tap while the first runs
    flow.pay()
    assert not flow.choose(payable_id)          # and while the code is on screen
    assert charges(platform, payable_id)["payments"] == 1


def test_two_kiosks_paying_the_same_order_show_the_same_code(platform, tmp_path):
    one = flow_for(platform, tmp_path / "a")
    two = flow_for(platform, tmp_path / "b", client=pay_client(platform, kiosk_id="pay-test-2"))
    paying(one)
    paying(two)
    assert one.payment.payment_id == two.payment.payment_id


class LostAnswers:
    """The platform applies the create, then the answer is lost (a timeout) `lose` times."""

    def __init__(self, real, lose=1, before=False):
        self.real, self.lose, self.before = real, lose, before
        self.creates = 0

    def __getattr__(self, name):
        return getattr(self.real, name)

    def create(self, payable_id, key):
        self.creates += 1
        if self.lose:
            self.lose -= 1
            if self.before:
                raise PlatformUnavailable("platform_server_error", "HTTP 500", 500)
            self.real.create(payable_id, key)
            raise PlatformUnavailable("platform_timeout", "no answer in time")
        return self.real.create(payable_id, key)


def test_a_lost_answer_is_retried_with_the_same_key(platform, tmp_path):
    client = LostAnswers(pay_client(platform))
    flow = flow_for(platform, tmp_path, client=client)
    payable_id = paying(flow)
    assert (flow.step, client.creates) == ("waiting", 2)
    assert charges(platform, payable_id)["payments"] == 1


def test_a_500_on_create_says_offline_and_the_next_look_finds_no_charge(platform, tmp_path):
    client = LostAnswers(pay_client(platform), lose=3, before=True)
    flow = flow_for(platform, tmp_path, client=client)
    payable_id = paying(flow)
    assert (flow.step, flow.code) == ("unavailable", "payment_offline")
    assert charges(platform, payable_id)["payments"] == 0
    # the key stayed on disk; the next look asks with it, and the order is payable as before
    assert len(flow.pending.all()) == 1
    again = flow_for(platform, tmp_path)
    assert again.step in ("waiting", "orders")
    assert charges(platform, payable_id) == {"payable_id": payable_id, "payments": 1,
                                             "charged": 0}


def test_all_answers_lost_then_the_next_look_follows_the_one_payment(platform, tmp_path):
    client = LostAnswers(pay_client(platform), lose=3)
    flow = flow_for(platform, tmp_path, client=client)
    payable_id = paying(flow)
    assert flow.step == "unavailable"
    assert charges(platform, payable_id)["payments"] == 1
    again = flow_for(platform, tmp_path)
    assert again.step == "waiting"              # the same payment, its code shown again
    wallet(platform, again.payment.payment_id)
    again.poll()
    assert again.step == "paid"
    assert charges(platform, payable_id) == {"payable_id": payable_id, "payments": 1,
                                             "charged": 1}


def test_restart_while_pending_shows_the_true_state(platform, tmp_path):
    flow = flow_for(platform, tmp_path)
    payable_id = paying(flow)
    wallet(platform, flow.payment.payment_id)   # paid while the kiosk was down
    del flow
    pending = PendingPayments(tmp_path / "pay")
    assert reconcile(pay_client(platform), pending) == [(payable_id, "paid")]
    assert pending.all() == []


def test_offline_says_so_and_charges_nothing(platform, tmp_path):
    from sync.client import ClientSettings, PlatformClient
    from kiosk.flows.pay_platform import PayClient
    dead = PayClient(PlatformClient(ClientSettings(url="http://127.0.0.1:9", connect_timeout_s=1)))
    flow = flow_for(platform, tmp_path, client=dead)
    assert (flow.step, flow.code) == ("unavailable", "payment_offline")
    assert not flow.choose("x")


def test_polling_backs_off_and_further_while_unreachable(platform, tmp_path):
    flow = flow_for(platform, tmp_path)
    paying(flow)
    delays = []
    for _ in range(9):
        delays.append(flow.next_poll_s())
        flow.poll()
    assert delays == [1, 1, 2, 2, 3, 3, 5, 5, 5]
    flow.client = LostAnswers(flow.client)
    flow.client.state = lambda _id: (_ for _ in ()).throw(PlatformUnavailable("platform_timeout",
                                                                             "x"))
    flow.poll()
    assert flow.reconnecting and flow.next_poll_s() == 10
    flow.poll()
    assert flow.next_poll_s() == 15


def test_the_countdown_follows_the_platform_not_the_kiosk_clock(platform, tmp_path):
    now = [1000.0]
    flow = flow_for(platform, tmp_path, clock=lambda: now[0])
    paying(flow)
    start = flow.remaining_s()
    now[0] += 60
    assert flow.remaining_s() == start - 60
    now[0] += 1000
    assert flow.remaining_s() == 0


def test_someone_else_on_the_demo_list_is_not_resumed(platform, tmp_path):
    from devices.idcard.gb11643 import complete
    from kiosk.session import Identity
    flow = flow_for(platform, tmp_path)
    paying(flow)
    other = Identity("idcard", "李四", complete("99010219900101234"))
    theirs = flow_for(platform, tmp_path, client=pay_client(platform, person=other),
                      person=other)
    assert theirs.step == "orders"              # the first person's code is not shown to them


@pytest.mark.parametrize("fen, text", [(40000, "人民币肆佰元整"), (1205, "人民币壹拾贰元零伍分"),
                                       (4650, "人民币肆拾陆元伍角整"), (101000, "人民币壹仟零壹拾元整"),
                                       (1000500, "人民币壹万零伍元整"), (5, "人民币伍分"),
                                       (0, "人民币零元整")])
def test_capital_amounts(fen, text):
    from kiosk.flows.pay_amount import capital
    assert capital(fen) == text
