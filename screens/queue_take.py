"""Take a number: renders kiosk.flows.queue_take.TakeNumber and forwards the citizen's taps to it.

Views in one screen: the hall's lines with people waiting and the estimated wait, the chosen
line's confirmation (priority line offered, identification asked for where the line needs it),
the ticket issued and printed, and each way it can go wrong. Slow work (asking the queue system,
printing) runs off the UI thread (screens.tasks). Leaving with a number that is not on paper
cancels it with the queue system.

enter(category=, department=, item_code=): a line to go straight to (by code, or the line of a
guide's department; item_code is the guide's item, rated afterwards).
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout

from kiosk import i18n, messages
from kiosk.flows.queue_system import QueueSystem
from kiosk.flows.queue_take import IDENTITY_REQUIRED, TakeNumber
from screens.base import Screen, register_screen
from screens.tasks import run_in_background
from screens.widgets import Banner, Card, Scroll, Spinner, button, clear_layout, label

# how long the printed number stays before the rating is offered
RATING_AFTER_MS = 8000
GROUP_CAPTIONS = {
    "disability": QT_TRANSLATE_NOOP("QueueTakeScreen", "I have a disability card"),
    "military": QT_TRANSLATE_NOOP("QueueTakeScreen", "I am a serving soldier or veteran"),
    "pregnant": QT_TRANSLATE_NOOP("QueueTakeScreen", "I am pregnant"),
}


def queue_system(ctx) -> QueueSystem | None:
    """The hall's queue system through the kiosk's one platform client; None before the platform
    link is wired (or when it could not be)."""
    return QueueSystem(ctx.platform.client) if ctx.platform is not None else None


def receipt_printer(ctx):
    printing = ctx.services.printing
    return printing.receipts if printing is not None else None


def line_name(category) -> str:
    """A line's name in the UI language (a queue Category, or an Appointment's line)."""
    name = getattr(category, "name", None) or category.category_name
    english = getattr(category, "name_en", None) or getattr(category, "category_name_en", "")
    return english if i18n.current_language() != "zh_CN" and english else name


@register_screen
class QueueTakeScreen(Screen):
    name = "queue_take"

    def __init__(self, ctx, nav):
        super().__init__(ctx, nav)
        self.flow = TakeNumber(None, ctx.session, None)
        self.heading = label("", "Heading")
        self.banner = Banner("info")
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
        self._shown_done = 0

    def title(self) -> str:
        return self.tr("Take a number")

    def enter(self, category: str | None = None, department: str | None = None,
              item_code: str = "", **_params) -> None:
        self.flow = TakeNumber(queue_system(self.ctx), self.ctx.session,
                               receipt_printer(self.ctx))
        if self.flow.open(category, department, item_code):
            self._work(self.flow.load)
        self.render()

    def leave(self) -> None:
        self.spinner.stop()
        flow = self.flow
        if flow.must_cancel:            # a number that never reached paper is given back
            run_in_background(flow.cancel_number, lambda _r: None, lambda _e: None)

    def retranslate(self) -> None:
        self.render()

    # ---- what the citizen touched ------------------------------------------------------------
    def _choose(self, code: str) -> None:
        self.flow.choose(code)
        self.render()

    def _priority(self, priority: str) -> None:
        self.flow.set_priority(priority)
        self.render()

    def _take(self) -> None:
        if self.flow.take():
            self._work(self.flow.issue)
        self.render()

    def _reprint(self) -> None:
        if self.flow.reprint():
            self._work(self.flow.print_again)
        self.render()

    def _cancel(self) -> None:
        if self.flow.give_up():
            self._work(self.flow.cancel_number)
        self.render()

    def _identify(self) -> None:
        self.nav.go("identify", next=self.name, category=self.flow.chosen.code,
                    item_code=self.flow.item_code)

    def _again(self) -> None:
        if self.flow.chosen is not None and self.flow.take():
            self._work(self.flow.issue)
        elif self.flow.open(self.flow.chosen.code if self.flow.chosen else None,
                            None, self.flow.item_code):
            self._work(self.flow.load)
        self.render()

    def _categories(self) -> None:
        self.flow.back_to_categories()
        self.render()

    def _finish(self) -> None:
        offer = self.flow.next_step
        if offer is None:
            self.nav.end_session()
        else:
            self.nav.go("evaluation", **offer.params())

    def _work(self, fn) -> None:
        run_in_background(fn, lambda _r: self.render(), lambda _e: self.render())

    # ---- rendering ---------------------------------------------------------------------------
    def render(self) -> None:
        flow = self.flow
        self.spinner.setVisible(flow.busy)
        (self.spinner.start if flow.busy else self.spinner.stop)()
        clear_layout(self.actions)
        self.scroll.clear()
        {"loading": self._show_loading, "categories": self._show_categories,
         "confirm": self._show_confirm, "issuing": self._show_issuing, "done": self._show_done,
         "print_failed": self._show_print_failed, "cancelled": self._show_cancelled,
         "refused": self._show_refused, "unavailable": self._show_unavailable}[flow.step]()

    def _show_loading(self) -> None:
        self.heading.setText(self.tr("Take a number"))
        self.banner.set("info", self.tr("Asking the hall's queue system…"))

    def _show_categories(self) -> None:
        self.heading.setText(self.tr("Choose what you have come for"))
        self.banner.set("info", self.tr("You can see how many people are waiting before you "
                                        "take a number."))
        grid = QGridLayout()
        grid.setSpacing(16)
        columns = 3 if self.landscape else 2
        for index, category in enumerate(self.flow.categories):
            card = Card()
            card.body.addWidget(label(line_name(category), "Heading"))
            card.body.addWidget(label(self._wait_text(category.waiting, category.est_wait_min)))
            if category.id_required:
                card.body.addWidget(label(self.tr("ID card needed"), "Small"))
            choose = button(self.tr("Choose"), "primary",
                            lambda c=category.code: self._choose(c), "ticket")
            choose.setAccessibleName(line_name(category))     # said by a screen reader
            card.body.addWidget(choose)
            grid.addWidget(card, index // columns, index % columns)
        self.scroll.body.addLayout(grid)
        self.scroll.body.addStretch(1)
        self._action(self.tr("Where am I in the queue?"), "",
                     lambda: self.nav.go("qr_scan", purpose="receipt", next="queue_place"), "qr")
        if self.flow.hall is not None and self.flow.hall.booking_days > 0:
            self._action(self.tr("Book for another day"), "",
                         lambda: self.nav.go("appointment_booking"), "case")
        self._action(self.tr("I have an appointment"), "",
                     lambda: self.nav.go("appointment_checkin"), "qr")

    def _wait_text(self, waiting: int, minutes: int) -> str:
        if waiting == 0:
            return self.tr("Nobody is waiting")
        return self.tr("Waiting: %n", "", waiting) + " · " + \
            self.tr("about %n min", "", minutes)

    def _show_confirm(self) -> None:
        flow, chosen = self.flow, self.flow.chosen
        self.heading.setText(line_name(chosen))
        card = Card()
        card.body.addWidget(label(self._wait_text(chosen.waiting, chosen.est_wait_min),
                                  "Heading"))
        card.body.addWidget(label(self.tr("Windows: %1").replace("%1", "、".join(chosen.windows))))
        if chosen.daily_limit:
            card.body.addWidget(label(self.tr("Numbers per person per day on this line: %n", "",
                                              chosen.daily_limit), "Small"))
        self.scroll.body.addWidget(card)
        code = flow.why_not()
        if code == IDENTITY_REQUIRED:
            self.banner.set("info", messages.message(code))
            self._action(self.tr("Other lines"), "", self._categories, "back")
            self._action(self.tr("Identify"), "primary", self._identify, "idcard")
            self.scroll.body.addStretch(1)
            return
        self._priority_choice()
        self.scroll.body.addStretch(1)
        self._action(self.tr("Other lines"), "", self._categories, "back")
        if code is not None:        # the receipt printer cannot print: no number is asked for
            printer = messages.message(code, fallback="receipt_printer", device="ticket")
            self.banner.set("warn", messages.join(printer, messages.message("queue_unavailable")))
            return
        if flow.priority == "age":
            self.banner.set("ok", self.tr("You are %1 or older: your number will be in the "
                                          "priority line.").replace("%1",
                                                                     str(flow.hall.priority_age)))
        else:
            self.banner.set("info", self.tr("The estimate is from recent service times; it can "
                                            "change."))
        self._action(self.tr("Take a number"), "primary", self._take, "ticket")

    def _priority_choice(self) -> None:
        flow = self.flow
        groups = flow.priority_groups
        if not groups and not flow.age_priority:
            return
        card = Card()
        card.body.addWidget(label(self.tr("Priority line (绿色通道)"), "Heading"))
        if not flow.age_priority:
            card.body.addWidget(label(self.tr("If one of these applies to you, touch it. Please "
                                              "show your certificate at the window."), "Muted"))
        row = QGridLayout()        # two to a row: a caption is a whole phrase
        row.setSpacing(12)
        options = ([("age", self.tr("Aged %1 or over").replace("%1", str(flow.hall.priority_age)))]
                   if flow.age_priority else [])
        options += [(g, QCoreApplication.translate("QueueTakeScreen", GROUP_CAPTIONS[g]))
                    for g in groups]
        options.append(("none", self.tr("None of these")))
        columns = 2 if self.landscape or not self.elderly else 1
        for index, (value, caption) in enumerate(options):
            mark = "✓ " if flow.priority == value else ""
            chip = button(mark + caption, "primary" if flow.priority == value else "chip",
                          lambda v=value: self._priority(v))
            chip.setAccessibleName(caption)
            row.addWidget(chip, index // columns, index % columns)
        card.body.addLayout(row)
        self.scroll.body.addWidget(card)

    def _show_issuing(self) -> None:
        self.heading.setText(line_name(self.flow.chosen))
        self.banner.set("info", self.tr("Getting your number…"))

    def _ticket_card(self, ticket) -> None:
        card = Card()
        number = label(ticket.number, "ScreenTitle")
        number.setAlignment(Qt.AlignCenter)
        number.setStyleSheet("font-size: 72pt;")
        card.body.addWidget(number)
        facts = [line_name(self.flow.chosen),
                 self.tr("Windows: %1").replace("%1", "、".join(ticket.windows)),
                 self._wait_text(ticket.ahead, ticket.est_wait_min),
                 self.tr("Issued at %1").replace("%1", f"{ticket.issued_at:%H:%M}")]
        if ticket.priority != "none":
            facts.insert(1, self.tr("Priority line (绿色通道)"))
        for fact in facts:
            line = label(fact, "Heading" if fact is facts[0] else "")
            line.setAlignment(Qt.AlignCenter)
            card.body.addWidget(line)
        self.scroll.body.addWidget(card)

    def _show_done(self) -> None:
        flow = self.flow
        self.heading.setText(self.tr("Your number"))
        self.banner.set("ok", self.tr("Please take your ticket from the slot below the screen. "
                                      "Scan its QR code to follow the queue on your phone."))
        self._ticket_card(flow.ticket)
        self.scroll.body.addStretch(1)
        self._action(self.tr("Finish"), "primary", self._finish, "home")
        self._shown_done += 1
        shown = self._shown_done
        if flow.next_step is not None:
            self.after(RATING_AFTER_MS, lambda: self._finish()
                       if self.flow is flow and self._shown_done == shown else None)

    def _show_print_failed(self) -> None:
        flow = self.flow
        self.heading.setText(self.tr("The ticket was not printed"))
        if flow.code == "queue_cancel_failed":
            self.banner.set("warn", messages.message(flow.code))
            self._ticket_card(flow.ticket)
            self._action(self.tr("Finish"), "primary", self.nav.end_session, "home")
            return
        self.banner.set("error", messages.message(flow.code, fallback="receipt_printer",
                                                  device="ticket"))
        if flow.busy:
            return
        reprint = flow.delivery is not None and flow.delivery.can_reprint
        self.scroll.body.addWidget(label(
            self.tr("Your number has been kept for you. Print it again, or give it up if you do "
                    "not need it.") if reprint else
            self.tr("The number cannot be printed here, so it will be cancelled. Please get a "
                    "number at the service desk near the entrance.")))
        self.scroll.body.addStretch(1)
        self._action(self.tr("Give up this number"), "" if reprint else "primary", self._cancel,
                     "back")
        if reprint:
            self._action(self.tr("Print again"), "primary", self._reprint, "print")

    def _show_cancelled(self) -> None:
        self.heading.setText(self.tr("Number given up"))
        self.banner.set("info", self.tr("The number was cancelled. If you still need one, please "
                                        "get it at the service desk near the entrance."))
        self._action(self.tr("Finish"), "primary", self.nav.end_session, "home")

    def _show_refused(self) -> None:
        flow = self.flow
        self.heading.setText(line_name(flow.chosen) if flow.chosen else self.tr("Take a number"))
        self.banner.set("warn", messages.message(flow.code, fallback="queue_rejected"))
        self._action(self.tr("Other lines"), "", self._categories, "back")
        if flow.code == IDENTITY_REQUIRED:
            self._action(self.tr("Identify"), "primary", self._identify, "idcard")

    def _show_unavailable(self) -> None:
        self.heading.setText(self.tr("Take a number"))
        self.banner.set("warn", messages.message(self.flow.code or "queue_unavailable"))
        if self.flow.queue is not None:
            self._action(self.tr("Try again"), "primary", self._again, "ticket")

    def _action(self, text: str, role: str, fn, icon: str | None = None) -> None:
        self.actions.addWidget(button(text, role, fn, icon))
