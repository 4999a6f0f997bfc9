"""The "print my licences" screen in the real shell (offscreen), wired by kiosk/wiring/printing.py to
the reference platform, the CUPS stand-in and the virtual receipt printer.

Driven as a person would: buttons found by their visible text and clicked, labels read. The flow's
own rules are tested without Qt in tests/flows/test_print_licences.py."""
from __future__ import annotations

from functools import partial

import pytest

import demo_controls
import touch
from kiosk.flows.face_policy import mark_face_verified
from kiosk.session import Identity
from touch import button_texts, buttons, says, shown

PERSON = Identity("idcard", "欧阳建国", "990101198001011234")
CHOOSE = "预览并打印"


@pytest.fixture
def shell(platform, standin, make_ctx, show_shell):
    from kiosk.wiring.printing import wire
    ctx = make_ctx({"certificate_printer": {"queue": standin.queue, "cups_server": standin.server,
                                            "job_timeout_s": 20}})
    ctx.platform_url = platform.url
    ctx.embedded_platform = platform      # demo trust root for signed PDFs
    wire(ctx)
    return show_shell(ctx)


tap = partial(touch.tap, timeout=0)     # a button is there as soon as its screen is: no waiting


def tap_document(qtbot, screen, title: str) -> None:
    """Press "preview and print" on the card that shows this title."""
    for card in (b.parentWidget() for b in buttons(screen) if says(b) == CHOOSE):
        if title in shown(card).split("\n"):
            tap(qtbot, card, CHOOSE)
            return
    raise AssertionError(f"no document card shows {title!r}")


def _open_list(shell, qtbot):
    shell.ctx.session.identity = PERSON
    mark_face_verified(shell.ctx.session)           # the face check passed (its own tests)
    shell.go("print_licences")
    screen = shell.current()
    qtbot.waitUntil(lambda: button_texts(screen).count(CHOOSE) == 4, timeout=10000)
    return screen


def _preview(screen, qtbot, title: str) -> None:
    tap_document(qtbot, screen, title)
    qtbot.waitUntil(lambda: "打印" in button_texts(screen) or "未能打印" in shown(screen),
                    timeout=20000)


def test_list_preview_copies_print_receipt_and_rating_offered(shell, qtbot, standin, tmp_path):
    screen = _open_list(shell, qtbot)
    assert "您的证照与证明" in shown(screen)
    for title in ("户籍信息摘录", "营业执照（副本）"):
        assert title in shown(screen)
    _preview(screen, qtbot, "户籍信息摘录")
    assert "返回列表" in button_texts(screen) and "1 份" in shown(screen)
    for _ in range(9):
        tap(qtbot, screen, "+")
    assert "5 份" in shown(screen)                       # capped
    for _ in range(3):
        tap(qtbot, screen, "−")
    assert "2 份" in shown(screen)
    before = len(standin.printed())
    tap(qtbot, screen, "打印")
    qtbot.waitUntil(lambda: "已打印 2 份" in shown(screen), timeout=30000)
    assert len(standin.printed()) == before + 1
    assert standin.job_env(standin.printed()[-1])["IPP_COPIES"] == "2"
    shell.grab().save(str(tmp_path / "printed.png"))
    assert button_texts(screen) == ["打印凭条", "打印其他证照", "完成"]
    tap(qtbot, screen, "打印凭条")
    vp = shell.ctx.services.printing.virtual_receipt_printer
    [receipt] = vp.wait_receipts(1, timeout=10)
    assert "户籍信息摘录" in receipt.text and "2 份 / 1 页" in receipt.text
    qtbot.waitUntil(lambda: "凭条已打印" in shown(screen), timeout=10000)

    tap(qtbot, screen, "完成")                           # the rating of what was done comes next
    rating = shell.current()
    assert rating.name == "evaluation" and "您正在评价：户籍信息摘录" in shown(rating)
    assert shell.ctx.session.identity is not None
    tap(qtbot, rating, "跳过")                           # one tap skips it and ends the session
    assert shell.current().name == "home" and shell.ctx.session.identity is None

    services = shell.ctx.services.printing
    assert services.state == "A4 printer: ready; receipt printer: ready" and services.paper == "ok"
    vp.paper = "near-end"
    services.receipts.printer.poll()
    assert services.paper == "near-end" and services.state.endswith("receipt printer: paper_near_end")


