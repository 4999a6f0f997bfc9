"""Walkthrough states of printing: the citizen's licences, a preview, printing through the CUPS
stand-in, a paper jam with the one retry, a tampered e-licence refused, and the receipt printer's
one-time notice."""
from __future__ import annotations

from kiosk.session import Identity
from walkthrough.walker import step

PERSON = Identity("idcard", "欧阳建国", "990101198001011234")   # synthetic (region 99xxxx)


def _screen(w):
    screen = w.shell.current()
    assert screen.name == "print_licences", screen.name
    return screen


def _open(w, kind: str) -> None:
    screen = _screen(w)
    doc = next(d for d in screen.documents if d["kind"] == kind)
    screen._choose(doc)
    w.wait_for(lambda: screen.prepared is not None or screen.state == "result", 20000)
    w.settle(200)


@step(500, "print-licences-list", area="print")
def licences_list(w) -> None:
    w.ctx.session.identity = PERSON
    w.nav.go("print_licences")
    w.wait_for(lambda: bool(_screen(w).documents), 15000)
    w.settle(200)


@step(510, "print-licences-preview", area="print")
def preview(w) -> None:
    _open(w, "household_register")
    screen = _screen(w)
    assert screen.state == "preview" and screen.prepared.pages >= 1
    screen._set_copies(2)


@step(520, "print-licences-printing", area="print")
def printing(w) -> None:
    screen = _screen(w)
    screen._print()
    w.wait_for(lambda: screen._progress in ("printing", "finishing"), 20000)


@step(530, "print-licences-printed", area="print")
def printed(w) -> None:
    screen = _screen(w)
    w.wait_for(lambda: screen.state == "result", 30000)
    assert screen.result_code == "completed", screen.result_code


@step(540, "print-licences-paper-jam", area="print")
def paper_jam(w) -> None:
    standin = w.ctx.services["printing"].standin
    screen = _screen(w)
    screen._show_list()
    _open(w, "business_licence")
    standin.set_mode("media-jam")
    screen._print()
    w.wait_for(lambda: screen.state == "result", 30000)
    assert screen.result_code == "paper-jam", screen.result_code


@step(545, "print-licences-jam-cleared-retry", area="print")
def retry(w) -> None:
    w.ctx.services["printing"].standin.reset_printer()      # staff cleared the jam
    screen = _screen(w)
    screen._print()                                         # the citizen's one retry
    w.wait_for(lambda: screen.state == "result", 30000)
    assert screen.result_code == "completed", screen.result_code


@step(550, "print-licences-tampered-refused", area="print")
def tampered(w) -> None:
    screen = _screen(w)
    source = w.ctx.services["printing"].certificates.source
    original = source.signed_pdf

    def tampered_pdf(doc_id: str) -> bytes:
        pdf = original(doc_id)
        at = pdf.index(b"stream", 200) + 20
        return pdf[:at] + bytes([pdf[at] ^ 1]) + pdf[at + 1:]
    source.signed_pdf = tampered_pdf
    try:
        screen._show_list()
        _open(w, "real_estate_record")
    finally:
        source.signed_pdf = original
    assert screen.result_code == "document-modified", screen.result_code


@step(560, "print-licences-large-text-other-language", area="print")
def large_text(w) -> None:
    from kiosk import i18n
    screen = _screen(w)
    screen._show_list()
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
