"""Ask, complain, correct against the reference platform through the kiosk's real sync stack (the
outbox on disk, the delivery worker, the one platform client): each submission arrives exactly
once however often it is flushed, an identified one becomes a case in "Check my case", and the
department's answer shows there and in the receipt's state."""
from __future__ import annotations

import pytest

from kiosk import config
from kiosk.flows import feedback as fb
from kiosk.flows.case_source import PlatformCases
from kiosk.flows.feedback_platform import PlatformFeedback
from kiosk.session import Identity, Session
from kiosk.wiring.platform import open_link
from kiosk.wiring.sync import build_area

PERSON = Identity("idcard", "林示例", "990101198805160026")
REPO_CONFIG = __import__("pathlib").Path(__file__).resolve().parents[2] / "config.toml"


@pytest.fixture
def kiosk(platform, tmp_path):
    cfg = config.load(REPO_CONFIG, {"kiosk": {"data_dir": str(tmp_path)}})
    link = open_link(cfg, platform.url, demo=True, enroll_token=platform.demo_enrollment_token)
    session = Session()
    session.identity = PERSON
    link.client.identify_citizen_with(
        lambda: (session.identity.id_number, ("idcard",)) if session.identity else None)
    sync = build_area(cfg, link)
    yield sync, PlatformFeedback(link.client), session, link
    sync.outbox.close()
    link.close()


def delivered(sync, platform, kind):
    first = sync.flush(20)
    assert (first.sent, first.remaining, first.error) == (1, 0, None), first
    again = sync.flush(20)                       # a second flush sends nothing again
    assert again.sent == 0 and again.remaining == 0, again
    return platform.admin.received(kind=kind)


def test_a_question_arrives_once_and_its_answer_is_followed_in_my_cases(kiosk, platform):
    sync, feedback, session, link = kiosk
    ask = fb.AskFlow(feedback, sync, session, lambda: True, "1199010001GG00108000")
    ask.load()
    assert "无犯罪记录证明多久能开出来？" in [q["question"] for q in ask.questions]
    ask.text = "外地户籍可以在这里开无犯罪记录证明吗？"
    assert ask.submit()
    assert fb.sent_state(feedback, ask.sent) is None      # still in the outbox
    got = delivered(sync, platform, "consultation")
    assert got["count"] == 1 and got["deliveries"] == 1
    state = fb.sent_state(feedback, ask.sent)
    assert state["state"] == "received" and state["case_no"].startswith("SL-990100-")
    assert fb.sent_state(feedback, ask.sent)["case_no"] == state["case_no"]   # opened once
    platform.admin.call("/api/v1/admin/feedback/answer",
                        {"reference": ask.sent.reference, "answer": "可以，持居住证办理。"})
    assert fb.sent_state(feedback, ask.sent)["answer"] == "可以，持居住证办理。"
    cases = PlatformCases(link.client).for_person(PERSON.id_number)
    mine = next(c for c in cases if c.case_no == state["case_no"])
    assert mine.item_name.startswith("咨询：无犯罪记录证明")
    assert mine.steps[-1].note == "可以，持居住证办理。"


def test_an_anonymous_complaint_is_followed_only_by_its_receipts_qr_code(kiosk, platform):
    from kiosk.flows.case_codes import feedback_qr
    from kiosk.flows.case_progress import CaseProgress
    sync, feedback, session, link = kiosk
    complain = fb.ComplainFlow(feedback, sync, session, lambda: True)
    complain.load()
    assert {"service_item", "window", "waiting", "kiosk", "other"} <= \
        {c["code"] for c in complain.categories}
    complain.choose("kiosk")
    complain.set_anonymous(True)
    complain.text = "触摸屏右下角不太灵敏，点了好几次。"
    assert complain.submit()
    assert delivered(sync, platform, "complaint")["count"] == 1
    state = fb.sent_state(feedback, complain.sent)
    assert state["state"] == "received"
    record = platform.admin.received(kind="complaint", include="records")["records"][0]
    assert "who" not in record["payload"] and record["payload"]["anonymous"] is True
    cases = PlatformCases(link.client)
    assert state["case_no"] not in [c.case_no for c in cases.for_person(PERSON.id_number)]
    platform.admin.call("/api/v1/admin/feedback/answer",
                        {"reference": complain.sent.reference, "answer": "已调换触摸屏。"})
    nobody = Session()                                   # anyone holding the receipt, later
    view = CaseProgress(cases, nobody)
    assert view.open(code=feedback_qr(complain.sent.reference))
    view.work()
    assert view.step == "detail" and view.chosen.item_name == "投诉：自助终端"
    assert view.chosen.steps[-1].note == "已调换触摸屏。"


def test_a_receipt_scanned_before_its_record_arrived_says_so(kiosk, platform):
    from kiosk.flows.case_codes import feedback_qr
    from kiosk.flows.case_progress import CaseProgress
    sync, feedback, session, link = kiosk
    ask = fb.AskFlow(feedback, sync, session, lambda: True)
    ask.text = "办事大厅周六开门吗？"
    assert ask.submit()                                  # still in this kiosk's outbox
    view = CaseProgress(PlatformCases(link.client), Session())
    assert view.open(code=feedback_qr(ask.sent.reference))
    view.work()
    assert view.problem == "feedback_not_arrived"


def test_a_correction_lists_the_data_held_and_arrives_with_its_proof(kiosk, platform):
    sync, feedback, session, link = kiosk
    correct = fb.CorrectFlow(feedback, sync, session, lambda: True)
    correct.load()
    person = next(r for r in correct.records if r["record"] == "person")
    assert {"field": "address", "label": "住址", "value": "示范省示范市演示区样例路8号",
            "proof_needed": False} in person["fields"]
    correct.choose("person", "address")
    correct.text = "示范省示范市演示区样例路18号"
    assert correct.submit()
    assert delivered(sync, platform, "correction")["count"] == 1
    state = fb.sent_state(feedback, correct.sent)
    case = next(c for c in PlatformCases(link.client).for_person(PERSON.id_number)
                if c.case_no == state["case_no"])
    assert case.item_name == "数据纠错：个人基本信息" and case.department == "公安局"


def test_the_correctable_data_is_only_the_identified_persons(kiosk, platform):
    _sync, feedback, session, _link = kiosk
    with pytest.raises(Exception) as refused:
        feedback.correctable("990102197503020011")          # someone else's number
    assert getattr(refused.value, "status", None) in (401, 403)
