"""Fixtures for the printing tests: a real cupsd + ippeveprinter queue (started once for the
printing tests and stopped after them), the virtual ESC/POS printer, and a certificate service
wired to the reference platform."""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from datetime import datetime
from pathlib import Path

import pytest
import requests

from devices.virtual.cups_printer import CupsStandIn, missing_tools
from devices.virtual.escpos_printer import VirtualEscposPrinter
from kiosk import config
from printing import documents, templates
from printing.audit import AuditTrail, Journal
from printing.cups_jobs import CupsPrinter, answering
from printing.service import CertificateService
from printing.source import PlatformDocuments
from sync.client import ClientSettings, PlatformClient

PERSON = {"id_number": "990101198001011234", "name": "欧阳建国"}


@pytest.fixture(scope="session")
def cups_standin():
    if os.geteuid() != 0:
        pytest.skip("the CUPS stand-in runs cupsd and ippeveprinter, which needs root here")
    if missing_tools():
        pytest.skip("missing " + ", ".join(missing_tools()))
    root = Path(tempfile.mkdtemp(prefix="kiosk-cups-test-"))   # lp must reach it, not tmp_path
    standin = CupsStandIn(root).start()
    yield standin
    standin.stop()
    shutil.rmtree(root, ignore_errors=True)


def _cupsd_answers(standin: CupsStandIn) -> bool:
    """cupsd is running and answers on its socket in time (a stopped or hung one does not)."""
    proc = standin._procs.get("cupsd")
    return proc is not None and proc.poll() is None and answering(standin.server, 631, timeout=3)


def _printer_up(standin: CupsStandIn) -> bool:
    proc = standin._procs.get("ippeveprinter")
    return proc is not None and proc.poll() is None


def make_healthy(standin: CupsStandIn) -> CupsStandIn:
    """Health-check the shared stand-in and restart what died, so each printing test starts on
    a working cupsd and printer whatever the previous test did to them (a crash, a SIGSTOP, a
    stopped printer, a fault left set, jobs or output left behind)."""
    if not _cupsd_answers(standin):
        standin.stop()                  # a dead or hung cupsd: start the stand-in afresh
        standin.start()
    if not _printer_up(standin):
        standin.start_printer()
    standin.set_mode("")
    printer = CupsPrinter(standin.queue, standin.server, timeout_s=20)
    if not printer.status().ready:
        standin.reset_printer()         # ippeveprinter keeps a reported fault until restarted
    subprocess.run(["cancel", "-a", "-h", standin.server, standin.queue], capture_output=True,
                   timeout=10)
    standin.enable_queue()
    for leftover in standin.out.glob("*"):
        leftover.unlink()               # what a test finds printed, it printed itself
    assert _cupsd_answers(standin) and printer.status().ready, "the CUPS stand-in did not recover"
    return standin


@pytest.fixture
def standin(cups_standin):
    """The shared stand-in, health-checked and restored before each test (see make_healthy)."""
    return make_healthy(cups_standin)


@pytest.fixture
def heal(cups_standin):
    """heal(): the health check the standin fixture runs, for tests that break the stand-in."""
    return lambda: make_healthy(cups_standin)


@pytest.fixture
def alerts():
    return []


@pytest.fixture
def journal(tmp_path):
    return Journal(tmp_path / "journal.jsonl")


@pytest.fixture
def service(platform, standin, journal, alerts):
    client = PlatformClient(ClientSettings(platform.url))
    client.session.headers.update(platform.kiosk_headers())
    # the person the tests print for is the one identified at this kiosk
    client.identify_citizen_with(lambda: (PERSON["id_number"], ("idcard",)))
    source = PlatformDocuments(client)
    printer = CupsPrinter(standin.queue, standin.server, timeout_s=20, offline_grace_s=1.5,
                          alert=lambda code, d: alerts.append((code, d)))
    cfg = config.defaults()
    return CertificateService(source, printer, AuditTrail(journal), "KIOSK-TEST-01",
                              mask=lambda s: config.mask_id(s, cfg.privacy),
                              trust_roots=source.trust_root,
                              alert=lambda code, d: alerts.append((code, d)))


@pytest.fixture
def person_docs(platform):
    docs = requests.post(platform.url + "/api/v1/documents/query", json=PERSON, timeout=5,
                         headers=platform.citizen_headers(PERSON["id_number"])).json()
    return {d["kind"]: d for d in docs["documents"]}


@pytest.fixture
def prepared(service, person_docs):
    return service.prepare(person_docs["household_register"]["doc_id"])


@pytest.fixture
def receipt_printer(tmp_path):
    vp = VirtualEscposPrinter(tmp_path / "receipts", tcp=True, pty=True).start()
    yield vp
    vp.stop()


@pytest.fixture
def pdf_text(tmp_path):
    """pdftotext of PDF bytes (pages separated by form feeds)."""
    def run(pdf: bytes, *extra: str) -> str:
        path = tmp_path / "doc.pdf"
        path.write_bytes(pdf)
        return subprocess.run(["pdftotext", *extra, str(path), "-"], capture_output=True, text=True,
                              check=True).stdout
    return run


@pytest.fixture
def render_kind(platform):
    """Fetch one document and its seal from the platform and render it as the kiosk would."""
    def run(doc_id: str, when: datetime = datetime(2026, 11, 22, 9, 30)):
        data = requests.get(f"{platform.url}/api/v1/documents/{doc_id}", timeout=5,
                            headers=platform.citizen_headers(PERSON["id_number"])).json()
        seal = requests.get(platform.url + data["issuer"]["seal_url"], timeout=5,
                            headers=platform.kiosk_headers()).content
        privacy = config.defaults().privacy
        doc = documents.render(templates.get(data["kind"]), data, documents.RenderContext(
            "KIOSK-TEST-01", printed_at=when, seal_png=seal,
            mask=lambda s: config.mask_id(s, privacy)))
        return data, doc
    return run
