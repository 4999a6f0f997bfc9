"""Print my licences: the identified citizen's documents from the platform, a preview of exactly
what will print, copies, progress, and a kind message for every way it can fail.

Three views in one screen: the list, the preview (with copies), the result. All platform and
printer work runs off the UI thread (screens.tasks); printer progress comes back through a small
polled slot, never by blocking.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel

from screens.base import Screen, register_screen
from screens.tasks import run_in_background
from screens.widgets import Banner, Card, Scroll, Spinner, button, clear_layout, label

MAX_COPIES = 5
_SIGNATURE = ("document-modified", "signature-invalid", "signature-untrusted", "signature-missing",
              "document-unreadable", "document-rejected")
_PRINTER_DOWN = ("offline", "print_service_down", "queue-missing", "submit-failed", "job-lost",
                 "printer-unavailable", "printer-fault", "job-aborted", "job-cancelled")
_CANNOT_RENDER = ("template-missing", "template-invalid", "document-data-invalid", "font-missing",
                  "preview-unavailable")


@register_screen
class PrintLicencesScreen(Screen):
    name = "print_licences"

    def __init__(self, ctx, nav):
        super().__init__(ctx, nav)
        self.documents: list[dict] = []
        self.chosen: dict | None = None
        self.prepared = None
        self.copies = 1
        self.state = "list"                 # list / preview / printing / result
        self.result_code: str | None = None
        self._progress = ""
        self._preview_png = b""
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

    # ---- services ------------------------------------------------------------------------
    @property
    def service(self):
        printing = self.ctx.services.get("printing")
        return getattr(printing, "certificates", None)

    def title(self) -> str:
        return self.tr("Print my licences")

    def enter(self, **_params) -> None:
        self.documents, self.chosen, self.prepared, self.copies = [], None, None, 1
        self.result_code = None
        self.state = "list"
        self.retranslate()
        identity = self.ctx.session.identity
        if self.service is None or identity is None:
            return
        self._busy(True)
        source = self.service.source
        run_in_background(lambda: source.list_for(identity.id_number, identity.name),
                          self._listed, self._failed)

    def leave(self) -> None:
        self._poll.stop()
        self.spinner.stop()
        self.prepared = None            # the rendered PDF and its preview hold personal data
        self._preview_png = b""

    def retranslate(self) -> None:
        {"list": self._show_list, "preview": self._show_preview,
         "printing": self._show_printing, "result": self._show_result}[self.state]()

    # ---- list ----------------------------------------------------------------------------
    def _listed(self, documents: list) -> None:
        self._busy(False)
        self.documents = documents
        self._show_list()

    def _show_list(self) -> None:
        self.state = "list"
        self._clear_actions()
        self.scroll.clear()
        if self.service is None:
            self.heading.setText(self.tr("Certificate printing is not available"))
            self.banner.set("warn", self.tr("This kiosk cannot print certificates right now. "
                                            "Please ask the staff or use another kiosk."))
            return
        if self.ctx.session.identity is None:
            self.heading.setText(self.tr("Please identify yourself first"))
            self.banner.set("info", self.tr("Your licences are shown after you identify with your "
                                            "ID card, social security card or face."))
            self._action(self.tr("Identify"), "primary",
                         lambda: self.nav.go("identify", next=self.name), "idcard")
            return
        self.heading.setText(self.tr("Your licences and certificates"))
        if self.spinner.isVisible():
            self.banner.set("info", self.tr("Fetching your documents…"))
            return
        if not self.documents:
            self.banner.set("info", self.tr("No documents are available to print for you."))
            return
        self.banner.set("info", self.tr("Choose a document to see it before printing."))
        for doc in self.documents:
            card = Card()
            card.body.addWidget(label(doc["title"], "Heading"))
            card.body.addWidget(label(self.tr("Issued by %1").replace("%1", doc["issuer"]), "Muted"))
            card.body.addWidget(label(self.tr("Valid until %1").replace("%1", doc["valid_until"]),
                                      "Muted"))
            if doc.get("format") == "signed-pdf":
                card.body.addWidget(label(self.tr("Electronic licence with the issuer's signature, "
                                                  "checked before printing"), "Muted"))
            card.body.addWidget(button(self.tr("Preview and print"), "primary",
                                       lambda d=doc: self._choose(d), "print"))
            self.scroll.body.addWidget(card)
        self.scroll.body.addStretch(1)

    # ---- preview -------------------------------------------------------------------------
    def _choose(self, doc: dict) -> None:
        self.chosen, self.prepared, self.copies = doc, None, 1
        self.state = "preview"
        self._show_preview()
        self._busy(True)
        service = self.service

        def prepare():
            from printing.preview import page_png
            prepared = service.prepare(doc["doc_id"])
            return prepared, page_png(prepared.pdf, 1, 60)
        run_in_background(prepare, self._prepared, self._failed)

    def _prepared(self, result) -> None:
        self._busy(False)
        self.prepared, self._preview_png = result
        if self.state == "preview":
            self._show_preview()

    def _show_preview(self) -> None:
        self.state = "preview"
        self._clear_actions()
        self.scroll.clear()
        doc = self.chosen or {}
        self.heading.setText(doc.get("title", ""))
        if self.prepared is None:
            self.banner.set("info", self.tr("Preparing the document and checking it…"))
            self._action(self.tr("Back to the list"), "", self._show_list, "back")
            return
        pages = self.prepared.pages
        self.banner.set("info", self.tr("Pages to print: %n. Check them, choose the number of "
                                        "copies and press Print.", "", pages))
        picture = QLabel()
        picture.setAlignment(Qt.AlignHCenter)
        pixmap = QPixmap()
        pixmap.loadFromData(self._preview_png, "PNG")
        width = max(320, min(self.width() - 120, 760)) if self.width() else 640
        picture.setPixmap(pixmap.scaledToWidth(width, Qt.SmoothTransformation))
        picture.setAccessibleName(self.tr("Preview of the first page"))
        self.scroll.body.addWidget(picture)
        self._action(self.tr("Back to the list"), "", self._show_list, "back")
        self._action("−", "key", lambda: self._set_copies(self.copies - 1))
        self.copies_label = label("", "Heading", wrap=False)
        self.copies_label.setAlignment(Qt.AlignCenter)
        self.actions.addWidget(self.copies_label)
        self._action("+", "key", lambda: self._set_copies(self.copies + 1))
        self._set_copies(self.copies)
        self._action(self.tr("Print"), "primary", self._print, "print")

    def _set_copies(self, n: int) -> None:
        self.copies = max(1, min(MAX_COPIES, n))
        self.copies_label.setText(self.tr("Copies: %n", "", self.copies))

    # ---- printing ------------------------------------------------------------------------
    def _print(self) -> None:
        service, prepared, copies = self.service, self.prepared, self.copies
        if not service.can_print(prepared.doc_id):
            self.result_code = "retry-not-allowed"
            self._show_result()
            return
        self.state = "printing"
        self._progress = "submitted"
        self._show_printing()
        self._busy(True)
        self._poll.start()

        def progress(step: str) -> None:
            self._progress = step          # read by the UI timer; a str assignment is atomic
        run_in_background(lambda: service.print(prepared, copies, "citizen", progress),
                          self._printed, self._print_failed)

    def _show_printing(self) -> None:
        self._clear_actions()
        self.scroll.clear()
        self.heading.setText((self.chosen or {}).get("title", ""))
        self._show_progress()

    def _show_progress(self) -> None:
        text = {"submitted": self.tr("Sending the document to the printer…"),
                "queued": self.tr("Waiting for the printer…"),
                "held": self.tr("Waiting for the printer…"),
                "printing": self.tr("Printing… please wait, do not leave yet."),
                "stopped": self.tr("The printer has paused…"),
                "finishing": self.tr("Almost done…")}.get(self._progress, self.tr("Printing…"))
        if self.state == "printing":
            self.banner.set("info", text)

    def _printed(self, _result) -> None:
        self._poll.stop()
        self._busy(False)
        self.result_code = "completed"
        self._show_result()

    def _print_failed(self, exc: Exception) -> None:
        self._poll.stop()
        self._busy(False)
        self.result_code = getattr(exc, "code", "printing-error")
        self._show_result()

    def _show_result(self) -> None:
        self.state = "result"
        self._clear_actions()
        self.scroll.clear()
        code = self.result_code
        if code == "completed":
            self.heading.setText(self.tr("Printed"))
            self.banner.set("ok", self.tr("Printed. Copies: %n. Please take your documents from "
                                          "the tray below the screen.", "", self.copies))
            receipts = getattr(self.ctx.services.get("printing"), "receipts", None)
            if receipts is not None and receipts.available():
                self._action(self.tr("Print a receipt"), "", self._print_receipt, "ticket")
            self._action(self.tr("Print another document"), "", self._show_list, "print")
            self._action(self.tr("Finish"), "primary", self.nav.end_session, "home")
            return
        self.heading.setText(self.tr("Not printed"))
        self.banner.set("error", self.citizen_message(code))
        doc_id = self.prepared.doc_id if self.prepared else None
        if doc_id and code not in _SIGNATURE and self.service.can_print(doc_id):
            self._action(self.tr("Try again"), "primary", self._print, "print")
        self._action(self.tr("Back to the list"), "", self._show_list, "back")

    def _print_receipt(self) -> None:
        """A print-job receipt on the receipt printer: what was printed, how many, where."""
        from printing import receipts as layouts
        service = self.ctx.services["printing"].receipts
        doc, prepared, copies = self.chosen or {}, self.prepared, self.copies
        build = lambda width, hall, kiosk: layouts.print_job_receipt(        # noqa: E731
            hall, doc.get("title", ""), doc.get("serial", prepared.doc_id), copies, prepared.pages,
            "打印完成", kiosk, width=width)
        self._busy(True)
        run_in_background(lambda: service.print_receipt("print-job", prepared.doc_id, build),
                          self._receipt_done, self._receipt_failed)

    def _receipt_done(self, _record) -> None:
        self._busy(False)
        self.banner.set("ok", self.tr("Receipt printed. Please take it from the receipt slot."))

    def _receipt_failed(self, exc: Exception) -> None:
        self._busy(False)
        self.banner.set("warn", self.tr("The receipt could not be printed; your documents were "
                                        "printed. The staff have been told."))

    def citizen_message(self, code: str | None) -> str:
        if code in _SIGNATURE:
            return self.tr("This document did not pass the authenticity check and will not be "
                           "printed. The staff have been told; please ask at the service window.")
        if code == "paper-out":
            return self.tr("The printer has run out of paper. The staff have been told; nothing "
                           "was printed.")
        if code == "paper-jam":
            return self.tr("Paper is stuck in the printer. The staff have been told.")
        if code == "door-open":
            return self.tr("A printer cover is open. The staff have been told.")
        if code == "toner-out":
            return self.tr("The printer has run out of toner. The staff have been told.")
        if code == "job-timeout":
            return self.tr("Printing took too long and was stopped; nothing more will come out. "
                           "Please ask the staff.")
        if code == "retry-not-allowed":
            return self.tr("This document has already been tried twice. Please ask the staff, "
                           "who can print it for you.")
        if code in ("platform-unreachable", "document-missing"):
            return self.tr("Your documents cannot be fetched right now. Please try again later "
                           "or ask the staff.")
        if code in _CANNOT_RENDER:
            return self.tr("This document cannot be printed at this kiosk. Please ask at the "
                           "service window.")
        if code in _PRINTER_DOWN:
            return self.tr("The printer is not available right now. The staff have been told; "
                           "please try again in a few minutes.")
        return self.tr("The document could not be printed. Please ask the staff.")

    # ---- helpers -------------------------------------------------------------------------
    def _failed(self, exc: Exception) -> None:
        """Listing or preparing failed: say why in the citizen's terms."""
        self._busy(False)
        self.result_code = getattr(exc, "code", "printing-error")
        if self.state == "preview":
            self._show_result()
        else:
            self._show_list()
            self.banner.set("error", self.citizen_message(self.result_code))

    def _busy(self, on: bool) -> None:
        self.spinner.setVisible(on)
        (self.spinner.start if on else self.spinner.stop)()

    def _clear_actions(self) -> None:
        clear_layout(self.actions)

    def _action(self, text: str, role: str, fn, icon: str | None = None) -> None:
        self.actions.addWidget(button(text, role, fn, icon))
