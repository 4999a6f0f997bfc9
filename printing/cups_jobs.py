"""Certificate printing through CUPS (pycups): submit, follow the job, read printer states.

A job is followed until CUPS says completed, cancelled or aborted, or until the configured timeout;
a job that did not complete is cancelled at once so it can never come out later unattended. Nothing
here ever resubmits a job: a reprint is always an explicit call (see printing.service.RetryPolicy).

printer-state-reasons keywords are normalised (the -error/-warning/-report suffix dropped: CUPS'
ipp backend relays a device's reasons with -report) and mapped to a stable code the screens turn
into a citizen message, plus a staff alert.

cupsd itself can die or hang (Debian 12's 2.4.2-3+deb12u10 segfaulted on job names with spaces, and
pycups has no timeout: a call to a stopped cupsd blocks for ever), so every connection is preceded by
a short HTTP probe with a timeout. A dead or silent scheduler is `print_service_down`, never a
printer fault, and a job whose fate it left unknown is cancelled as soon as the service is back, so
that a restarted cupsd never prints it behind the citizen's back.
"""
from __future__ import annotations

import logging
import re
import socket
import threading
import time
from dataclasses import dataclass, field
from typing import Callable
from urllib.parse import urlsplit

from printing.errors import JobFailed, PrinterUnavailable

log = logging.getLogger(__name__)

# keyword -> (code, blocking). Blocking reasons stop the kiosk offering certificate printing.
REASONS: dict[str, tuple[str, bool]] = {
    "media-empty": ("paper_out", True),
    "media-needed": ("paper_out", True),
    "input-tray-missing": ("paper_out", True),
    "media-jam": ("paper_jam", True),
    "door-open": ("door_open", True),
    "cover-open": ("door_open", True),
    "interlock-open": ("door_open", True),
    "toner-empty": ("toner_out", True),
    "marker-supply-empty": ("toner_out", True),
    "offline": ("offline", True),
    "shutdown": ("offline", True),
    "paused": ("offline", True),
    "connecting-to-device": ("offline", True),
    "other": ("printer_fault", True),
    "toner-low": ("toner_low", False),
    "marker-supply-low": ("toner_low", False),
    "media-low": ("paper_low", False),
    "media-near-empty": ("paper_low", False),
}
IGNORED = {"none", "cups-waiting-for-job-completed", "cups-remote-pending",
           "cups-remote-pending-held", "cups-remote-processing", "cups-remote-stopped",
           "cups-missing-filter", "cups-insecure-filter"}
PRINTER_STATES = {3: "idle", 4: "processing", 5: "stopped"}
_SERVER_LOCK = threading.Lock()      # cups.setServer is process-wide: one connect at a time
HTTP_CONTINUE = 100                   # pycups exports no HTTP status constants
JOB_PENDING, JOB_HELD, JOB_PROCESSING, JOB_STOPPED, JOB_CANCELED, JOB_ABORTED, JOB_COMPLETED = range(3, 10)


SERVICE_DOWN = "print_service_down"
PROBE_TIMEOUT_S = 2.0


def job_name(*parts: str) -> str:
    """A job name no scheduler mangles or chokes on: ASCII letters, digits, "_", "." and "-", parts
    joined by '-' (e.g. kiosk-household_register-abcdef12); still tells staff what the job is."""
    cleaned = (re.sub(r"[^A-Za-z0-9_.-]+", "_", str(part)).strip("_-") for part in parts)
    return "-".join(part for part in cleaned if part)[:64] or "kiosk-job"


def normalise(reason: str) -> str:
    for suffix in ("-error", "-warning", "-report"):
        if reason.endswith(suffix):
            return reason[: -len(suffix)]
    return reason


