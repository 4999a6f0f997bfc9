"""Check my case: renders kiosk.flows.case_progress.CaseProgress and forwards the citizen's taps.

Three views in one screen: how to find the case (identify, scan the receipt, type the number), the
identified citizen's cases, one case with its timeline. The platform calls run off the UI thread
(screens.tasks); the flow decides what may be shown, the screen only puts it into words.

enter(code=...) comes from the QR scanner, enter(case_no=...) from the keypad or after the citizen
identified from a looked-up case; plain enter() shows the list when identified, else the choice.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QGridLayout

from kiosk import i18n, messages
from kiosk.flows.case_model import Case
from kiosk.flows.case_progress import CaseProgress
from kiosk.flows.case_source import PlatformCases
from screens.base import Screen, register_screen
from screens.tasks import run_in_background
from screens.widgets import Banner, Card, Scroll, Spinner, button, clear_layout, label

CONTEXT = "CaseScreen"
STEP_NAMES = {
    "submitted": QT_TRANSLATE_NOOP("CaseScreen", "Submitted"),
    "accepted": QT_TRANSLATE_NOOP("CaseScreen", "Accepted"),
    "not_accepted": QT_TRANSLATE_NOOP("CaseScreen", "Not accepted"),
    "under_review": QT_TRANSLATE_NOOP("CaseScreen", "Under review"),
    "corrections_requested": QT_TRANSLATE_NOOP("CaseScreen", "Materials missing: corrections "
                                               "requested"),
    "corrections_received": QT_TRANSLATE_NOOP("CaseScreen", "Corrections received"),
    "approved": QT_TRANSLATE_NOOP("CaseScreen", "Approved"),
    "refused": QT_TRANSLATE_NOOP("CaseScreen", "Refused"),
    "issued": QT_TRANSLATE_NOOP("CaseScreen", "Result ready"),
    "collected": QT_TRANSLATE_NOOP("CaseScreen", "Result collected"),
}
CHANNELS = {
    "window": QT_TRANSLATE_NOOP("CaseScreen", "at a window"),
    "online": QT_TRANSLATE_NOOP("CaseScreen", "online"),
    "kiosk": QT_TRANSLATE_NOOP("CaseScreen", "at a self-service kiosk"),
}
NEXT = {
    "await_acceptance": QT_TRANSLATE_NOOP("CaseScreen", "The department checks whether your "
                                          "application can be accepted."),
    "await_review": QT_TRANSLATE_NOOP("CaseScreen", "The department is reviewing your application. "
                                      "Nothing is needed from you now."),
    "await_decision": QT_TRANSLATE_NOOP("CaseScreen", "The department is reviewing your "
                                        "application and will decide. Nothing is needed from you "
                                        "now."),
    "hand_in_corrections": QT_TRANSLATE_NOOP("CaseScreen", "Hand in the missing materials before "
                                             "the deadline. Until then the case waits for you."),
    "await_result": QT_TRANSLATE_NOOP("CaseScreen", "The result is being prepared."),
    "collect_window": QT_TRANSLATE_NOOP("CaseScreen", "Collect the result at the window."),
    "collect_post": QT_TRANSLATE_NOOP("CaseScreen", "The result has been sent to you by post."),
    "collect_locker": QT_TRANSLATE_NOOP("CaseScreen", "Collect the result from the 24-hour "
                                        "locker with the pick-up code."),
    "collect_elicence": QT_TRANSLATE_NOOP("CaseScreen", "The result is an e-licence: you can "
                                          "print it at this kiosk."),
    "see_reason": QT_TRANSLATE_NOOP("CaseScreen", "The reason is given below. For questions, ask "
                                    "at a service window or call 12345."),
    "done": QT_TRANSLATE_NOOP("CaseScreen", "Finished. Nothing more is needed."),
}


def _day(value: dt.date | dt.datetime) -> str:
    return f"{value:%Y-%m-%d}"


@register_screen
class CaseScreen(Screen):
    name = "case"

    def __init__(self, ctx, nav):
        super().__init__(ctx, nav)
        self.flow = self._new_flow()
        self.heading = label("", "Heading")
        self.banner = Banner("info")
        self.spinner = Spinner(72)
        self.spinner.hide()
        self.scroll = Scroll()
        self.actions = QGridLayout()
        self.actions.setSpacing(16)
        self._buttons: list = []
        self.layout_.addWidget(self.heading)
        self.layout_.addWidget(self.banner)
        self.layout_.addWidget(self.spinner, 0, Qt.AlignHCenter)
        self.layout_.addWidget(self.scroll, 1)
        self.layout_.addLayout(self.actions)

    def _new_flow(self) -> CaseProgress:
        source = None
        if self.ctx.platform is not None or self.ctx.platform_url:
            from kiosk.wiring.platform import platform_client
            # the one client, reached on the worker at the first lookup (never built here)
            source = PlatformCases(lambda: platform_client(self.ctx))
        sync = self.ctx.services.sync
        printing = self.ctx.services.printing
        return CaseProgress(source, self.ctx.session,
                            online=(lambda: sync.status().online) if sync is not None else
                            (lambda: None),
                            receipts=printing.receipts if printing is not None else None,
                            takes_applications=self._takes_applications)

    def _takes_applications(self, item_code: str) -> bool:
        """Worker: whether the application flow takes this item here (and so its corrections)."""
        from screens.apply_items import offered_codes
        return item_code in offered_codes(self.ctx)

    def title(self) -> str:
        return self.tr("Check my case")

    def enter(self, code: str | None = None, case_no: str | None = None, **_params) -> None:
        self.flow = self._new_flow()
        self._start(self.flow.open(code=code, case_no=case_no))

    def leave(self) -> None:
        self.spinner.stop()
        self.flow.forget()              # nothing of the citizen's cases stays on the screen

    def retranslate(self) -> None:
        self.render()

    # ---- what the citizen touched ------------------------------------------------------------
    def _start(self, started: bool) -> None:
        self.render()
        if started:
            run_in_background(self.flow.work, lambda _r: self.render(), lambda _e: self.render())

    def _identify(self) -> None:
        chosen = self.flow.chosen
        params = {"case_no": chosen.case_no} if chosen is not None else {}
        self.nav.go("identify", next=self.name, **params)

    def _scan(self) -> None:
        self.nav.go("qr_scan", purpose="receipt", next=self.name)

    def _type(self) -> None:
        self.nav.go("case_number")

    def _my_cases(self) -> None:
        self._start(self.flow.show_my_cases())

    def _choose(self, case_no: str) -> None:
        self.flow.choose(case_no)
        self.render()
        self.scroll.verticalScrollBar().setValue(0)

    def _back_to_list(self) -> None:
        self.flow.back_to_list()
        self.render()

    def _another(self) -> None:
        self.flow.open()
        if self.flow.identified:
            self._my_cases()
            return
        self.render()

    def _slip(self) -> None:
        if self.flow.start_slip():
            run_in_background(self.flow.print_slip, lambda _r: self.render(),
                              lambda _e: self.render())
        self.render()

    def _finish(self) -> None:
        """Done: the rating is offered; Skip (or rating) ends the session."""
        self.nav.go("evaluation", **self.flow.next_step.params())

    def _print_elicence(self) -> None:
        self.nav.go("identify", next="print_licences")

    # ---- rendering ---------------------------------------------------------------------------
    def _item_name(self, case: Case) -> str:
        """The item's name in the UI language where the catalog has one (the platform's case
        carries the Chinese name)."""
        area = self.ctx.services.catalog
        item = area.catalog.get(case.item_code) if area is not None else None
        return item.title(i18n.current_language()) if item is not None else case.item_name

    def _department(self, case: Case) -> str:
        area = self.ctx.services.catalog
        if area is None:
            return case.department
        return area.catalog.department_title(case.department, i18n.current_language())

    def render(self) -> None:
        self.spinner.setVisible(self.flow.busy)
        (self.spinner.start if self.flow.busy else self.spinner.stop)()
        clear_layout(self.actions)
        self._buttons = []
        self.scroll.clear()
        {"start": self._show_start, "list": self._show_list,
         "detail": self._show_detail}[self.flow.step]()
        self._place_actions()

    def _place_actions(self) -> None:
        """One row while the buttons' words fit; two columns for four buttons, or three in large
        text, so no caption is cut off."""
        count = len(self._buttons)
        columns = 2 if count > 3 or (count > 2 and self.elderly) else max(1, count)
        for index, action in enumerate(self._buttons):
            self.actions.addWidget(action, index // columns, index % columns)

    def _problem(self) -> bool:
        if self.flow.problem is None:
            return False
        self.banner.set("error", messages.message(self.flow.problem, fallback="case_lookup_failed"))
        return True

    def _show_start(self) -> None:
        self.heading.setText(self.tr("How would you like to find your case?"))
        if self.flow.busy:
            self.banner.set("info", self.tr("Looking up the case…"))
            return
        if not self._problem():
            self.banner.set("info", self.tr("Without identifying, only the progress of one case "
                                            "is shown, never personal details."))
        if self.flow.identified:
            self._choice(self.tr("See all my cases"), "idcard", self._my_cases)
        else:
            self._choice(self.tr("Identify myself and see all my cases"), "idcard", self._identify)
        self._choice(self.tr("Scan the QR code on my receipt"), "qr", self._scan)
        self._choice(self.tr("Type the case number"), "case", self._type)
        self.scroll.body.addStretch(1)

    def _choice(self, text: str, icon: str, fn) -> None:
        choice = button(text, "primary", fn, icon)
        choice.setMinimumHeight(120 if self.elderly else 104)
        self.scroll.body.addWidget(choice)

    def _show_list(self) -> None:
        flow = self.flow
        self.heading.setText(self.tr("Your cases"))
        if flow.busy:
            self.banner.set("info", self.tr("Fetching your cases…"))
            return
        if self._problem():
            self._action(self.tr("Try again"), "primary", self._my_cases, "case")
            return
        if not flow.cases:
            self.banner.set("info", self.tr("There are no cases in your name. A case you handed "
                                            "in today may take a moment to appear."))
            return
        overdue = sum(case.overdue(flow.today) for case in flow.cases)
        self.banner.set("warn" if overdue else "info",
                        self.tr("Cases: %n. Touch one to see every step.", "", len(flow.cases))
                        + (" " + self.tr("%n of them overdue.", "", overdue) if overdue else ""))
        for case in flow.cases:
            self.scroll.body.addWidget(self._summary_card(case, with_button=True))
        self.scroll.body.addStretch(1)
        self._action(self.tr("Finish"), "primary", self._finish, "home")

    def _summary_card(self, case: Case, with_button: bool = False) -> Card:
        today = self.flow.today
        card = Card()
        if with_button:                 # in the list; the detail has the name as its heading
            card.body.addWidget(label(self._item_name(case), "Heading"))
        card.body.addWidget(label(self.tr("Case number: %1").replace("%1", case.case_no)))
        card.body.addWidget(label(
            self.tr("%1, submitted on %2 %3").replace("%1", self._department(case))
            .replace("%2", _day(case.submitted_at))
            .replace("%3", QCoreApplication.translate(CONTEXT, CHANNELS.get(case.channel, ""))),
            "Muted"))
        card.body.addWidget(label(self.tr("Now: %1").replace(
            "%1", QCoreApplication.translate(CONTEXT, STEP_NAMES[case.status])), "Heading"))
        late = case.overdue_days(today)
        if late:
            card.body.addWidget(self._warning(self.tr(
                "Overdue: it was promised by %1 and is %n day(s) late. You can ask about it at "
                "the window or call 12345.", "", late).replace("%1", _day(case.promised_by))))
        elif not case.decided:
            card.body.addWidget(label(self.tr("Promised by %1").replace(
                "%1", _day(case.promised_by))))
        card.body.addWidget(label(self.tr("Next: %1").replace(
            "%1", QCoreApplication.translate(CONTEXT, NEXT[case.next_code]))))
        if with_button:
            card.body.addWidget(button(self.tr("See every step"), "",
                                       lambda n=case.case_no: self._choose(n), "case"))
        return card

    @staticmethod
    def _warning(text: str) -> Banner:
        return Banner("warn", text)

    def _show_detail(self) -> None:
        flow, case = self.flow, self.flow.shown
        self.heading.setText(self._item_name(case))
        self._slip_banner()
        body = self.scroll.body
        body.addWidget(self._summary_card(case))
        if case.status == "corrections_requested":
            body.addWidget(self._corrections_card(case))
        if case.reason:
            card = Card()
            card.body.addWidget(label(self.tr("Reason given by the department"), "Heading"))
            card.body.addWidget(label(case.reason))
            body.addWidget(card)
        if case.status in ("issued", "collected") and case.collection_method:
            body.addWidget(self._collection_card(case))
        body.addWidget(self._timeline_card(case))
        if not flow.personal:
            card = Card()
            card.body.addWidget(label(self.tr("Only the progress is shown. Personal details (the "
                                              "applicant, tracking number, locker pick-up code) "
                                              "appear after the applicant identifies."), "Muted"))
            if not flow.identified:
                card.body.addWidget(button(self.tr("Identify myself"), "", self._identify,
                                           "idcard"))
            body.addWidget(card)
        body.addStretch(1)
        if flow.offers_slip:
            self._action(self.tr("Print a progress slip"), "", self._slip, "ticket")
        if case.offers_elicence:
            self._action(self.tr("Print my e-licence"), "primary", self._print_elicence, "print")
        if flow.from_list:
            self._action(self.tr("Back to my cases"), "", self._back_to_list, "back")
        else:
            self._action(self.tr("Look up another case"), "", self._another, "case")
        self._action(self.tr("Finish"), "primary", self._finish, "home")

    def _slip_banner(self) -> None:
        slip = self.flow.slip
        if slip is None:
            self.banner.set("info", "")
        elif slip == "printing":
            self.banner.set("info", self.tr("Printing the progress slip…"))
        elif slip == "printed":
            self.banner.set("ok", self.tr("Please take your progress slip from the receipt slot."))
        else:
            self.banner.set("error", messages.message(slip, fallback="receipt_printer"))

    def _corrections_card(self, case: Case) -> Card:
        card = Card()
        card.body.addWidget(label(self.tr("Materials still missing"), "Heading"))
        for index, item in enumerate(case.missing, start=1):
            card.body.addWidget(label(f"{index}. {item}"))
        deadline = _day(case.corrections_deadline) if case.corrections_deadline else "—"
        if case.corrections_late(self.flow.today):
            card.body.addWidget(self._warning(self.tr(
                "The deadline for the missing materials (%1) has passed. Please ask at the window "
                "what you can do now.").replace("%1", deadline)))
        else:
            card.body.addWidget(label(self.tr("Hand them in by %1.").replace("%1", deadline),
                                      "Heading"))
        if self.flow.corrections_here:
            card.body.addWidget(label(self.tr("You can hand them in here: scan them with the "
                                              "document camera.")))
            card.body.addWidget(button(self.tr("Hand in the missing materials"), "primary",
                                       self._hand_in, "apply"))
        else:
            card.body.addWidget(label(self.tr("Hand them in at %1, or where you applied online. "
                                              "This kiosk cannot take them for this item.")
                                      .replace("%1", case.window or self._department(case))))
        return card

    def _hand_in(self) -> None:
        self.nav.go("apply_form", **self.flow.correction_params())

    def _collection_card(self, case: Case) -> Card:
        card = Card()
        card.body.addWidget(label(self.tr("How to collect the result"), "Heading"))
        got, method = case.collection, case.collection_method
        if method == "window":
            text = self.tr("At the window: %1").replace("%1", got.get("place", case.window))
        elif method == "post":
            text = self.tr("By post with %1.").replace("%1", got.get("carrier", ""))
            if got.get("tracking_no"):
                text += " " + self.tr("Tracking number: %1").replace("%1", got["tracking_no"])
        elif method == "locker":
            text = self.tr("In the 24-hour locker at %1").replace("%1", got.get("place", ""))
            if got.get("pickup_until"):
                text += " " + self.tr("(until %1)").replace("%1", got["pickup_until"])
            if got.get("pickup_code"):
                card.body.addWidget(label(text))
                text = self.tr("Locker %1, pick-up code %2").replace(
                    "%1", got.get("locker", "")).replace("%2", got["pickup_code"])
                card.body.addWidget(label(text, "ScreenTitle"))
                return card
        else:
            text = self.tr("As an e-licence: %1").replace("%1", got.get("document",
                                                                         self._item_name(case)))
        card.body.addWidget(label(text))
        return card

    def _timeline_card(self, case: Case) -> Card:
        card = Card()
        card.body.addWidget(label(self.tr("Every step so far"), "Heading"))
        for step in case.steps:
            line = f"{step.at:%Y-%m-%d %H:%M}   " + QCoreApplication.translate(
                CONTEXT, STEP_NAMES[step.step])
            card.body.addWidget(label(line))
            if step.note:
                card.body.addWidget(label("      " + step.note, "Muted"))
        return card

    def _action(self, text: str, role: str, fn, icon: str | None = None) -> None:
        self._buttons.append(button(text, role, fn, icon))
