"""How the result reaches the citizen (送达方式): window, post or the hall's 24-hour locker; for
post the address by region (level by level, searchable) and the detailed address on the Pinyin
keyboard. Renders kiosk/flows/delivery_post.py's state; platform calls run off the UI thread.

Reached with nav.go("delivery", case_ref=..., item_code=...) after an application (the apply
screens hand over the reference and the item)."""
from __future__ import annotations

import logging

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout

from kiosk import messages
from kiosk.flows.delivery_post import LEVELS, DeliveryFlow, DeliveryPlatform
from screens.base import Screen, register_screen
from screens.tasks import run_in_background
from screens.text_entry import TextEntry, keyboard_panel
from screens.widgets import Banner, Card, Scroll, Spinner, button, clear_layout, label

log = logging.getLogger(__name__)


def delivery_platform(ctx) -> DeliveryPlatform | None:
    from kiosk.wiring.platform import platform_client
    try:
        return DeliveryPlatform(platform_client(ctx))
    except Exception as exc:          # no platform configured or wired on this kiosk
        log.warning("no platform for delivery: %s", type(exc).__name__)
        return None


@register_screen
class DeliveryScreen(Screen):
    name = "delivery"

    def __init__(self, ctx, nav):
        super().__init__(ctx, nav)
        self.flow: DeliveryFlow | None = None
        self.entries: dict[str, TextEntry] = {}
        self.search: TextEntry | None = None
        self.options_box: QVBoxLayout | None = None
        self.banner = Banner("info")
        self.spinner = Spinner(64)
        self.scroll = Scroll()
        self.actions = QHBoxLayout()
        self.layout_.addWidget(self.banner)
        self.layout_.addWidget(self.spinner)
        self.layout_.addWidget(self.scroll, 1)
        self.layout_.addLayout(self.actions)

    def title(self) -> str:
        return self.tr("How you receive the result")

    def instruction(self) -> str:
        return self.tr("Choose the window, post or the locker.")

    def enter(self, case_ref: str = "", item_code: str = "", **_params) -> None:
        self.flow = DeliveryFlow(delivery_platform(self.ctx), self.ctx.services.sync,
                                 lambda: self.ctx.session.identity, case_ref=case_ref,
                                 item_code=item_code)
        self.ctx.session.on_wipe(self.flow.wipe)
        self._work(self.flow.load)

    def leave(self) -> None:
        keyboard_panel().hide()

    # ---- what the citizen touched -------------------------------------------------------------
    def choose(self, method: str) -> None:
        self.flow.choose(method)
        self.render()

    def pick(self, code: str) -> None:
        self._collect()
        self.flow.pick(code)
        self.render()

    def unpick(self, level: str) -> None:
        self._collect()
        self.flow.unpick(level)
        self.render()

    def use_card_address(self) -> None:
        self._collect()
        self.flow.use_card_address()
        self.render()

    def next_step(self) -> None:
        self._collect()
        if self.flow.to_confirm():
            self._work(self.flow.quote)
        else:
            self.render()

    def previous(self) -> None:
        self.flow.back()
        self.render()

    def confirm(self) -> None:
        self._work(self.flow.confirm)

    def type_search(self, text: str) -> None:
        """The region search as typed (the walkthrough and tests type through this)."""
        if self.search is not None:
            self.search.box.setText(text)

    def _collect(self) -> None:
        if self.entries:
            self.flow.set_fields(self.entries["recipient"].value(), self.entries["phone"].value(),
                                 self.entries["detail"].value())

    def _searched(self, text: str) -> None:
        self.flow.set_search(text)
        self._fill_options()

    # ---- background work ---------------------------------------------------------------------
    def _work(self, fn) -> None:
        flow = self.flow
        self.spinner.start()
        run_in_background(fn, lambda _r: self._done(flow), lambda _e: self._done(flow))
        self.render()

    def _done(self, flow) -> None:
        if flow is self.flow:
            self.spinner.stop()
            self.render()

    # ---- rendering ---------------------------------------------------------------------------
    def retranslate(self) -> None:
        if self.flow is not None and self.flow.step == "address":
            self._collect()
        self.render()

    def render(self) -> None:
        self.scroll.clear()
        self.entries, self.search, self.options_box = {}, None, None
        clear_layout(self.actions)
        keyboard_panel().hide()
        flow = self.flow
        if flow is None or flow.step == "loading":
            self.banner.set("info", self.tr("Getting the ways to receive the result…"))
            return
        getattr(self, f"_show_{flow.step}")()
        self.scroll.body.addStretch(1)

    def _action(self, text: str, role: str, fn) -> None:
        self.actions.addWidget(button(text, role, fn))

    def _method_text(self, method: str) -> str:
        if method == "window":
            return self.tr("Collect it at the window")
        if method == "post":
            return self.tr("Post it to me (%1)").replace("%1", self.flow.carrier)
        return self.tr("24-hour locker: %1").replace("%1", self.flow.locker_place)

    def _show_choose(self) -> None:
        flow = self.flow
        self.banner.set("info", self.tr("How would you like to receive the result?"))
        for method in flow.methods():
            self.scroll.body.addWidget(button(self._method_text(method), "primary",
                                              lambda m=method: self.choose(m)))
        if "post" not in flow.methods():
            self.scroll.body.addWidget(label(messages.message("delivery_offline"), "Muted"))

    def _problem(self, field: str) -> str:
        code = self.flow.problems.get(field)
        return messages.message(code) if code else ""

    def _show_address(self) -> None:
        flow = self.flow
        self.banner.set("info", self.tr("Where should we post it? Touch a box to type; choose "
                                        "the region from the lists."))
        card = Card()
        for field, caption, kind, value in (
                ("recipient", self.tr("Recipient"), "text", flow.recipient),
                ("phone", self.tr("Mobile number"), "phone", flow.phone)):
            entry = TextEntry(caption, kind, 20 if kind == "phone" else 30)
            entry.set_value(value)
            entry.set_problem(self._problem(field))
            card.body.addWidget(entry)
            self.entries[field] = entry
        self.scroll.body.addWidget(card)

        region = Card()
        region.body.addWidget(label(self.tr("Region"), "Heading"))
        picked = QHBoxLayout()
        for level in LEVELS:
            if level in flow.picked:
                picked.addWidget(button(flow.picked[level].name, "chip",
                                        lambda lv=level: self.unpick(lv)))
        picked.addStretch(1)
        region.body.addLayout(picked)
        if flow.level:
            self.search = TextEntry(self.tr("Search (Chinese, pinyin or initials)"), "latin", 20)
            self.search.set_value(flow.search)
            self.search.edited.connect(self._searched)
            region.body.addWidget(self.search)
            self.options_box = QVBoxLayout()
            region.body.addLayout(self.options_box)
            self._fill_options()
        problem = self._problem("region")
        if problem:
            region.body.addWidget(label(problem, "Problem"))
        self.scroll.body.addWidget(region)

        detail = Card()
        entry = TextEntry(self.tr("Street, number, building and room"), "text", 80)
        entry.set_value(flow.detail)
        entry.set_help(self.tr("Type with pinyin and choose the characters above the keys."))
        entry.set_problem(self._problem("detail"))
        detail.body.addWidget(entry)
        self.entries["detail"] = entry
        if flow.card_address:
            detail.body.addWidget(button(self.tr("Start from the address on my ID card"), "",
                                         self.use_card_address))
        self.scroll.body.addWidget(detail)
        keyboard_panel().attach(self.layout_)
        self._action(self.tr("Previous step"), "", self.previous)
        self._action(self.tr("Next"), "primary", self.next_step)

    def _fill_options(self) -> None:
        if self.options_box is None:
            return
        clear_layout(self.options_box)
        options = self.flow.options()
        if not options:
            self.options_box.addWidget(label(self.tr("Nothing matches this search."), "Muted"))
        for region in options:
            self.options_box.addWidget(button(region.name, "", lambda c=region.code: self.pick(c)))

    def _show_confirm(self) -> None:
        flow = self.flow
        self.banner.set("info", self.tr("Please check and confirm."))
        card = Card()
        card.body.addWidget(label(self._method_text(flow.method), "Heading"))
        if flow.method == "post":
            card.body.addWidget(label(f"{flow.recipient}  {flow.phone}"))
            card.body.addWidget(label(flow.region_text + flow.detail))
            fee = (self.tr("Posting is free.") if flow.fee_fen == 0 else
                   self.tr("Posting costs %1 yuan: pay it under “Pay” after this (the order is "
                           "already there).").replace("%1", flow.fee_yuan))
            card.body.addWidget(label(fee, "Heading"))
        self.scroll.body.addWidget(card)
        self._action(self.tr("Previous step"), "", self.previous)
        self._action(self.tr("Confirm"), "primary", self.confirm)

    def _show_done(self) -> None:
        flow = self.flow
        if flow.method == "post":
            text = self.tr("Recorded. The result is posted to this address when it is ready; the "
                           "carrier's tracking number is assigned then.")
        elif flow.method == "locker":
            text = self.tr("Recorded. You will get a text message with the pick-up code when the "
                           "result is in the locker.")
        else:
            text = self.tr("Recorded. Please collect the result at the window when you are told "
                           "it is ready.")
        self.banner.set("ok", text)
        self.scroll.body.addWidget(label(self.tr("Reference: %1").replace(
            "%1", flow.reference[-8:].upper()), "Heading"))
        if flow.fee_fen:
            self._action(self.tr("Pay the posting fee"), "primary", lambda: self.nav.go("pay"))
        self._action(self.tr("Finish"), "" if flow.fee_fen else "primary", self.nav.end_session)

    def _show_unavailable(self) -> None:
        self.banner.set("error", messages.message(self.flow.code, fallback="delivery_offline"))
        self._action(self.tr("Previous step"), "", self.previous)

    def _show_not_saved(self) -> None:
        self.banner.set("error", messages.message(self.flow.code, fallback="delivery_not_saved"))
        self._action(self.tr("Finish"), "primary", self.nav.end_session)
