"""Check my case without Qt: every state a case can be in, every way in (identity, receipt QR,
typed number), every bad input, offline, and the rule that nothing personal is shown to someone who
has not identified as the applicant."""
from __future__ import annotations

import datetime as dt

import pytest

from devices.virtual.escpos_printer import Parser, VirtualEscposPrinter
from kiosk.flows import case_codes
from kiosk.flows.case_codes import CaseCodeError, accepts, formatted, normalise, read_qr
from kiosk.flows.case_model import CaseDataError, parse_case
from kiosk.flows.case_progress import CaseProgress
from kiosk.flows.case_slip import progress_slip
from kiosk.flows.case_source import CaseLookupError
from kiosk.session import Identity, Session

TODAY = dt.date(2026, 12, 1)
PERSON = Identity("idcard", "林示例", "990101198805160026")
OTHER = Identity("idcard", "王测试", "990102195007040014")
FOLLOW = "https://zwfw.shifan.example/case/"


def case(no: str, status: str, promised: str = "2026-12-10", **extra) -> dict:
    order = ["submitted", "accepted", "under_review"]
    steps = [{"step": s, "at": "2026-11-20T09:00:00+08:00"} for s in order[:order.index(status) + 1]] \
        if status in order else [{"step": "submitted", "at": "2026-11-20T09:00:00+08:00"},
                                 {"step": status, "at": "2026-11-25T10:00:00+08:00",
                                  **({"note": extra.pop("note")} if "note" in extra else {})}]
    return {"case_no": no, "item_code": "1199010002JF00203000", "item_name": "失业保险金申领",
            "department": "人力资源和社会保障局", "window": "一楼B区9-16号窗口", "channel": "kiosk",
            "submitted_at": "2026-11-20T09:00:00+08:00", "promised_by": promised,
            "status": status, "steps": steps, "follow_url": FOLLOW + no, "personal": True,
            "applicant": "林**", **extra}


LOCKER = {"method": "locker", "place": "24小时自助区", "locker": "3号柜 B12格", "pickup_code": "604918",
          "pickup_until": "2026-12-08"}
POST = {"method": "post", "carrier": "中国邮政EMS", "tracking_no": "EM990100123456789CN"}
MINE = [
    case("SL-990100-20261120-000123", "under_review", promised="2026-11-25"),          # overdue
    case("SL-990100-20261120-000124", "corrections_requested", promised="2026-11-28",
         corrections={"missing": ["户口簿复印件", "收入证明"], "deadline": "2026-12-05"}),
    case("SL-990100-20261120-000126", "issued", collection=LOCKER),
    case("SL-990100-20261120-000127", "issued", collection=POST),
    case("SL-990100-20261120-000129", "issued", collection={"method": "elicence",
                                                           "document": "退役军人优待证"}),
    case("SL-990100-20261120-000130", "refused", note="缴存不满6个月"),
    case("SL-990100-20261120-000131", "not_accepted", note="户籍不在本辖区"),
    case("SL-990100-20261120-000132", "collected",
         collection={"method": "window", "place": "三楼G区"}),
]


def public(data: dict) -> dict:
    collection = {k: v for k, v in (data.get("collection") or {}).items()
                  if k not in ("tracking_no", "locker", "pickup_code")}
    out = {**data, "personal": False, "collection": collection or None}
    out.pop("applicant")
    return out


class FakeCases:
    """The platform as the flow sees it: the person's cases, public lookups, and failures."""

    def __init__(self, cases=MINE, owner=PERSON.id_number, fail: str | None = None,
                 receipts: dict | None = None):
        self.cases, self.owner, self.fail = cases, owner, fail
        self.receipts = receipts or {}
        self.calls: list[tuple[str, str]] = []

    def _check(self):
        if self.fail:
            raise CaseLookupError("down", self.fail)

    def for_person(self, id_number):
        self.calls.append(("person", id_number))
        self._check()
        return [parse_case(c) for c in self.cases] if id_number == self.owner else []

    def by_number(self, case_no):
        self.calls.append(("number", case_no))
        self._check()
        for c in self.cases:
            if c["case_no"] == case_no:
                return parse_case(public(c))
        raise CaseLookupError("no such case", "case_not_found")

    def by_receipt(self, code):
        self.calls.append(("receipt", code))
        self._check()
        outcome = self.receipts.get(code, "not_a_case_code")
        if outcome in ("receipt_expired", "not_a_case_code", "case_not_found"):
            raise CaseLookupError("refused", outcome)
        return self.by_number(outcome)


