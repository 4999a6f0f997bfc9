"""Ask, complain, correct my data without Qt: each kind and each bad input (empty, too short, too
long, a phone that is not one, a call back without a number, proof required but missing, not
identified, offline), and that an outbox refusal is never called sent. The outbox here records
what it is given; tests/flows/test_feedback_platform.py runs the real one to the platform."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from kiosk.flows import feedback as fb
from kiosk.session import Identity, Session
from sync.outbox import OutboxError

PERSON = Identity("idcard", "林示例", "990101198805160026")
CATEGORIES = {"categories": [
    {"code": "service_item", "name": "办事事项", "handling_days": 5, "needs_item": True},
    {"code": "waiting", "name": "排队等候时间", "handling_days": 3, "needs_item": False}],
    "consultation_days": 3}
RECORDS = [{"record": "person", "title": "个人基本信息", "department": "公安局", "fields": [
    {"field": "address", "label": "住址", "value": "示范路8号", "proof_needed": False},
    {"field": "name", "label": "姓名", "value": "林示例", "proof_needed": True}]}]


class Outbox:
    def __init__(self, fail=None):
        self.records, self.fail = [], fail

    def enqueue(self, kind, payload):
        if self.fail:
            raise self.fail
        self.records.append((kind, payload))
        return SimpleNamespace(key=f"key-{len(self.records):04d}")

    def status(self):
        return SimpleNamespace(accepting=True)


class Platform:
    def __init__(self, down=False):
        self.down = down

    def _check(self):
        if self.down:
            raise OSError("platform down")

    def questions(self, item_code):
        self._check()
        return [{"question": "多久能办好？", "answer": "3个工作日。"}] if item_code else []

    def categories(self):
        self._check()
        return CATEGORIES

    def correctable(self, id_number):
        self._check()
        return RECORDS


def session(identified=True):
    s = Session()
    s.identity = PERSON if identified else None
    return s


@pytest.mark.parametrize("text, problem", [("", "feedback_text_empty"), ("   ", "feedback_text_empty"),
                                           ("太慢", "feedback_text_short"),
                                           ("问" * 501, "feedback_text_long"),
                                           ("请问要带什么材料？", None)])
def test_text_is_checked_for_length(text, problem):
    assert fb.text_problem(text) == problem


@pytest.mark.parametrize("phone, required, problem", [
    ("", False, None), ("", True, "feedback_phone_required"), ("12345", False, "phone_shape"),
    ("13912345678", True, None), ("0999-66011101", False, None)])
def test_phone_numbers(phone, required, problem):
    assert fb.phone_problem(phone, required) == problem


def test_ask_shows_the_items_questions_first_then_sends_one_record():
    box = Outbox()
    ask = fb.AskFlow(Platform(), box, session(identified=False), lambda: True, "X1")
    ask.load()
    assert ask.questions[0]["answer"] == "3个工作日。"
    ask.text, ask.call_back = "可以委托家人办理吗？", True
    assert not ask.submit() and ask.problems == {"phone": "feedback_phone_required"}
    assert box.records == []
    ask.phone = "13912345678"
    assert ask.submit() and ask.step == "sent"
    assert box.records == [("consultation", {"question": "可以委托家人办理吗？", "call_back": True,
                                             "item_code": "X1", "phone": "13912345678"})]
    assert ask.sent.reference == "key-0001" and ask.sent.online and not ask.sent.followed
    assert ask.next_step.item_code == "X1"


def test_offline_asking_still_works_and_the_receipt_says_not_sent_yet():
    ask = fb.AskFlow(Platform(down=True), Outbox(), session(), lambda: False)
    ask.load()
    assert ask.questions == []
    ask.text = "在哪里领取结果？"
    assert ask.submit()
    assert not ask.sent.online and ask.sent.followed        # identified: followed in my cases


def test_complaints_need_a_category_and_an_item_where_the_category_names_one():
    box = Outbox()
    complain = fb.ComplainFlow(Platform(), box, session(), lambda: True)
    complain.load()
    assert [c["code"] for c in complain.categories] == ["service_item", "waiting"]
    assert not complain.anonymous                          # identified: the citizen may choose
    complain.text = "等了一个小时还没有叫号。"
    assert not complain.submit() and complain.problems == {"category": "feedback_category_missing"}
    complain.choose("service_item")
    assert not complain.submit() and complain.problems == {"category": "feedback_item_missing"}
    complain.choose("waiting")
    complain.set_anonymous(True)
    assert complain.submit()
    kind, payload = box.records[0]
    assert kind == "complaint" and payload["anonymous"] and "who" not in payload
    assert complain.sent.promised_days == 3 and not complain.sent.followed


def test_an_identified_complaint_carries_the_identity_and_an_anonymous_one_cannot():
    box = Outbox()
    complain = fb.ComplainFlow(Platform(), box, session(), lambda: True)
    complain.load()
    complain.choose("waiting")
    complain.text = "叫号屏幕看不清楚，希望调大字体。"
    complain.set_anonymous(False)
    assert complain.submit()
    assert box.records[0][1]["who"] == {"id_number": PERSON.id_number, "name": PERSON.name}
    nobody = fb.ComplainFlow(Platform(), Outbox(), session(identified=False), lambda: True)
    nobody.set_anonymous(False)
    assert nobody.anonymous                                 # nobody to name


def test_offline_complaints_fall_back_to_something_else():
    complain = fb.ComplainFlow(Platform(down=True), Outbox(), session(), lambda: True)
    complain.load()
    assert [c["code"] for c in complain.categories] == ["other"]


def test_correcting_needs_identity_the_platform_and_proof_where_asked():
    nobody = fb.CorrectFlow(Platform(), Outbox(), session(identified=False), lambda: True)
    nobody.load()
    assert nobody.code == "not_identified"
    offline = fb.CorrectFlow(Platform(down=True), Outbox(), session(), lambda: True)
    offline.load()
    assert offline.code == "feedback_offline"
    box = Outbox()
    s = session()
    correct = fb.CorrectFlow(Platform(), box, s, lambda: True)
    correct.load()
    assert correct.code is None and correct.records == RECORDS
    correct.choose("person", "name")
    correct.text = "林示列"
    assert correct.proof_needed and not correct.submit()
    assert correct.problems == {"proof": "feedback_proof_missing"}
    correct.add_proof(b"%PDF-1.4 proof page", "application/pdf")
    assert correct.submit()
    kind, payload = box.records[0]
    assert kind == "correction" and payload["current"] == "林示例" and payload["correct"] == "林示列"
    assert payload["kind"] == "wrong" and len(payload["proof"]) == 1
    held = correct.proof[0].data
    s.wipe()
    assert not any(held) and correct.proof == []


def test_an_outbox_refusal_is_never_called_sent():
    ask = fb.AskFlow(None, Outbox(fail=OutboxError("disk_full", "no space")), session(),
                     lambda: True)
    ask.text = "请问周六上班吗？"
    assert not ask.submit()
    assert ask.step == "write" and ask.code == "feedback_not_saved" and ask.sent is None
    none = fb.AskFlow(None, None, session(), lambda: True)
    none.text = "请问周六上班吗？"
    assert not none.submit() and none.code == "no_outbox"


def test_a_feedback_receipts_qr_code_names_its_reference_and_nothing_else():
    from kiosk.flows.case_codes import CaseCodeError, feedback_qr, read_qr
    reference = "0f8a2c1e-5b7d-4e11-9a3c-2d6e8f0a1b2c"
    assert read_qr(feedback_qr(reference)).feedback == reference
    for text in ("FB1.", "FB1.not-a-reference", "FB1." + reference + "x"):
        with pytest.raises(CaseCodeError) as refused:
            read_qr(text)
        assert refused.value.code == "not_a_case_code"
