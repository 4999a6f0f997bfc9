"""The certificate printer failing in the middle of a "print my licences" transaction: cupsd stopped
and started again, and the printer jamming mid-job. A private cupsd with an ippeveprinter queue (the
product's stand-in for `virtual:` queues), the product's printing wiring with its audit trail into
the outbox, documents from the reference platform, the print flow as the screen drives it."""
from __future__ import annotations

import collections
import os
import signal

import pytest
from local_modules import local_module

from kiosk import i18n, messages
from kiosk.session import Identity

stands = local_module(__file__, "stands")
PERSON = Identity("idcard", "欧阳建国", "990101198001011234")


@pytest.fixture
def platform(tmp_path):
    server = stands.Platform(tmp_path / "platform.sqlite3", stands.TestPKI(tmp_path / "pki"))
    yield server
    server.stop()


@pytest.fixture
def standin():
    """A private cupsd + ippeveprinter queue the kiosk is configured to use as its real CUPS
    (queue and cups_server), so nothing restarts cupsd behind the test's back: only the test, as
    the service manager would."""
    import shutil
    import tempfile
    from devices.virtual.cups_printer import CupsStandIn, missing_tools
    if os.geteuid() != 0:
        pytest.skip("the CUPS stand-in runs cupsd and ippeveprinter, which needs root here")
    if missing_tools():
        pytest.skip("missing " + ", ".join(missing_tools()))
    root = tempfile.mkdtemp(prefix="kiosk-cups-faults-")     # lp must reach it: not tmp_path
    made = CupsStandIn(root).start()
    yield made
    made.stop()
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def ctx(make_ctx, platform, standin, tmp_path):
    """A kiosk context on this platform, built the product's way: its one platform link
    (kiosk.wiring.platform.platform_link, which also knows who the citizen is), the sync area on
    it, and the printing wiring with the CUPS stand-in."""
    from kiosk.wiring import printing
    from kiosk.wiring.platform import platform_link
    from kiosk.wiring.sync import build_area
    from sync.client import ClientSettings, PlatformClient
    from sync.credential import provision
    base = stands.kiosk_config(tmp_path, platform)
    context = make_ctx({"platform": dict(base.platform), "sync": dict(base.sync),
                        "receipt_printer": {"enabled": False},
                        "certificate_printer": {"queue": standin.queue, "cups_server": standin.server,
                                                "job_timeout_s": 30}})
    client = PlatformClient(ClientSettings(platform.url, verify=str(platform.pki.ca_pem)))
    provision(client, platform.url, context.config.kiosk.id, platform.server.demo_enrollment_token,
              context.config.data_path(context.config.sync.credential_file))
    client.close()
    context.platform_url = platform.url
    context.embedded_platform = platform.server     # the seals' trust root from the platform
    sync = build_area(context.config, platform_link(context))
    context.services.sync = sync.start()
    context.on_shutdown(sync.stop)
    printing.wire(context)
    i18n.install(context.config.ui.language)   # as the shell does: the citizen's words
    return context


def chosen(ctx):
    """A citizen identified (face checked) who chose a document and saw its preview."""
    from kiosk.flows.face_policy import mark_face_verified
    from kiosk.flows.print_licences import FaceCheckSupport, PrintLicences
    ctx.session.identity = PERSON
    mark_face_verified(ctx.session)
    flow = PrintLicences(ctx.services.printing.certificates, ctx.session,
                         FaceCheckSupport(enabled=True, has_camera=True))
    flow.open()
    flow.fetch_documents()
    assert flow.list_error is None, flow.list_error
    flow.choose(next(d["doc_id"] for d in flow.documents if d["kind"] == "business_licence"))
    flow.prepare_chosen()
    assert flow.step == "preview"
    return flow


def press_print(flow) -> str:
    """"Print": the flow's outcome code."""
    assert flow.start_printing(), flow.result_code
    flow.print_chosen()
    return flow.result_code


def platform_view(platform, ctx):
    stands.wait_for("the print records delivered", lambda: ctx.services.sync.outbox.stats().depth == 0,
                    timeout=20)
    records = platform.records()
    audit = collections.Counter(r["payload"].get("result") for r in records
                                if r["kind"] == "print-audit")
    alerts = [r["payload"].get("code") for r in records if r["kind"] != "print-audit"]
    keys = collections.Counter(r["key"] for r in records)
    return audit, alerts, records, keys


def test_cupsd_stopped_and_restarted(row, ctx, platform, standin):
    r = row("cupsd stopped in the middle of a transaction, then started again")
    printing = ctx.services.printing
    service = printing.certificates
    flow = chosen(ctx)
    before = len(standin.printed())
    cupsd = standin._procs["cupsd"]
    cupsd.send_signal(signal.SIGTERM)             # the print service goes away
    cupsd.wait(10)
    code = press_print(flow)
    said = messages.message(code, fallback="printing_error")
    r.saw(said)
    assert code == "print_service_down", code
    assert flow.can_retry                          # a refused print does not use up the attempt
    audit, alerts, _, _ = platform_view(platform, ctx)
    r.alerted(f"platform got: {', '.join(alerts)}; staff menu: {printing.state}")
    assert "print_service_down" in alerts
    assert printing.state == "A4 printer: the print service (CUPS) is down"

    standin.ensure_started()                       # the service manager starts it again
    assert standin._procs["cupsd"].pid != cupsd.pid
    code = press_print(flow)
    assert code == "completed", code
    assert len(standin.printed()) == before + 1     # printed once, not once per try
    assert not service.printer.service_down
    r.came_back(f"yes: the citizen's retry printed once after cupsd came back; staff menu: "
                f"{printing.state}")
    audit, _, records, keys = platform_view(platform, ctx)
    assert audit["completed"] == 1 and audit["print_service_down"] >= 1
    r.records = (f"0 lost, {sum(c - 1 for c in keys.values())} duplicated of {len(records)} "
                 f"print records; {len(standin.printed()) - before} copy printed")


def test_printer_jammed_mid_job(row, ctx, platform, standin):
    r = row("certificate printer jamming mid-job")
    printing = ctx.services.printing
    flow = chosen(ctx)
    before = len(standin.printed())
    standin.set_mode("media-jam")
    code = press_print(flow)
    said = messages.message(code, fallback="printing_error")
    r.saw(said)
    assert code == "paper_jam", code
    assert flow.can_retry
    audit, alerts, _, _ = platform_view(platform, ctx)
    r.alerted(f"platform got: {', '.join(alerts)}; staff menu: {printing.state}")
    assert "paper_jam" in alerts
    assert len(standin.printed()) == before + 1       # the jammed sheet, partly printed

    standin.reset_printer()                        # staff clear the jam
    code = press_print(flow)
    assert code == "completed", code
    assert len(standin.printed()) == before + 2       # and one whole copy, not two
    r.came_back(f"yes, once staff cleared the jam: the citizen's one retry printed; staff menu: "
                f"{printing.state}")
    audit, _, records, keys = platform_view(platform, ctx)
    assert audit["completed"] == 1 and audit["paper_jam"] == 1
    r.records = (f"0 lost, {sum(c - 1 for c in keys.values())} duplicated of {len(records)} "
                 "print records; the jammed sheet and one whole copy, no second copy")
