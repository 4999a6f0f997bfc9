"""Print my licences: renders kiosk.flows.print_licences.PrintLicences and forwards the citizen's
taps to it.

Three views in one screen: the list, the preview (with copies), the result. The flow's slow
methods (fetch, prepare, print, receipt) run off the UI thread (screens.tasks); printer progress is
read from the flow by a small polled slot, never by blocking.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel

from kiosk import messages
from kiosk.flows.print_licences import (FACE_CHECK_REQUIRED, IDENTITY_REQUIRED, PrintLicences,
                                        PrintLicencesError)
from screens.base import Screen, register_screen
from screens.identify import face_support
from screens.tasks import run_in_background
from screens.widgets import Banner, Card, Scroll, Spinner, button, clear_layout, label

# the session remembers that this visit already went to the face check once, so coming Back from
# it shows a prompt instead of sending the citizen there again in a loop
_SENT_TO_FACE = "print_licences_sent_to_face_check"


@register_screen
class PrintLicencesScreen(Screen):
    name = "print_licences"

    def __init__(self, ctx, nav):
        super().__init__(ctx, nav)
        self.flow = self._new_flow()
        self.banner = Banner("info")
        self.heading = label("", "Heading")
        self.spinner = Spinner(72)
        self.spinner.hide()
        self.scroll = Scroll()
        self.actions = QHBoxLayout()
        self.actions.setSpacing(16)
        self.layout_.addWidget(self.heading)
        self.layout_.addWidget(self.banner)
        self.layout_.addWidget(self.spinner, 0, Qt.AlignHCenter)
        self.layout_.addWidget(self.scroll, 1)
        self.layout_.addLayout(self.actions)
        self._poll = QTimer(self)
        self._poll.setInterval(200)
        self._poll.timeout.connect(self._show_progress)

    def _new_flow(self) -> PrintLicences:
        printing = self.ctx.services.printing
        if printing is None:
            return PrintLicences(None, self.ctx.session, face_support(self.ctx))
        return PrintLicences(printing.certificates, self.ctx.session, face_support(self.ctx),
                             receipts=printing.receipts)

    def title(self) -> str:
        return self.tr("Print my licences")

    def enter(self, **_params) -> None:
        self.flow = self._new_flow()
        try:
            self.flow.open()
        except PrintLicencesError as exc:
            self.render()
            if exc.code == FACE_CHECK_REQUIRED and not self.ctx.session.get(_SENT_TO_FACE):
                # after this navigation has finished, so Back from the face check returns here
                self.after(0, self._to_face_check)
            return
        self.render()
        self._work(self.flow.fetch_documents)

    def leave(self) -> None:
        self._poll.stop()
        self.spinner.stop()
        self.flow.forget()              # the rendered PDF and its preview hold personal data
        self.scroll.clear()             # and so do the preview's pixmap and the document cards
        self._clear_actions()

    def retranslate(self) -> None:
        self.render()

    # ---- what the citizen touched ------------------------------------------------------------
    def _to_face_check(self) -> None:
        self.ctx.session.put(_SENT_TO_FACE, True)
        self.nav.go("face_verify", next=self.name)

    def _choose(self, doc_id: str) -> None:
        self.flow.choose(doc_id)
        self.render()
        self._work(self.flow.prepare_chosen)

    def _back_to_list(self) -> None:
        self.flow.back_to_list()
        self.render()

    def _copies(self, change) -> None:
        change()
        self._show_copies()

    def _print(self) -> None:
        if self.flow.start_printing():
            self._poll.start()
            self._work(self.flow.print_chosen)
        self.render()

    def _print_receipt(self) -> None:
        self.flow.start_receipt()
        self._busy(True)
        self._work(self.flow.print_receipt)

    def _finish(self) -> None:
        offer = self.flow.next_step
        if offer is None:
            self.nav.end_session()
        else:
            self.nav.go("evaluation", **offer.params())

    def _work(self, fn) -> None:
        run_in_background(fn, lambda _result: self._worked(), lambda _exc: self._worked())

    def _worked(self) -> None:
        if self.flow.step != "printing":
            self._poll.stop()
        self.render()

    # ---- rendering ---------------------------------------------------------------------------
    def render(self) -> None:
        self._busy(self.flow.busy)
        {"list": self._show_list, "preview": self._show_preview,
         "printing": self._show_printing, "result": self._show_result}[self.flow.step]()

    def _show_list(self) -> None:
        flow = self.flow
        self._clear_actions()
        self.scroll.clear()
        if flow.blocked is not None:
            self._show_blocked(flow.blocked)
            return
        self.heading.setText(self.tr("Your licences and certificates"))
        if flow.busy:
            self.banner.set("info", self.tr("Fetching your documents…"))
            return
        if flow.list_error is not None:
            self.banner.set("error", self.citizen_message(flow.list_error))
            return
        if not flow.documents:
            self.banner.set("info", self.tr("No documents are available to print for you."))
            return
        self.banner.set("info", self.tr("Choose a document to see it before printing."))
        for doc in flow.documents:
            card = Card()
            card.body.addWidget(label(doc["title"], "Heading"))
            card.body.addWidget(label(self.tr("Issued by %1").replace("%1", doc["issuer"]), "Muted"))
            card.body.addWidget(label(self.tr("Valid until %1").replace("%1", doc["valid_until"]),
                                      "Muted"))
            if doc.get("format") == "signed-pdf":
                card.body.addWidget(label(self.tr("Electronic licence with the issuer's signature, "
                                                  "checked before printing"), "Muted"))
            card.body.addWidget(button(self.tr("Preview and print"), "primary",
                                       lambda d=doc["doc_id"]: self._choose(d), "print"))
            self.scroll.body.addWidget(card)
        self.scroll.body.addStretch(1)

    def _show_blocked(self, code: str) -> None:
        if code == IDENTITY_REQUIRED:
            self.heading.setText(self.tr("Please identify yourself first"))
            self.banner.set("info", self.tr("Your licences are shown after you identify with your "
                                            "ID card, social security card or face."))
            self._action(self.tr("Identify"), "primary",
                         lambda: self.nav.go("identify", next=self.name), "idcard")
        elif code == FACE_CHECK_REQUIRED:
            self.heading.setText(self.tr("Please confirm it is you"))
            self.banner.set("info", self.tr("Your licences are shown after your face has been "
                                            "matched with the photo of your ID card."))
            self._action(self.tr("Verify my face"), "primary", self._to_face_check, "face")
        else:
            self.heading.setText(self.tr("Certificate printing is not available"))
            self.banner.set("warn", messages.message("certificate_printer_unavailable"))

    def _show_preview(self) -> None:
        flow = self.flow
        self._clear_actions()
        self.scroll.clear()
        self.heading.setText((flow.chosen or {}).get("title", ""))
        if flow.prepared is None:
            self.banner.set("info", self.tr("Preparing the document and checking it…"))
            self._action(self.tr("Back to the list"), "", self._back_to_list, "back")
            return
        self.banner.set("info", self.tr("Pages to print: %n. Check them, choose the number of "
                                        "copies and press Print.", "", flow.prepared.pages))
        picture = QLabel()
        picture.setAlignment(Qt.AlignHCenter)
        pixmap = QPixmap()
        pixmap.loadFromData(flow.preview_png, "PNG")
        width = max(320, min(self.width() - 120, 760)) if self.width() else 640
        picture.setPixmap(pixmap.scaledToWidth(width, Qt.SmoothTransformation))
        picture.setAccessibleName(self.tr("Preview of the first page"))
        self.scroll.body.addWidget(picture)
        self._action(self.tr("Back to the list"), "", self._back_to_list, "back")
        self._action("−", "key", lambda: self._copies(flow.fewer_copies))
        self.copies_label = label("", "Heading", wrap=False)
        self.copies_label.setAlignment(Qt.AlignCenter)
        self.actions.addWidget(self.copies_label)
        self._action("+", "key", lambda: self._copies(flow.more_copies))
        self._show_copies()
        self._action(self.tr("Print"), "primary", self._print, "print")

    def _show_copies(self) -> None:
        self.copies_label.setText(self.tr("Copies: %n", "", self.flow.copies))

    def _show_printing(self) -> None:
        self._clear_actions()
        self.scroll.clear()
        self.heading.setText((self.flow.chosen or {}).get("title", ""))
        self._show_progress()

    def _show_progress(self) -> None:
        text = {"submitted": self.tr("Sending the document to the printer…"),
                "queued": self.tr("Waiting for the printer…"),
                "held": self.tr("Waiting for the printer…"),
                "printing": self.tr("Printing… please wait, do not leave yet."),
                "stopped": self.tr("The printer has paused…"),
                "finishing": self.tr("Almost done…")}.get(self.flow.progress, self.tr("Printing…"))
        if self.flow.step == "printing":
            self.banner.set("info", text)

    def _show_result(self) -> None:
        flow = self.flow
        self._clear_actions()
        self.scroll.clear()
        if flow.completed:
            self.heading.setText(self.tr("Printed"))
            self.banner.set("ok", self.tr("Printed. Copies: %n. Please take your documents from "
                                          "the tray below the screen.", "", flow.copies))
            if flow.receipt == "printed":
                self.banner.set("ok", self.tr("Receipt printed. Please take it from the receipt "
                                              "slot."))
            elif flow.receipt == "failed":
                self.banner.set("warn", self.tr("The receipt could not be printed; your documents "
                                                "were printed. The staff have been told."))
            if flow.offers_receipt:
                self._action(self.tr("Print a receipt"), "", self._print_receipt, "ticket")
            self._action(self.tr("Print another document"), "", self._back_to_list, "print")
            self._action(self.tr("Finish"), "primary", self._finish, "home")
            return
        self.heading.setText(self.tr("Not printed"))
        self.banner.set("error", self.citizen_message(flow.result_code))
        if flow.can_retry:
            self._action(self.tr("Try again"), "primary", self._print, "print")
        self._action(self.tr("Back to the list"), "", self._back_to_list, "back")

    def citizen_message(self, code: str | None) -> str:
        return messages.message(code, fallback="printing_error")

    # ---- helpers -------------------------------------------------------------------------
    def _busy(self, on: bool) -> None:
        self.spinner.setVisible(on)
        (self.spinner.start if on else self.spinner.stop)()

    def _clear_actions(self) -> None:
        clear_layout(self.actions)

    def _action(self, text: str, role: str, fn, icon: str | None = None) -> None:
        self.actions.addWidget(button(text, role, fn, icon))
