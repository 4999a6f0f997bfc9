"""Identify with the resident ID card: where to place it, reading, a masked summary, kind failures.

The screen draws kiosk.flows.identify_idcard.IdCardIdentifyFlow's state and hands it the bridge's
"idcard" events and the citizen's taps; the flow decides (expiry, masking, what goes into the
session and when).
"""
from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (QBoxLayout, QGridLayout, QHBoxLayout, QSizePolicy, QVBoxLayout,
                               QWidget)

from kiosk import messages
from kiosk.flows.identify_idcard import (EXPIRED, IDENTIFIED, READ, READING, RETRY, UNAVAILABLE,
                                         WAITING, CardSummary, IdCardIdentifyFlow)
from screens import theme
from screens.base import Screen, register_screen
from screens.identify import IdentifyMethod, go_on, register_identify_method
from screens.widgets import Banner, Card, Spinner, button, label

DEVICE = "idcard"

CARD_TYPE_NAMES = {
    "resident": QT_TRANSLATE_NOOP("IdentifyIdCardScreen", "Resident ID card"),
    "hmt_residence_permit": QT_TRANSLATE_NOOP("IdentifyIdCardScreen",
                                              "Residence permit for Hong Kong, Macao and Taiwan "
                                              "residents"),
    "foreign_permanent_2017": QT_TRANSLATE_NOOP("IdentifyIdCardScreen",
                                                "Foreign permanent residence ID card"),
    "foreign_permanent_2023": QT_TRANSLATE_NOOP("IdentifyIdCardScreen",
                                                "Foreign permanent residence ID card"),
}


