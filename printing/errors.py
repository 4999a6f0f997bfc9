"""Typed printing errors. Each carries a stable `code` that screens map to a citizen message;
`detail` is for staff and logs and never holds personal data."""
from __future__ import annotations


class PrintingError(Exception):
    code = "printing-error"

    def __init__(self, detail: str, code: str | None = None):
        super().__init__(detail)
        self.detail = detail
        if code is not None:
            self.code = code

    def __str__(self) -> str:
        return f"{self.code}: {self.detail}"


class TemplateError(PrintingError):
    """A document template is malformed (a staff/developer problem, never the citizen's)."""
    code = "template-invalid"


class DocumentDataError(PrintingError):
    """The platform's document data lacks what the template needs."""
    code = "document-data-invalid"


class FontMissing(PrintingError):
    code = "font-missing"


class DocumentRejected(PrintingError):
    """A signed PDF failed verification: it must not be printed."""
    code = "document-rejected"


class PrinterUnavailable(PrintingError):
    """The CUPS server or queue cannot take a job right now."""
    code = "printer-unavailable"


class JobFailed(PrintingError):
    """A submitted job ended without printing (aborted, cancelled at the printer, timed out)."""
    code = "job-failed"

    def __init__(self, detail: str, code: str | None = None, job_id: int | None = None,
                 reasons: tuple[str, ...] = ()):
        super().__init__(detail, code)
        self.job_id = job_id
        self.reasons = reasons


class RetryNotAllowed(PrintingError):
    """The citizen already used their one retry; staff must take over."""
    code = "retry-not-allowed"


class ReceiptUnavailable(PrintingError):
    """The receipt printer cannot print (paper out, cover open, not connected)."""
    code = "receipt-unavailable"
