"""Certificates through a real cupsd + ippeveprinter: options, job following, printer-state-reasons,
the retry rule and the audit trail."""
from __future__ import annotations

import os
import signal

import pytest

from printing.cups_jobs import CupsPrinter, classify, normalise
from printing.errors import JobFailed, PrinterUnavailable, RetryNotAllowed
from waiting import wait_until


def audit(journal):
    return [r["payload"] for r in journal.read() if r["kind"] == "print-audit"]


def test_a_print_arrives_with_its_options_and_is_audited(service, prepared, standin, journal,
                                                         pdf_text):
    before = len(standin.printed())
    progress: list[str] = []
    result = service.print(prepared, copies=2, on_progress=progress.append)
    assert result.job_id > 0 and result.warnings == ()
    arrived = standin.printed()
    assert len(arrived) == before + 1
    assert pdf_text(arrived[-1].read_bytes()) == pdf_text(prepared.pdf)
    env = standin.job_env(arrived[-1])
    assert env["IPP_COPIES"] == "2"
    assert env["IPP_SIDES"] == "one-sided"
    assert "x-dimension=21000 y-dimension=29700" in env["IPP_MEDIA_COL"]    # A4
    assert progress[0] == "submitted" and "printing" in progress
    record = audit(journal)[-1]
    assert record == {**record, "document_id": prepared.doc_id, "content_sha256": prepared.sha256,
                      "copies": 2, "result": "completed", "kiosk": "KIOSK-TEST-01",
                      "channel": "certificate", "attempt": 1, "job_id": result.job_id}
    assert record["time"]
    assert "欧阳" not in str(audit(journal))                  # no personal data in the audit
    wait_until(lambda: not list((standin.root / "spool").glob("d*")),
               "CUPS deletes the printed file from its spool", timeout=10)


def test_duplex_asks_for_two_sided(standin, prepared):
    printer = CupsPrinter(standin.queue, standin.server, duplex=True, timeout_s=20)
    printer.follow(printer.submit(prepared.pdf, "duplex", 1))
    assert standin.job_env(standin.printed()[-1])["IPP_SIDES"] == "two-sided-long-edge"


@pytest.mark.parametrize("reason, code", [("media-jam", "paper_jam"), ("media-empty", "paper_out"),
                                          ("cover-open", "door_open")])
def test_printer_faults_fail_the_job_with_a_code_and_alert(service, prepared, standin, journal,
                                                           alerts, reason, code):
    standin.set_mode(reason)
    with pytest.raises(JobFailed) as err:
        service.print(prepared)
    assert err.value.code == code and reason in err.value.reasons
    assert alerts[-1][0] == code and alerts[-1][1]["severity"] == "error"
    assert audit(journal)[-1]["result"] == code
    # the fault stays until someone clears it: the next print is refused before submission
    standin.set_mode("")
    with pytest.raises(PrinterUnavailable) as refused:
        service.print(prepared)
    assert refused.value.code == code
    assert service.printer.status().blocking == (code,)


def test_citizen_retries_once_staff_without_limit(service, prepared, standin):
    standin.set_mode("media-jam")
    with pytest.raises(JobFailed):
        service.print(prepared)                                   # attempt 1 fails
    standin.reset_printer()                                       # staff clear the jam
    assert service.can_print(prepared.doc_id)
    service.print(prepared)                                       # the citizen's one retry
    assert not service.can_print(prepared.doc_id)
    with pytest.raises(RetryNotAllowed):
        service.print(prepared)
    count = len(standin.printed())
    service.print(prepared, actor="staff")
    service.print(prepared, actor="staff")
    assert len(standin.printed()) == count + 2
    service.forget()                                              # next session
    assert service.can_print(prepared.doc_id)


def test_toner_low_prints_and_warns_staff(service, prepared, standin, alerts):
    standin.set_mode("toner-low")
    result = service.print(prepared)
    assert result.warnings == ("toner_low",)
    assert ("toner_low", "warning") in [(code, d.get("severity")) for code, d in alerts]
    assert service.printer.status().ready                          # a warning does not block


