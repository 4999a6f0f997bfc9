"""Certificate printing end to end: fetch, verify or render, check the printer, print, audit.

The retry rule lives in one place (RetryPolicy): a citizen gets the first print and one retry after
a failure; staff may retry any number of times. Nothing prints again by itself.
"""
from __future__ import annotations

import hashlib
import logging
import threading
from dataclasses import dataclass
from typing import Callable

from printing import documents, signed, templates
from printing.audit import AuditRecord, AuditTrail
from printing.cups_jobs import CupsPrinter, JobResult, job_name
from printing.errors import DocumentRejected, PrintingError, PrinterUnavailable, RetryNotAllowed
from printing.source import PlatformDocuments

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RetryPolicy:
    citizen_attempts: int = 2      # the first print and one retry

    def allows(self, actor: str, attempts_so_far: int) -> bool:
        return actor == "staff" or attempts_so_far < self.citizen_attempts


@dataclass(frozen=True)
class PreparedDocument:
    doc_id: str
    kind: str
    title: str
    pdf: bytes
    pages: int
    origin: str                    # "rendered" (from a template) or "signed-pdf" (verified as is)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.pdf).hexdigest()


class CertificateService:
    def __init__(self, source: PlatformDocuments, printer: CupsPrinter, audit: AuditTrail,
                 kiosk_id: str, mask: Callable[[str], str],
                 trust_roots: Callable[[], bytes], policy: RetryPolicy = RetryPolicy(),
                 alert: Callable[[str, dict], None] = lambda code, details: None,
                 on_first_attempt: Callable[[], None] = lambda: None):
        self.source, self.printer, self.audit = source, printer, audit
        self.kiosk_id, self.mask, self.trust_roots = kiosk_id, mask, trust_roots
        self.policy, self.alert = policy, alert
        self.on_first_attempt = on_first_attempt   # e.g. register forget() with the session wipe
        self._attempts: dict[str, int] = {}
        self._lock = threading.Lock()

    def forget(self) -> None:
        """Session end: the next citizen starts with fresh attempts."""
        with self._lock:
            self._attempts.clear()

    def attempts(self, doc_id: str) -> int:
        with self._lock:
            return self._attempts.get(doc_id, 0)

    def can_print(self, doc_id: str, actor: str = "citizen") -> bool:
        return self.policy.allows(actor, self.attempts(doc_id))

    def prepare(self, doc_id: str) -> PreparedDocument:
        """The exact bytes that would print. Signed PDFs are verified first; a failure is refused,
        recorded for staff and raised as DocumentRejected."""
        data = self.source.document(doc_id)
        if data.get("format") == "signed-pdf":
            pdf = self.source.signed_pdf(doc_id)
            try:
                check = signed.verify(pdf, self.trust_roots())
            except DocumentRejected as exc:
                self._record(doc_id, hashlib.sha256(pdf).hexdigest(), 0, exc.code, "citizen", 0, None)
                self.alert("document_rejected", {"document_id": doc_id, "reason": exc.code,
                                                 "detail": exc.detail, "severity": "error"})
                raise
            log.info("document %s signature verified (%s)", doc_id, check.signer)
            return PreparedDocument(doc_id, data.get("kind", ""), data.get("title", ""), pdf,
                                    check.pages, "signed-pdf")
        rendered = self.render(data)
        return PreparedDocument(doc_id, rendered.kind, data.get("title", ""), rendered.pdf,
                                rendered.pages, "rendered")

    def render(self, data: dict) -> documents.RenderedDocument:
        template = templates.get(data["kind"])
        seal = self.source.seal(data["issuer"]["seal_url"])
        return documents.render(template, data, documents.RenderContext(
            kiosk_id=self.kiosk_id, seal_png=seal, mask=self.mask))

    def print(self, doc: PreparedDocument, copies: int = 1, actor: str = "citizen",
              on_progress: Callable[[str], None] | None = None) -> JobResult:
        """Print once. Raises PrintingError subclasses with a code; every outcome is audited."""
        attempt = self.attempts(doc.doc_id)
        if not self.policy.allows(actor, attempt):
            raise RetryNotAllowed(f"document {doc.doc_id}: {attempt} attempts used; staff can retry")
        try:
            status = self.printer.status()
        except PrinterUnavailable as exc:
            self._record(doc.doc_id, doc.sha256, copies, exc.code, actor, attempt, None)
            raise
        if not status.ready:
            # refused before any paper moved: recorded, but the citizen's attempt is not used up
            code = status.blocking[0] if status.blocking else "offline"
            self.alert(code, {"queue": status.queue, "reasons": list(status.reasons),
                              "severity": "error"})
            self._record(doc.doc_id, doc.sha256, copies, code, actor, attempt, None)
            raise PrinterUnavailable(f"queue {status.queue}: {', '.join(status.reasons) or status.state}",
                                     code)
        with self._lock:
            first = not self._attempts
            self._attempts[doc.doc_id] = self._attempts.get(doc.doc_id, 0) + 1
        if first:
            self.on_first_attempt()
        job_id = None
        try:
            job_id = self.printer.submit(doc.pdf, job_name("kiosk", doc.kind, doc.doc_id[:8]),
                                         copies)
            if on_progress:
                on_progress("submitted")
            result = self.printer.follow(job_id, on_progress)
        except PrintingError as exc:
            self._record(doc.doc_id, doc.sha256, copies, exc.code, actor, attempt + 1,
                         getattr(exc, "job_id", job_id))
            raise
        self._record(doc.doc_id, doc.sha256, copies, "completed", actor, attempt + 1, job_id)
        return result

    def _record(self, doc_id, sha, copies, result, actor, attempt, job_id) -> None:
        self.audit.record(AuditRecord(document_id=doc_id, content_sha256=sha, copies=copies,
                                      result=result, kiosk=self.kiosk_id, channel="certificate",
                                      actor=actor, attempt=attempt, job_id=job_id))
