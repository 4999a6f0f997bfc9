"""Walkthrough states of applying at the kiosk (自助申报, orders 1300-1324, and 1980, first of the offline states at the end, as it stops the platform): choose the
item, the pre-filled form, a validation error, Pinyin entry, e-licence materials, three pages
scanned and one retaken, the signature, the review, submitted online and offline, large text."""
from __future__ import annotations

import datetime as dt

from kiosk.session import Identity
from walkthrough.walker import step

PERMIT = "1199010001GG00106001"        # residence permit: signature, a window material, a scan
PENSION_OUT = "1199010002GG00206002"   # every material from the e-licence library, offline allowed
# the virtual ID card's person (devices/virtual/cards/resident.json), as the card reader gives it
PERSON = Identity("idcard", "林示例", "990101198805160026",
                  {"sex": "女", "nation": "汉", "birth_date": dt.date(1988, 5, 16),
                   "address": "示范省示范市演示区样例路8号"})
MATERIAL = "劳动合同、租赁合同或就读证明之一"


def _form(w):
    screen = w.shell.current()
    if screen.name != "apply_form" or screen.flow is None or screen.flow.item_code != PERMIT:
        w.ctx.session.identity = PERSON
        w.nav.go("apply_form", code=PERMIT)
        screen = w.shell.current()
    # the step changes on the worker; the form is shown once its answer reaches the UI thread
    w.wait_for(lambda: screen.flow.step not in ("identify", "loading")
               and (screen.flow.step != "form" or screen.entries), 10000)
    return screen


def _entry(w, name: str):
    screen = w.shell.current()
    entry = screen.entries[name]
    screen.scroll.ensureWidgetVisible(entry)
    return entry


@step(1300, "apply-choose-item")
def choose_item(w) -> None:
    w.nav.home()
    w.nav.go("apply")
    screen = w.shell.current()
    w.wait_for(lambda: screen.items is not None or screen.failed, 10000)
    assert screen.items and len(screen.items) >= 8


@step(1302, "apply-form-prefilled")
def prefilled(w) -> None:
    screen = _form(w)
    assert screen.flow.step == "form"
    assert screen.entries["name"].value() == PERSON.name
    assert screen.entries["phone"].value()            # the platform's person data


@step(1304, "apply-form-validation-error")
def validation_error(w) -> None:
    screen = _form(w)
    phone = _entry(w, "phone")
    phone.focus()
    w.settle(200)
    phone.box.setText("1380013")
    assert phone.problem.isVisible()
    w.settle(200)
    _entry(w, "phone")


@step(1306, "apply-pinyin-candidates")
def pinyin_candidates(w) -> None:
    from screens.text_entry import keyboard_panel
    screen = _form(w)
    screen.entries["phone"].box.setText("13800138000")
    screen._choose("reason", "study")                 # asks for the school
    school = _entry(w, "school")
    school.focus()
    w.wait_for(lambda: keyboard_panel().isVisible() and keyboard_panel().ready(), 5000)
    keyboard_panel().type_keys("beijing")
    w.wait_for(lambda: "北京" in keyboard_panel().candidates(), 5000)
    w.settle(300)


@step(1308, "apply-pinyin-entered")
def pinyin_entered(w) -> None:
    from screens.text_entry import keyboard_panel
    screen = w.shell.current()
    if screen.name != "apply_form" or "school" not in screen.entries:
        pinyin_candidates(w)
        screen = w.shell.current()
    panel = keyboard_panel()
    panel.choose("北京")
    for keys, word in (("shifan", "示范"), ("daxue", "大学")):
        panel.type_keys(keys)
        w.wait_for(lambda word=word: word in panel.candidates(), 5000)
        panel.choose(word)
    w.wait_for(lambda: screen.entries["school"].value() == "北京示范大学", 5000)
    w.settle(300)


@step(1310, "apply-materials-elicence")
def materials(w) -> None:
    screen = w.shell.current()
    if screen.name != "apply_form" or screen.flow.step != "form":
        pinyin_entered(w)
        screen = w.shell.current()
    screen._next()
    assert screen.flow.step == "materials", screen.flow.form.problems
    assert [m.how for m in screen.flow.materials] == ["elicence", "window", "elicence", "scan"]