class Printer:
    def __init__(self, ready=True, fail=None):
        self.ready, self.fail, self.printed = ready, fail, []

    def available(self):
        return self.ready

    def print_receipt(self, kind, ref, build):
        if self.fail:
            from devices.receipt.errors import ReceiptPrinterError
            raise ReceiptPrinterError("jammed", self.fail)
        data = build(48, "示范市政务服务中心", "K-1")
        self.printed.append((kind, ref, data))
        return {"result": "completed"}


def session(identity=None) -> Session:
    s = Session()
    s.identity = identity
    return s


def flow(source=None, identity=PERSON, online=lambda: True, **kw) -> CaseProgress:
    return CaseProgress(FakeCases() if source is None else source, session(identity), online,
                        today=lambda: TODAY, **kw)


def run(f: CaseProgress, started: bool) -> CaseProgress:
    assert started, f.problem
    f.work()
    return f


# ---- case numbers and QR codes -----------------------------------------------------------------
def test_the_keypad_takes_two_letters_then_twenty_digits_and_places_the_dashes():
    typed = ""
    for key in "SL99010020261122000123":
        assert accepts(typed, key), (typed, key)
        typed += key
    assert formatted(typed) == case_codes.EXAMPLE
    assert not accepts("", "9") and not accepts("S", "1") and not accepts("SL", "A")
    assert not accepts(typed, "1")                      # full: nothing more
    assert formatted("SL9901") == "SL-9901"


@pytest.mark.parametrize("text", ["sl-990100-20261122-000123", "SL99010020261122000123",
                                  " SL 990100 20261122 000123 "])
def test_typed_or_printed_numbers_are_normalised(text):
    assert normalise(text) == "SL-990100-20261122-000123"


@pytest.mark.parametrize("text", ["", "SL-990100-2026112-000123", "S1-990100-20261122-000123",
                                  "SL-990100-20261122-00012X", "ＳＬ99010020261122000123"])
def test_what_is_not_a_case_number_is_refused(text):
    with pytest.raises(CaseCodeError) as refused:
        normalise(text)
    assert refused.value.code == "case_number_invalid"


def test_qr_codes_name_a_case_three_ways_and_nothing_else_is_one():
    signed = FOLLOW + "SL-990100-20261122-000123?e=20270101&s=0123456789ab"
    assert read_qr(signed) == case_codes.ScannedCase("SL-990100-20261122-000123", signed)
    assert read_qr(FOLLOW + "SL-990100-20261122-000123").receipt is None          # our slip
    assert read_qr("SL-990100-20261122-000123").receipt is None                  # window notice
    for other in ("https://zwfw.shifan.example/bszn/1199010001XK00101001", "eid:abcdef",
                  "https://x.example/case/not-a-number", "hello"):
        with pytest.raises(CaseCodeError) as refused:
            read_qr(other)
        assert refused.value.code == "not_a_case_code"


# ---- by identity -------------------------------------------------------------------------------
def test_the_identified_citizen_sees_every_case_of_theirs():
    f = flow()
    assert f.open() is True and f.step == "list" and f.busy
    f.work()
    assert f.listed and not f.busy and f.problem is None
    # what needs the citizen first: materials owed, results to collect, late, running, finished
    assert [c.case_no[-3:] for c in f.cases] == ["124", "126", "127", "129", "123", "130", "131",
                                                 "132"]
    assert f.source.calls == [("person", PERSON.id_number)]


