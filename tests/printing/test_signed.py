"""Signed PDFs from the platform: verified with pyHanko before printing; tampered ones refused with
a code for the citizen and a record for staff."""
from __future__ import annotations

import pytest
import requests

from printing import signed
from printing.errors import DocumentRejected
from reference_platform.routes_documents import make_test_pki

PERSON_ID = "990101198001011234"      # the person of conftest.person_docs


@pytest.fixture
def signed_doc(platform, person_docs):
    doc = person_docs["real_estate_record"]
    assert doc["format"] == "signed-pdf"
    pdf = requests.get(f"{platform.url}/api/v1/documents/{doc['doc_id']}/pdf", timeout=10,
                       headers=platform.citizen_headers(PERSON_ID)).content
    root = requests.get(f"{platform.url}/api/v1/documents/trust-root", timeout=5,
                        headers=platform.kiosk_headers()).content
    return doc, pdf, root


def test_platform_signed_pdf_verifies(signed_doc):
    _, pdf, root = signed_doc
    check = signed.verify(pdf, root)
    assert check.signatures == 1 and check.pages == 1
    assert "Document Signer" in check.signer


def _flip_inside_content(pdf: bytes) -> bytes:
    at = pdf.index(b"stream", 200) + 20          # a byte inside the first content stream
    return pdf[:at] + bytes([pdf[at] ^ 0x01]) + pdf[at + 1:]


@pytest.mark.parametrize("tamper, code", [
    (_flip_inside_content, "document_modified"),
    (lambda pdf: pdf + b"\n99 0 obj\n<< /Injected true >>\nendobj\n", "document_modified"),
    (lambda pdf: b"%PDF-1.7\nnot really a pdf", "document_unreadable"),
])
def test_tampered_files_are_rejected(signed_doc, tamper, code):
    _, pdf, root = signed_doc
    with pytest.raises(DocumentRejected) as err:
        signed.verify(tamper(pdf), root)
    assert err.value.code == code


def test_a_signer_outside_the_trust_roots_is_rejected(signed_doc):
    _, pdf, _ = signed_doc
    other_ca = make_test_pki()[0]
    with pytest.raises(DocumentRejected) as err:
        signed.verify(pdf, other_ca)
    assert err.value.code == "signature_untrusted"


def test_an_unsigned_pdf_is_rejected(signed_doc, render_kind, person_docs):
    _, _, root = signed_doc
    _, rendered = render_kind(person_docs["household_register"]["doc_id"])
    with pytest.raises(DocumentRejected) as err:
        signed.verify(rendered.pdf, root)
    assert err.value.code == "signature_missing"


def test_service_refuses_a_tampered_document_and_records_it(service, signed_doc, journal, alerts,
                                                            standin):
    doc, pdf, _ = signed_doc
    service.source.signed_pdf = lambda doc_id: _flip_inside_content(pdf)   # tampered in transit
    before = len(standin.printed())
    with pytest.raises(DocumentRejected) as err:
        service.prepare(doc["doc_id"])
    assert err.value.code == "document_modified"
    records = [r["payload"] for r in journal.read() if r["kind"] == "print-audit"]
    assert records[-1]["document_id"] == doc["doc_id"]
    assert records[-1]["result"] == "document_modified" and records[-1]["copies"] == 0
    assert ("document_rejected", ) == alerts[-1][:1]
    assert len(standin.printed()) == before                                 # nothing printed


def test_service_prints_a_verified_signed_pdf_unchanged(service, signed_doc, standin, pdf_text):
    doc, pdf, _ = signed_doc
    prepared = service.prepare(doc["doc_id"])
    assert prepared.origin == "signed-pdf" and prepared.pdf == pdf     # submitted as signed
    service.print(prepared)
    # CUPS' pdftopdf rewrites the file on its way to the printer; the content must survive it
    assert pdf_text(standin.printed()[-1].read_bytes()) == pdf_text(pdf)
