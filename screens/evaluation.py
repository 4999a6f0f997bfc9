"""Rate a service (好差评): five levels, reasons for a low rating, an honest receipt whether the
platform is reachable or the rating waits in the outbox."""
from __future__ import annotations

import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QGridLayout, QWidget

from kiosk import i18n, messages
from kiosk.flows.evaluation import LEVELS, REASONS, Evaluation
from screens.base import Screen, register_screen
from screens.widgets import Banner, Card, button, label

log = logging.getLogger(__name__)

LEVEL_TEXT = {
    "very_satisfied": QT_TRANSLATE_NOOP("EvaluationScreen", "Very satisfied"),
    "satisfied": QT_TRANSLATE_NOOP("EvaluationScreen", "Satisfied"),
    "basically_satisfied": QT_TRANSLATE_NOOP("EvaluationScreen", "Basically satisfied"),
    "dissatisfied": QT_TRANSLATE_NOOP("EvaluationScreen", "Dissatisfied"),
    "very_dissatisfied": QT_TRANSLATE_NOOP("EvaluationScreen", "Very dissatisfied"),
}
STARS = {"very_satisfied": 5, "satisfied": 4, "basically_satisfied": 3, "dissatisfied": 2,
         "very_dissatisfied": 1}
REASON_TEXT = {
    "long_wait": QT_TRANSLATE_NOOP("EvaluationScreen", "Waited too long"),
    "unclear_guide": QT_TRANSLATE_NOOP("EvaluationScreen", "The guide was unclear"),
    "too_many_materials": QT_TRANSLATE_NOOP("EvaluationScreen", "Too many materials asked for"),
    "attitude": QT_TRANSLATE_NOOP("EvaluationScreen", "Staff attitude"),
    "device_fault": QT_TRANSLATE_NOOP("EvaluationScreen", "The kiosk did not work well"),
    "not_solved": QT_TRANSLATE_NOOP("EvaluationScreen", "My matter was not solved"),
    "other": QT_TRANSLATE_NOOP("EvaluationScreen", "Other"),
}


def _t(text: str) -> str:
    return QCoreApplication.translate("EvaluationScreen", text)