def classify(reasons) -> tuple[list[str], list[str]]:
    """(blocking codes, warning codes) for a list of printer-state-reasons, without duplicates."""
    blocking: list[str] = []
    warnings: list[str] = []
    for raw in reasons or ():
        key = normalise(str(raw))
        if key in IGNORED:
            continue
        code, blocks = REASONS.get(key, ("printer_fault", True) if str(raw).endswith("-error")
                                    else (None, False))
        if code is None:
            continue
        target = blocking if blocks else warnings
        if code not in target:
            target.append(code)
    return blocking, warnings


def answering(server: str, port: int, timeout: float = PROBE_TIMEOUT_S) -> bool:
    """Does the scheduler at `server` (a socket path or a host) answer an HTTP request in time?"""
    if server.startswith("/"):
        family, address = socket.AF_UNIX, server
    else:
        family, address = socket.AF_INET, (server.rsplit(":", 1)[0] if ":" in server else server,
                                           int(server.rsplit(":", 1)[1]) if ":" in server else port)
    try:
        with socket.socket(family, socket.SOCK_STREAM) as sock:
            sock.settimeout(timeout)
            sock.connect(address)
            sock.sendall(b"OPTIONS * HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
            return sock.recv(5) == b"HTTP/"
    except OSError:
        return False


@dataclass(frozen=True)
class PrinterStatus:
    queue: str
    state: str                       # idle / processing / stopped / unknown
    reasons: tuple[str, ...]         # normalised keywords, for staff
    message: str
    accepting: bool
    blocking: tuple[str, ...] = ()   # codes that stop printing (paper_out, paper_jam, ...)
    warnings: tuple[str, ...] = ()   # codes staff should act on soon (toner_low, ...)

    @property
    def ready(self) -> bool:
        return self.state != "unknown" and self.accepting and not self.blocking


@dataclass(frozen=True)
class JobResult:
    job_id: int
    seconds: float
    warnings: tuple[str, ...] = ()


@dataclass
class CupsPrinter:
    queue: str
    server: str = ""                   # '' = the default CUPS server
    media: str = "iso_a4_210x297mm"
    duplex: bool = False
    timeout_s: float = 120.0
    poll_s: float = 0.2
    offline_grace_s: float = 3.0       # how long a printer may stay unreachable during a job
    alert: Callable[[str, dict], None] = field(default=lambda code, details: None)
    before_connect: Callable[[], None] | None = None   # e.g. start a stand-in on first use
    last_status: PrinterStatus | None = field(default=None, repr=False)   # cached, for screens
    service_down: bool = field(default=False, repr=False)  # cupsd dead or silent at the last try
    _orphans: set[int] = field(default_factory=set, repr=False)   # jobs to cancel once it is back

    # pycups keeps the server in process-global state, so set it right before every connection.
    def _connect(self):
        import cups
        if self.before_connect is not None:
            try:
                self.before_connect()
            except Exception as exc:
                raise self._down(f"printer stand-in failed to start: {exc}")
        with _SERVER_LOCK:
            cups.setServer(self.server)           # '' goes back to the system default
            address = cups.getServer()
            problem = None if answering(address, cups.getPort()) else "does not answer"
            if problem is None:
                try:
                    conn = cups.Connection()
                except RuntimeError as exc:
                    problem = str(exc)
        if problem is not None:
            raise self._down(f"CUPS at {address}: {problem}")
        if self.service_down:
            log.warning("CUPS at %s answers again", address)
            self.service_down = False
        self._cancel_orphans(conn)
        return conn

    def _down(self, detail: str) -> PrinterUnavailable:
        """The scheduler is dead or silent: staff are told once per outage."""
        if not self.service_down:
            self.service_down = True
            self.alert(SERVICE_DOWN, {"queue": self.queue, "severity": "error", "message": detail})
        log.error("print service down: %s", detail)
        return PrinterUnavailable(detail, SERVICE_DOWN)

    def _cancel_orphans(self, conn) -> None:
        import cups
        for job_id in sorted(self._orphans):
            try:
                conn.cancelJob(job_id, purge_job=False)
                log.warning("cancelled job %s left behind by a print service outage", job_id)
            except cups.IPPError as exc:
                log.info("job %s left behind by an outage is gone: %s", job_id, exc)
            self._orphans.discard(job_id)

    def _server_answers(self) -> bool:
        import cups
        with _SERVER_LOCK:
            cups.setServer(self.server)
            return answering(cups.getServer(), cups.getPort())

    def queues(self) -> dict[str, dict]:
        import cups
        try:
            return self._connect().getPrinters()
        except cups.IPPError as exc:
            raise PrinterUnavailable(f"CUPS refused to list queues: {exc}", SERVICE_DOWN) from None

    def status(self, probe_device: bool = True) -> PrinterStatus:
        """The queue's state, refined by asking an IPP printer directly (CUPS only hears a
        device's reasons while a job runs, so its copy can be stale either way)."""
        import cups
        try:
            attrs = self._connect().getPrinterAttributes(self.queue)
        except cups.IPPError as exc:
            if not self._server_answers():
                raise self._down(f"CUPS died while asked about {self.queue!r}: {exc}") from None
            raise PrinterUnavailable(f"queue {self.queue!r}: {exc}", "queue_missing") from None
        reasons = list(attrs.get("printer-state-reasons") or [])
        state = PRINTER_STATES.get(attrs.get("printer-state"), "unknown")
        message = attrs.get("printer-state-message") or ""
        device_uri = attrs.get("device-uri") or ""
        if probe_device and device_uri.startswith(("ipp://", "ipps://")):
            device = self._device_reasons(device_uri)
            # the device's own reasons replace the relayed copies; the queue's own stay
            reasons = [r for r in reasons if not r.endswith("-report")]
            reasons += device if device is not None else ["offline"]
        if state == "stopped" and "paused" not in reasons and not classify(reasons)[0]:
            reasons.append("offline")
        blocking, warnings = classify(reasons)
        self.last_status = PrinterStatus(self.queue, state,
                                         tuple(normalise(r) for r in reasons if r != "none"),
                                         message, bool(attrs.get("printer-is-accepting-jobs", True)),
                                         tuple(blocking), tuple(warnings))
        return self.last_status

    def _device_reasons(self, uri: str) -> list[str] | None:
        import cups
        parts = urlsplit(uri)
        try:
            conn = cups.Connection(host=parts.hostname or "localhost",
                                   port=parts.port or 631,
                                   encryption=cups.HTTP_ENCRYPT_ALWAYS if parts.scheme == "ipps"
                                   else cups.HTTP_ENCRYPT_IF_REQUESTED)
            attrs = conn.getPrinterAttributes(uri=uri, requested_attributes=["printer-state-reasons"])
        except (RuntimeError, cups.IPPError) as exc:
            log.info("printer %s did not answer a status query: %s", parts.hostname, exc)
            return None
        return list(attrs.get("printer-state-reasons") or [])

    def submit(self, pdf: bytes, title: str, copies: int = 1) -> int:
        """Hand one PDF to CUPS without writing it to a file of ours; returns the job id."""
        import cups
        if not 1 <= copies <= 20:
            raise ValueError("copies must be 1 to 20")
        options = {"copies": str(copies), "media": self.media,
                   "sides": "two-sided-long-edge" if self.duplex else "one-sided"}
        title = job_name(title)
        conn = self._connect()
        job_id = None
        try:
            job_id = conn.createJob(self.queue, title, options)
            conn.startDocument(self.queue, job_id, title, "application/pdf", 1)
            if conn.writeRequestData(pdf, len(pdf)) != HTTP_CONTINUE:
                raise PrinterUnavailable("CUPS stopped accepting the document", "submit_failed")
            conn.finishDocument(self.queue)
        except cups.IPPError as exc:
            status, text = exc.args if len(exc.args) == 2 else (None, str(exc))
            if not self._server_answers():
                if job_id is not None:
                    self._orphans.add(job_id)
                raise self._down(f"CUPS died while taking a job: {text} ({status})") from None
            raise PrinterUnavailable(f"queue {self.queue!r} refused the job: {text} ({status})",
                                     "submit_failed") from None
        return job_id

    def follow(self, job_id: int, on_progress: Callable[[str], None] | None = None) -> JobResult:
        """Wait for the job to finish. JobFailed (after cancelling the job) if it does not."""
        try:
            return self._follow(job_id, on_progress)
        except PrinterUnavailable as exc:
            if exc.code != SERVICE_DOWN:
                raise
            self._orphans.add(job_id)       # cancelled once the service answers again
            raise JobFailed(f"during job {job_id}: {exc.detail}", SERVICE_DOWN, job_id) from None

    def _follow(self, job_id: int, on_progress: Callable[[str], None] | None) -> JobResult:
        import cups
        conn = self._connect()
        started = time.monotonic()
        last_state = None
        last_check, unreachable_since = started, None
        while True:
            if not self._server_answers():
                raise self._down("stopped answering")
            try:
                attrs = conn.getJobAttributes(job_id)
            except cups.IPPError as exc:
                if not self._server_answers():
                    raise self._down(f"died: {exc}") from None
                raise JobFailed(f"job {job_id} vanished: {exc}", "job_lost", job_id) from None
            state = attrs.get("job-state")
            reasons = list(attrs.get("job-printer-state-reasons") or [])
            blocking, warnings = classify(reasons)
            if state != last_state and on_progress:
                on_progress({JOB_PENDING: "queued", JOB_HELD: "held", JOB_PROCESSING: "printing",
                             JOB_STOPPED: "stopped"}.get(state, "finishing"))
            last_state = state
            if state == JOB_COMPLETED:
                self._warn(warnings, job_id)
                return JobResult(job_id, time.monotonic() - started, tuple(warnings))
            if state in (JOB_CANCELED, JOB_ABORTED):
                code = blocking[0] if blocking else ("job_cancelled" if state == JOB_CANCELED
                                                     else "job_aborted")
                self._fail(conn, job_id, code, reasons, attrs, cancel=False)
            if state in (JOB_PENDING, JOB_HELD, JOB_STOPPED):
                # a stopped printer leaves the job pending forever: find out why, then give up
                printer = self.status()
                if printer.state == "stopped" or printer.blocking:
                    code = printer.blocking[0] if printer.blocking else "offline"
                    self._fail(conn, job_id, code, list(printer.reasons), attrs, cancel=True)
            elif state == JOB_PROCESSING and time.monotonic() - last_check > 1.0:
                # CUPS' ipp backend retries an unreachable printer for ever with the job
                # "processing": give up once the device has stayed unreachable for a while
                last_check = time.monotonic()
                if "offline" in self.status().blocking:
                    unreachable_since = unreachable_since or last_check
                    if last_check - unreachable_since >= self.offline_grace_s:
                        self._fail(conn, job_id, "offline", ["offline"], attrs, cancel=True)
                else:
                    unreachable_since = None
            if time.monotonic() - started > self.timeout_s:
                self._fail(conn, job_id, "job_timeout", reasons, attrs, cancel=True)
            time.sleep(self.poll_s)

    def _warn(self, warnings: list[str], job_id: int) -> None:
        for code in warnings:
            self.alert(code, {"queue": self.queue, "job_id": job_id, "severity": "warning"})

    def _fail(self, conn, job_id: int, code: str, reasons: list[str], attrs: dict,
              cancel: bool) -> None:
        import cups
        if cancel:
            try:
                conn.cancelJob(job_id, purge_job=False)
            except cups.IPPError as exc:
                log.warning("could not cancel job %s: %s", job_id, exc)
        message = attrs.get("job-printer-state-message") or ""
        self.alert(code, {"queue": self.queue, "job_id": job_id, "severity": "error",
                          "reasons": [normalise(r) for r in reasons], "message": message})
        raise JobFailed(f"job {job_id} on {self.queue!r} failed: {code} {message}".strip(), code,
                        job_id, tuple(normalise(r) for r in reasons))
