"""The print-my-licences flow (kiosk.flows.print_licences) without Qt, through the real
CertificateService, the CUPS stand-in and the reference platform: the face-check gate, the
citizen's documents, a preview of the exact bytes, copies on paper, a jam with the one retry."""
from __future__ import annotations

import pytest

from kiosk.flows.face_policy import mark_face_verified
from kiosk.flows.print_licences import FACE_CHECK_REQUIRED, FaceCheckSupport, PrintLicences, PrintLicencesError
from kiosk.session import Identity, Session

PERSON = Identity("idcard", "欧阳建国", "990101198001011234")


@pytest.fixture
def session():
    s = Session()
    s.identity = PERSON
    return s


def _open(service, session) -> PrintLicences:
    flow = PrintLicences(service, session, FaceCheckSupport(enabled=True, has_camera=True))
    flow.open()
    flow.fetch_documents()
    return flow


def _doc(flow, kind):
    return next(d["doc_id"] for d in flow.documents if d["kind"] == kind)


def test_print_a_licence_end_to_end(service, standin, session):
    flow = PrintLicences(service, session, FaceCheckSupport(enabled=True, has_camera=True))
    with pytest.raises(PrintLicencesError) as err:
        flow.open()
    assert err.value.code == FACE_CHECK_REQUIRED
    mark_face_verified(session)
    flow = _open(service, session)
    assert flow.list_error is None
    assert {d["kind"] for d in flow.documents} >= {"household_register", "business_licence"}
    flow.choose(_doc(flow, "household_register"))
    flow.prepare_chosen()
    assert flow.step == "preview" and flow.prepared.pages >= 1
    assert flow.preview_png.startswith(b"\x89PNG")
    flow.set_copies(2)
    before = len(standin.printed())
    assert flow.start_printing()
    flow.print_chosen()
    assert flow.completed, flow.result_code
    assert flow.progress != "submitted"                # CUPS reported how the job went
    assert len(standin.printed()) == before + 1
    assert standin.job_env(standin.printed()[-1])["IPP_COPIES"] == "2"
    offer = flow.next_step
    assert offer is not None and offer.then == "end_session" and offer.subject


def test_a_jam_gets_one_retry_then_staff(service, standin, session):
    mark_face_verified(session)
    flow = _open(service, session)
    flow.choose(_doc(flow, "business_licence"))
    flow.prepare_chosen()
    standin.set_mode("media-jam")
    assert flow.start_printing()
    flow.print_chosen()
    assert flow.result_code == "paper_jam" and flow.can_retry
    standin.reset_printer()
    standin.set_mode("media-jam")                    # jams again on the retry
    assert flow.start_printing()
    flow.print_chosen()
    assert flow.result_code == "paper_jam" and not flow.can_retry
    standin.reset_printer()
    assert flow.start_printing() is False and flow.result_code == "retry_not_allowed"
    staff = PrintLicences(service, session, FaceCheckSupport(True, True), actor="staff")
    staff.open()
    staff.fetch_documents()
    staff.choose(_doc(staff, "business_licence"))
    staff.prepare_chosen()
    assert staff.start_printing()
    staff.print_chosen()
    assert staff.completed, staff.result_code
