"""Identify with the social security card (社会保障卡): insert the card, watch it being read, check a
masked summary, continue. Every driver error code has a kind message saying what to do next.

The screen draws kiosk.flows.identify_ssc.SscIdentifyFlow's state, hands it the card worker's
events from the bridge and the citizen's taps, and shows the PIN pad screen while the flow waits for
a PIN (the keypad answers the flow, which hands the digits to the waiting worker).
"""
from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QLinearGradient, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QWidget

from kiosk import messages
from kiosk.flows.identify_ssc import (DONE, ERROR, IDENTIFIED, INSERT, PIN, READING, VERIFYING,
                                     SscDevices, SscIdentifyFlow, SscSummary)
from screens import theme
from screens.base import Screen, register_screen
from screens.identify import IdentifyMethod, go_on, register_identify_method
from screens.widgets import Banner, Card, button, label

DEVICE = "smartcard"

def message_for(payload: dict[str, Any]) -> str:
    """The citizen's words for a driver error payload (kiosk.messages, in the card's own words)."""
    code = payload.get("code", "smartcard")
    by_kind = f"{code}_{payload.get('kind')}"
    return messages.message(by_kind if messages.known(by_kind, DEVICE) else code,
                            fallback="smartcard", device=DEVICE)


def _area(ctx) -> Any:
    return ctx.services.smartcard


def _devices(ctx) -> SscDevices | None:
    """The flow's view of ctx.services.smartcard (kiosk.wiring.smartcard.SmartCardArea)."""
    area = _area(ctx)
    if area is None:
        return None
    return SscDevices(slot=area.service, pin_entry=area.pin_entry,
                      available=lambda: area.available)


register_identify_method(IdentifyMethod(
    key="ssc", order=20, icon="chip",
    caption=QT_TRANSLATE_NOOP("IdentifyMethods", "Social security card"),
    screen="identify_ssc",
    available=lambda ctx: _area(ctx) is not None and _area(ctx).available))


class CardSlotPicture(QWidget):
    """The card reader slot and a social security card going in, chip first and facing up.

    state: "insert" (the card slides towards the slot, repeating), "reading" (card in the slot),
    "done" (card in, green check) and "error" (card out, a warning sign)."""

    def __init__(self):
        super().__init__()
        self.state = "insert"
        self._phase = 0.0
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)
        self.setMinimumSize(240, 200)

    def set_state(self, state: str) -> None:
        self.state = state
        if state == "insert" and self.isVisible():
            self._timer.start(40)
        else:
            self._timer.stop()
        self.update()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.set_state(self.state)

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self._timer.stop()

    def _tick(self) -> None:
        self._phase = (self._phase + 0.02) % 1.0
        self.update()

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        w, h = self.width(), self.height()
        s = min(w / 360, h / 300)
        p.translate((w - 360 * s) / 2, (h - 300 * s) / 2)
        p.scale(s, s)
        # the reader: a dark panel with a lit slot near the bottom
        p.setPen(Qt.NoPen)
        p.setBrush(QColor("#2f3b4c"))
        p.drawRoundedRect(QRectF(40, 200, 280, 80), 14, 14)
        p.setBrush(QColor("#111820"))
        p.drawRoundedRect(QRectF(80, 214, 200, 14), 6, 6)
        p.setBrush(QColor("#3fb950") if self.state in ("reading", "done") else QColor("#9aa6b2"))
        p.drawEllipse(QPointF(290, 255), 8, 8)
        # the card, above the slot or sliding into it; what is inside the slot is hidden
        bottom = {"insert": 190 + 70 * _ease(self._phase), "reading": 300, "done": 300,
                  "error": 180}[self.state]
        p.save()
        p.setClipRect(QRectF(0, 0, 360, 221))
        card = QRectF(105, bottom - 170, 150, 170)
        grad = QLinearGradient(card.topLeft(), card.bottomRight())
        grad.setColorAt(0, QColor("#dbe9f8"))
        grad.setColorAt(1, QColor("#9cc3ea"))
        p.setBrush(grad)
        p.setPen(QPen(QColor(theme.PRIMARY), 3))
        p.drawRoundedRect(card, 12, 12)
        # chip near the leading (bottom) edge, as it goes in first
        chip = QRectF(card.center().x() - 22, card.bottom() - 62, 44, 34)
        p.setBrush(QColor("#d9b44a"))
        p.setPen(QPen(QColor("#8a6d1f"), 2))
        p.drawRoundedRect(chip, 6, 6)
        p.drawLine(QPointF(chip.left(), chip.center().y()), QPointF(chip.right(), chip.center().y()))
        p.drawLine(QPointF(chip.center().x(), chip.top()), QPointF(chip.center().x(), chip.bottom()))
        # printed lines standing for the holder's details
        p.setPen(QPen(QColor(theme.PRIMARY_DARK), 5, Qt.SolidLine, Qt.RoundCap))
        for i, length in enumerate((110, 80, 95)):
            y = card.top() + 26 + i * 18
            p.drawLine(QPointF(card.left() + 20, y), QPointF(card.left() + 20 + length, y))
        p.restore()
        if self.state == "insert":
            _arrow(p, QPointF(310, 110 + 40 * _ease(self._phase)), theme.PRIMARY)
        elif self.state == "done":
            _check(p, QPointF(310, 70), theme.OK)
        elif self.state == "error":
            _warning(p, QPointF(310, 70), theme.ERROR)


