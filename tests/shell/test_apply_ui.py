"""Apply at the kiosk in the real shell (offscreen) against the embedded reference platform:
choose the item, the pre-filled form, a value typed on the on-screen keyboard and its problem
said next to the field, the e-licence materials, the review, the submission and its receipt, and
the record reaching the platform once as a case. Driven by what a person sees and touches."""
from __future__ import annotations

from screens.text_entry import enable_input_method

enable_input_method()      # before the test's QApplication, as the kiosk does

import pytest  # noqa: E402

import touch  # noqa: E402
from devices.idcard.gb11643 import complete  # noqa: E402
from kiosk import config  # noqa: E402
from kiosk.app import build_context  # noqa: E402
from kiosk.bridge import DeviceBridge  # noqa: E402
from kiosk.session import Identity  # noqa: E402
from screens.text_entry import keyboard_panel  # noqa: E402
from touch import shown  # noqa: E402

NO_DEVICES = {"idcard": {"enabled": False}, "smartcard": {"enabled": False},
              "face": {"enabled": False}, "receipt_printer": {"enabled": False},
              "certificate_printer": {"enabled": False}}
PERSON = Identity("idcard", "张三", complete("99010219800501123"), {"sex": "男"})


@pytest.fixture
def kiosk(tmp_path, qapp):
    from screens.shell import Shell
    cfg = config.load(None, {"kiosk": {"data_dir": str(tmp_path)}, "platform": {"url": "embedded"},
                             **NO_DEVICES})
    ctx = build_context(cfg, demo=True, bridge=DeviceBridge())
    shell = Shell(ctx, allow_quit=True)
    shell.resize(1080, 1920)
    shell.show()
    yield ctx, shell
    shell.close()
    ctx.shutdown()


def test_apply_from_home_to_receipt_and_the_case_is_opened(kiosk, qtbot):
    ctx, shell = kiosk
    ctx.session.identity = PERSON
    touch.tap(qtbot, shell.current(), "我要申报")
    items = shell.current()
    assert items.name == "apply"
    touch.tap(qtbot, items, "基本养老保险关系转移接续（跨省转出）", timeout=10000)
    form = shell.current()
    assert form.name == "apply_form"
    touch.reads(qtbot, form, "转入地行政区划代码", timeout=10000)
    text = shown(form)
    assert "张三" not in text          # the name is in a box, not a label: read the boxes
    boxes = {name: entry.value() for name, entry in form.entries.items()}
    assert boxes["name"] == "张三" and boxes["id_number"] == PERSON.id_number
    assert boxes["phone"].startswith("139")                  # the platform's person data

    region = form.entries["destination_region"]
    region.focus()
    qtbot.waitUntil(lambda: keyboard_panel().isVisible() and keyboard_panel().ready(), timeout=5000)
    keyboard_panel().type_keys("4401")
    qtbot.waitUntil(lambda: region.value() == "4401")
    assert region.problem.isVisible() and "6位" in region.problem.text()
    touch.tap(qtbot, form, "下一步：材料")
    assert form.flow.step == "form"                          # not past a wrong value
    region = form.entries["destination_region"]              # the form is shown again
    assert "6位" in region.problem.text()
    region.focus()
    qtbot.waitUntil(lambda: keyboard_panel().isVisible())
    keyboard_panel().type_keys("00")
    qtbot.waitUntil(lambda: region.value() == "440100")
    assert not region.problem.isVisible()
    touch.tap(qtbot, form, "下一步：材料")
    touch.reads(qtbot, form, "已从电子证照库调取")
    touch.tap(qtbot, form, "下一步")
    touch.reads(qtbot, form, "请核对以下信息")
    assert "440100" in shown(form)
    touch.tap(qtbot, form, "提交")
    touch.reads(qtbot, form, "申报已提交", timeout=10000)
    reference = form.flow.reference
    assert reference in shown(form)

    sync = ctx.services.sync
    assert sync.flush(30).error is None
    received = ctx.embedded_platform.admin.received(kind="submission")
    assert received["count"] == 1
    touch.reads(qtbot, form, "受理编号：SL-990100-", timeout=8000)   # the case number follows
    from kiosk.flows.apply_platform import ApplyClient
    from kiosk.wiring.platform import platform_client
    state = ApplyClient(platform_client(ctx)).submission_state(reference)
    assert state["state"] == "received" and state["case_no"].startswith("SL-")
    touch.tap(qtbot, form, "办理结果邮寄送达")                  # the result by post next
    assert shell.current().name == "delivery"


def test_leaving_half_way_wipes_the_draft(kiosk, qtbot):
    ctx, shell = kiosk
    ctx.session.identity = PERSON
    shell.go("apply_form", code="1199010002GG00206002")
    form = shell.current()
    touch.reads(qtbot, form, "转入地行政区划代码", timeout=10000)
    flow = form.flow
    assert flow.form.values["name"] == "张三"
    shell.end_session()
    assert flow.form.values == {} and ctx.session.identity is None


def test_a_correction_shows_only_the_missing_material(kiosk, qtbot):
    ctx, shell = kiosk
    ctx.session.identity = PERSON
    shell.go("apply_form", code="1199010006GG00602002", correct="SL-990100-20261201-000501",
             missing=("住房租赁备案证明或承诺书",))
    form = shell.current()
    touch.reads(qtbot, form, "住房租赁备案证明或承诺书", timeout=10000)
    assert form.flow.step == "materials" and len(form.flow.materials) == 1
    assert "申请人居民身份证" not in shown(form)
    assert "扫描" in touch.button_texts(form)


def test_the_items_are_searched_like_the_catalog(kiosk, qtbot):
    ctx, shell = kiosk
    shell.go("apply")
    screen = shell.current()
    qtbot.waitUntil(lambda: screen.items is not None, timeout=10000)
    qtbot.waitUntil(lambda: ctx.services.catalog is not None                # titles and search
                    and ctx.services.catalog.catalog.get("1199010002GG00202000") is not None,
                    timeout=10000)
    assert len(screen.shown_items()) >= 8
    screen.type_text("gjj")                                  # 公积金, by pinyin initials
    names = touch.button_texts(screen)
    assert "住房公积金提取（租赁住房）" in names and "失业登记" not in names
    screen.type_text("zzzz")
    touch.reads(qtbot, screen, "没有")


def test_a_guide_whose_item_the_kiosk_takes_offers_apply_here(kiosk, qtbot):
    ctx, shell = kiosk
    qtbot.waitUntil(lambda: ctx.services.catalog is not None                  # the guides
                    and ctx.services.catalog.catalog.get("1199010006GG00602002") is not None,
                    timeout=10000)
    shell.go("guide", code="1199010006GG00602002")
    guide = shell.current()
    qtbot.waitUntil(lambda: "在本机申报" in touch.button_texts(guide), timeout=10000)
    shell.go("guide", code="1199010001XK00101001")           # 户口迁移: not taken at the kiosk
    guide = shell.current()
    qtbot.wait(500)
    assert "在本机申报" not in touch.button_texts(guide)
    shell.go("guide", code="1199010006GG00602002")
    qtbot.waitUntil(lambda: "在本机申报" in touch.button_texts(shell.current()), timeout=10000)
    touch.tap(qtbot, shell.current(), "在本机申报")
    assert shell.current().name.startswith("identify")      # identification first (the one way here)
