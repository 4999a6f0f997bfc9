"""The print-my-licences flow without Qt: the face-check gate, list, preview, copies, printing with
progress, the retry rule (the service's RetryPolicy), receipts, result codes, the rating offer.

The printing service here is a fake with the typed interface the flow declares (CertificatePrinting)
and the real RetryPolicy; tests/printing/test_print_flow.py drives the same flow through the real
CertificateService, the CUPS stand-in and the reference platform."""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from kiosk.flows.evaluation import RatingOffer
from kiosk.flows.face_policy import mark_face_verified
from kiosk.flows.print_licences import (FACE_CHECK_REQUIRED, IDENTITY_REQUIRED, MAX_COPIES,
                                        PRINTING_UNAVAILABLE, FaceCheckSupport, PrintLicences,
                                        PrintLicencesError, failure_kind)
from kiosk.session import Identity, Session
from printing.errors import DocumentRejected, JobFailed
from printing.service import RetryPolicy
from printing.source import SourceError

PERSON = Identity("idcard", "欧阳建国", "990101198001011234")
DOCS = [{"doc_id": "d-hr", "kind": "household_register", "title": "户籍信息摘录", "issuer": "公安局",
         "valid_until": "2027-01-01", "format": "rendered", "serial": "S-1"},
        {"doc_id": "d-re", "kind": "real_estate_record", "title": "不动产登记信息", "issuer": "不动产登记中心",
         "valid_until": "2027-01-01", "format": "signed-pdf", "serial": "S-2"}]
NO_FACE = FaceCheckSupport(enabled=False, has_camera=False)
FACE = FaceCheckSupport(enabled=True, has_camera=True)


@dataclass(frozen=True)
class FakePrepared:
    doc_id: str
    title: str
    pdf: bytes
    pages: int


class FakeSource:
    def __init__(self, docs=DOCS, error: Exception | None = None):
        self.docs, self.error, self.asked = docs, error, []

    def list_for(self, id_number, name):
        self.asked.append((id_number, name))
        if self.error is not None:
            raise self.error
        return list(self.docs)


class FakeService:
    """CertificatePrinting: attempts counted the way CertificateService counts them, the rule
    asked of the real RetryPolicy; `faults` are raised by the next prints, in order."""

    def __init__(self, source=None, policy=RetryPolicy()):
        self.source = source or FakeSource()
        self.policy = policy
        self.attempts: dict[str, int] = {}
        self.faults: list[Exception] = []
        self.rejected: set[str] = set()
        self.printed: list[tuple[str, int, str]] = []
        self.during_prepare = lambda: None

    def can_print(self, doc_id, actor="citizen"):
        return self.policy.allows(actor, self.attempts.get(doc_id, 0))

    def prepare(self, doc_id):
        self.during_prepare()
        if doc_id in self.rejected:
            raise DocumentRejected("signature does not match", "document_modified")
        return FakePrepared(doc_id, doc_id, b"%PDF-fake " + doc_id.encode(), 2)

    def print(self, doc, copies=1, actor="citizen", on_progress=None):
        self.attempts[doc.doc_id] = self.attempts.get(doc.doc_id, 0) + 1
        for step in ("submitted", "printing"):
            on_progress(step)
        if self.faults:
            raise self.faults.pop(0)
        self.printed.append((doc.doc_id, copies, actor))
        on_progress("finishing")


class FakeReceipts:
    def __init__(self, ready=True, fail=None):
        self.ready, self.fail, self.printed = ready, fail, []

    def available(self):
        return self.ready

    def print_receipt(self, kind, ref, build):
        data = build(32, "示范市政务服务中心", "KIOSK-1")
        if self.fail is not None:
            raise self.fail
        self.printed.append((kind, ref, data))
        return {"result": "completed"}


def identified(face_verified: bool = False) -> Session:
    session = Session()
    session.identity = PERSON
    if face_verified:
        mark_face_verified(session)
    return session


def opened(service=None, session=None, face=NO_FACE, **kw) -> PrintLicences:
    flow = PrintLicences(service or FakeService(), session or identified(), face,
                         preview=lambda pdf: b"\x89PNG" + pdf[:4], **kw)
    flow.open()
    flow.fetch_documents()
    return flow


def previewed(kind_id="d-hr", **kw) -> PrintLicences:
    flow = opened(**kw)
    flow.choose(kind_id)
    flow.prepare_chosen()
    return flow