def _ease(t: float) -> float:
    return 0.5 - 0.5 * math.cos(math.pi * min(1.0, t * 1.25))


def _arrow(p: QPainter, tip: QPointF, color: str) -> None:
    p.setPen(QPen(QColor(color), 8, Qt.SolidLine, Qt.RoundCap, Qt.RoundJoin))
    p.drawLine(QPointF(tip.x(), tip.y() - 60), tip)
    p.drawPolyline(QPolygonF([QPointF(tip.x() - 16, tip.y() - 16), tip,
                              QPointF(tip.x() + 16, tip.y() - 16)]))


def _check(p: QPainter, c: QPointF, color: str) -> None:
    p.setPen(Qt.NoPen)
    p.setBrush(QColor(color))
    p.drawEllipse(c, 30, 30)
    p.setPen(QPen(QColor("white"), 7, Qt.SolidLine, Qt.RoundCap, Qt.RoundJoin))
    p.drawPolyline(QPolygonF([QPointF(c.x() - 14, c.y()), QPointF(c.x() - 4, c.y() + 11),
                              QPointF(c.x() + 15, c.y() - 11)]))


def _warning(p: QPainter, c: QPointF, color: str) -> None:
    path = QPainterPath()
    path.moveTo(c.x(), c.y() - 32)
    path.lineTo(c.x() + 32, c.y() + 26)
    path.lineTo(c.x() - 32, c.y() + 26)
    path.closeSubpath()
    p.setPen(Qt.NoPen)
    p.setBrush(QColor(color))
    p.drawPath(path)
    p.setPen(QPen(QColor("white"), 6, Qt.SolidLine, Qt.RoundCap))
    p.drawLine(QPointF(c.x(), c.y() - 12), QPointF(c.x(), c.y() + 6))
    p.drawPoint(QPointF(c.x(), c.y() + 17))


