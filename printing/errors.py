"""Typed printing errors, in the product's one error shape (kiosk/errors.py; printing may not
import kiosk, so the shape is a contract checked by tests/test_error_contract.py). Each carries a
stable snake_case `code` that kiosk.messages maps to a citizen message; `detail` is for staff and
logs and never holds personal data."""
from __future__ import annotations


class PrintingError(Exception):
    code = "printing_error"
    codes: tuple[str, ...] = ("preview_unavailable",)   # codes chosen when raised (kiosk/errors.py)

    def __init__(self, detail: str, code: str | None = None):
        super().__init__(detail)
        self.detail = detail
        if code is not None:
            self.code = code

    @property
    def log_message(self) -> str:
        return f"{self.code}: {self.detail}"

    def __str__(self) -> str:
        return self.log_message


class TemplateError(PrintingError):
    """A document template is malformed (a staff/developer problem, never the citizen's)."""
    code = "template_invalid"
    codes = ("template_missing",)


class DocumentDataError(PrintingError):
    """The platform's document data lacks what the template needs."""
    code = "document_data_invalid"


class FontMissing(PrintingError):
    code = "font_missing"


class DocumentRejected(PrintingError):
    """A signed PDF failed verification: it must not be printed."""
    code = "document_rejected"
    codes = ("signature_untrusted", "signature_missing", "signature_invalid", "document_modified",
             "document_unreadable")


class PrinterUnavailable(PrintingError):
    """The CUPS server or queue cannot take a job right now."""
    code = "printer_unavailable"
    codes = ("print_service_down", "queue_missing", "submit_failed", "paper_out", "paper_jam",
             "door_open", "toner_out", "offline", "printer_fault")


class JobFailed(PrintingError):
    """A submitted job ended without printing (aborted, cancelled at the printer, timed out)."""
    code = "job_failed"
    # the printer's blocking reasons (printing.cups_jobs.REASONS) and the job's own ends
    codes = ("paper_out", "paper_jam", "door_open", "toner_out", "offline", "printer_fault",
             "print_service_down", "job_lost", "job_cancelled", "job_aborted", "job_timeout")

    def __init__(self, detail: str, code: str | None = None, job_id: int | None = None,
                 reasons: tuple[str, ...] = ()):
        super().__init__(detail, code)
        self.job_id = job_id
        self.reasons = reasons


class RetryNotAllowed(PrintingError):
    """The citizen already used their one retry; staff must take over."""
    code = "retry_not_allowed"


class ReceiptUnavailable(PrintingError):
    """The receipt printer cannot print (paper out, cover open, not connected)."""
    code = "receipt_unavailable"
