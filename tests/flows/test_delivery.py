"""Delivery by post against the reference platform: the choice (window, post, the hall's locker),
the address by region level by level with search, the mobile number and the detailed address
checked, the card's address offered, the fee (free in the city, else an order to pay under "Pay"),
and the delivery order through the outbox to the platform, with its tracking number later."""
from __future__ import annotations

import dataclasses

import pytest

from flows.test_pay_support import PERSON, admin, kiosk_client
from kiosk.flows.delivery_post import DeliveryFlow, DeliveryPlatform
from kiosk.flows.pay_platform import PayClient

CARD = dataclasses.replace(PERSON, extra={"address": "示范市东湖区学府街88号"})


class Outbox:
    """Delivers at once to the platform, as the outbox's worker does, and keeps what it sent."""

    def __init__(self, platform, client):
        self.platform, self.client, self.sent = platform, client, []

    def enqueue(self, kind, payload):
        record = {"key": payload["reference"], "kind": kind, "payload": payload, "created": 1.0}
        answer = self.client.send("POST", "/api/v1/records", json={"records": [record]})
        assert answer.status_code == 200, answer.text
        self.sent.append(record)
        return type("Receipt", (), {"key": record["key"]})()


class Refusing:
    def enqueue(self, kind, payload):
        raise OSError(28, "No space left on device")


@pytest.fixture
def client(platform):
    return kiosk_client(platform)


def flow_for(platform, client, outbox=None, person=CARD) -> DeliveryFlow:
    flow = DeliveryFlow(DeliveryPlatform(client), outbox or Outbox(platform, client),
                        lambda: person, case_ref="SL-990100-20261202-000001",
                        item_code="1199010002GG00206002")
    flow.load()
    return flow


def to_street(flow, *names):
    for name in names:
        [region] = [r for r in flow.options() if r.name == name]
        flow.pick(region.code)


def test_choices_offered(platform, client):
    flow = flow_for(platform, client)
    assert flow.step == "choose"
    assert flow.methods() == ("window", "post", "locker")
    assert flow.locker_place == "大厅东侧24小时智能柜"


def test_post_in_the_city_is_free_and_reaches_the_platform(platform, client):
    outbox = Outbox(platform, client)
    flow = flow_for(platform, client, outbox)
    flow.choose("post")
    assert flow.step == "address" and flow.recipient == "张三"     # from the card
    assert flow.level == "province"
    to_street(flow, "示范省", "示范市", "东湖区", "学府街道")
    assert flow.level == "" and flow.region_text == "示范省示范市东湖区学府街道"
    flow.use_card_address()
    flow.set_fields(flow.recipient, "13912345678", flow.detail + "3单元502室")
    assert flow.to_confirm()
    flow.quote()
    assert (flow.step, flow.fee_fen, flow.fee_payable_id) == ("confirm", 0, "")
    flow.confirm()
    assert flow.step == "done"
    [record] = outbox.sent
    payload = record["payload"]
    assert payload["region"] == "990102003" and payload["recipient"]["phone"] == "13912345678"
    assert payload["address"] == "示范市东湖区学府街88号3单元502室"
    state = DeliveryPlatform(client).state(flow.reference)
    assert state["state"] == "received" and "tracking_no" not in state
    admin(platform).call(f"/api/v1/admin/delivery/orders/{flow.reference}/ship", {})
    shipped = DeliveryPlatform(client).state(flow.reference)
    assert shipped["state"] == "shipped" and shipped["tracking_no"].startswith("EM")


def test_post_elsewhere_has_a_fee_paid_under_pay(platform, client):
    flow = flow_for(platform, client)
    flow.choose("post")
    to_street(flow, "示范省", "临江市", "江北区", "码头街道")
    flow.set_fields("李四", "13800001111", "码头路1号")
    assert flow.to_confirm()
    flow.quote()
    assert (flow.fee_fen, flow.fee_yuan) == (1200, "12.00") and flow.fee_payable_id
    listed = PayClient(client).payables(PERSON.id_number, PERSON.name)
    assert flow.fee_payable_id in [p["payable_id"] for p in listed]
    again = flow_for(platform, client)            # the same order asked twice: one fee order
    again.reference = flow.reference
    again.choose("post")
    to_street(again, "示范省", "临江市", "江北区", "码头街道")
    again.set_fields("李四", "13800001111", "码头路1号")
    again.to_confirm()
    again.quote()
    assert again.fee_payable_id == flow.fee_payable_id
    listed = PayClient(client).payables(PERSON.id_number, PERSON.name)
    assert [p["code"] for p in listed].count("delivery_fee") == 1


@pytest.mark.parametrize("phone, problem", [("", "field_required"), ("1391234567", "mobile_shape"),
                                            ("23912345678", "mobile_shape"),
                                            ("139123456789", "mobile_shape"),
                                            ("12912345678", "mobile_shape"),
                                            ("13912345678", None)])