@register_screen
class IdentifySscScreen(Screen):
    """Renders kiosk.flows.identify_ssc.SscIdentifyFlow, forwards the card worker's events, and
    shows the PIN keypad while the flow waits for a PIN."""
    name = "identify_ssc"

    def __init__(self, ctx, nav):
        super().__init__(ctx, nav)
        self.flow = SscIdentifyFlow(None, ctx.session, ctx.config.privacy)
        self._pin_pad_up = False        # the keypad is in front; this screen still follows the read
        self._connected = False
        self.heading = label("", "Heading")
        self.heading.setAlignment(Qt.AlignCenter)
        self.picture = CardSlotPicture()
        self.status = label("", "")
        self.status.setAlignment(Qt.AlignCenter)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(18)
        self.banner = Banner("error")
        self.summary = Card()
        self.summary_title = label("", "Heading")
        self.summary_rows = label("")
        self.summary_rows.setTextFormat(Qt.RichText)
        self.summary.body.addWidget(self.summary_title)
        self.summary.body.addWidget(self.summary_rows)
        self.expired_banner = Banner("warn")
        self.summary.body.addWidget(self.expired_banner)
        row = QHBoxLayout()
        self.retry_button = button("", "", self._retry)
        self.other_button = button("", "", self.nav.back)
        self.continue_button = button("", "primary", self._continue)
        for b in (self.other_button, self.retry_button, self.continue_button):
            row.addWidget(b)
        self.layout_.addWidget(self.heading)
        self.layout_.addWidget(self.picture, 1)
        self.layout_.addWidget(self.status)
        self.layout_.addWidget(self.progress)
        self.layout_.addWidget(self.banner)
        self.layout_.addWidget(self.summary)
        self.layout_.addLayout(row)

    # --- the shell's calls ---------------------------------------------------------------------
    def enter(self, **_params: Any) -> None:
        self._connect()
        if self._pin_pad_up:
            # back from the PIN pad: the read goes on, its events bring the result
            self._pin_pad_up = False
            self._render()
            return
        self.flow = SscIdentifyFlow(_devices(self.ctx), self.ctx.session, self.ctx.config.privacy)
        self.flow.start()
        self._render()

    def leave(self) -> None:
        if self._pin_pad_up:
            return      # the PIN pad is in front; this screen still follows the read
        self._disconnect()
        self.flow.leave()
        self._render()

    def title(self) -> str:
        return self.tr("Social security card")

    def retranslate(self) -> None:
        phase = self.flow.phase
        if phase in (DONE, IDENTIFIED):
            self.heading.setText(self.tr("Your card has been read"))
        elif phase == ERROR:
            self.heading.setText(self.tr("The card could not be used"))
        else:
            self.heading.setText(self.tr("Insert your social security card into the card slot, "
                                         "chip facing up and going in first"))
        self.retry_button.setText(self.tr("Try again"))
        self.other_button.setText(self.tr("Use another way"))
        self.continue_button.setText(self.tr("Continue"))
        self.summary_title.setText(self.tr("Card read. Is this you?"))
        self._render_parts()

    # --- device events (main thread, through the bridge) -------------------------------------
    def _connect(self) -> None:
        if not self._connected and self.ctx.bridge is not None:
            self.ctx.bridge.event.connect(self._on_event)
            self._connected = True

    def _disconnect(self) -> None:
        if self._connected:
            self.ctx.bridge.event.disconnect(self._on_event)
            self._connected = False

    def _on_event(self, device: str, kind: str, payload: Any) -> None:
        if device != DEVICE:
            return
        current = self.nav.current()
        if self._pin_pad_up and (current is None or current.name != "pin_pad"):
            # the citizen went elsewhere (Home, idle timeout) while the PIN pad was up
            self._pin_pad_up = False
            self.leave()
            return
        self.flow.on_event(kind, payload)
        if self._pin_pad_up and self.flow.phase != PIN:
            # the read ended while the PIN pad shows: come back to tell the citizen what happened
            self.nav.back()                      # enter() sees _pin_pad_up and keeps the state
        elif self.flow.phase == PIN and not self._pin_pad_up and current is self:
            self._pin_pad_up = True
            self._render()
            self.nav.go("pin_pad", entry=self.flow.keypad, tries_left=self.flow.tries_left,
                        length=self.flow.pin_length)
            return
        self._render()

    # --- what the citizen does -----------------------------------------------------------------
    def _retry(self) -> None:
        self.flow.retry()
        self._render()

    def _continue(self) -> None:
        if self.flow.confirm() is not None:
            go_on(self)

    # --- rendering -----------------------------------------------------------------------------
    def _render(self) -> None:
        self.retranslate()

    def _render_parts(self) -> None:
        flow = self.flow
        phase = flow.phase
        state = {INSERT: "insert", READING: "reading", PIN: "reading", VERIFYING: "reading",
                 DONE: "done", IDENTIFIED: "done", ERROR: "error"}[phase]
        self.picture.set_state(state)
        self.progress.setValue(int(flow.progress * 100))
        self.progress.setVisible(phase in (READING, PIN, VERIFYING))
        self.status.setVisible(state not in ("done", "error"))
        self.status.setText({
            "insert": self.tr("Waiting for your card…"),
            "reading": self.tr("Reading your card. Please leave it in the slot.") if phase == READING
            else self.tr("Checking the PIN with your card…"),
            "error": "",
            "done": "",
        }[state])
        if phase == ERROR and flow.error:
            text = message_for(flow.error)
            if flow.error_code == "pin_wrong" and flow.tries_left is not None:
                text += " " + self.tr("%n tries left.", "", flow.tries_left)
            self.banner.set("error", text)
        else:
            self.banner.set("info", "")
        summary = flow.summary
        self.summary.setVisible(summary is not None)
        if summary is not None:
            self._render_summary(summary)
        else:
            self.summary_rows.setText("")       # no card data lingers in a hidden label
        self.continue_button.setVisible(phase in (DONE, IDENTIFIED))
        self.retry_button.setVisible(flow.may_retry)
        self.retry_button.setText(self.tr("Not me: read another card") if phase == DONE
                                  else self.tr("Try again"))
        self.other_button.setVisible(phase not in (DONE, IDENTIFIED))

    def _render_summary(self, summary: SscSummary) -> None:
        expiry = (summary.valid_until.isoformat() if summary.valid_until
                  else self.tr("not on the card"))
        rows = [
            (self.tr("Name"), summary.name),
            (self.tr("ID number"), summary.id_number),
            (self.tr("Card number"), summary.card_number),
            (self.tr("Valid until"), expiry),
        ]
        self.summary_rows.setText("<table cellpadding='6'>" + "".join(
            f"<tr><td>{k}</td><td><b>{v}</b></td></tr>" for k, v in rows) + "</table>")
        self.expired_banner.set("warn", self.tr("This card has expired. Some services may ask for "
                                                "a valid card.") if summary.expired else "")