class CardReaderPicture(QWidget):
    """The card and the reader, drawn: where the card goes, and what is happening."""

    def __init__(self):
        super().__init__()
        self.phase = WAITING
        self._t = 0.0
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)
        self.setMinimumSize(320, 240)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)

    def set_phase(self, phase: str) -> None:
        self.phase = phase
        if phase in (WAITING, READING, RETRY):
            self._timer.start(50)
        else:
            self._timer.stop()
        self.update()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        self._t += 0.05
        self.update()

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        w, h = self.width(), self.height()
        unit = min(w / 10, h / 7)
        cx = w / 2
        # the drawing (card above the reader) is 6.6 units tall: centre it in the widget
        bottom = (h + 6.6 * unit) / 2
        # the reader: a dark base with a marked reading area
        reader = QRectF(cx - 3.6 * unit, bottom - 2.2 * unit, 7.2 * unit, 2.2 * unit)
        p.setPen(Qt.NoPen)
        p.setBrush(QColor("#3a4452"))
        p.drawRoundedRect(reader, unit * 0.3, unit * 0.3)
        area = reader.adjusted(unit * 0.9, unit * 0.35, -unit * 0.9, -unit * 0.5)
        ok = self.phase in (READ,)
        problem = self.phase in (EXPIRED, RETRY, UNAVAILABLE)
        ring = QColor(theme.OK if ok else theme.ERROR if problem else "#7fb2ea")
        p.setPen(QPen(ring, max(2.0, unit * 0.06), Qt.DashLine))
        p.setBrush(QColor("#4b5768"))
        p.drawRoundedRect(area, unit * 0.15, unit * 0.15)
        # the reader's lamp
        lamp_on = self.phase == READING and int(self._t * 6) % 2 == 0
        p.setPen(Qt.NoPen)
        p.setBrush(QColor(theme.OK) if ok or lamp_on else QColor("#8895a7"))
        p.drawEllipse(QPointF(reader.right() - unit * 0.5, reader.bottom() - unit * 0.3),
                      unit * 0.12, unit * 0.12)

        # the card: above the reader with an arrow while waiting, on it otherwise
        card_w, card_h = 4.6 * unit, 2.9 * unit
        if self.phase in (WAITING, RETRY, UNAVAILABLE):
            bob = math.sin(self._t * 3) * unit * 0.15 if self.phase != UNAVAILABLE else 0
            top = reader.top() - card_h - 1.3 * unit + bob
        else:
            top = area.center().y() - card_h / 2 - unit * 0.1
        card = QRectF(cx - card_w / 2, top, card_w, card_h)
        if self.phase == UNAVAILABLE:
            p.setOpacity(0.45)
        p.setPen(QPen(QColor("#6c8fb8"), max(1.5, unit * 0.04)))
        p.setBrush(QColor("#e6f0fb"))
        p.drawRoundedRect(card, unit * 0.25, unit * 0.25)
        # photo box and text lines, as on the card's photo side
        photo = QRectF(card.right() - 1.45 * unit, card.top() + 0.4 * unit, 1.1 * unit, 1.4 * unit)
        p.setPen(Qt.NoPen)
        p.setBrush(QColor("#b9cde6"))
        p.drawRoundedRect(photo, unit * 0.08, unit * 0.08)
        p.setBrush(QColor("#8eaacd"))
        p.drawEllipse(QPointF(photo.center().x(), photo.top() + 0.5 * unit), 0.25 * unit, 0.25 * unit)
        for i, frac in enumerate((0.55, 0.45, 0.6, 0.4)):
            line = QRectF(card.left() + 0.4 * unit, card.top() + (0.5 + 0.45 * i) * unit,
                          (card_w - 2.2 * unit) * frac / 0.6, 0.16 * unit)
            p.drawRoundedRect(line, unit * 0.08, unit * 0.08)
        p.drawRoundedRect(QRectF(card.left() + 0.4 * unit, card.bottom() - 0.55 * unit,
                                 card_w - 0.8 * unit, 0.2 * unit), unit * 0.1, unit * 0.1)
        p.setOpacity(1.0)

        if self.phase in (WAITING, RETRY):
            self._arrow(p, cx, card.bottom() + 0.15 * unit, area.top() - 0.1 * unit, unit)
        elif self.phase == READING:
            self._waves(p, card, unit)
        elif self.phase == READ:
            self._badge(p, card, unit, theme.OK, "check")
        elif problem:
            self._badge(p, card, unit, theme.ERROR if self.phase != UNAVAILABLE else theme.WARN,
                        "cross" if self.phase != UNAVAILABLE else "plug")
        p.end()

    def _arrow(self, p: QPainter, x: float, y0: float, y1: float, unit: float) -> None:
        if y1 - y0 < unit * 0.4:
            return
        pen = QPen(QColor(theme.PRIMARY), unit * 0.14, Qt.SolidLine, Qt.RoundCap, Qt.RoundJoin)
        p.setPen(pen)
        p.drawLine(QPointF(x, y0), QPointF(x, y1))
        p.drawLine(QPointF(x - unit * 0.35, y1 - unit * 0.35), QPointF(x, y1))
        p.drawLine(QPointF(x + unit * 0.35, y1 - unit * 0.35), QPointF(x, y1))

    def _waves(self, p: QPainter, card: QRectF, unit: float) -> None:
        phase = (self._t * 1.5) % 1.0
        for i in range(3):
            r = unit * (0.6 + 0.45 * i + 0.45 * phase)
            alpha = int(255 * (1 - (i + phase) / 3))
            p.setPen(QPen(QColor(11, 79, 156, max(0, alpha)), unit * 0.1, Qt.SolidLine, Qt.RoundCap))
            p.setBrush(Qt.NoBrush)
            rect = QRectF(card.center().x() - r, card.top() - r * 0.2 - r, 2 * r, 2 * r)
            p.drawArc(rect, 50 * 16, 80 * 16)

    def _badge(self, p: QPainter, card: QRectF, unit: float, color: str, mark: str) -> None:
        centre = QPointF(card.right() - 0.1 * unit, card.top() + 0.1 * unit)
        radius = unit * 0.65
        p.setPen(QPen(QColor("white"), unit * 0.08))
        p.setBrush(QColor(color))
        p.drawEllipse(centre, radius, radius)
        pen = QPen(QColor("white"), unit * 0.16, Qt.SolidLine, Qt.RoundCap, Qt.RoundJoin)
        p.setPen(pen)
        p.setBrush(Qt.NoBrush)
        cx, cy, r = centre.x(), centre.y(), radius * 0.45
        if mark == "check":
            path = QPainterPath(QPointF(cx - r, cy))
            path.lineTo(QPointF(cx - r * 0.2, cy + r * 0.75))
            path.lineTo(QPointF(cx + r, cy - r * 0.7))
            p.drawPath(path)
        elif mark == "cross":
            p.drawLine(QPointF(cx - r, cy - r), QPointF(cx + r, cy + r))
            p.drawLine(QPointF(cx + r, cy - r), QPointF(cx - r, cy + r))
        else:   # "!" for a device problem
            p.drawLine(QPointF(cx, cy - r), QPointF(cx, cy + r * 0.25))
            p.drawPoint(QPointF(cx, cy + r * 0.85))


