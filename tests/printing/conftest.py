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
from printing.cups_jobs import CupsPrinter
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


@pytest.fixture
def standin(cups_standin):
    """The shared stand-in, healthy at the start of each test (printer up, queue enabled, no fault
    left over: a staff test page clears a fault the previous test injected)."""
    printer = CupsPrinter(cups_standin.queue, cups_standin.server, timeout_s=20)
    if "ippeveprinter" not in cups_standin._procs or not printer.status().ready:
        cups_standin.reset_printer()
    cups_standin.set_mode("")
    cups_standin.enable_queue()
    return cups_standin


@pytest.fixture
def alerts():
    return []


@pytest.fixture
def journal(tmp_path):
    return Journal(tmp_path / "journal.jsonl")


@pytest.fixture
def service(platform, standin, journal, alerts):
    source = PlatformDocuments(PlatformClient(ClientSettings(platform.url)))
    printer = CupsPrinter(standin.queue, standin.server, timeout_s=20, offline_grace_s=1.5,
                          alert=lambda code, d: alerts.append((code, d)))
    cfg = config.defaults()
    return CertificateService(source, printer, AuditTrail(journal), "KIOSK-TEST-01",
                              mask=lambda s: config.mask_id(s, cfg.privacy),
                              trust_roots=source.trust_root,
                              alert=lambda code, d: alerts.append((code, d)))


@pytest.fixture
def person_docs(platform):
    docs = requests.post(platform.url + "/api/v1/documents/query", json=PERSON, timeout=5).json()
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
        data = requests.get(f"{platform.url}/api/v1/documents/{doc_id}", timeout=5).json()
        seal = requests.get(platform.url + data["issuer"]["seal_url"], timeout=5).content
        privacy = config.defaults().privacy
        doc = documents.render(templates.get(data["kind"]), data, documents.RenderContext(
            "KIOSK-TEST-01", printed_at=when, seal_png=seal,
            mask=lambda s: config.mask_id(s, privacy)))
        return data, doc
    return run
