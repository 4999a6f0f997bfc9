"""Walkthrough states of printing: the citizen's licences, a preview, printing through the CUPS
stand-in, a paper jam with the one retry, the rating offered once printed (both languages), a
tampered e-licence refused, and the large-text list in the other language.

Steps press the buttons a citizen sees (found by their text in the current language) and read the
flow's state (screen.flow) to know when a step is reached."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QPushButton

from kiosk.flows.face_policy import mark_face_verified
from kiosk.session import Identity
from walkthrough.walker import step

PERSON = Identity("idcard", "欧阳建国", "990101198001011234")   # synthetic (region 99xxxx)
CONTEXT = "PrintLicencesScreen"


def _screen(w):
    screen = w.shell.current()
    assert screen.name == "print_licences", screen.name
    return screen


def tap(widget, english: str, context: str = CONTEXT) -> None:
    """Click the visible button that shows this text (given in English, shown translated)."""
    QCoreApplication.processEvents()          # widgets just added are shown on the next turn
    text = QCoreApplication.translate(context, english) if context else english
    matches = [b for b in widget.findChildren(QPushButton) if b.isVisible() and b.text() == text]
    assert matches, f"no button {text!r} on {getattr(widget, 'name', widget)}"
    matches[0].click()


def _open(w, kind: str) -> None:
    """Press "Preview and print" on the card of the document of this kind."""
    screen = _screen(w)
    title = next(d["title"] for d in screen.flow.documents if d["kind"] == kind)
    caption = QCoreApplication.translate(CONTEXT, "Preview and print")
    w.settle(100)
    for b in screen.findChildren(QPushButton):
        card = b.parentWidget()
        if b.isVisible() and b.text() == caption and any(
                lab.text() == title for lab in card.findChildren(QLabel)):
            b.click()
            break
    else:
        raise AssertionError(f"no card for {title}")
    w.wait_for(lambda: screen.flow.prepared is not None or screen.flow.step == "result", 20000)
    w.settle(200)


def _list_shown(w) -> None:
    screen = _screen(w)
    w.wait_for(lambda: screen.flow.listed and not screen.flow.busy, 15000)
    w.settle(200)


@step(500, "print-licences-list", area="print")
def licences_list(w) -> None:
    w.ctx.session.identity = PERSON
    mark_face_verified(w.ctx.session)       # the face-check area walks the check itself
    w.nav.go("print_licences")
    _list_shown(w)
    assert _screen(w).flow.documents


@step(510, "print-licences-preview", area="print")
def preview(w) -> None:
    _open(w, "household_register")
    screen = _screen(w)
    assert screen.flow.step == "preview" and screen.flow.prepared.pages >= 1
    tap(screen, "+", None)
    assert screen.flow.copies == 2


@step(520, "print-licences-printing", area="print")
def printing(w) -> None:
    screen = _screen(w)
    tap(screen, "Print")
    w.wait_for(lambda: screen.flow.progress in ("printing", "finishing"), 20000)


@step(530, "print-licences-printed", area="print")
def printed(w) -> None:
    screen = _screen(w)
    w.wait_for(lambda: screen.flow.step == "result", 30000)
    assert screen.flow.result_code == "completed", screen.flow.result_code


@step(540, "print-licences-paper-jam", area="print")
def paper_jam(w) -> None:
    standin = w.ctx.services.printing.standin
    screen = _screen(w)
    tap(screen, "Print another document")
    _open(w, "business_licence")
    standin.set_mode("media-jam")
    tap(screen, "Print")
    w.wait_for(lambda: screen.flow.step == "result", 30000)
    assert screen.flow.result_code == "paper_jam", screen.flow.result_code


@step(545, "print-licences-jam-cleared-retry", area="print")
def retry(w) -> None:
    w.ctx.services.printing.standin.reset_printer()      # staff cleared the jam
    screen = _screen(w)
    tap(screen, "Try again")                                # the citizen's one retry
    w.wait_for(lambda: screen.flow.step == "result", 30000)
    assert screen.flow.result_code == "completed", screen.flow.result_code


@step(546, "print-licences-rating-offered", area="print")
def rating_offered(w) -> None:
    tap(_screen(w), "Finish")                               # the rating of the print comes next
    w.settle(100)
    rating = w.shell.current()
    assert rating.name == "evaluation" and rating.offered and rating.skip_button.isVisible()


@step(547, "print-licences-rating-offered-other-language", area="print")
def rating_offered_other_language(w) -> None:
    w.shell.toggle_language()
    w.settle(100)
    assert w.shell.current().name == "evaluation"


@step(548, "print-licences-list-again", area="print")
def list_again(w) -> None:
    w.shell.toggle_language()
    w.nav.back()                                            # not skipped: still identified
    _list_shown(w)


@step(550, "print-licences-tampered-refused", area="print")
def tampered(w) -> None:
    screen = _screen(w)
    source = w.ctx.services.printing.certificates.source
    original = source.signed_pdf

    def tampered_pdf(doc_id: str) -> bytes:
        pdf = original(doc_id)
        at = pdf.index(b"stream", 200) + 20
        return pdf[:at] + bytes([pdf[at] ^ 1]) + pdf[at + 1:]
    source.signed_pdf = tampered_pdf
    try:
        _open(w, "real_estate_record")
    finally:
        source.signed_pdf = original
    assert screen.flow.result_code == "document_modified", screen.flow.result_code


@step(560, "print-licences-large-text-other-language", area="print")
def large_text(w) -> None:
    from kiosk import i18n
    screen = _screen(w)
    tap(screen, "Back to the list")
    before = i18n.current_language()
    w.shell.toggle_elderly()
    w.shell.toggle_language()
    w.settle(200)
    assert w.ctx.session.elderly_mode and i18n.current_language() != before
    assert screen.heading.text() in ("Your licences and certificates", "您的证照与证明")


@step(565, "print-licences-back-to-normal", area="print")
def back_to_normal(w) -> None:
    w.shell.toggle_elderly()
    w.shell.toggle_language()
    w.settle(100)
