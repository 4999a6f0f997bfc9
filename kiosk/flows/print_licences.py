"""Print my licences: the identified citizen's documents from the platform, a preview of exactly
what will print, copies, printing with progress, a receipt, and a coded result for every outcome.

Steps: list -> preview -> printing -> result (and back to the list). The citizen's taps are methods
that change the step at once (the UI thread calls them); the slow work (platform fetch, rendering,
printing) is in separate methods that the screen runs on a worker thread, each ending in a new step
to render. A result from a worker that the citizen has walked away from is dropped, never shown.

Policy kept here, not in the screen: documents are listed only for an identified citizen and, where
the kiosk checks faces for this task, only after the face matched (人证比对, kiosk.flows.face_policy);
whether a print may be tried again is the certificate service's RetryPolicy (a citizen gets one
retry, staff any number); a document that failed its authenticity check is never offered again;
listing and preparing need the platform live, printing itself needs only the printer.
"""
from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Any, Callable, Protocol

from kiosk.errors import KioskError
from kiosk.flows.evaluation import RatingOffer
from kiosk.flows.face_policy import FaceCheckSupport, face_check_required, face_verified

log = logging.getLogger(__name__)

TASK = "print_licences"
MAX_COPIES = 5

# gate codes (what stands between the citizen and their list)
PRINTING_UNAVAILABLE = "printing_unavailable"
IDENTITY_REQUIRED = "identity_required"
FACE_CHECK_REQUIRED = "face_check_required"

# failure kinds: one citizen message each; codes from printing come in either spelling
_KINDS = {
    "rejected": ("document_modified", "signature_invalid", "signature_untrusted",
                 "signature_missing", "document_unreadable", "document_rejected"),
    "paper_out": ("paper_out",),
    "paper_jam": ("paper_jam",),
    "door_open": ("door_open",),
    "toner_out": ("toner_out",),
    "job_timeout": ("job_timeout",),
    "retry_not_allowed": ("retry_not_allowed",),
    "platform_unreachable": ("platform_unreachable", "document_missing"),
    "cannot_render": ("template_missing", "template_invalid", "document_data_invalid",
                      "font_missing", "preview_unavailable"),
    "printer_down": ("offline", "print_service_down", "queue_missing", "submit_failed", "job_lost",
                     "printer_unavailable", "printer_fault", "job_aborted", "job_cancelled"),
}
_KIND_OF = {code: kind for kind, codes in _KINDS.items() for code in codes}


def failure_kind(code: str | None) -> str:
    """The kind of failure a printing code stands for (one citizen message per kind); "other" for a
    code nobody planned for."""
    return _KIND_OF.get(code or "", "other")


class PrintLicencesError(KioskError):
    def __init__(self, code: str, message: str = ""):
        super().__init__(message or code, code)


# ---- what the flow needs, as typed interfaces -------------------------------------------------
class Identified(Protocol):
    name: str
    id_number: str


class CitizenSession(Protocol):
    """kiosk.session.Session as this flow reads it."""
    identity: Any                      # Identified | None

    def get(self, key: str, default: Any = None) -> Any: ...


class DocumentSource(Protocol):
    def list_for(self, id_number: str, name: str) -> list[dict[str, Any]]: ...


class Prepared(Protocol):
    doc_id: str
    title: str
    pdf: bytes
    pages: int


class CertificatePrinting(Protocol):
    """printing.service.CertificateService: the platform source, the exact bytes, one print, and
    the retry rule (can_print asks its RetryPolicy)."""
    source: DocumentSource

    def can_print(self, doc_id: str, actor: str = "citizen") -> bool: ...
    def prepare(self, doc_id: str) -> Prepared: ...
    def print(self, doc: Prepared, copies: int = 1, actor: str = "citizen",
              on_progress: Callable[[str], None] | None = None) -> Any: ...


class ReceiptPrinting(Protocol):
    """printing.receipt_service.ReceiptService."""
    def available(self) -> bool: ...
    def print_receipt(self, kind: str, ref: str, build: Callable[[int, str, str], bytes]) -> dict: ...


def _page_png(pdf: bytes) -> bytes:
    from printing.preview import page_png
    return page_png(pdf, 1, 60)