@register_screen
class EvaluationScreen(Screen):
    name = "evaluation"

    def __init__(self, ctx, nav):
        super().__init__(ctx, nav)
        self.evaluation = Evaluation(ctx.config.kiosk.id)
        self.question = label("", "Heading")
        self.privacy = label("", "Muted")
        self.level_buttons = {}
        levels = QWidget()
        self.levels_grid = QGridLayout(levels)
        self.levels_grid.setSpacing(14)
        self.levels_grid.setContentsMargins(0, 0, 0, 0)
        for level in LEVELS:
            btn = button("", "chip", lambda lv=level: self.choose(lv))
            btn.setCheckable(True)
            btn.setMinimumHeight(84)
            self.level_buttons[level] = btn
        self.reasons_card = Card()
        self.reasons_title = label("", "Heading")
        self.reasons_card.body.addWidget(self.reasons_title)
        self.reasons_grid = QGridLayout()
        self.reasons_grid.setSpacing(12)
        self.reason_buttons = {}
        for reason in REASONS:
            btn = button("", "chip", lambda r=reason: self.toggle(r))
            btn.setCheckable(True)
            self.reason_buttons[reason] = btn
        self.reasons_card.body.addLayout(self.reasons_grid)
        self._columns = 0
        self.submit_button = button("", "primary", self.submit)
        self.result = Banner("info")
        self.done_button = button("", "primary", self._leave)
        self.skip_button = button("", "", self._leave)
        self.rated = label("", "Heading")
        self.subject, self.then, self.offered = "", "home", False
        for w in (self.rated, self.question, self.privacy, levels, self.reasons_card, self.submit_button,
                  self.result, self.done_button, self.skip_button):
            self.layout_.addWidget(w)
        self.layout_.addStretch(1)
        self._arrange()

    def title(self) -> str:
        return self.tr("Rate a service")

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._arrange()

    def _arrange(self) -> None:
        """Portrait: one level per row; landscape: levels side by side, so all fits one screen."""
        columns = len(LEVELS) if self.landscape else 1
        if columns == self._columns:
            return
        self._columns = columns
        for index, level in enumerate(LEVELS):
            btn = self.level_buttons[level]
            self.levels_grid.addWidget(btn, index // columns, index % columns)
        reason_columns = 4 if self.landscape else 2
        for index, reason in enumerate(REASONS):
            self.reasons_grid.addWidget(self.reason_buttons[reason], index // reason_columns,
                                        index % reason_columns)

    def enter(self, item_code: str = "", subject: str = "", then: str = "home",
              offered: bool = False, **_params) -> None:
        """From the home tile: a rating of the kiosk's service. After a transaction (offered): the
        rating of that item, with Skip; `then` is where Skip and Done lead (see RatingOffer)."""
        self.evaluation = Evaluation(self.ctx.config.kiosk.id, item_code)
        self.subject, self.then, self.offered = subject, then, offered
        self.submitted = False
        self.result.set("info", "")
        self.retranslate()
        self._refresh()

    def choose(self, level: str) -> None:
        self.evaluation.choose(level)
        self._refresh()

    def toggle(self, reason: str) -> None:
        self.evaluation.toggle_reason(reason)
        self._refresh()

    def submit(self) -> None:
        recorded = self.evaluation.record(self.ctx.services.sync)
        if recorded.outcome == "no_outbox":
            self.result.set("error", messages.message("no_outbox"))
            return
        if not recorded.kept:
            # the outcome is a code for staff and the log, not for the citizen
            log.warning("rating not saved: %s", recorded.outcome)
            self.result.set("error", messages.message("rating_not_saved"))
            return
        self.submitted = True
        if recorded.outcome == "recorded":
            text = self.tr("Thank you. Your rating has been recorded. Reference: %1")
        else:
            text = self.tr("Thank you. The platform cannot be reached right now: your rating is "
                           "saved on this kiosk and will be sent when the connection returns. "
                           "Reference: %1")
        self.result.set("ok", text.replace("%1", recorded.reference))
        self._refresh()

    def _leave(self) -> None:
        """Skip or Done: where the transaction that offered the rating said to go next."""
        if self.then == "end_session":
            self.nav.end_session()
        elif self.then == "back":
            self.nav.back()
        else:
            self.nav.home()

    def _rated_item(self) -> str:
        """The item's title in the citizen's language, else what the transaction called it."""
        code = self.evaluation.item_code
        service = self.ctx.services.catalog if code else None
        catalog = service.catalog if service is not None else None
        item = catalog.get(code) if catalog else None
        return item.title(i18n.current_language()) if item is not None else self.subject

    def retranslate(self) -> None:
        subject = self._rated_item()
        self.rated.setText(self.tr("You are rating: %1").replace("%1", subject) if subject else "")
        self.rated.setVisible(bool(subject))
        self.skip_button.setText(self.tr("Skip"))
        self.question.setText(self.tr("How satisfied are you with the service today?"))
        self.privacy.setText(self.tr("Your rating is anonymous: the department does not see who "
                                     "you are."))
        for level, btn in self.level_buttons.items():
            stars = "★" * STARS[level] + "☆" * (5 - STARS[level])
            btn.setText(stars + ("\n" if self.landscape else "   ") + _t(LEVEL_TEXT[level]))
        self.reasons_title.setText(self.tr("What went wrong? Choose one or more."))
        for reason, btn in self.reason_buttons.items():
            btn.setText(_t(REASON_TEXT[reason]))
        self.submit_button.setText(self.tr("Submit rating"))
        self.done_button.setText(self.tr("Done"))

    def _refresh(self) -> None:
        ev = self.evaluation
        locked = getattr(self, "submitted", False)
        for level, btn in self.level_buttons.items():
            btn.setChecked(level == ev.level)
            btn.setEnabled(not locked)
        self.reasons_card.setVisible(ev.needs_reasons and not locked)
        for reason, btn in self.reason_buttons.items():
            btn.setChecked(reason in ev.reasons)
        self.submit_button.setVisible(not locked)
        self.submit_button.setEnabled(ev.ready)
        self.done_button.setVisible(locked)
        self.skip_button.setVisible(self.offered and not locked)
