"""Walkthrough states of "check my case" (orders 570-589, and 1997 for offline): how to find a case,
the case number typed on its keypad, a receipt's QR code scanned by the virtual QR camera, a number
that does not exist, an expired receipt, the identified citizen's list and each kind of case
(overdue, corrections, locker, post, e-licence, refused, not accepted, collected), the progress
slip, large text in the other language, and the platform gone.

The cases are the embedded platform's demo cases of 林示例 (the virtual reader's sample card).
Steps press what a citizen sees and read the flow's state to know when a step is reached."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPushButton

from kiosk.session import Identity
from walkthrough.walker import step, tr

PERSON = Identity("idcard", "林示例", "990101198805160026")     # devices/virtual/cards/resident.json
CONTEXT = "CaseScreen"


def _screen(w, name: str = "case"):
    screen = w.shell.current()
    assert screen.name == name, screen.name
    return screen


def tap(widget, english: str, context: str = CONTEXT) -> None:
    """Click the visible button that shows this text (given in English, shown translated)."""
    QCoreApplication.processEvents()
    text = QCoreApplication.translate(context, english)
    matches = [b for b in widget.findChildren(QPushButton) if b.isVisible() and b.text() == text]
    assert matches, f"no button {text!r} on {getattr(widget, 'name', widget)}"
    matches[0].click()


def _settled(w) -> None:
    screen = _screen(w)
    w.wait_for(lambda: not screen.flow.busy, 15000)
    w.settle(200)


def _mine(w) -> list:
    """The demo person's cases, straight from the platform (to know the numbers)."""
    from kiosk.flows.case_source import PlatformCases
    from kiosk.wiring.platform import platform_client
    return PlatformCases(platform_client(w.ctx)).for_person(PERSON.id_number)


def _case_no(w, status: str, method: str | None = None) -> str:
    return next(c.case_no for c in _mine(w)
                if c.status == status and (method is None or c.collection_method == method))


def said(code: str):
    """The citizen message of a code, in the language shown (an expected text)."""
    def text(_w) -> str:
        from kiosk import messages
        return messages.message(code)
    return text


def overdue_said(_w) -> str:
    """The start of the overdue line, the same for any number of days."""
    source = ("Overdue: it was promised by %1 and is %n day(s) late. You can ask about it at the "
              "window or call 12345.")
    return QCoreApplication.translate(CONTEXT, source, None, 1).split("%1")[0]


def _anonymous(w) -> None:
    w.nav.end_session()


@step(570, "case-choose-how",
      expect=(tr(CONTEXT, "How would you like to find your case?"),
              tr(CONTEXT, "Scan the QR code on my receipt")))
def choose_how(w) -> None:
    _anonymous(w)
    w.nav.go("case")
    screen = _screen(w)
    assert screen.flow.step == "start"


@step(571, "case-type-number-letters",
      expect=(tr("CaseNumberPad", "First the two letters at the start of the number."),))
def type_letters(w) -> None:
    if w.shell.current().name != "case":
        choose_how(w)
    tap(_screen(w), "Type the case number")
    pad = _screen(w, "case_number").pad
    pad.keys["S"].click()
    assert pad.value == "S" and pad.keys["L"].isVisible() and not pad.keys["1"].isVisible()


@step(572, "case-type-number-digits",
      expect=(tr("CaseNumberPad", "Check the number, then touch “Look up this case”."),))
def type_number(w) -> None:
    number = _case_no(w, "corrections_requested")
    if w.shell.current().name != "case_number":
        type_letters(w)
    pad = _screen(w, "case_number").pad
    pad.clear()
    for key in number.replace("-", ""):
        pad.keys[key].click()
    assert pad.complete and pad.value == number


@step(573, "case-typed-number-found",
      expect=(tr(CONTEXT, "Materials still missing"),))
def typed_found(w) -> None:
    screen = w.shell.current()
    if screen.name != "case_number":
        type_number(w)
        screen = w.shell.current()
    tap(screen, "Look up this case", "CaseNumberPad")
    _settled(w)
    flow = _screen(w).flow
    assert flow.step == "detail" and flow.shown.status == "corrections_requested"
    assert not flow.personal


@step(575, "case-scan-receipt",
      expect=(tr(CONTEXT, "How to collect the result"),))
def scan_receipt(w) -> None:
    from walkthrough.camera import _twin
    _anonymous(w)
    number = _case_no(w, "issued", "locker")
    code = w.ctx.embedded_platform.admin.call(f"/api/v1/admin/cases/{number}/receipt-code", {})
    twin = _twin(w, "qr")
    if twin:
        twin.set_scene("empty")
    w.nav.go("case")
    tap(_screen(w), "Scan the QR code on my receipt")
    if twin:
        twin.set_scene("qr:" + code["code"])
    w.wait_for(lambda: w.shell.current().name == "case", 10000)
    _settled(w)
    flow = _screen(w).flow
    assert flow.step == "detail" and flow.shown.case_no == number
    assert "pickup_code" not in flow.shown.collection          # not identified: no pick-up code


@step(577, "case-not-found",
      expect=(said("case_not_found"),))
def not_found(w) -> None:
    _anonymous(w)
    w.nav.go("case", case_no="SL-990100-20200101-999999")
    _settled(w)
    assert _screen(w).flow.problem == "case_not_found"


@step(578, "case-receipt-expired",
      expect=(said("receipt_expired"),))
