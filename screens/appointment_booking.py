"""Make an appointment for a later day: renders kiosk.flows.appointment_booking.Booking (a line, a
day with free places, a time slot, confirm, the confirmation slip)."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout

from kiosk import messages
from kiosk.flows.appointment_booking import Booking
from screens.base import Screen, register_screen
from screens.queue_take import line_name, queue_system, receipt_printer
from screens.tasks import run_in_background
from screens.widgets import Banner, Card, Scroll, Spinner, button, clear_layout, label

WEEKDAYS = (QT_TRANSLATE_NOOP("AppointmentBookingScreen", "Mon"),
            QT_TRANSLATE_NOOP("AppointmentBookingScreen", "Tue"),
            QT_TRANSLATE_NOOP("AppointmentBookingScreen", "Wed"),
            QT_TRANSLATE_NOOP("AppointmentBookingScreen", "Thu"),
            QT_TRANSLATE_NOOP("AppointmentBookingScreen", "Fri"),
            QT_TRANSLATE_NOOP("AppointmentBookingScreen", "Sat"),
            QT_TRANSLATE_NOOP("AppointmentBookingScreen", "Sun"))


@register_screen
class AppointmentBookingScreen(Screen):
    name = "appointment_booking"

    def __init__(self, ctx, nav):
        super().__init__(ctx, nav)
        self.flow = Booking(None, ctx.session, None)
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

    def title(self) -> str:
        return self.tr("Make an appointment")

    def enter(self, **_params) -> None:
        self.flow = Booking(queue_system(self.ctx), self.ctx.session, receipt_printer(self.ctx))
        if self.flow.open():
            self._work(self.flow.load)
        self.render()

    def leave(self) -> None:
        self.spinner.stop()

    def retranslate(self) -> None:
        self.render()

    # ---- taps ----------------------------------------------------------------------------------
    def _choose(self, code: str) -> None:
        if self.flow.choose(code):
            self._work(self.flow.load_days)
        self.render()

    def _day(self, day) -> None:
        self.flow.choose_day(day)
        self.render()

    def _slot(self, start) -> None:
        self.flow.choose_slot(start)
        self.render()

    def _back(self) -> None:
        self.flow.back()
        self.render()

    def _book(self) -> None:
        if self.flow.book():
            self._work(self.flow.do_book)
        self.render()

    def _work(self, fn) -> None:
        run_in_background(fn, lambda _r: self.render(), lambda _e: self.render())

    # ---- rendering -----------------------------------------------------------------------------
    def day_text(self, day) -> str:
        return self.tr("%1/%2 (%3)").replace("%1", str(day.month)).replace(
            "%2", str(day.day)).replace("%3", QCoreApplication.translate(
                "AppointmentBookingScreen", WEEKDAYS[day.weekday()]))

    def render(self) -> None:
        flow = self.flow
        self.spinner.setVisible(flow.busy)
        (self.spinner.start if flow.busy else self.spinner.stop)()
        clear_layout(self.actions)
        self.scroll.clear()
        getattr(self, f"_show_{flow.step}")()

    def _show_identity_required(self) -> None:
        self.heading.setText(self.tr("Make an appointment"))
        self.banner.set("info", self.tr("An appointment is made in your name: please identify "
                                        "yourself first."))
        self._action(self.tr("Identify"), "primary",
                     lambda: self.nav.go("identify", next=self.name), "idcard")

    def _show_loading(self) -> None:
        self.heading.setText(self.tr("Make an appointment"))
        self.banner.set("info", self.tr("Asking the hall's queue system…"))

    def _grid(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setSpacing(14)
        self.scroll.body.addLayout(grid)
        return grid

    def _show_categories(self) -> None:
        self.heading.setText(self.tr("Which line is the appointment for?"))
        self.banner.set("info", self.tr("Days ahead open for booking: %1").replace(
            "%1", str(self.flow.hall.booking_days)))
        grid, columns = self._grid(), 3 if self.landscape else 2
        for index, category in enumerate(self.flow.categories):
            grid.addWidget(button(line_name(category), "",
                                  lambda c=category.code: self._choose(c)),
                           index // columns, index % columns)
        self.scroll.body.addStretch(1)

    def _show_days(self) -> None:
        flow = self.flow
        self.heading.setText(line_name(flow.chosen))
        self._action(self.tr("Back"), "", self._back, "back")
        if flow.busy:
            self.banner.set("info", self.tr("Looking for free times…"))
            return
        if not flow.days:
            self.banner.set("warn", self.tr("There is no free time for this line in the coming "
                                            "days. You can take a number today."))
            return
        self.banner.set("info", self.tr("Choose a day."))
        grid = self._grid()
        for index, (day, slots) in enumerate(flow.days):
            free = sum(s.free for s in slots)
            grid.addWidget(button(self.day_text(day) + "\n" + self.tr("Free places: %1")
                                  .replace("%1", str(free)), "",
                                  lambda d=day: self._day(d)), index // 2, index % 2)
        self.scroll.body.addStretch(1)

    def _show_slots(self) -> None:
        flow = self.flow
        self.heading.setText(f"{line_name(flow.chosen)} · {self.day_text(flow.day)}")
        self.banner.set("info", self.tr("Choose a time."))
        grid, columns = self._grid(), 4 if self.landscape else 3
        for index, slot in enumerate(flow.slots):
            text = f"{slot.start:%H:%M}-{slot.end:%H:%M}\n" + self.tr("Free places: %1").replace(
                "%1", str(slot.free))
            choice = button(text, "", lambda s=slot.start: self._slot(s))
            choice.setEnabled(slot.free > 0)
            grid.addWidget(choice, index // columns, index % columns)
        self.scroll.body.addStretch(1)
        self._action(self.tr("Back"), "", self._back, "back")

    def _summary(self, card: Card) -> None:
        flow = self.flow
        card.body.addWidget(label(line_name(flow.chosen), "Heading"))
        card.body.addWidget(label(f"{self.day_text(flow.day)} {flow.slot.start:%H:%M}-"
                                  f"{flow.slot.end:%H:%M}"))
        card.body.addWidget(label(flow.hall.name, "Small"))

    def _show_confirm(self) -> None:
        flow = self.flow
        self.heading.setText(self.tr("Please check your appointment"))
        self.banner.set("info", self.tr("Check in at a kiosk from %1 minutes before to %2 minutes "
                                        "after the start.")
                        .replace("%1", str(flow.hall.checkin_before_min))
                        .replace("%2", str(flow.hall.checkin_after_min)))
        card = Card()
        self._summary(card)
        self.scroll.body.addWidget(card)
        self.scroll.body.addStretch(1)
        self._action(self.tr("Back"), "", self._back, "back")
        self._action(self.tr("Book this time"), "primary", self._book, "ticket")

    def _show_booking(self) -> None:
        self.heading.setText(self.tr("Please check your appointment"))
        self.banner.set("info", self.tr("Booking…"))

    def _show_booked(self) -> None:
        flow = self.flow
        self.heading.setText(self.tr("Your appointment is booked"))
        if flow.slip == "printed":
            self.banner.set("ok", self.tr("Please take your appointment slip from the slot below "
                                          "the screen; scan its code when you check in."))
        else:
            self.banner.set("warn", messages.join(
                messages.message(flow.slip, fallback="receipt_printer", device="ticket"),
                self.tr("Your appointment is booked all the same: when you come, identify "
                        "yourself with your ID card to check in.")))
        card = Card()
        self._summary(card)
        card.body.addWidget(label(self.tr("Appointment code: %1").replace(
            "%1", flow.appointment.code), "Heading"))
        self.scroll.body.addWidget(card)
        self.scroll.body.addStretch(1)
        self._action(self.tr("Finish"), "primary", self.nav.end_session, "home")

    def _show_refused(self) -> None:
        self.heading.setText(self.tr("Not booked"))
        self.banner.set("warn", messages.message(self.flow.code, fallback="queue_rejected"))
        self._action(self.tr("Choose another time"), "primary", self._back, "back")

    def _show_unavailable(self) -> None:
        self.heading.setText(self.tr("Make an appointment"))
        self.banner.set("warn", messages.message(self.flow.code or "queue_unavailable"))
        self._action(self.tr("Take a number today"), "",
                     lambda: self.nav.go("queue_take"), "ticket")

    def _action(self, text: str, role: str, fn, icon: str | None = None) -> None:
        self.actions.addWidget(button(text, role, fn, icon))
