"""Walkthrough states of ask, complain and correct my data (orders 1400-1426, after apply, and 1999 among the offline states at the end): the item's frequent
questions, a question typed with the Pinyin keyboard, the receipts, a complaint anonymous and with
identity, a data correction with its proof from the document camera, the department's answer in
Check my case, offline, large text and English. Everything goes through the kiosk's outbox to the
embedded platform."""
from __future__ import annotations

from kiosk.session import Identity
from walkthrough.walker import step

ITEM = "1199010001GG00108000"             # 无犯罪记录证明开具: it has frequent questions
PERSON = Identity("idcard", "林示例", "990101198805160026")


def _screen(w, name: str, **params):
    if w.shell.current().name != name:
        w.nav.go(name, **params)
    return w.shell.current()


def _type(w, entry, pieces) -> None:
    from screens.text_entry import keyboard_panel
    entry.focus()
    panel = keyboard_panel()
    w.wait_for(lambda: panel.isVisible() and panel.ready(), 5000)
    for keys, word in pieces:
        panel.type_keys(keys)
        w.wait_for(lambda word=word: word in panel.candidates(), 5000)
        panel.choose(word)


@step(1400, "feedback-choose")
def choose(w) -> None:
    w.ctx.session.wipe()
    w.nav.go("feedback", item=ITEM)


@step(1402, "feedback-ask-questions")
def ask_questions(w) -> None:
    w.ctx.session.wipe()
    screen = _screen(w, "feedback_ask", item=ITEM)
    w.nav.go("feedback_ask", item=ITEM)
    screen = w.shell.current()
    w.wait_for(lambda: screen.questions.isVisible(), 8000)


@step(1404, "feedback-ask-typed")
def ask_typed(w) -> None:
    screen = _screen(w, "feedback_ask", item=ITEM)
    _type(w, screen.text, [("waidi", "外地"), ("huji", "户籍"), ("keyi", "可以"), ("ban", "办"),
                           ("ma", "吗")])
    w.wait_for(lambda: screen.text.value() == "外地户籍可以办吗", 5000)


@step(1406, "feedback-ask-sent")
def ask_sent(w) -> None:
    screen = _screen(w, "feedback_ask", item=ITEM)
    if not screen.text.value():
        screen.text.box.setText("外地户籍可以办吗？")
    screen.send_button.click()
    w.wait_for(lambda: screen.receipt.isVisible(), 5000)
    assert screen.flow.sent.kind == "consultation"


@step(1408, "feedback-complain-anonymous")
def complain_anonymous(w) -> None:
    w.ctx.session.wipe()
    w.nav.go("feedback_complain")
    screen = w.shell.current()
    w.wait_for(lambda: len(screen.flow.categories) >= 5 and len(screen.chip_buttons) >= 5, 8000)
    screen._choose("kiosk")
    screen.text.box.setText("触摸屏右下角不太灵敏，点了好几次。")
    screen.send_button.click()
    w.wait_for(lambda: screen.receipt.isVisible(), 5000)
    assert screen.flow.anonymous


@step(1410, "feedback-complain-identified")
def complain_identified(w) -> None:
    w.ctx.session.wipe()
    w.ctx.session.identity = PERSON
    w.nav.go("feedback_complain")
    screen = w.shell.current()
    w.wait_for(lambda: len(screen.flow.categories) >= 5 and len(screen.chip_buttons) >= 5, 8000)
    screen._choose("waiting")
    screen.anonymous.setChecked(False)
    screen._toggle_anonymous()
    screen.text.box.setText("取号后等了一个多小时，叫号屏幕也看不清。")


@step(1412, "feedback-complain-identified-sent")
def complain_identified_sent(w) -> None:
    screen = w.shell.current()
    if screen.name != "feedback_complain" or screen.flow.category is None:
        complain_identified(w)
        screen = w.shell.current()
    screen.send_button.click()
    assert screen.flow.step == "sent", (screen.flow.problems, screen.flow.code)
    assert screen.flow.sent.followed


@step(1414, "feedback-correct-list")
def correct_list(w) -> None:
    w.ctx.session.wipe()
    w.ctx.session.identity = PERSON
    w.nav.go("feedback_correct")
    screen = w.shell.current()
    w.wait_for(lambda: bool(screen.flow.records), 10000)


@step(1416, "feedback-correct-proof-needed")
def correct_proof(w) -> None:
    screen = _screen(w, "feedback_correct")
    if not screen.flow.records:
        correct_list(w)
        screen = w.shell.current()
    screen._choose("person", "name", True)
    screen.value.box.setText("林示列")
    screen.send_button.click()
    assert screen.flow.problems.get("proof") == "feedback_proof_missing"


@step(1418, "feedback-correct-scanned")
def correct_scanned(w) -> None:
    screen = _screen(w, "feedback_correct")
    if screen.flow.field is None:
        correct_proof(w)
        screen = w.shell.current()
    screen._scan()
    capture = w.shell.current()
    assert capture.name == "document_capture"
    w.wait_for(lambda: capture.view.page_corners is not None, 10000)   # the page is in view
    capture._capture()
    w.wait_for(lambda: not capture.busy and bool(capture.batch.pages), 10000)
    capture.done_button.click()
    w.wait_for(lambda: w.shell.current().name == "feedback_correct", 10000)
    assert w.shell.current().flow.proof


@step(1420, "feedback-correct-sent")
def correct_sent(w) -> None:
    screen = _screen(w, "feedback_correct")
    screen.send_button.click()
    assert screen.flow.step == "sent", (screen.flow.problems, screen.flow.code)


@step(1422, "feedback-answer-in-my-cases")
def answer_in_cases(w) -> None:
    sync = w.ctx.services.sync
    reference = w.shell.current().flow.sent.reference if w.shell.current().name == \
        "feedback_correct" else None
    sync.flush(20)
    from kiosk.flows.feedback import sent_state
    from screens.feedback import feedback_platform
    platform = feedback_platform(w.ctx)
    if reference:
        assert sent_state(platform, w.shell.current().flow.sent) is not None
        w.ctx.embedded_platform.admin.call("/api/v1/admin/feedback/answer", {
            "reference": reference, "answer": "已核实，姓名已更正为“林示列”。"})
    w.ctx.session.identity = PERSON
    w.nav.go("case")
    w.wait_for(lambda: "数据纠错" in " ".join(
        lab.text() for lab in w.shell.current().findChildren(__import__(
            "PySide6.QtWidgets", fromlist=["QLabel"]).QLabel)), 10000)


@step(1999, "feedback-offline")
def offline(w) -> None:
    """Among the offline states at the end: the platform is stopped for good (a stopped reference
    platform does not start again on its port)."""
    w.ctx.session.wipe()
    w.ctx.embedded_platform.stop()
    w.ctx.services.catalog.refresh_now()
    w.nav.go("feedback_ask")
    screen = w.shell.current()
    screen.text.box.setText("周六上午可以办理吗？")
    screen.send_button.click()
    w.wait_for(lambda: screen.receipt.isVisible(), 5000)
    assert not screen.flow.sent.online


@step(1424, "feedback-large-text-english")
def large_english(w) -> None:
    w.shell.toggle_elderly()
    w.shell.toggle_language()
    w.ctx.session.wipe()
    w.nav.go("feedback_complain")
    screen = w.shell.current()
    w.wait_for(lambda: len(screen.flow.categories) >= 5 and len(screen.chip_buttons) >= 5, 8000)


@step(1426, "feedback-back-to-normal")
def back_to_normal(w) -> None:
    w.shell.toggle_elderly()
    w.shell.toggle_language()
    w.nav.go("feedback", item=ITEM)