# ---- the gate -----------------------------------------------------------------------------------
def test_no_printing_service_or_no_identity_is_refused_with_a_code():
    flow = PrintLicences(None, identified(), NO_FACE)
    with pytest.raises(PrintLicencesError) as err:
        flow.open()
    assert err.value.code == PRINTING_UNAVAILABLE and flow.blocked == PRINTING_UNAVAILABLE
    source = FakeSource()
    flow = PrintLicences(FakeService(source), Session(), NO_FACE)
    with pytest.raises(PrintLicencesError) as err:
        flow.open()
    assert err.value.code == IDENTITY_REQUIRED
    with pytest.raises(PrintLicencesError):
        flow.fetch_documents()
    assert source.asked == []


def test_face_check_comes_before_the_list_where_the_kiosk_has_a_camera():
    source = FakeSource()
    session = identified()
    flow = PrintLicences(FakeService(source), session, FACE)
    with pytest.raises(PrintLicencesError) as err:
        flow.open()
    assert err.value.code == FACE_CHECK_REQUIRED
    with pytest.raises(PrintLicencesError) as err:      # a screen that ignored open() gets nothing
        flow.fetch_documents()
    assert err.value.code == FACE_CHECK_REQUIRED and source.asked == [] and flow.documents == []
    mark_face_verified(session)
    flow.open()
    flow.fetch_documents()
    assert [d["doc_id"] for d in flow.documents] == ["d-hr", "d-re"]
    assert source.asked == [(PERSON.id_number, PERSON.name)]


@pytest.mark.parametrize("face", [FaceCheckSupport(enabled=True, has_camera=False),
                                  FaceCheckSupport(enabled=False, has_camera=True)])
def test_no_face_check_without_a_camera_or_with_face_verification_off(face):
    flow = opened(face=face)
    assert flow.blocked is None and len(flow.documents) == 2


def test_a_wiped_session_is_no_longer_verified():
    session = identified(face_verified=True)
    flow = opened(session=session, face=FACE)
    assert flow.listed
    session.wipe()
    session.identity = Identity("idcard", "张三", "990101199001011235")   # the next citizen
    with pytest.raises(PrintLicencesError) as err:
        flow.open()
    assert err.value.code == FACE_CHECK_REQUIRED


# ---- list, preview, copies ----------------------------------------------------------------------
def test_listing_needs_the_platform_and_says_so():
    flow = opened(service=FakeService(FakeSource(error=SourceError("POST /query: ConnectTimeout"))))
    assert flow.step == "list" and flow.listed and flow.documents == []
    assert flow.list_error == "platform_unreachable"
    assert failure_kind(flow.list_error) == "platform_unreachable" and not flow.busy


def test_choose_prepares_a_preview_and_copies_stay_within_limits():
    flow = opened()
    flow.choose("d-hr")
    assert flow.step == "preview" and flow.prepared is None and flow.busy
    flow.prepare_chosen()
    assert flow.prepared.doc_id == "d-hr" and flow.preview_png.startswith(b"\x89PNG")
    assert not flow.busy and flow.copies == 1
    flow.fewer_copies()
    assert flow.copies == 1
    for _ in range(MAX_COPIES + 3):
        flow.more_copies()
    assert flow.copies == MAX_COPIES
    flow.set_copies(2)
    assert flow.copies == 2
    with pytest.raises(PrintLicencesError):
        flow.choose("not-in-the-list")


def test_going_back_while_preparing_drops_the_late_result():
    service = FakeService()
    flow = opened(service=service)
    flow.choose("d-hr")
    service.during_prepare = flow.back_to_list      # the citizen taps Back while it renders
    flow.prepare_chosen()
    assert flow.step == "list" and flow.prepared is None and flow.preview_png == b""


def test_leaving_forgets_the_rendered_document():
    flow = previewed()
    flow.forget()
    assert flow.prepared is None and flow.preview_png == b""


# ---- printing and the retry rule ----------------------------------------------------------------
def test_print_reports_progress_and_completes_with_a_rating_offer():
    service = FakeService()
    flow = previewed(service=service)
    flow.set_copies(2)
    assert flow.start_printing() and flow.step == "printing" and flow.progress == "submitted"
    flow.print_chosen()
    assert flow.completed and flow.failure is None and not flow.busy
    assert flow.progress == "finishing"
    assert service.printed == [("d-hr", 2, "citizen")]
    assert flow.next_step == RatingOffer("", "户籍信息摘录", then="end_session")


