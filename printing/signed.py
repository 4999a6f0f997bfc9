"""Signed PDFs from the platform are verified with pyHanko before they go anywhere near a printer.

A document is printed only when every signature is intact (the signed bytes are unchanged), valid
(the signer's certificate chains to a configured trust root) and covers the whole file (nothing was
appended after signing). Anything else raises DocumentRejected with a code the screen maps to a
citizen message; the detail goes to staff.
"""
from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from datetime import datetime

from printing.errors import DocumentRejected

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SignatureCheck:
    signer: str                 # the signing certificate's subject, for the staff record
    signed_at: datetime | None
    signatures: int
    pages: int


def load_trust_roots(pem: bytes) -> list:
    from pyhanko.keys import load_certs_from_pemder_data
    roots = list(load_certs_from_pemder_data(pem))
    if not roots:
        raise DocumentRejected("no trust root configured for signed documents", "signature_untrusted")
    return roots


def verify(pdf: bytes, trust_roots_pem: bytes) -> SignatureCheck:
    """Check every signature in pdf against the trust roots; DocumentRejected when it must not print."""
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation.errors import SignatureValidationError
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    roots = load_trust_roots(trust_roots_pem)
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        signatures = list(reader.embedded_signatures)
    except (PdfReadError, ValueError, KeyError, IndexError) as exc:
        raise DocumentRejected(f"not a readable PDF: {exc}", "document_unreadable") from None
    if not signatures:
        raise DocumentRejected("the PDF carries no signature", "signature_missing")
    # Offline kiosk: no CRL/OCSP fetching; the platform is the revocation authority for its own keys.
    context = ValidationContext(trust_roots=roots, allow_fetching=False, revocation_mode="soft-fail")
    last = None
    for sig in signatures:
        try:
            status = validate_pdf_signature(sig, context)
        except (SignatureValidationError, PdfReadError, ValueError) as exc:
            raise DocumentRejected(f"signature {sig.field_name!r} cannot be validated: {exc}",
                                   "signature_invalid") from None
        if not status.intact:
            raise DocumentRejected(f"signature {sig.field_name!r}: the signed content was changed",
                                   "document_modified")
        if not status.valid:
            raise DocumentRejected(f"signature {sig.field_name!r}: cryptographically invalid",
                                   "signature_invalid")
        if not status.trusted:
            raise DocumentRejected(f"signature {sig.field_name!r}: signer "
                                   f"{status.signing_cert.subject.human_friendly!r} is not trusted",
                                   "signature_untrusted")
        if status.coverage != SignatureCoverageLevel.ENTIRE_FILE:
            raise DocumentRejected(f"signature {sig.field_name!r} does not cover the whole file "
                                   f"({status.coverage.name}): content was added after signing",
                                   "document_modified")
        last = status
    return SignatureCheck(signer=last.signing_cert.subject.human_friendly,
                          signed_at=getattr(last, "signer_reported_dt", None),
                          signatures=len(signatures), pages=int(reader.root["/Pages"]["/Count"]))
