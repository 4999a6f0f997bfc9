"""The "print my licences" screen in the real shell (offscreen), wired by kiosk/wiring/printing.py to
the reference platform, the CUPS stand-in and the virtual receipt printer."""
from __future__ import annotations

import pytest

from kiosk.session import Identity

PERSON = Identity("idcard", "欧阳建国", "990101198001011234")


@pytest.fixture
def shell(platform, standin, make_ctx, show_shell):
    from kiosk.wiring.printing import wire
    ctx = make_ctx({"certificate_printer": {"queue": standin.queue, "cups_server": standin.server,
                                            "job_timeout_s": 20}})
    ctx.services["platform_url"] = platform.url
    ctx.services["reference_platform"] = platform      # demo trust root for signed PDFs
    wire(ctx)
    return show_shell(ctx)


def _open_list(shell, qtbot):
    shell.ctx.session.identity = PERSON
    shell.go("print_licences")
    screen = shell.current()
    qtbot.waitUntil(lambda: len(screen.documents) == 4, timeout=10000)
    return screen


def _choose(screen, qtbot, kind):
    screen._choose(next(d for d in screen.documents if d["kind"] == kind))
    qtbot.waitUntil(lambda: screen.prepared is not None or screen.state == "result", timeout=20000)


def _buttons(screen):
    """The texts of the action buttons the screen offers now (its action row)."""
    from PySide6.QtWidgets import QPushButton
    items = (screen.actions.itemAt(i).widget() for i in range(screen.actions.count()))
    return [w.text() for w in items if isinstance(w, QPushButton)]


def test_list_preview_copies_print_and_receipt(shell, qtbot, standin, tmp_path):
    screen = _open_list(shell, qtbot)
    assert {d["kind"] for d in screen.documents} >= {"household_register", "business_licence"}
    _choose(screen, qtbot, "household_register")
    assert screen.state == "preview"
    screen._set_copies(9)
    assert screen.copies == 5                          # capped
    screen._set_copies(2)
    before = len(standin.printed())
    screen._print()
    qtbot.waitUntil(lambda: screen.state == "result", timeout=30000)
    assert screen.result_code == "completed"
    assert "已打印 2 份" in screen.banner.text.text()
    assert len(standin.printed()) == before + 1
    assert standin.job_env(standin.printed()[-1])["IPP_COPIES"] == "2"
    shell.grab().save(str(tmp_path / "printed.png"))
    assert _buttons(screen) == ["打印凭条", "打印其他证照", "完成"]
    screen._print_receipt()
    vp = shell.ctx.services["printing"].virtual_receipt_printer
    [receipt] = vp.wait_receipts(1, timeout=10)
    assert "户籍信息摘录" in receipt.text and "2 份 / 1 页" in receipt.text
    screen.leave()
    assert screen.prepared is None and screen._preview_png == b""
    services = shell.ctx.services["printing"]
    assert services.state == "A4 printer: ready; receipt printer: ready" and services.paper == "ok"
    vp.paper = "near-end"
    services.receipts.printer.poll()
    assert services.paper == "near-end" and services.state.endswith("receipt printer: paper-near-end")


def test_guide_notice_service_for_the_guide_screen(shell):
    from kiosk.catalog import ServiceItem
    from sync.reference_platform.demo_data import items
    item = ServiceItem.from_dict(items()[2])
    record = shell.ctx.services["guide_notice"](item)
    [paper] = shell.ctx.services["printing"].virtual_receipt_printer.wait_receipts(1, timeout=10)
    assert item.name in paper.text.replace("\n", "") and record["result"] == "completed"


def test_jam_retry_once_then_staff(shell, qtbot, standin):
    screen = _open_list(shell, qtbot)
    _choose(screen, qtbot, "business_licence")
    standin.set_mode("media-jam")
    screen._print()
    qtbot.waitUntil(lambda: screen.state == "result", timeout=30000)
    assert screen.result_code == "paper-jam"
    assert "卡纸" in screen.banner.text.text()
    assert _buttons(screen) == ["重试", "返回列表"]
    standin.reset_printer()
    standin.set_mode("media-jam")                     # jams again on the retry
    screen._print()
    qtbot.waitUntil(lambda: screen.state == "result" and screen.result_code == "paper-jam",
                    timeout=30000)
    assert _buttons(screen) == ["返回列表"]           # the citizen's one retry is used
    standin.reset_printer()
    screen._print()
    assert screen.result_code == "retry-not-allowed"
    assert "工作人员" in screen.banner.text.text()


def test_tampered_e_licence_is_refused(shell, qtbot, standin):
    screen = _open_list(shell, qtbot)
    source = shell.ctx.services["printing"].certificates.source
    original = source.signed_pdf

    def tampered(doc_id):
        pdf = original(doc_id)
        at = pdf.index(b"stream", 200) + 20
        return pdf[:at] + bytes([pdf[at] ^ 1]) + pdf[at + 1:]
    source.signed_pdf = tampered
    before = len(standin.printed())
    _choose(screen, qtbot, "real_estate_record")
    assert screen.state == "result" and screen.result_code == "document-modified"
    assert "真实性核验" in screen.banner.text.text()
    assert _buttons(screen) == ["返回列表"]           # no retry of a refused document
    assert len(standin.printed()) == before
    journal = shell.ctx.config.data_path("print-journal.jsonl").read_text(encoding="utf-8")
    assert "document-modified" in journal and "staff-alert" in journal


def test_not_identified_offers_identification(shell, qtbot):
    shell.go("print_licences")
    screen = shell.current()
    assert screen.documents == [] and _buttons(screen) == ["核验身份"]


def test_demo_controls_change_the_virtual_receipt_printer(shell, qtbot):
    actions = dict(shell.ctx.services["demo_actions"])
    services = shell.ctx.services["printing"]
    actions["Receipt printer: out of paper"]()
    qtbot.waitUntil(lambda: services.paper == "out", timeout=3000)
    assert not services.receipts.available()
    actions["Receipt printer: paper refilled"]()
    qtbot.waitUntil(lambda: services.paper == "ok", timeout=3000)