def test_a_failed_print_offers_no_rating():
    service = FakeService()
    service.faults = [JobFailed("jammed", "paper_jam")]
    flow = previewed(service=service)
    flow.start_printing()
    flow.print_chosen()
    assert flow.result_code == "paper_jam" and flow.failure == "paper_jam"
    assert flow.next_step is None


def test_a_citizen_gets_one_retry_then_staff_must_take_over():
    service = FakeService()
    service.faults = [JobFailed("jammed", "paper_jam"), JobFailed("jammed", "paper_jam")]
    flow = previewed(service=service)
    flow.start_printing()
    flow.print_chosen()
    assert flow.can_retry                               # the first print failed: one retry left
    flow.start_printing()
    flow.print_chosen()
    assert flow.failure == "paper_jam" and not flow.can_retry
    assert flow.start_printing() is False
    assert flow.step == "result" and flow.result_code == "retry_not_allowed"
    assert flow.failure == "retry_not_allowed" and service.printed == []


def test_staff_may_retry_any_number_of_times():
    service = FakeService()
    service.faults = [JobFailed("jam", "paper_jam")] * 4
    flow = previewed(service=service, actor="staff")
    for _ in range(4):
        assert flow.start_printing()
        flow.print_chosen()
        assert flow.failure == "paper_jam" and flow.can_retry
    assert flow.start_printing()
    flow.print_chosen()
    assert flow.completed and service.printed == [("d-hr", 1, "staff")]


def test_the_retry_rule_is_the_services_policy():
    service = FakeService(policy=RetryPolicy(citizen_attempts=1))      # no retry at this kiosk
    service.faults = [JobFailed("jam", "paper_jam")]
    flow = previewed(service=service)
    flow.start_printing()
    flow.print_chosen()
    assert not flow.can_retry


def test_a_document_that_failed_its_check_is_never_offered_again():
    service = FakeService()
    service.rejected = {"d-re"}
    flow = previewed("d-re", service=service)
    assert flow.step == "result" and flow.result_code == "document_modified"
    assert flow.failure == "rejected" and not flow.can_retry and flow.prepared is None
    with pytest.raises(PrintLicencesError):
        flow.start_printing()


def test_an_unplanned_exception_is_a_coded_failure_not_a_crash():
    service = FakeService()
    service.faults = [RuntimeError("driver bug")]
    flow = previewed(service=service)
    flow.start_printing()
    flow.print_chosen()
    assert flow.result_code == "printing_error" and flow.failure == "other"


@pytest.mark.parametrize("code, kind", [("paper_out", "paper_out"), ("paper-out", "other"),
                                        ("print_service_down", "printer_down"),
                                        ("signature_untrusted", "rejected"),
                                        ("preview_unavailable", "cannot_render"),
                                        ("document_missing", "platform_unreachable"),
                                        ("something-new", "other"), (None, "other")])
def test_failure_kinds_know_the_snake_case_codes_only(code, kind):
    assert failure_kind(code) == kind


# ---- receipt ------------------------------------------------------------------------------------
def printed_flow(receipts):
    flow = previewed(receipts=receipts)
    flow.set_copies(3)
    flow.start_printing()
    flow.print_chosen()
    return flow


def test_receipt_after_a_completed_print():
    receipts = FakeReceipts()
    flow = printed_flow(receipts)
    assert flow.offers_receipt
    flow.start_receipt()
    flow.print_receipt()
    assert flow.receipt == "printed" and not flow.busy
    [(kind, ref, data)] = receipts.printed
    assert kind == "print-job" and ref == "d-hr"
    assert "户籍信息摘录".encode("gb18030") in data


def test_no_receipt_offered_when_the_receipt_printer_cannot_print():
    assert not printed_flow(FakeReceipts(ready=False)).offers_receipt
    assert not printed_flow(None).offers_receipt


def test_a_failed_receipt_is_said_and_the_print_stays_completed():
    from devices.receipt.errors import NotReady
    flow = printed_flow(FakeReceipts(fail=NotReady("paper out", "receipt_paper_out")))
    flow.start_receipt()
    flow.print_receipt()
    assert flow.receipt == "failed" and flow.completed