def test_unreachable_printer_fails_as_offline_and_never_prints_later(service, prepared, standin,
                                                                     journal):
    standin.stop_printer()
    printer = service.printer
    count = len(standin.printed())
    job_id = printer.submit(prepared.pdf, "offline", 1)
    with pytest.raises(JobFailed) as err:
        printer.follow(job_id)
    assert err.value.code == "offline"
    conn = printer._connect()
    assert conn.getJobAttributes(job_id)["job-state"] == 7        # cancelled
    standin.start_printer()
    standin.enable_queue()
    # a job released by mistake would print before a later one: print one and see it alone
    printer.follow(printer.submit(prepared.pdf, "after-outage", 1))
    assert len(standin.printed()) == count + 1, "a failed job came out later: a silent reprint"


def test_timeout_cancels_the_job(standin, prepared):
    printer = CupsPrinter(standin.queue, standin.server, timeout_s=0.3)
    job_id = printer.submit(prepared.pdf, "slow", 1)
    with pytest.raises(JobFailed) as err:
        printer.follow(job_id)
    assert err.value.code == "job_timeout"
    assert printer._connect().getJobAttributes(job_id)["job-state"] in (7, 9)


def test_missing_queue_is_a_typed_error(standin):
    with pytest.raises(PrinterUnavailable) as err:
        CupsPrinter("no-such-queue", standin.server).status()
    assert err.value.code == "queue_missing"


def test_unreachable_cups_is_a_typed_error(tmp_path):
    with pytest.raises(PrinterUnavailable) as err:
        CupsPrinter("kiosk-a4", str(tmp_path / "nothing.sock")).status()
    assert err.value.code == "print_service_down"


@pytest.mark.parametrize("reasons, blocking, warnings", [
    (["none"], [], []),
    (["media-empty-error"], ["paper_out"], []),
    (["media-jam-report", "toner-low-warning"], ["paper_jam"], ["toner_low"]),
    (["door-open"], ["door_open"], []),
    (["cover-open-error", "door-open-error"], ["door_open"], []),
    (["offline-report"], ["offline"], []),
    (["cups-waiting-for-job-completed", "cups-remote-pending"], [], []),
    (["vendor-specific-thing-error"], ["printer_fault"], []),
    (["vendor-specific-thing-report"], [], []),
])
def test_reason_mapping(reasons, blocking, warnings):
    assert classify(reasons) == (blocking, warnings)


def test_normalise_drops_severity_suffixes():
    assert [normalise(r) for r in ("media-jam-error", "toner-low-warning", "offline-report",
                                   "door-open")] == ["media-jam", "toner-low", "offline", "door-open"]


def test_a_printer_failing_without_a_reason_is_not_reported_printed(service, prepared, standin,
                                                                    journal):
    standin.set_mode("silent-fail")
    with pytest.raises(JobFailed) as err:
        service.print(prepared)
    assert err.value.code in ("job_cancelled", "job_aborted")
    assert audit(journal)[-1]["result"] == err.value.code


def test_a_crashed_cupsd_is_restarted_before_the_next_test(cups_standin, heal, prepared):
    """One crashed cupsd must cost one test, not every test after it."""
    os.kill(cups_standin._procs["cupsd"].pid, signal.SIGKILL)
    cups_standin._procs["cupsd"].wait(5)
    standin = heal()
    printer = CupsPrinter(standin.queue, standin.server, timeout_s=20)
    assert printer.status().ready
    printer.follow(printer.submit(prepared.pdf, "after-crash", 1))
    assert len(standin.printed()) == 1


def test_a_hung_cupsd_and_a_dead_printer_are_restarted(cups_standin, heal):
    hung = cups_standin._procs["cupsd"]
    os.kill(hung.pid, signal.SIGSTOP)
    cups_standin.stop_printer()
    try:
        standin = heal()
    finally:
        if hung.poll() is None:
            os.kill(hung.pid, signal.SIGCONT)
    assert standin._procs["cupsd"] is not hung
    assert CupsPrinter(standin.queue, standin.server, timeout_s=20).status().ready
