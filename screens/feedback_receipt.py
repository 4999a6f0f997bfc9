"""The end of a consultation, complaint or correction: the reference, how and when the answer
comes, whether it reached the platform yet, the printed receipt, then the rating (offered)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QHBoxLayout

from kiosk import messages
from kiosk.flows.case_codes import feedback_qr
from kiosk.flows.feedback import Sent
from screens.tasks import run_in_background
from screens.widgets import Banner, Card, button, label

CONTEXT = "FeedbackReceipt"
KINDS = {"consultation": QT_TRANSLATE_NOOP("FeedbackReceipt", "Your question has been received."),
         "complaint": QT_TRANSLATE_NOOP("FeedbackReceipt", "Your complaint has been received."),
         "correction": QT_TRANSLATE_NOOP("FeedbackReceipt", "Your correction has been received.")}
TEXTS = {
    "print": QT_TRANSLATE_NOOP("FeedbackReceipt", "Print a receipt"),
    "finish": QT_TRANSLATE_NOOP("FeedbackReceipt", "Finish"),
    "reference": QT_TRANSLATE_NOOP("FeedbackReceipt", "Reference: %1"),
    "followed": QT_TRANSLATE_NOOP("FeedbackReceipt", "The department answers within %1 working "
                                  "days by text message or phone, and in Check my case."),
    "anonymous": QT_TRANSLATE_NOOP("FeedbackReceipt", "The department answers within %1 working "
                                   "days. Sent anonymously: keep the receipt to see the answer."),
    "sent": QT_TRANSLATE_NOOP("FeedbackReceipt", "Sent to the service platform."),
    "kept": QT_TRANSLATE_NOOP("FeedbackReceipt", "The connection is down: it is kept safely at "
                              "this kiosk and sent as soon as the connection returns."),
    "no_printer": QT_TRANSLATE_NOOP("FeedbackReceipt", "No receipt printer here: please note the "
                                    "reference."),
}


def _t(key: str) -> str:
    return QCoreApplication.translate(CONTEXT, TEXTS[key])


class FeedbackReceipt(Card):
    """Shown once the record is in the outbox; the screen owns the flow and the navigation."""

    def __init__(self, screen):
        super().__init__()
        self.screen = screen
        self.sent: Sent | None = None
        self.about = ""
        self.headline = label("", "Heading")
        self.reference = label("", "ScreenTitle")
        self.how = label("")
        self.state = Banner("info")
        self.print_button = button("", "", self._print)
        self.done_button = button("", "primary", self._done)
        row = QHBoxLayout()
        row.addWidget(self.print_button)
        row.addWidget(self.done_button)
        for widget in (self.headline, self.reference, self.how, self.state):
            self.body.addWidget(widget)
        self.body.addLayout(row)

    def show_sent(self, sent: Sent, about: str) -> None:
        self.sent, self.about = sent, about
        self.print_button.setEnabled(True)
        self.retranslate()
        self.show()

    def retranslate(self) -> None:
        self.print_button.setText(_t("print"))
        self.done_button.setText(_t("finish"))
        if self.sent is None:
            return
        self.headline.setText(QCoreApplication.translate(CONTEXT, KINDS[self.sent.kind]))
        self.reference.setText(_t("reference").replace("%1", self.sent.reference[:18]))
        days = str(self.sent.promised_days)
        self.how.setText(_t("followed" if self.sent.followed else "anonymous").replace("%1", days))
        self.state.set("ok" if self.sent.online else "warn",
                       _t("sent" if self.sent.online else "kept"))

    def _print(self) -> None:
        printing = self.screen.ctx.services.printing
        if printing is None or printing.receipts is None or self.sent is None:
            self.state.set("warn", _t("no_printer"))
            return
        from printing.receipts import feedback_receipt
        sent, about, receipts = self.sent, self.about, printing.receipts

        def build(width: int, hall: str, kiosk_id: str) -> bytes:
            return feedback_receipt(hall, sent.kind, sent.reference, about,
                                    f"{sent.promised_days}个工作日", sent.online, sent.followed,
                                    feedback_qr(sent.reference), kiosk_id, width=width)
        self.print_button.setEnabled(False)
        run_in_background(lambda: receipts.print_receipt(sent.kind, sent.reference, build),
                          lambda _r: None, self._not_printed)

    def _not_printed(self, exc: Exception) -> None:
        self.print_button.setEnabled(True)
        self.state.set("warn", messages.message(getattr(exc, "code", None),
                                                fallback="receipt_printer"))

    def _done(self) -> None:
        offer = self.screen.flow.next_step if self.screen.flow is not None else None
        if offer is not None:
            self.screen.nav.go("evaluation", **offer.params())
        else:
            self.screen.nav.end_session()
