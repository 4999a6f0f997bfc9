"""Check in to an appointment: renders kiosk.flows.appointment_checkin.CheckIn.

The citizen identifies (ID card, social security card, ...) or scans the appointment's QR code;
the screen lists the appointments from today on, each saying plainly whether it can be checked in
now and, if not, what to do (come back at ..., take a number instead, go to the other hall).

enter(code=...): the text a QR scan read (screens.qr_scan passes it on).
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout

from kiosk import messages
from kiosk.flows import queue_rules as rules
from kiosk.flows.appointment_checkin import CheckIn
from screens.base import Screen, register_screen
from screens.queue_take import line_name, queue_system, receipt_printer
from screens.tasks import run_in_background
from screens.widgets import Banner, Card, Scroll, Spinner, button, clear_layout, label

RATING_AFTER_MS = 8000


@register_screen
class AppointmentCheckinScreen(Screen):
    name = "appointment_checkin"

    def __init__(self, ctx, nav):
        super().__init__(ctx, nav)
        self.flow = CheckIn(None, ctx.session, None)
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
        self._done_shown = 0

    def title(self) -> str:
        return self.tr("Check in to an appointment")

    def enter(self, code: str | None = None, **_params) -> None:
        self.flow = CheckIn(queue_system(self.ctx), self.ctx.session, receipt_printer(self.ctx))
        if self.flow.open(code):
            self._work(self.flow.load)
        self.render()

    def leave(self) -> None:
        self.spinner.stop()

    def retranslate(self) -> None:
        self.render()

    # ---- taps ----------------------------------------------------------------------------------
    def _identify(self) -> None:
        self.nav.go("identify", next=self.name)

    def _scan(self) -> None:
        self.nav.go("qr_scan", purpose="appointment", next=self.name)

    def _check_in(self, code: str) -> None:
        if self.flow.start_checkin(code):
            self._work(self.flow.check_in)
        self.render()

    def _cancel(self, code: str) -> None:
        if self.flow.start_cancel(code):
            self._work(self.flow.cancel)
        self.render()

    def _reprint(self) -> None:
        if self.flow.reprint():
            self._work(self.flow.print_again)
        self.render()

    def _back_to_list(self) -> None:
        self.flow.back_to_list()
        self.render()

    def _finish(self) -> None:
        offer = self.flow.next_step
        if offer is None:
            self.nav.end_session()
        else:
            self.nav.go("evaluation", **offer.params())

    def _work(self, fn) -> None:
        run_in_background(fn, lambda _r: self.render(), lambda _e: self.render())

    # ---- rendering -----------------------------------------------------------------------------
    def render(self) -> None:
        flow = self.flow
        self.spinner.setVisible(flow.busy)
        (self.spinner.start if flow.busy else self.spinner.stop)()
        clear_layout(self.actions)
        self.scroll.clear()
        {"start": self._show_start, "loading": self._show_loading, "list": self._show_list,
         "checking_in": self._show_checking_in, "done": self._show_done,
         "print_failed": self._show_print_failed, "refused": self._show_refused,
         "not_found": self._show_not_found, "unavailable": self._show_unavailable}[flow.step]()

    def _show_start(self) -> None:
        self.heading.setText(self.tr("Find your appointment"))
        self.banner.set("info", self.tr("Identify yourself to see today's appointments, or scan "
                                        "the QR code of your appointment."))
        self._action(self.tr("Scan the appointment code"), "", self._scan, "qr")
        self._action(self.tr("Identify"), "primary", self._identify, "idcard")

    def _show_loading(self) -> None:
        self.heading.setText(self.tr("Find your appointment"))
        self.banner.set("info", self.tr("Looking up your appointments…"))

    def _time(self, when) -> str:
        return f"{when:%H:%M}"

    def _day(self, when) -> str:
        return self.tr("%1/%2").replace("%1", str(when.month)).replace("%2", str(when.day))

    def _state_text(self, entry) -> tuple[str, str]:
        """(banner level, what the citizen is told) for an appointment's check-in state."""
        state = entry.state
        if state.state == rules.OPEN:
            return "ok", self.tr("You can check in now.")
        if state.state == rules.TOO_EARLY:
            return "info", messages.join(messages.message("checkin_too_early"), self.tr(
                "Please come back from %1.").replace("%1", self._time(state.opens_at)))
        if state.state == rules.LATER_DAY:
            return "info", messages.join(messages.message("checkin_wrong_day"), self.tr(
                "Please come back on %1 from %2.").replace("%1", self._day(state.opens_at))
                .replace("%2", self._time(state.opens_at)))
        if state.state in (rules.TOO_LATE, rules.PAST_DAY):
            return "warn", messages.message("checkin_too_late")
        if state.state == rules.OTHER_HALL:
            return "warn", messages.message("checkin_other_hall")
        if state.state == rules.CHECKED_IN:
            text = messages.message("checkin_already_checked_in")
            if entry.appointment.ticket_number:
                text = messages.join(text, self.tr("Your number is %1.").replace(
                    "%1", entry.appointment.ticket_number))
            return "ok", text
        return "warn", messages.message("checkin_cancelled")

    def _show_list(self) -> None:
        flow = self.flow
        self.heading.setText(self.tr("Your appointments"))
        if flow.cancelled is not None:
            self.banner.set("ok", self.tr("The appointment for %1 was cancelled.").replace(
                "%1", line_name(flow.cancelled)))
        elif not flow.listed:
            self.banner.set("info", self.tr("You have no appointment from today on. You can take "
                                            "a number instead."))
        else:
            self.banner.set("info", self.tr("Check-in is open from %1 minutes before to %2 minutes "
                                            "after the time of the appointment.")
                            .replace("%1", str(flow.hall.checkin_before_min))
                            .replace("%2", str(flow.hall.checkin_after_min)))
        for entry in flow.listed:
            a = entry.appointment
            card = Card()
            card.body.addWidget(label(line_name(a), "Heading"))
            card.body.addWidget(label(self.tr("%1, %2 to %3").replace("%1", self._day(a.start))
                                      .replace("%2", self._time(a.start))
                                      .replace("%3", self._time(a.end))))
            card.body.addWidget(label(a.hall_name, "Small"))
            level, text = self._state_text(entry)
            card.body.addWidget(Banner(level, text))
            if flow.can_cancel(entry):
                cancel = button(self.tr("Cancel this appointment"), "",
                                lambda c=a.code: self._cancel(c), "back")
                cancel.setAccessibleName(self.tr("Cancel %1").replace("%1", line_name(a)))
                card.body.addWidget(cancel)
            if entry.state.allowed:
                check_in = button(self.tr("Check in"), "primary",
                                  lambda c=a.code: self._check_in(c), "ticket")
                check_in.setAccessibleName(line_name(a))
                card.body.addWidget(check_in)
            self.scroll.body.addWidget(card)
        self.scroll.body.addStretch(1)
        if any(e.state.state in (rules.TOO_LATE, rules.PAST_DAY, rules.CANCELLED)
               for e in flow.listed) or not flow.listed:
            self._action(self.tr("Take a number instead"), "", lambda: self.nav.go("queue_take"),
                         "ticket")

    def _show_checking_in(self) -> None:
        self.heading.setText(line_name(self.flow.chosen.appointment))
        self.banner.set("info", self.tr("Checking you in…"))

    def _ticket_card(self) -> None:
        ticket, appointment = self.flow.ticket, self.flow.chosen.appointment
        card = Card()
        number = label(ticket.number, "ScreenTitle")
        number.setAlignment(Qt.AlignCenter)
        number.setStyleSheet("font-size: 72pt;")
        card.body.addWidget(number)
        for fact in (line_name(appointment),
                     self.tr("Windows: %1").replace("%1", "、".join(ticket.windows)),
                     self.tr("People ahead of you: %1").replace("%1", str(ticket.ahead))):
            line = label(fact)
            line.setAlignment(Qt.AlignCenter)
            card.body.addWidget(line)
        self.scroll.body.addWidget(card)

    def _show_done(self) -> None:
        flow = self.flow
        self.heading.setText(self.tr("You are checked in"))
        self.banner.set("ok", self.tr("Please take your ticket from the slot below the screen. "
                                      "Appointments are called first."))
        self._ticket_card()
        self.scroll.body.addStretch(1)
        self._action(self.tr("Finish"), "primary", self._finish, "home")
        self._done_shown += 1
        shown = self._done_shown
        self.after(RATING_AFTER_MS, lambda: self._finish()
                   if self.flow is flow and self._done_shown == shown else None)

    def _show_print_failed(self) -> None:
        flow = self.flow
        self.heading.setText(self.tr("You are checked in"))
        self.banner.set("warn", messages.join(
            messages.message(flow.code, fallback="receipt_printer", device="ticket"),
            self.tr("You are checked in all the same: please remember your number.")))
        self._ticket_card()
        if flow.busy:
            return
        if flow.delivery is not None and flow.delivery.can_reprint:
            self._action(self.tr("Print again"), "", self._reprint, "print")
        self._action(self.tr("Finish"), "primary", self.nav.end_session, "home")

    def _show_refused(self) -> None:
        flow = self.flow
        self.heading.setText(line_name(flow.chosen.appointment) if flow.chosen else
                             self.tr("Check in to an appointment"))
        text = messages.message(flow.code, fallback="queue_rejected")
        if flow.refusal.get("ticket_number"):
            text = messages.join(text, self.tr("Your number is %1.").replace(
                "%1", flow.refusal["ticket_number"]))
        self.banner.set("warn", text)
        self._action(self.tr("Back to my appointments"), "", self._back_to_list, "back")
        self._action(self.tr("Take a number instead"), "", lambda: self.nav.go("queue_take"),
                     "ticket")

    def _show_not_found(self) -> None:
        self.heading.setText(self.tr("Find your appointment"))
        self.banner.set("warn", messages.message("appointment_not_found"))
        self._action(self.tr("Scan again"), "", self._scan, "qr")
        self._action(self.tr("Identify"), "primary", self._identify, "idcard")

    def _show_unavailable(self) -> None:
        self.heading.setText(self.tr("Check in to an appointment"))
        self.banner.set("warn", messages.message(self.flow.code or "queue_unavailable"))
        self._action(self.tr("Try again"), "primary", lambda: self.enter(), "ticket")

    def _action(self, text: str, role: str, fn, icon: str | None = None) -> None:
        self.actions.addWidget(button(text, role, fn, icon))
