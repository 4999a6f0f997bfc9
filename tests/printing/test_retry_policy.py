"""The citizen's print-retry rule and the audit of every attempt, without CUPS: a printer double
that fails the way CUPS reports failures (status not ready, a job that jams). The end-to-end jam
test (test_print_flow.py) needs cupsd; this one holds the rule itself wherever the suite runs."""
from __future__ import annotations

import pytest

from printing.audit import ALERT_KIND, KIND, AuditRecord, AuditTrail, Journal
from printing.cups_jobs import JobResult, PrinterStatus
from printing.errors import JobFailed, PrinterUnavailable, RetryNotAllowed
from printing.service import CertificateService, PreparedDocument, RetryPolicy

DOC = PreparedDocument("DOC-0001-ABCDEFGH", "business_licence", "营业执照", b"%PDF-1.7 test", 1,
                       "rendered")
READY = PrinterStatus("kiosk-a4", "idle", (), "", True)


class PrinterDouble:
    """What CertificateService asks of a CupsPrinter; each submitted job ends as `outcomes` says."""

    def __init__(self, *outcomes: str):
        self.outcomes = list(outcomes)
        self.state = READY
        self.submitted: list[tuple[str, int]] = []

    def status(self) -> PrinterStatus:
        if isinstance(self.state, Exception):
            raise self.state
        return self.state

    def submit(self, pdf: bytes, title: str, copies: int = 1) -> int:
        self.submitted.append((title, copies))
        return len(self.submitted)

    def follow(self, job_id, on_progress=None) -> JobResult:
        outcome = self.outcomes.pop(0) if self.outcomes else "completed"
        if outcome != "completed":
            raise JobFailed(f"job {job_id} stopped", outcome)
        return JobResult(job_id, 0.1)


@pytest.fixture
def journal(tmp_path):
    return Journal(tmp_path / "journal.jsonl")


def _service(printer, journal, **kw):
    return CertificateService(source=None, printer=printer, audit=AuditTrail(journal),
                              kiosk_id="KIOSK-TEST-01", mask=str, trust_roots=bytes, **kw)


def _audits(journal):
    return [(r["payload"]["result"], r["payload"]["actor"], r["payload"]["attempt"])
            for r in journal.read() if r["kind"] == KIND]


def test_the_policy_is_one_print_and_one_retry_for_citizens_any_for_staff():
    policy = RetryPolicy()
    assert [policy.allows("citizen", n) for n in range(4)] == [True, True, False, False]
    assert all(policy.allows("staff", n) for n in range(10))
    assert RetryPolicy(citizen_attempts=1).allows("citizen", 1) is False


def test_a_citizen_gets_one_retry_after_a_jam_then_only_staff(journal):
    printer = PrinterDouble("paper_jam", "paper_jam", "completed")
    service = _service(printer, journal)
    for _ in range(2):
        assert service.can_print(DOC.doc_id)
        with pytest.raises(JobFailed) as err:
            service.print(DOC)
        assert err.value.code == "paper_jam"
    assert service.attempts(DOC.doc_id) == 2 and not service.can_print(DOC.doc_id)
    with pytest.raises(RetryNotAllowed):
        service.print(DOC)
    assert len(printer.submitted) == 2                    # the refused third never reached CUPS
    assert service.can_print(DOC.doc_id, actor="staff")
    assert service.print(DOC, copies=2, actor="staff").job_id == 3
    assert _audits(journal) == [("paper_jam", "citizen", 1), ("paper_jam", "citizen", 2),
                                ("completed", "staff", 3)]
    assert printer.submitted[-1][1] == 2


def test_a_printer_not_ready_costs_no_attempt_but_is_audited_and_alerted(journal):
    alerts = []
    printer = PrinterDouble()
    printer.state = PrinterStatus("kiosk-a4", "stopped", ("media-empty",), "", True,
                                  blocking=("paper_out",))
    service = _service(printer, journal, alert=lambda code, d: alerts.append(code))
    for _ in range(3):
        with pytest.raises(PrinterUnavailable) as err:
            service.print(DOC)
        assert err.value.code == "paper_out"
    assert service.attempts(DOC.doc_id) == 0 and printer.submitted == []
    assert alerts == ["paper_out"] * 3
    assert _audits(journal) == [("paper_out", "citizen", 0)] * 3
    printer.state = PrinterUnavailable("cupsd is not answering", "print_service_down")
    with pytest.raises(PrinterUnavailable):
        service.print(DOC)
    assert _audits(journal)[-1] == ("print_service_down", "citizen", 0)
    printer.state = READY
    service.print(DOC)
    assert service.attempts(DOC.doc_id) == 1


def test_forget_gives_the_next_citizen_fresh_attempts_and_the_first_attempt_is_announced(journal):
    firsts = []
    service = _service(PrinterDouble("paper_jam", "paper_jam"), journal,
                       on_first_attempt=lambda: firsts.append(1))
    for _ in range(2):
        with pytest.raises(JobFailed):
            service.print(DOC)
    assert firsts == [1]                                 # once per session, not per attempt
    service.forget()
    assert service.attempts(DOC.doc_id) == 0 and service.can_print(DOC.doc_id)
    service.print(DOC)
    assert firsts == [1, 1]


def test_the_audit_goes_to_the_preferred_sink_and_falls_back_to_the_journal(journal):
    class Outbox:
        def __init__(self):
            self.records, self.refuse = [], False

        def enqueue(self, kind, payload):
            if self.refuse:
                raise OSError("disk full")
            self.records.append((kind, payload))

    outbox = Outbox()
    trail = AuditTrail(journal, preferred=lambda: outbox)
    record = AuditRecord("DOC-1", "ab" * 32, 1, "completed", "KIOSK-TEST-01", "certificate",
                         job_id=7, time="2026-11-22T09:30:00+00:00")
    trail.record(record)
    assert outbox.records == [(KIND, record.payload())] and journal.read() == []
    assert outbox.records[0][1]["time"] == "2026-11-22T09:30:00+00:00"
    outbox.refuse = True
    trail.record(record)
    trail.alert("paper_jam", {"queue": "kiosk-a4"})
    kept = journal.read()
    assert [r["kind"] for r in kept] == [KIND, ALERT_KIND]
    assert kept[0]["payload"]["document_id"] == "DOC-1" and kept[1]["payload"]["code"] == "paper_jam"
    assert kept[1]["payload"]["time"]
    assert AuditRecord("D", "x", 1, "completed", "K", "receipt").payload()["time"]


def test_the_journal_makes_its_folder_keeps_chinese_readable_and_stamps_utc(tmp_path, caplog):
    journal = Journal(tmp_path / "var" / "printing" / "journal.jsonl")    # no folder yet
    trail = AuditTrail(journal, preferred=lambda: _Refusing())
    trail.alert("document_rejected", {"title": "营业执照"})
    trail.record(AuditRecord("DOC-1", "ab" * 32, 1, "completed", "K", "certificate"))
    raw = journal.path.read_text(encoding="utf-8")
    assert "营业执照" in raw                          # staff read the journal as is
    alert, record = journal.read()
    assert alert["payload"]["time"].endswith("+00:00")
    assert record["payload"]["time"].endswith("+00:00")
    assert "outbox refused a staff-alert record (disk full); keeping it in the journal" in caplog.text


class _Refusing:
    def enqueue(self, kind, payload):
        raise OSError("disk full")
