"""The guide of one service item (办事指南): every element, readable at arm's length, a QR code
for the same guide online, and a printed one-time notice (一次性告知) on the receipt printer."""
from __future__ import annotations

import functools
import io

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout

from kiosk import i18n, messages
from kiosk.flows.guide_notice import UNAVAILABLE, GuideNotice
from screens.base import Screen, register_screen
from screens.catalog import offline_banner
from screens.tasks import run_in_background
from screens.widgets import Banner, Card, Scroll, Spinner, button, label

# how long "Printed. Please take your notice" stays before the item's rating is offered
RATING_AFTER_MS = 3000


@functools.lru_cache(maxsize=16)      # bounded: the guides a few citizens in a row look at
def qr_pixmap(text: str, px: int) -> QPixmap:
    import segno
    buf = io.BytesIO()
    segno.make_qr(text, error="m").save(buf, kind="png", scale=10, border=2)
    pm = QPixmap()
    pm.loadFromData(buf.getvalue(), "PNG")
    return pm.scaled(px, px, Qt.KeepAspectRatio, Qt.SmoothTransformation)


@register_screen
class GuideScreen(Screen):
    name = "guide"

    def __init__(self, ctx, nav):
        super().__init__(ctx, nav)
        self.item = None
        self.notice = None
        self._rendering = 0          # which _render() the deferred part of the guide belongs to
        self.banner = Banner("info")
        self.scroll = Scroll()
        self.actions = QHBoxLayout()
        self.print_button = button("", "primary", self._print_notice, "print")
        self.spinner = Spinner(64)
        self.spinner.hide()
        self.print_status = Banner("info")
        self.actions.addWidget(self.print_status, 1)
        self.actions.addWidget(self.spinner)
        self.actions.addWidget(self.print_button)
        # the hall's queue line for this item's department (screens/queue_take.py)
        self.queue_button = button("", "", self._take_number, "ticket")
        self.actions.addWidget(self.queue_button)
        # shown once the platform says this kiosk takes applications for the item
        self.apply_button = button("", "primary", lambda: self.nav.go(
            "identify", next="apply_form", code=self.item.impl_code), "apply")
        self.apply_button.hide()
        self.actions.addWidget(self.apply_button)
        # a question or complaint about this item (screens/feedback.py)
        self.ask_button = button("", "", lambda: self.nav.go("feedback", item=self.item.impl_code
                                                             if self.item else None), "staff")
        self.actions.addWidget(self.ask_button)
        self.layout_.addWidget(self.banner)
        self.layout_.addWidget(self.scroll, 1)
        self.layout_.addLayout(self.actions)

    def title(self) -> str:
        return self.item.title(i18n.current_language()) if self.item else self.tr("Service guide")

    def enter(self, code: str = "", **_params) -> None:
        service = self.ctx.services.catalog
        self.item = service.catalog.get(code) if service else None
        self.print_status.set("info", "")
        self.apply_button.hide()
        if self.item is not None:
            from screens.apply_items import offered_codes
            code = self.item.impl_code
            run_in_background(lambda: code in offered_codes(self.ctx),
                              lambda yes: self.apply_button.setVisible(
                                  bool(yes) and self.item is not None and self.item.impl_code == code),
                              lambda _e: self.apply_button.hide())
        self.retranslate()

    def leave(self) -> None:
        # the next visit renders its own guide: this one's widgets (and QR pixmap) go now
        self._rendering += 1
        self.scroll.clear()

    def retranslate(self) -> None:
        offline_banner(self, self.banner)
        self.print_button.setText(self.tr("Print this notice"))
        self.queue_button.setText(self.tr("Take a number for this"))
        self.apply_button.setText(self.tr("Apply here"))
        self.ask_button.setText(self.tr("Ask or complain"))
        self._render()

    # ---- rendering --------------------------------------------------------------------------
    def _render(self) -> None:
        self._rendering += 1
        self.scroll.clear()
        item = self.item
        body = self.scroll.body
        if item is None:
            body.addWidget(label(self.tr("This service could not be found. It may have been "
                                         "withdrawn; please search again."), "Heading"))
            self.print_button.setEnabled(False)
            return
        self.print_button.setEnabled(True)
        head = Card()
        top = QHBoxLayout()
        facts = QVBoxLayout()
        language = i18n.current_language()
        facts.addWidget(label(item.title(language), "Heading"))
        service = self.ctx.services.catalog
        facts.addWidget(label(self.tr("Department: %1").replace(
            "%1", service.catalog.department_title(item.department, language))))
        if language != "zh_CN":
            facts.addWidget(label(self.tr("The guide below is published in Chinese by the "
                                          "department; staff at the help desk can explain it."),
                                  "Muted"))
        facts.addWidget(label(self.tr("Item code: %1").replace("%1", item.impl_code), "Small"))
        facts.addWidget(label(self.tr("Basic code: %1").replace("%1", item.basic_code), "Small"))
        facts.addWidget(label(f"{item.category_text} · {item.item_type}", "Small"))
        top.addLayout(facts, 1)
        qr = QVBoxLayout()
        picture = QLabel()
        picture.setPixmap(qr_pixmap(item.guide_url, 200 if not self.elderly else 240))
        picture.setAlignment(Qt.AlignCenter)
        qr.addWidget(picture)
        qr.addWidget(label(self.tr("Scan to read this guide on your phone"), "Small"))
        top.addLayout(qr)
        head.body.addLayout(top)
        body.addWidget(head)

        self._section(self.tr("What this kiosk can do"), [item.kiosk_note,
                      self.tr("Online service depth: %1").replace("%1", item.online_depth_text),
                      self.tr("Visits to the hall needed: %1").replace("%1", str(item.visits))])
        self._section(self.tr("Conditions"), list(item.conditions))
        # the first screenful is built before the paint; what is below it right after
        rendering = self._rendering
        QTimer.singleShot(0, self, lambda: self._render_rest(item)
                          if rendering == self._rendering else None)

    def _render_rest(self, item) -> None:
        body = self.scroll.body
        self._materials()
        self._section(self.tr("Process"), [f"{i}. {s.name}：{s.detail}"
                                            for i, s in enumerate(item.process, start=1)])
        self._section(self.tr("Time limits"), [
            self.tr("Promised: %1").replace("%1", item.promised_text),
            self.tr("Statutory: %1").replace("%1", item.statutory_text)])
        self._section(self.tr("Fees"), [item.fee, self.tr("Basis: %1").replace("%1", item.fee_basis)
                                        if item.fee_basis else ""])
        self._section(self.tr("Where and when"), [item.place, item.hours])
        self._section(self.tr("Enquiries and complaints"), [
            self.tr("Enquiry phone: %1").replace("%1", item.enquiry_phone),
            self.tr("Complaint phone: %1").replace("%1", item.complaint_phone)])
        self._section(self.tr("Legal basis"), list(item.legal_basis))
        body.addStretch(1)

    def _section(self, heading: str, lines: list[str]) -> None:
        card = Card()
        card.body.addWidget(label(heading, "Heading"))
        for line in lines:
            if line:
                text = label(line)
                text.setTextFormat(Qt.PlainText)
                card.body.addWidget(text)
        self.scroll.body.addWidget(card)

    def _materials(self) -> None:
        card = Card()
        card.body.addWidget(label(self.tr("Materials to bring"), "Heading"))
        for index, m in enumerate(self.item.materials, start=1):
            card.body.addWidget(label(f"{index}. {m.name}"))
            detail = f"{m.form_label} · {m.copies_label}" + (f" · {m.notes}" if m.notes else "")
            card.body.addWidget(label(detail, "Small"))
        if not self.item.materials:
            card.body.addWidget(label(self.tr("No materials needed.")))
        self.scroll.body.addWidget(card)

    def _take_number(self) -> None:
        if self.item is not None:
            self.nav.go("queue_take", department=self.item.department,
                        item_code=self.item.impl_code)

    # ---- printing ---------------------------------------------------------------------------
    def _notice(self) -> GuideNotice:
        printing = self.ctx.services.printing
        if printing is None or printing.receipts is None:
            return GuideNotice(self.item, None, None)
        return GuideNotice(self.item, printing.print_guide_notice, printing.receipts)

    def _print_notice(self) -> None:
        self.notice = self._notice()
        if self.notice.start():
            self.print_button.setEnabled(False)
            self.spinner.start()
            self.print_status.set("info", self.tr("Printing…"))
            run_in_background(self.notice.print, lambda _r: self._printed(),
                              lambda _e: self._printed())
        else:
            self._printed()

    def _printed(self) -> None:
        notice = self.notice
        self.spinner.stop()
        self.print_button.setEnabled(self.item is not None)
        if notice.outcome == "completed":
            self.print_status.set("ok", self.tr("Printed. Please take your notice from the slot "
                                                "below the screen."))
            offer = notice.next_step
            if offer is not None:     # the rating follows once the citizen has read this
                self.after(RATING_AFTER_MS, lambda: self.nav.go("evaluation", **offer.params()))
            return
        code = notice.outcome
        self.print_status.set("warn" if code == UNAVAILABLE else "error", messages.message(code, fallback="receipt_printer"))