def test_mobile_numbers(platform, client, phone, problem):
    flow = flow_for(platform, client)
    flow.choose("post")
    flow.set_fields("张三", phone, "学府街88号")
    assert flow.check().get("phone") == problem


def test_address_problems(platform, client):
    flow = flow_for(platform, client)
    flow.choose("post")
    to_street(flow, "示范省", "示范市")
    flow.set_fields("", "13912345678", "88号")
    assert not flow.to_confirm()
    assert flow.problems == {"recipient": "field_required", "region": "region_incomplete",
                             "detail": "too_short"}
    flow.set_fields("张三", "13912345678", "路" * 81)
    assert flow.check()["detail"] == "too_long"


def test_region_lists_are_searched_by_chinese_pinyin_or_initials(platform, client):
    flow = flow_for(platform, client)
    flow.choose("post")
    to_street(flow, "示范省", "示范市")
    names = lambda: [r.name for r in flow.options()]        # noqa: E731
    assert names() == ["中心区", "东湖区", "西山区"]
    for typed in ("东湖", "donghu", "dhq", "DH"):
        flow.set_search(typed)
        assert names() == ["东湖区"], typed
    flow.set_search("xyz")
    assert names() == []
    with pytest.raises(ValueError):
        flow.pick("990201")                              # a district of another city
    flow.set_search("")
    to_street(flow, "西山区")
    flow.unpick("district")                             # choose the district again
    assert flow.level == "district" and "street" not in flow.picked


def test_window_and_locker_need_no_address(platform, client):
    outbox = Outbox(platform, client)
    flow = flow_for(platform, client, outbox)
    flow.choose("locker")
    assert flow.step == "confirm"
    flow.confirm()
    assert flow.step == "done" and outbox.sent[0]["payload"]["locker"] == "大厅东侧24小时智能柜"
    window = flow_for(platform, client, outbox)
    window.choose("window")
    window.confirm()
    assert outbox.sent[1]["payload"]["method"] == "window"


def test_offline_offers_the_window_only(tmp_path):
    from sync.client import ClientSettings, PlatformClient
    dead = PlatformClient(ClientSettings(url="http://127.0.0.1:9", connect_timeout_s=1))
    flow = DeliveryFlow(DeliveryPlatform(dead), Refusing(), lambda: CARD)
    flow.load()
    assert flow.methods() == ("window",)
    with pytest.raises(ValueError):
        flow.choose("post")


def test_an_outbox_that_refuses_promises_nothing(platform, client):
    flow = flow_for(platform, client, Refusing())
    flow.choose("window")
    flow.confirm()
    assert (flow.step, flow.code) == ("not_saved", "delivery_not_saved")


def test_the_wipe_forgets_the_address(platform, client):
    flow = flow_for(platform, client)
    flow.choose("post")
    to_street(flow, "示范省")
    flow.set_fields("张三", "13912345678", "学府街88号")
    flow.wipe()
    assert (flow.recipient, flow.phone, flow.detail, flow.picked) == ("", "", "", {})


def test_an_unknown_region_is_refused_by_the_platform(platform, client):
    answer = client.send("POST", "/api/v1/delivery/quote", json={
        "id_number": PERSON.id_number, "name": "张三", "region": "110101001",
        "reference": "dlv-000000000001"})
    assert answer.status_code == 422


def test_the_tracking_number_shows_on_the_case_in_check_my_case(platform, client):
    import datetime as dt

    from kiosk.flows.case_source import PlatformCases
    from reference_platform.routes_cases import record_case
    submitted = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    with platform.store.lock:
        case_no = record_case(platform.store, id_number=PERSON.id_number, name=PERSON.name,
                              item_code="1199010002GG00206002", channel="kiosk",
                              submitted=submitted, promised_by=submitted.date(),
                              steps=[{"step": "submitted", "at": submitted.isoformat()},
                                     {"step": "approved", "at": submitted.isoformat()}])
    flow = DeliveryFlow(DeliveryPlatform(client), Outbox(platform, client), lambda: CARD,
                        case_ref=case_no)
    flow.load()
    flow.choose("post")
    to_street(flow, "示范省", "示范市", "东湖区", "学府街道")
    flow.set_fields("张三", "13912345678", "学府街88号")
    assert flow.to_confirm()
    flow.quote()
    flow.confirm()
    shipped = admin(platform).call(f"/api/v1/admin/delivery/orders/{flow.reference}/ship", {})
    [case] = [c for c in PlatformCases(client).for_person(PERSON.id_number) if c.case_no == case_no]
    assert case.status == "issued"
    assert case.collection["method"] == "post"
    assert case.collection["tracking_no"] == shipped["tracking_no"]
