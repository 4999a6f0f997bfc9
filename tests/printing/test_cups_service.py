"""The scheduler itself: job names no cupsd chokes on, and a cupsd that dies or stops answering
reported as print_service_down (not a printer fault), with the job it left behind never printed."""
from __future__ import annotations

import os
import signal
import time

import pytest

from kiosk.wiring.printing import PrintingArea
from printing.cups_jobs import SERVICE_DOWN, CupsPrinter, job_name
from printing.errors import JobFailed, PrinterUnavailable
from printing.templates import kinds


@pytest.fixture
def revive(standin):
    """Whatever a test does to cupsd, the shared stand-in is healthy again afterwards."""
    yield standin
    cupsd = standin._procs.get("cupsd")
    if cupsd is not None and cupsd.poll() is None:
        os.kill(cupsd.pid, signal.SIGCONT)
    standin.ensure_started()


def audit(journal):
    return [r["payload"] for r in journal.read() if r["kind"] == "print-audit"]


@pytest.mark.parametrize("parts, name", [
    (("kiosk", "household_register", "abcdef12"), "kiosk-household_register-abcdef12"),
    (("kiosk", "a b c", "x/y"), "kiosk-a_b_c-x_y"),
    (("kiosk", "户籍", "id 1"), "kiosk-id_1"),
    (("kiosk test page",), "kiosk_test_page"),
    (("", "  "), "kiosk-job"),
])
def test_job_names_hold_only_safe_characters(parts, name):
    assert job_name(*parts) == name


def test_every_kind_prints_and_the_same_cupsd_still_answers(service, standin, person_docs):
    cupsd = standin._procs["cupsd"]
    printed = len(standin.printed())
    assert set(kinds()) <= set(person_docs), "the demo person should hold one of each kind"
    for kind, doc in sorted(person_docs.items()):
        service.print(service.prepare(doc["doc_id"]), actor="staff")
        env = standin.job_env(standin.printed()[-1])
        assert env["IPP_JOB_NAME"] == f"kiosk-{kind}-{doc['doc_id'][:8]}"
    assert len(standin.printed()) == printed + len(person_docs)
    assert cupsd.poll() is None and standin._procs["cupsd"] is cupsd, "cupsd died or was replaced"
    assert service.printer.status().ready


def test_a_dead_cupsd_before_the_job_is_print_service_down(service, prepared, revive, alerts,
                                                            journal):
    cupsd = revive._procs["cupsd"]
    cupsd.kill()
    cupsd.wait()
    with pytest.raises(PrinterUnavailable) as err:
        service.print(prepared)
    assert err.value.code == SERVICE_DOWN
    with pytest.raises(PrinterUnavailable):
        service.printer.status()
    assert [code for code, _ in alerts] == [SERVICE_DOWN], "staff are told once per outage"
    assert service.printer.service_down
    # what the heartbeat and the staff menu read
    assert PrintingArea(certificates=service).state == \
        "A4 printer: the print service (CUPS) is down"
    assert audit(journal)[-1]["result"] == SERVICE_DOWN
    assert service.can_print(prepared.doc_id), "a refused print does not use up the attempt"
    revive.ensure_started()                       # the demo's stand-in: a fresh cupsd on next use
    assert revive._procs["cupsd"].pid != cupsd.pid
    service.print(prepared)
    assert not service.printer.service_down


def test_a_cupsd_that_dies_during_the_job_is_print_service_down(service, prepared, revive):
    printer = service.printer
    job_id = printer.submit(prepared.pdf, "kiosk-dies", 1)
    cupsd = revive._procs["cupsd"]
    cupsd.kill()
    cupsd.wait()                                  # gone for good, not still on its way out
    with pytest.raises(JobFailed) as err:
        printer.follow(job_id)
    assert err.value.code == SERVICE_DOWN and err.value.job_id == job_id


def test_a_silent_cupsd_fails_the_job_in_time_and_the_job_is_cancelled(service, prepared, revive,
                                                                       alerts):
    printer = CupsPrinter(revive.queue, revive.server, timeout_s=20,
                          alert=lambda code, d: alerts.append(code))
    cupsd = revive._procs["cupsd"]
    revive.stop_printer()                         # the job stays in cupsd, not yet printed
    count = len(revive.printed())
    job_id = printer.submit(prepared.pdf, "kiosk-hangs", 1)
    os.kill(cupsd.pid, signal.SIGSTOP)            # pycups alone would wait for ever
    started = time.monotonic()
    with pytest.raises(JobFailed) as err:
        printer.follow(job_id)
    assert err.value.code == SERVICE_DOWN
    assert time.monotonic() - started < 10
    assert alerts == [SERVICE_DOWN]
    os.kill(cupsd.pid, signal.SIGCONT)
    conn = printer._connect()                     # the service is back: the orphan is cancelled
    assert not printer.service_down
    assert conn.getJobAttributes(job_id)["job-state"] == 7
    revive.start_printer()
    revive.enable_queue()
    # a job the outage left behind would print before a later one: print one and see it alone
    printer.follow(printer.submit(prepared.pdf, "after-outage", 1))
    assert len(revive.printed()) == count + 1, "the job left by the outage printed after all"