def receipt_expired(w) -> None:
    _anonymous(w)
    number = _case_no(w, "under_review")
    code = w.ctx.embedded_platform.admin.call(f"/api/v1/admin/cases/{number}/receipt-code",
                                              {"valid_days": -1})["code"]
    w.nav.go("case", code=code)
    _settled(w)
    assert _screen(w).flow.problem == "receipt_expired"


@step(579, "case-not-a-case-code",
      expect=(said("not_a_case_code"),))
def not_a_case_code(w) -> None:
    _anonymous(w)
    w.nav.go("case", code="https://zwfw.shifan.example/bszn/1199010001XK00101001")
    _settled(w)
    assert _screen(w).flow.problem == "not_a_case_code"


@step(580, "case-list",
      expect=(tr(CONTEXT, "Your cases"), tr(CONTEXT, "See every step")))
def case_list(w) -> None:
    _anonymous(w)
    w.ctx.session.identity = PERSON
    w.nav.go("case")
    _settled(w)
    flow = _screen(w).flow
    assert flow.step == "list" and len(flow.cases) >= 8


def _open(w, status: str, method: str | None = None, overdue: bool | None = None):
    screen = w.shell.current()
    if screen.name != "case" or not screen.flow.listed:
        case_list(w)
        screen = _screen(w)
    flow = screen.flow
    if flow.step != "list":
        tap(screen, "Back to my cases")
    case = next(c for c in flow.cases if c.status == status
                and (method is None or c.collection_method == method)
                and (overdue is None or c.overdue(flow.today) == overdue))
    screen._choose(case.case_no)               # the card's "See every step"
    w.settle(100)
    assert flow.step == "detail" and flow.chosen.case_no == case.case_no
    return flow


@step(581, "case-overdue",
      expect=(overdue_said,))
def overdue(w) -> None:
    flow = _open(w, "under_review", overdue=True)
    assert flow.shown.overdue(flow.today)


@step(582, "case-corrections-requested",
      expect=(tr(CONTEXT, "Materials still missing"),))
def corrections(w) -> None:
    flow = _open(w, "corrections_requested")
    assert flow.shown.missing


@step(583, "case-locker-pickup-code",
      expect=("604918",))
def locker(w) -> None:
    flow = _open(w, "issued", "locker")
    assert flow.personal and flow.shown.collection["pickup_code"]


@step(584, "case-sent-by-post",
      expect=("EM990100123456789CN",))
def post(w) -> None:
    flow = _open(w, "issued", "post")
    assert flow.shown.collection["tracking_no"]


@step(585, "case-elicence-ready",
      expect=(tr(CONTEXT, "Print my e-licence"),))
def elicence(w) -> None:
    flow = _open(w, "issued", "elicence")
    assert flow.shown.offers_elicence


@step(586, "case-just-submitted",
      expect=(tr(CONTEXT, "Submitted"),))
def just_submitted(w) -> None:
    flow = _open(w, "submitted")
    assert flow.shown.next_code == "await_acceptance" and not flow.shown.overdue(flow.today)


@step(586, "case-refused",
      expect=(tr(CONTEXT, "Reason given by the department"),))
def refused(w) -> None:
    assert _open(w, "refused").shown.reason


@step(587, "case-not-accepted",
      expect=(tr(CONTEXT, "Not accepted"),))
def not_accepted(w) -> None:
    assert _open(w, "not_accepted").shown.reason


@step(588, "case-collected-slip-printed",
      expect=(tr(CONTEXT, "Please take your progress slip from the receipt slot."),))
def slip(w) -> None:
    flow = _open(w, "collected")
    screen = _screen(w)
    assert flow.next_step.item_code == flow.chosen.item_code      # Finish rates this item
    tap(screen, "Print a progress slip")
    w.wait_for(lambda: flow.slip not in (None, "printing"), 15000)
    assert flow.slip == "printed", flow.slip


@step(589, "case-large-text-other-language",
      expect=(tr(CONTEXT, "Materials still missing"),))
def large_text(w) -> None:
    from kiosk import i18n
    _open(w, "corrections_requested")
    before = i18n.current_language()
    w.shell.toggle_elderly()
    w.shell.toggle_language()
    w.settle(200)
    assert w.ctx.session.elderly_mode and i18n.current_language() != before


@step(590, "case-finish-rating-offered",
      expect=(tr("EvaluationScreen", "Skip"),))
def finish(w) -> None:
    from kiosk import i18n
    if w.ctx.session.elderly_mode:
        w.shell.toggle_elderly()
    if i18n.current_language() != w.ctx.config.ui.language:
        w.shell.toggle_language()
    item_code = _open(w, "collected").chosen.item_code
    tap(_screen(w), "Finish")
    screen = w.shell.current()
    assert screen.name == "evaluation" and screen.offered and screen.then == "end_session"
    assert screen.evaluation.item_code == item_code


@step(591, "case-rating-skipped-session-ended",
      expect=(tr("HomeScreen", "Welcome. What would you like to do?"),))
def skipped(w) -> None:
    tap(w.shell.current(), "Skip", "EvaluationScreen")
    w.settle(100)
    assert w.shell.current().name == "home" and w.ctx.session.identity is None


@step(1997, "case-offline",
      expect=(said("case_offline"),))
def offline(w) -> None:
    """Last: the platform goes away (as the offline area leaves it)."""
    w.ctx.embedded_platform.stop()
    _anonymous(w)
    w.ctx.session.identity = PERSON
    w.nav.go("case")
    _settled(w)
    assert _screen(w).flow.problem == "case_offline"
