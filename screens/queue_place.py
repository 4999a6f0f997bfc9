"""My place in the queue: renders kiosk.flows.queue_place.MyPlace for the ticket whose QR code
was just scanned (screens.qr_scan passes the text on as code=...)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout

from kiosk import messages
from kiosk.flows.queue_place import MyPlace
from screens.base import Screen, register_screen
from screens.queue_take import queue_system
from screens.tasks import run_in_background
from screens.widgets import Banner, Card, Spinner, button, clear_layout, label


@register_screen
class QueuePlaceScreen(Screen):
    name = "queue_place"

    def __init__(self, ctx, nav):
        super().__init__(ctx, nav)
        self.flow = MyPlace(None)
        self.heading = label("", "Heading")
        self.banner = Banner("info")
        self.spinner = Spinner(72)
        self.spinner.hide()
        self.card = Card()
        self.number = label("", "ScreenTitle")
        self.number.setAlignment(Qt.AlignCenter)
        self.number.setStyleSheet("font-size: 72pt;")
        self.facts = label("", "Heading")
        self.facts.setAlignment(Qt.AlignCenter)
        self.card.body.addWidget(self.number)
        self.card.body.addWidget(self.facts)
        self.actions = QHBoxLayout()
        self.layout_.addWidget(self.heading)
        self.layout_.addWidget(self.banner)
        self.layout_.addWidget(self.spinner, 0, Qt.AlignHCenter)
        self.layout_.addWidget(self.card)
        self.layout_.addStretch(1)
        self.layout_.addLayout(self.actions)

    def title(self) -> str:
        return self.tr("Where am I in the queue?")

    def enter(self, code: str | None = None, **_params) -> None:
        self.flow = MyPlace(queue_system(self.ctx))
        if self.flow.open(code):
            self._work(self.flow.load)
        self.render()

    def leave(self) -> None:
        self.spinner.stop()

    def retranslate(self) -> None:
        self.render()

    def _refresh(self) -> None:
        if self.flow.refresh():
            self._work(self.flow.load)
        self.render()

    def _work(self, fn) -> None:
        run_in_background(fn, lambda _r: self.render(), lambda _e: self.render())

    def render(self) -> None:
        flow = self.flow
        self.spinner.setVisible(flow.busy)
        (self.spinner.start if flow.busy else self.spinner.stop)()
        clear_layout(self.actions)
        self.heading.setText(self.tr("Where am I in the queue?"))
        ticket = flow.ticket
        self.card.setVisible(ticket is not None and flow.step == "shown")
        if flow.step == "loading":
            self.banner.set("info", self.tr("Asking the hall's queue system…"))
        elif flow.step == "shown":
            self.number.setText(ticket.number)
            self.facts.setText(ticket.category_name)
            if ticket.status == "waiting":
                text = self.tr("People ahead of you: %1. About %2 minutes.").replace(
                    "%1", str(ticket.ahead)).replace("%2", str(ticket.est_wait_min))
                self.banner.set("info", text)
            elif ticket.status == "called":
                self.banner.set("ok", self.tr("Your number has been called: please go to window "
                                              "%1.").replace("%1", ticket.window))
            elif ticket.status == "served":
                self.banner.set("info", self.tr("This number has been served."))
            else:
                self.banner.set("warn", self.tr("This number was cancelled."))
            self.actions.addWidget(button(self.tr("Refresh"), "", self._refresh, "ticket"))
        else:
            self.banner.set("warn", messages.message(flow.code or "ticket_not_found"))
        self.actions.addWidget(button(self.tr("Scan again"), "primary", lambda: self.nav.go(
            "qr_scan", purpose="receipt", next=self.name), "qr"))