def test_without_identity_the_flow_asks_how_and_calls_nothing():
    source = FakeCases()
    f = flow(source, identity=None)
    assert f.open() is False and f.step == "start"
    assert source.calls == []
    assert f.show_my_cases() is False and f.step == "start"


def test_overdue_is_worked_out_from_the_promised_date_and_stops_for_corrections():
    f = flow()
    run(f, f.open())
    by_no = {c.case_no[-3:]: c for c in f.cases}
    assert by_no["123"].overdue(TODAY) and by_no["123"].overdue_days(TODAY) == 6
    assert not by_no["124"].overdue(TODAY)          # promised date passed, but corrections owed
    assert not by_no["130"].overdue(TODAY)          # decided
    assert not by_no["123"].overdue(dt.date(2026, 11, 25))        # on the day itself: not yet


def test_corrections_show_what_is_missing_and_the_deadline():
    f = flow()
    run(f, f.open())
    f.choose("SL-990100-20261120-000124")
    shown = f.shown
    assert shown.missing == ("户口簿复印件", "收入证明")
    assert shown.corrections_deadline == dt.date(2026, 12, 5)
    assert shown.next_code == "hand_in_corrections"
    assert not shown.corrections_late(TODAY) and shown.corrections_late(dt.date(2026, 12, 6))


@pytest.mark.parametrize("last, next_code", [("126", "collect_locker"), ("127", "collect_post"),
                                             ("129", "collect_elicence"), ("130", "see_reason"),
                                             ("131", "see_reason"), ("132", "done"),
                                             ("123", "await_decision")])
def test_what_happens_next_follows_the_step_and_the_way_of_collecting(last, next_code):
    f = flow()
    run(f, f.open())
    f.choose(f"SL-990100-20261120-000{last}")
    assert f.shown.next_code == next_code


def test_refusal_and_non_acceptance_carry_their_reason():
    f = flow()
    run(f, f.open())
    f.choose("SL-990100-20261120-000130")
    assert f.shown.reason == "缴存不满6个月"
    f.back_to_list()
    f.choose("SL-990100-20261120-000131")
    assert f.shown.reason == "户籍不在本辖区" and f.shown.status == "not_accepted"


def test_the_identified_owner_sees_locker_pickup_code_and_tracking_number():
    f = flow()
    run(f, f.open())
    f.choose("SL-990100-20261120-000126")
    assert f.personal and f.shown.collection["pickup_code"] == "604918"
    f.back_to_list()
    f.choose("SL-990100-20261120-000127")
    assert f.shown.collection["tracking_no"] == "EM990100123456789CN"
    assert f.shown.offers_elicence is False


def test_finishing_offers_the_rating_of_a_decided_case_or_of_the_query_itself():
    f = flow()
    run(f, f.open())
    assert f.next_step.item_code == "" and f.next_step.subject == "办件查询"      # the list
    f.choose("SL-990100-20261120-000123")
    assert f.next_step.item_code == "" and f.next_step.then == "end_session"   # still open
    f.back_to_list()
    f.choose("SL-990100-20261120-000132")
    offer = f.next_step
    assert offer.item_code == "1199010002JF00203000" and offer.subject == "失业保险金申领"
    assert offer.then == "end_session" and offer.params()["offered"] is True


def test_choosing_a_case_not_in_the_list_is_refused():
    f = flow()
    run(f, f.open())
    with pytest.raises(CaseLookupError):
        f.choose("SL-990100-20261120-999999")


# ---- by receipt QR code or typed number ---------------------------------------------------------
def test_a_typed_number_shows_the_public_view_without_identity():
    source = FakeCases()
    f = flow(source, identity=None)
    run(f, f.open(case_no="sl99010020261120000126"))
    assert f.step == "detail" and not f.personal
    assert f.shown.status == "issued" and f.shown.collection == {
        "method": "locker", "place": "24小时自助区", "pickup_until": "2026-12-08"}
    assert f.shown.applicant == ""
    assert source.calls == [("number", "SL-990100-20261120-000126")]


