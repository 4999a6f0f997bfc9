"""Ask, complain, correct in the real shell (offscreen) with the Pinyin keyboard, the kiosk's real
outbox and the loopback reference platform, by what a citizen reads and touches.

Qt picks its input method when the QApplication is made: this module asks for Qt Virtual Keyboard
at import, as the kiosk does in screens/app.py."""
from __future__ import annotations

from screens.text_entry import enable_input_method

enable_input_method()

from functools import partial  # noqa: E402

import pytest  # noqa: E402

import touch  # noqa: E402
from kiosk import messages  # noqa: E402
from kiosk.session import Identity  # noqa: E402
from touch import button_texts, shown, translator  # noqa: E402

tr = translator("FeedbackScreen")
tap = partial(touch.tap, timeout=5000)
reads = partial(touch.reads, timeout=8000)
PERSON = Identity("idcard", "林示例", "990101198805160026")
ITEM = "1199010001GG00108000"


@pytest.fixture
def shell(platform, make_ctx, show_shell):
    from kiosk.wiring import catalog
    from kiosk.wiring.platform import open_link
    from kiosk.wiring.sync import build_area
    ctx = make_ctx({"smartcard": {"enabled": False}})
    ctx.platform_url = platform.url
    ctx.platform = open_link(ctx.config, platform.url, demo=True,
                             enroll_token=platform.demo_enrollment_token)
    ctx.on_shutdown(ctx.platform.close)
    catalog.wire(ctx)
    ctx.services.catalog.wait_first_refresh(20)
    ctx.services.sync = build_area(ctx.config, ctx.platform).start()
    ctx.on_shutdown(ctx.services.sync.stop)
    yield show_shell(ctx)
    from screens.text_entry import keyboard_panel
    keyboard_panel().setParent(None)


def type_pinyin(qtbot, entry, pieces) -> None:
    from screens.text_entry import keyboard_panel
    entry.focus()
    panel = keyboard_panel()
    qtbot.waitUntil(lambda: panel.isVisible() and panel.ready(), timeout=5000)
    for keys, word in pieces:
        panel.type_keys(keys)
        qtbot.waitUntil(lambda word=word: word in panel.candidates(), timeout=5000)
        panel.choose(word)


def test_a_question_typed_in_pinyin_is_sent_and_reaches_the_platform_once(shell, qtbot, platform):
    shell.go("home")
    tap(qtbot, shell, tr("Ask or complain", "HomeScreen"))
    tap(qtbot, shell, tr("Ask a question"))
    screen = shell.current()
    tap(qtbot, shell, tr("Send"))                            # nothing typed yet
    reads(qtbot, shell, messages.message("feedback_text_empty"))
    type_pinyin(qtbot, screen.text, [("zhoumo", "周末"), ("shangban", "上班"), ("ma", "吗")])
    qtbot.waitUntil(lambda: screen.text.value() == "周末上班吗", timeout=3000)
    tap(qtbot, shell, tr("Send"))
    reads(qtbot, shell, tr("Your question has been received.", "FeedbackReceipt"))
    assert tr("Sent to the service platform.", "FeedbackReceipt") in shown(shell)
    reference = screen.flow.sent.reference
    assert reference[:18] in shown(shell)
    shell.ctx.services.sync.flush(20)
    got = platform.admin.received(kind="consultation", include="records")
    assert [r["key"] for r in got["records"]] == [reference]
    assert got["records"][0]["payload"]["question"] == "周末上班吗"
    tap(qtbot, shell, tr("Finish", "FeedbackReceipt"))
    assert shell.current().name == "evaluation"              # the rating is offered next


def test_from_a_guide_the_items_questions_come_first(shell, qtbot):
    shell.go("guide", code=ITEM)
    tap(qtbot, shell, tr("Ask or complain", "GuideScreen"))
    tap(qtbot, shell, tr("Ask a question"))
    reads(qtbot, shell, "问：无犯罪记录证明多久能开出来？")
    assert "材料齐全的，当场开具" in shown(shell)


def test_a_call_back_needs_a_mobile_number(shell, qtbot):
    shell.go("feedback_ask")
    screen = shell.current()
    screen.text.box.setText("请问在哪里领取结果？")
    tap(qtbot, shell, tr("Please call me back", "FeedbackAskScreen"))
    tap(qtbot, shell, tr("Send"))
    reads(qtbot, shell, messages.message("feedback_phone_required"))
    screen.phone.box.setText("1391234")
    tap(qtbot, shell, tr("Send"))
    reads(qtbot, shell, messages.message("phone_shape"))
    screen.phone.box.setText("13912345678")
    tap(qtbot, shell, tr("Send"))
    reads(qtbot, shell, tr("Your question has been received.", "FeedbackReceipt"))


def test_an_identified_citizen_chooses_to_complain_with_identity_and_is_followed(shell, qtbot):
    shell.ctx.session.identity = PERSON
    shell.go("feedback_complain")
    screen = shell.current()
    qtbot.waitUntil(lambda: len(screen.chip_buttons) >= 5, timeout=8000)
    tap(qtbot, shell, "排队等候时间")
    anonymous = tr("Send it anonymously (no follow-up)", "FeedbackComplainScreen")
    assert anonymous in button_texts(shell) and not screen.anonymous.isChecked()
    screen.text.box.setText("取号后等了一个多小时。")
    tap(qtbot, shell, tr("Send"))
    reads(qtbot, shell, tr("Your complaint has been received.", "FeedbackReceipt"))
    assert "查询办件" in shown(shell)                         # followed in Check my case


def test_offline_a_complaint_is_kept_and_the_receipt_says_so(shell, qtbot, platform):
    platform.stop()
    shell.ctx.services.catalog.refresh_now()
    shell.go("feedback_complain")
    screen = shell.current()
    qtbot.waitUntil(lambda: bool(screen.flow.categories), timeout=8000)
    tap(qtbot, shell, "其他问题")
    screen.text.box.setText("自助终端旁边没有座椅。")
    tap(qtbot, shell, tr("Send"))
    reads(qtbot, shell, tr("The connection is down: it is kept safely at this kiosk and sent as "
                           "soon as the connection returns.", "FeedbackReceipt"))
    assert shell.ctx.services.sync.status().depth == 1


def test_correcting_asks_for_identity_first(shell, qtbot):
    shell.go("feedback")
    tap(qtbot, shell, tr("Correct my data"))
    assert shell.current().name == "identify"


def test_a_question_about_an_item_starts_by_finding_it(shell, qtbot):
    shell.go("feedback_ask")
    tap(qtbot, shell, tr("About a service item: find it"))
    assert shell.current().name == "catalog"
    shell.go("guide", code=ITEM)                         # found: its guide
    tap(qtbot, shell, tr("Ask or complain", "GuideScreen"))
    tap(qtbot, shell, tr("Make a complaint"))
    qtbot.waitUntil(lambda: bool(shell.current().flow.categories), timeout=8000)
    assert tr("About a service item: find it") not in button_texts(shell)
    assert shell.current().flow.item_code == ITEM