@register_screen
class IdentifyIdCardScreen(Screen):
    """Renders kiosk.flows.identify_idcard.IdCardIdentifyFlow and forwards the reader's events."""
    name = "identify_idcard"

    def __init__(self, ctx, nav):
        super().__init__(ctx, nav)
        self.flow = IdCardIdentifyFlow(None, ctx.session, ctx.config.privacy)
        self._listening = False

        self.picture = CardReaderPicture()
        self.status = label("", "Heading")
        self.status.setAlignment(Qt.AlignCenter)
        self.detail = label("")
        self.detail.setAlignment(Qt.AlignCenter)
        self.spinner = Spinner(64)
        self.spinner.hide()
        spin_row = QHBoxLayout()
        spin_row.addStretch(1)
        spin_row.addWidget(self.spinner)
        spin_row.addStretch(1)
        self.banner = Banner("info")

        self.summary = Card()
        self.summary_title = label("", "Heading")
        self.summary.body.addWidget(self.summary_title)
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        self.summary_labels = [label("", "Muted") for _ in range(4)]
        self.summary_values = [label("") for _ in range(4)]
        for row, (key, value) in enumerate(zip(self.summary_labels, self.summary_values)):
            grid.addWidget(key, row, 0, Qt.AlignTop)
            grid.addWidget(value, row, 1)
        grid.setColumnStretch(1, 1)
        self.summary.body.addLayout(grid)
        self.summary_note = label("", "Small")
        self.summary.body.addWidget(self.summary_note)
        self.summary.hide()

        self.continue_button = button("", "primary", self._continue)
        self.again_button = button("", "", self._read_again)
        self.other_button = button("", "", self.nav.back)
        self.buttons = QBoxLayout(QBoxLayout.LeftToRight)
        self.buttons.setSpacing(18)
        for b in (self.other_button, self.again_button, self.continue_button):
            self.buttons.addWidget(b, 1)

        # portrait: picture above the words; landscape: side by side (see resizeEvent)
        self.body = QBoxLayout(QBoxLayout.TopToBottom)
        self.body.setSpacing(18)
        self.body.addWidget(self.picture, 2)
        info = QVBoxLayout()
        info.setSpacing(18)
        info.addStretch(1)
        info.addWidget(self.status)
        info.addWidget(self.detail)
        info.addLayout(spin_row)
        info.addWidget(self.banner)
        info.addWidget(self.summary)
        info.addStretch(1)
        self.body.addLayout(info, 3)
        self.layout_.addLayout(self.body, 1)
        self.layout_.addLayout(self.buttons)

    # ---- shell contract -------------------------------------------------------------------------

    def enter(self, **_params) -> None:
        if self.ctx.bridge is not None and not self._listening:
            self.ctx.bridge.event.connect(self._on_device_event)
            self._listening = True
        self.flow = IdCardIdentifyFlow(self.ctx.services.idcard, self.ctx.session,
                                       self.ctx.config.privacy)
        self.flow.start()
        self._render()

    def leave(self) -> None:
        if self._listening:
            self.ctx.bridge.event.disconnect(self._on_device_event)
            self._listening = False
        self.picture.stop()
        self.spinner.stop()
        self.flow.leave()
        for widget in self.summary_values:      # the name and number go with the screen
            widget.setText("")

    def title(self) -> str:
        return self.tr("Identify with your ID card")

    def retranslate(self) -> None:
        self._arrange()
        self.continue_button.setText(self.tr("Yes, this is me, continue"))
        self.again_button.setText(self.tr("Read again"))
        self.other_button.setText(self.tr("Choose another way"))
        self.summary_title.setText(self.tr("Please check that this is you"))
        for key, text in zip(self.summary_labels, (self.tr("Name"), self.tr("ID number"),
                                                    self.tr("Card"), self.tr("Valid until"))):
            key.setText(text)
        self.summary_note.setText(self.tr("Part of your details is hidden to protect your "
                                          "privacy. They are cleared when you finish."))
        self._show_texts()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._arrange()

    def _arrange(self) -> None:
        self.body.setDirection(QBoxLayout.LeftToRight if self.landscape
                               else QBoxLayout.TopToBottom)
        # large text on a narrow screen: one button a row, so long labels never widen the screen
        self.buttons.setDirection(QBoxLayout.BottomToTop if self.elderly and not self.landscape
                                  else QBoxLayout.LeftToRight)

    # ---- device events (UI thread, delivered by the bridge) -------------------------------------

    def _on_device_event(self, device: str, kind: str, payload: Any) -> None:
        if device != DEVICE:
            return
        handler = {"card": self.flow.on_card, "error": self.flow.on_error,
                   "state": self.flow.on_state}.get(kind)
        if handler is not None:
            handler(payload)
            self._render()

    # ---- taps -----------------------------------------------------------------------------------

    def _continue(self) -> None:
        if self.flow.confirm() is not None:
            go_on(self)

    def _read_again(self) -> None:
        self.flow.read_again()
        self._render()

    # ---- rendering ------------------------------------------------------------------------------

    def _render(self) -> None:
        phase = self.flow.phase
        # once confirmed the summary stays in view until the next screen is shown
        shown = READ if phase == IDENTIFIED else phase
        self.picture.set_phase(shown)
        if shown == READING:
            self.spinner.start()
        else:
            self.spinner.stop()
        self._show_texts()

    def _show_texts(self) -> None:
        phase = self.flow.phase
        if phase == IDENTIFIED:
            return
        texts = {
            WAITING: (self.tr("Place your ID card on the reader"),
                      self.tr("Lay the card flat on the marked area of the reader below the "
                              "screen and keep it still until reading is finished.")),
            READING: (self.tr("Reading your card…"),
                      self.tr("Please keep the card still. This takes a few seconds.")),
            READ: (self.tr("Your card has been read"),
                   self.tr("You can take your card back now.")),
            EXPIRED: (self.tr("This ID card has expired"),
                      messages.message("card_expired")),
            RETRY: (self.tr("The card could not be read"),
                    self.tr("Please take the card off the reader and place it again, flat and "
                            "still, on the marked area.")),
            UNAVAILABLE: (self.tr("The ID card reader is not available"),
                          messages.message("device")),
        }
        status, detail = texts[phase]
        self.status.setText(status)
        self.detail.setText(detail)
        if phase == EXPIRED and self.flow.expired_until is not None:
            self.banner.set("warn", self.tr("Valid until: %1").replace(
                "%1", self.flow.expired_until.isoformat()))
        elif self.flow.card_may_be_damaged:
            self.banner.set("warn", messages.message("card_may_be_damaged"))
        else:
            self.banner.set("info", "")
        summary = self.flow.summary
        self.summary.setVisible(summary is not None)
        if summary is not None:
            self._fill_summary(summary)
        self.continue_button.setVisible(self.flow.may_continue)
        self.again_button.setVisible(self.flow.may_read_again)
        self.other_button.setVisible(True)

    def _fill_summary(self, summary: CardSummary) -> None:
        values = (
            summary.name,
            summary.id_number,
            QCoreApplication.translate("IdentifyIdCardScreen", CARD_TYPE_NAMES.get(
                summary.card_type, CARD_TYPE_NAMES["resident"])),
            summary.valid_until.isoformat() if summary.valid_until else self.tr("Long-term"),
        )
        for widget, value in zip(self.summary_values, values):
            widget.setText(value)


def _available(ctx) -> bool:
    service = ctx.services.idcard
    return service is not None and service.available


register_identify_method(IdentifyMethod(
    key="idcard", order=10, icon="idcard",
    caption=QT_TRANSLATE_NOOP("IdentifyMethods", "Resident ID card"),
    screen=IdentifyIdCardScreen.name, available=_available))