def test_a_signed_receipt_goes_to_the_platform_and_the_bare_number_does_not_need_to():
    code = FOLLOW + "SL-990100-20261120-000124?e=20270101&s=0123456789ab"
    source = FakeCases(receipts={code: "SL-990100-20261120-000124"})
    f = flow(source, identity=None)
    run(f, f.open(code=code))
    assert f.step == "detail" and f.shown.status == "corrections_requested"
    assert source.calls[0] == ("receipt", code)
    f2 = flow(source, identity=None)
    run(f2, f2.open(code="SL-990100-20261120-000124"))
    assert source.calls[-1] == ("number", "SL-990100-20261120-000124")


def test_someone_elses_case_stays_public_after_identifying():
    source = FakeCases()
    f = flow(source, identity=OTHER)
    run(f, f.open(case_no="SL-990100-20261120-000126"))
    assert f.step == "detail" and not f.personal
    assert "pickup_code" not in f.shown.collection


def test_the_owner_who_identified_gets_the_persons_view_of_a_looked_up_case():
    f = flow(identity=PERSON)
    run(f, f.open(case_no="SL-990100-20261120-000126"))
    assert f.personal and f.shown.collection["pickup_code"] == "604918"


@pytest.mark.parametrize("kw, code", [
    ({"case_no": "SL-990100-20261120-999999"}, "case_not_found"),
    ({"code": FOLLOW + "SL-990100-20261120-000124?e=20250101&s=0123456789ab"}, "receipt_expired"),
    ({"code": FOLLOW + "SL-990100-20261120-000124?e=20270101&s=ffffffffffff"}, "not_a_case_code"),
])
def test_bad_lookups_end_in_their_own_code(kw, code):
    receipts = {FOLLOW + "SL-990100-20261120-000124?e=20250101&s=0123456789ab": "receipt_expired"}
    f = flow(FakeCases(receipts=receipts), identity=None)
    run(f, f.open(**kw))
    assert f.problem == code and f.step == "start" and f.shown is None


def test_codes_that_are_not_case_codes_never_reach_the_platform():
    source = FakeCases()
    f = flow(source, identity=None)
    assert f.open(code="eid:0123456789") is False and f.problem == "not_a_case_code"
    assert f.open(case_no="12345") is False and f.problem == "case_number_invalid"
    assert source.calls == []


# ---- offline -------------------------------------------------------------------------------------
def test_known_offline_says_so_at_once_without_trying():
    source = FakeCases()
    f = flow(source, online=lambda: False)
    assert f.open() is False and f.problem == "case_offline" and not f.busy
    assert f.open(case_no="SL-990100-20261120-000126") is False and f.problem == "case_offline"
    assert source.calls == []


def test_the_platform_going_away_mid_call_ends_in_the_offline_code():
    f = flow(FakeCases(fail="case_offline"), online=lambda: None)
    run(f, f.open())
    assert f.problem == "case_offline" and not f.busy and f.cases == []


def test_no_platform_source_counts_as_offline():
    f = CaseProgress(None, session(PERSON), today=lambda: TODAY)
    assert f.open() is False and f.problem == "case_offline"


def test_an_unplanned_failure_is_a_code_not_a_hang():
    class Broken(FakeCases):
        def for_person(self, id_number):
            raise RuntimeError("bug")
    f = flow(Broken())
    run(f, f.open())
    assert f.problem == "case_lookup_failed" and not f.busy


def test_a_late_answer_after_leaving_is_dropped():
    f = flow()
    assert f.open()
    f.forget()
    f.work()
    assert f.cases == [] and f.step == "start"


def test_malformed_platform_data_is_refused():
    with pytest.raises(CaseDataError):
        parse_case({"case_no": "x"})
    with pytest.raises(CaseDataError):
        parse_case({**MINE[0], "status": "lost"})
    with pytest.raises(CaseDataError):
        parse_case({**MINE[0], "promised_by": "soon"})


# ---- the progress slip ----------------------------------------------------------------------------
def parse(data: bytes):
    sink = VirtualEscposPrinter()
    Parser(sink).feed(data)
    return sink.receipts