class PrintLicences:
    """One citizen's visit to "print my licences". `step` is what the screen shows."""

    def __init__(self, service: CertificatePrinting | None, session: CitizenSession,
                 face: FaceCheckSupport, receipts: ReceiptPrinting | None = None, actor: str = "citizen",
                 max_copies: int = MAX_COPIES, preview: Callable[[bytes], bytes] = _page_png):
        self.service, self.session, self.face, self.receipts = service, session, face, receipts
        self.actor, self.max_copies, self._render_preview = actor, max_copies, preview
        self._lock = threading.Lock()
        self._generation = 0           # bumped by every tap that makes a running worker's result stale
        self._reset()

    def _reset(self) -> None:
        self.step = "list"             # list / preview / printing / result
        self.blocked: str | None = None    # a gate code while the list may not be shown
        self.documents: list[dict[str, Any]] = []
        self.listed = False            # the platform answered (documents may still be empty)
        self.list_error: str | None = None
        self.chosen: dict[str, Any] | None = None
        self.prepared: Prepared | None = None
        self.preview_png = b""
        self.copies = 1
        self.progress = ""             # printer progress while printing: submitted, queued, ...
        self.result_code: str | None = None
        self.receipt: str | None = None    # None / printing / printed / failed
        self.busy = False

    # ---- the gate ------------------------------------------------------------------------------
    @property
    def face_check_needed(self) -> bool:
        return face_check_required(TASK, self.face)

    def gate(self) -> str | None:
        """None when the documents may be listed, else the code of what stands in the way."""
        if self.service is None:
            return PRINTING_UNAVAILABLE
        if self.session.identity is None:
            return IDENTITY_REQUIRED
        if self.face_check_needed and not face_verified(self.session):
            return FACE_CHECK_REQUIRED
        return None

    def open(self) -> None:
        """Start again at the list, empty. Raises PrintLicencesError(gate code) when the list may not
        be shown (the screen then sends the citizen to identify or to the face check); otherwise the
        screen runs fetch_documents() on a worker."""
        with self._lock:
            self._generation += 1
        self._reset()
        self.blocked = self.gate()
        if self.blocked is not None:
            raise PrintLicencesError(self.blocked, f"documents refused: {self.blocked}")
        self.busy = True

    def fetch_documents(self) -> None:
        """Worker: the citizen's documents from the platform (needs the platform live). The gate is
        checked again here, so nothing is fetched for a session the face check has not cleared."""
        code = self.gate()
        if code is not None:
            self.busy = False
            raise PrintLicencesError(code, f"documents refused: {code}")
        generation, identity = self._generation, self.session.identity
        try:
            documents, error = self.service.source.list_for(identity.id_number, identity.name), None
        except Exception as exc:         # coded printing errors; anything else is "printing_error"
            documents, error = [], self._code(exc, "listing documents")
        if generation != self._generation:
            return
        self.documents, self.list_error, self.listed, self.busy = documents, error, True, False

    # ---- preview -------------------------------------------------------------------------------
    def choose(self, doc_id: str) -> None:
        """The citizen chose a document: the preview step, empty until prepare_chosen() is done."""
        doc = next((d for d in self.documents if d["doc_id"] == doc_id), None)
        if doc is None:
            raise PrintLicencesError("unknown_document", f"{doc_id!r} is not in the list")
        with self._lock:
            self._generation += 1
        self.step, self.chosen, self.prepared, self.preview_png = "preview", doc, None, b""
        self.copies, self.result_code, self.receipt, self.busy = 1, None, None, True

    def prepare_chosen(self) -> None:
        """Worker: fetch, verify or render the chosen document and its first-page preview. A refused
        or failed document goes to the result step with its code."""
        generation, doc = self._generation, self.chosen
        if doc is None:
            return
        try:
            prepared = self.service.prepare(doc["doc_id"])
            png, code = self._render_preview(prepared.pdf), None
        except Exception as exc:
            prepared, png, code = None, b"", self._code(exc, "preparing a document")
        if generation != self._generation:
            return
        self.busy = False
        if code is not None:
            self.step, self.result_code = "result", code
            return
        self.prepared, self.preview_png = prepared, png

    def back_to_list(self) -> None:
        """Back to the list the platform gave; the rendered document is let go (personal data)."""
        with self._lock:
            self._generation += 1
        self.step, self.chosen, self.prepared, self.preview_png = "list", None, None, b""
        self.result_code, self.receipt, self.busy, self.progress = None, None, False, ""

    def set_copies(self, n: int) -> None:
        self.copies = max(1, min(self.max_copies, n))

    def more_copies(self) -> None:
        self.set_copies(self.copies + 1)

    def fewer_copies(self) -> None:
        self.set_copies(self.copies - 1)

    # ---- printing ------------------------------------------------------------------------------
    @property
    def may_print(self) -> bool:
        """Whether the chosen document may be printed (again) by this actor: the RetryPolicy says."""
        return (self.prepared is not None and self.service is not None
                and self.service.can_print(self.prepared.doc_id, self.actor))

    def start_printing(self) -> bool:
        """The citizen pressed Print (or Try again). True when the screen should now run
        print_chosen() on a worker; False when the result step already says why not."""
        if self.prepared is None:
            raise PrintLicencesError("not_prepared", "nothing to print yet")
        if not self.may_print:
            self.step, self.result_code = "result", "retry_not_allowed"
            return False
        self.step, self.progress, self.result_code, self.receipt = "printing", "submitted", None, None
        self.busy = True
        return True

    def print_chosen(self) -> None:
        """Worker: one print of the prepared document; progress lands in `progress` as it comes
        (a str assignment, safe to read from the UI thread)."""
        prepared, copies = self.prepared, self.copies

        def on_progress(step: str) -> None:
            self.progress = step
        try:
            self.service.print(prepared, copies, self.actor, on_progress)
            code = "completed"
        except Exception as exc:
            code = self._code(exc, "printing")
        self.step, self.result_code, self.busy = "result", code, False

    # ---- the result ----------------------------------------------------------------------------
    @property
    def completed(self) -> bool:
        return self.step == "result" and self.result_code == "completed"

    @property
    def failure(self) -> str | None:
        """The kind of failure shown (see failure_kind), None unless the result is a failure."""
        if self.step != "result" or self.result_code in (None, "completed"):
            return None
        return failure_kind(self.result_code)

    @property
    def can_retry(self) -> bool:
        """Offer "Try again": a failed print of a document that passed its checks, while the
        RetryPolicy allows another attempt."""
        return self.failure not in (None, "rejected") and self.may_print

    @property
    def offers_receipt(self) -> bool:
        return self.completed and self.receipts is not None and self.receipts.available()

    def start_receipt(self) -> None:
        self.receipt, self.busy = "printing", True

    def print_receipt(self) -> None:
        """Worker: the print-job receipt (what was printed, how many, where)."""
        from printing import receipts as layouts
        doc, prepared, copies = self.chosen or {}, self.prepared, self.copies

        def build(width: int, hall: str, kiosk: str) -> bytes:
            return layouts.print_job_receipt(hall, doc.get("title", ""),
                                             doc.get("serial", prepared.doc_id), copies,
                                             prepared.pages, "打印完成", kiosk, width=width)
        try:
            self.receipts.print_receipt("print-job", prepared.doc_id, build)
            outcome = "printed"
        except Exception as exc:
            self._code(exc, "printing a receipt")
            outcome = "failed"
        self.receipt, self.busy = outcome, False

    @property
    def next_step(self) -> RatingOffer | None:
        """What follows once the citizen finishes: after a completed print, the rating of the
        service (DB2203/T 8-2024 5.1.3); after anything else, nothing (the session simply ends)."""
        if not self.completed:
            return None
        doc = self.chosen or {}
        # documents carry no catalog item; "" rates the kiosk's own printing service, the title
        # says which document it was about
        return RatingOffer(doc.get("item_code", ""), doc.get("title", ""), then="end_session")

    def forget(self) -> None:
        """Leaving the screen: drop the rendered PDF and its preview (they hold personal data)."""
        with self._lock:
            self._generation += 1
        self.prepared, self.preview_png = None, b""

    @staticmethod
    def _code(exc: Exception, doing: str) -> str:
        code = getattr(exc, "code", None) or "printing_error"
        log.warning("%s failed: %s (%s)", doing, code, type(exc).__name__)
        return code