def test_guide_notice_service_for_the_guide_screen(shell):
    from kiosk.catalog import ServiceItem
    from reference_platform.demo_data import items
    item = ServiceItem.from_dict(items()[2])
    record = shell.ctx.services.printing.print_guide_notice(item)
    [paper] = shell.ctx.services.printing.virtual_receipt_printer.wait_receipts(1, timeout=10)
    assert item.name in paper.text.replace("\n", "") and record["result"] == "completed"


def test_jam_retry_once_then_staff(shell, qtbot, standin):
    screen = _open_list(shell, qtbot)
    _preview(screen, qtbot, "营业执照（副本）")
    standin.set_mode("media-jam")
    tap(qtbot, screen, "打印")
    qtbot.waitUntil(lambda: "卡纸" in shown(screen), timeout=30000)
    assert "未能打印" in shown(screen)
    assert button_texts(screen) == ["重试", "返回列表"]
    standin.reset_printer()
    standin.set_mode("media-jam")                     # jams again on the retry
    tap(qtbot, screen, "重试")
    qtbot.waitUntil(lambda: button_texts(screen) == ["返回列表"], timeout=30000)
    assert "卡纸" in shown(screen)                     # the citizen's one retry is used
    standin.reset_printer()
    tap(qtbot, screen, "返回列表")
    _preview(screen, qtbot, "营业执照（副本）")
    tap(qtbot, screen, "打印")
    qtbot.waitUntil(lambda: "未能打印" in shown(screen), timeout=10000)
    assert "工作人员" in shown(screen) and button_texts(screen) == ["返回列表"]


def test_tampered_e_licence_is_refused(shell, qtbot, standin):
    screen = _open_list(shell, qtbot)
    source = shell.ctx.services.printing.certificates.source
    original = source.signed_pdf

    def tampered(doc_id):
        pdf = original(doc_id)
        at = pdf.index(b"stream", 200) + 20
        return pdf[:at] + bytes([pdf[at] ^ 1]) + pdf[at + 1:]
    source.signed_pdf = tampered
    before = len(standin.printed())
    _preview(screen, qtbot, "不动产登记信息查询结果")
    assert "未能打印" in shown(screen) and "真实性核验" in shown(screen)
    assert button_texts(screen) == ["返回列表"]           # no retry of a refused document
    assert len(standin.printed()) == before
    journal = shell.ctx.config.data_path("print-journal.jsonl").read_text(encoding="utf-8")
    assert "document_modified" in journal and "staff-alert" in journal


def test_not_identified_offers_identification(shell, qtbot):
    shell.go("print_licences")
    screen = shell.current()
    assert "请先核验身份" in shown(screen) and CHOOSE not in button_texts(screen)
    assert button_texts(screen) == ["核验身份"]


def test_identified_without_the_face_check_goes_to_the_face_check(shell, qtbot):
    if shell.ctx.services.camera is None:
        shell.ctx.services.camera = object()            # a kiosk with a camera
    shell.ctx.session.identity = PERSON
    shell.go("print_licences")
    qtbot.waitUntil(lambda: shell.current().name == "face_verify", timeout=3000)
    shell.back()                                        # Back from the face check: no loop
    screen = shell.current()
    assert screen.name == "print_licences" and CHOOSE not in button_texts(screen)
    assert "请确认是您本人" in shown(screen) and button_texts(screen) == ["人脸核验"]
    tap(qtbot, screen, "人脸核验")
    assert shell.current().name == "face_verify"


def test_demo_controls_change_the_virtual_receipt_printer(shell, qtbot):
    services = shell.ctx.services.printing
    demo_controls.control(shell.ctx, "Receipt printer: out of paper")()
    qtbot.waitUntil(lambda: services.paper == "out", timeout=3000)
    assert not services.receipts.available()
    demo_controls.control(shell.ctx, "Receipt printer: paper refilled")()
    qtbot.waitUntil(lambda: services.paper == "ok", timeout=3000)