def test_the_slip_prints_number_item_step_next_step_and_qr_but_nothing_personal():
    printer = Printer()
    f = flow(receipts=printer)
    run(f, f.open())
    f.choose("SL-990100-20261120-000126")
    assert f.offers_slip and f.start_slip() and f.slip == "printing"
    f.print_slip()
    assert f.slip == "printed"
    kind, ref, data = printer.printed[0]
    assert (kind, ref) == ("case-progress", "SL-990100-20261120-000126")
    printed = parse(data)[0]
    text = printed.text
    assert "SL-990100-20261120-000126" in text and "失业保险金申领" in text
    assert "结果已出具" in text and "智能文件柜" in text
    assert "604918" not in text and "B12" not in text and "林" not in text
    assert printed.qr_payloads == [FOLLOW + "SL-990100-20261120-000126"]


def test_the_slip_says_overdue_and_lists_missing_materials():
    overdue = parse(progress_slip(parse_case(MINE[0]), "大厅", "K-1", TODAY))[0].text
    assert "已超过承诺时限 6 天" in overdue
    corrections = parse(progress_slip(parse_case(MINE[1]), "大厅", "K-1", TODAY))[0].text
    assert "户口簿复印件" in corrections and "2026-12-05" in corrections
    assert "超过承诺时限" not in corrections


def test_no_printer_or_a_failing_printer_ends_in_a_code():
    f = flow(receipts=Printer(ready=False))
    run(f, f.open())
    f.choose("SL-990100-20261120-000123")
    assert not f.offers_slip and f.start_slip() is False and f.slip == "receipt_unavailable"
    f = flow(receipts=Printer(fail="receipt_paper_out"))
    run(f, f.open())
    f.choose("SL-990100-20261120-000123")
    assert f.start_slip()
    f.print_slip()
    assert f.slip == "receipt_paper_out"


def test_the_printed_slip_is_readable_and_its_qr_code_scans_back_to_the_case():
    import io

    import numpy as np
    from PIL import Image

    from devices.camera import qr
    printed = parse(progress_slip(parse_case(MINE[1]), "示范市政务服务中心", "K-1", TODAY))[0]
    picture = np.asarray(Image.open(io.BytesIO(printed.png)).convert("RGB"))[:, :, ::-1].copy()
    assert picture.shape[1] == 576 and int((picture < 128).sum()) > 2000       # print on paper
    assert qr.decode_first(picture) == FOLLOW + "SL-990100-20261120-000124"
    assert read_qr(qr.decode_first(picture)).case_no == "SL-990100-20261120-000124"


def test_corrections_go_to_the_application_flow_where_the_kiosk_takes_the_item():
    asked = []

    def takes(item_code):
        asked.append(item_code)
        return True
    f = flow(takes_applications=takes)
    run(f, f.open())
    assert asked == ["1199010002JF00203000"]          # only the case owing materials is asked
    f.choose("SL-990100-20261120-000124")
    assert f.corrections_here
    assert f.correction_params() == {"code": "1199010002JF00203000",
                                     "correct": "SL-990100-20261120-000124",
                                     "missing": ("户口簿复印件", "收入证明")}
    f.back_to_list()
    f.choose("SL-990100-20261120-000123")
    assert not f.corrections_here                      # nothing owed on this one


def test_corrections_are_not_handed_in_here_for_someone_else_or_an_item_not_taken():
    anonymous = flow(FakeCases(), identity=None, takes_applications=lambda code: True)
    run(anonymous, anonymous.open(case_no="SL-990100-20261120-000124"))
    assert anonymous.step == "detail" and not anonymous.corrections_here     # not identified
    not_taken = flow(takes_applications=lambda code: False)
    run(not_taken, not_taken.open())
    not_taken.choose("SL-990100-20261120-000124")
    assert not not_taken.corrections_here

    def unreachable(code):
        raise CaseLookupError("down", "case_offline")
    unknown = flow(takes_applications=unreachable)
    run(unknown, unknown.open())
    unknown.choose("SL-990100-20261120-000124")
    assert unknown.problem is None and not unknown.corrections_here   # says where instead