def _twin(w):
    from devices.virtual import camera_twin
    source = w.ctx.config.camera["document"].source
    return camera_twin.device(source[len("virtual:"):]) if source.startswith("virtual:") else None


def _take(w) -> None:
    screen = w.shell.current()
    count = len(screen.batch.pages)
    screen._capture()
    w.wait_for(lambda: not screen.busy, 8000)
    assert len(screen.batch.pages) >= count


@step(1312, "apply-scan-three-pages")
def scan_three(w) -> None:
    form = w.shell.current()
    if form.name != "apply_form" or form.flow.step != "materials":
        materials(w)
        form = w.shell.current()
    form._scan(MATERIAL)
    screen = w.shell.current()
    assert screen.name == "document_capture"
    w.wait_for(lambda: screen.view.page_corners is not None, 8000)
    twin = _twin(w)
    for _ in range(3):
        _take(w)
        if twin:
            twin.scene.images.reverse()                # the next page is laid down
        w.settle(300)
    assert len(screen.batch.pages) == 3


@step(1314, "apply-scan-retake-page")
def retake(w) -> None:
    screen = w.shell.current()
    if screen.name != "document_capture":
        scan_three(w)
        screen = w.shell.current()
    screen._select(1)
    _take(w)                                           # page 2 again, in its place
    assert len(screen.batch.pages) == 3


@step(1316, "apply-materials-scanned")
def scanned(w) -> None:
    screen = w.shell.current()
    if screen.name != "document_capture":
        retake(w)
        screen = w.shell.current()
    screen._done()
    form = w.shell.current()
    assert form.name == "apply_form"
    state = form.flow._material(MATERIAL)
    assert state.page_count == 3 and state.complete


@step(1318, "apply-signature")
def signature(w) -> None:
    form = w.shell.current()
    if form.name != "apply_form" or form.flow.step != "materials":
        scanned(w)
        form = w.shell.current()
    form._next()
    assert form.flow.step == "signature"
    w.settle(200)
    pad = form.pad
    width, height = pad.width(), pad.height()
    # a two-stroke signature across the pad
    pad.draw([(width * (0.1 + i / 60), height * (0.55 - 0.2 * ((i % 10) / 10))) for i in range(30)])
    pad.draw([(width * (0.55 + i / 80), height * (0.4 + 0.25 * ((i % 7) / 7))) for i in range(25)])


@step(1320, "apply-review")
def review(w) -> None:
    form = w.shell.current()
    if form.name != "apply_form" or form.flow.step != "signature":
        signature(w)
        form = w.shell.current()
    form._next()
    assert form.flow.step == "review" and form.flow.signature


@step(1322, "apply-submitted-online")
def submitted(w) -> None:
    form = w.shell.current()
    if form.name != "apply_form" or form.flow.step != "review":
        review(w)
        form = w.shell.current()
    form._next()
    w.wait_for(lambda: form.flow.step == "submitted", 10000)
    assert not form.flow.offline and form.flow.reference


@step(1323, "apply-form-large-text")
def large_text(w) -> None:
    w.ctx.session.wipe()
    w.nav.home()               # a new application: the form again, in large text
    _form(w)
    w.shell.toggle_elderly()
    w.settle(300)


@step(1324, "apply-form-large-text-done")
def large_text_done(w) -> None:
    if w.ctx.session.elderly_mode:
        w.shell.toggle_elderly()
    w.ctx.session.wipe()
    w.nav.home()


@step(1980, "apply-submitted-offline")
def submitted_offline(w) -> None:
    """Last of the area: the platform goes away after the form came; the item allows offline."""
    w.ctx.session.identity = PERSON
    w.nav.go("apply_form", code=PENSION_OUT)     # the form comes while the platform is still up
    form = w.shell.current()
    w.wait_for(lambda: form.flow.step == "form" and form.entries, 10000)
    form.flow.set_field("destination_region", "440100")
    form._next()
    form._next()
    assert form.flow.step == "review"
    w.ctx.embedded_platform.stop()
    sync = w.ctx.services.sync
    sync.heartbeat.beat()
    w.wait_for(lambda: sync.status().online is False, 10000)
    form.retranslate()
    form._next()
    w.wait_for(lambda: form.flow.step == "submitted", 10000)
    assert form.flow.offline and sync.outbox.stats().depth >= 1
