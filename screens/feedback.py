"""Ask, complain, correct my data (咨询 / 投诉 / 数据纠错): the chooser, and the ask and complain
screens. Each renders its kiosk.flows.feedback flow; typing is through the Pinyin keyboard.

enter(item="IMPL_CODE"): from a guide, the question or complaint is about that item."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGridLayout, QHBoxLayout

from kiosk import i18n, messages, status
from kiosk.flows.feedback import AskFlow, ComplainFlow
from kiosk.flows.feedback_platform import PlatformFeedback
from screens import theme
from screens.base import Screen, register_screen
from screens.feedback_receipt import FeedbackReceipt
from screens.tasks import run_in_background
from screens.text_entry import TextEntry, keyboard_panel
from screens.widgets import Banner, Card, Scroll, Tile, button, label


def feedback_platform(ctx) -> PlatformFeedback | None:
    return PlatformFeedback(ctx.platform.client) if ctx.platform is not None else None


def online(ctx) -> bool:
    return bool(status.platform_state(ctx).online)


def item_title(ctx, code: str | None) -> str:
    catalog = ctx.services.catalog
    item = catalog.catalog.get(code) if catalog is not None and code else None
    return item.title(i18n.current_language()) if item else ""


@register_screen
class FeedbackScreen(Screen):
    name = "feedback"

    def __init__(self, ctx, nav):
        super().__init__(ctx, nav)
        self.item: str | None = None
        self.intro = label("")
        grid = QGridLayout()
        grid.setSpacing(24)
        self.tiles = [Tile("guide", lambda: self.nav.go("feedback_ask", item=self.item)),
                      Tile("staff", lambda: self.nav.go("feedback_complain", item=self.item)),
                      Tile("apply", lambda: self.nav.go("identify", next="feedback_correct"))]
        for index, tile in enumerate(self.tiles):
            tile.setMinimumHeight(240)
            grid.addWidget(tile, index, 0)
        self.layout_.addWidget(self.intro)
        self.layout_.addLayout(grid)
        self.layout_.addStretch(1)

    def title(self) -> str:
        return self.tr("Ask or complain")

    def enter(self, item: str | None = None, **_params) -> None:
        self.item = item

    def retranslate(self) -> None:
        self.intro.setText(self.tr("Every question, complaint and correction goes to the "
                                   "department responsible and is answered."))
        size = theme.metrics(self.elderly).tile_pt
        for tile, caption in zip(self.tiles, (self.tr("Ask a question"),
                                              self.tr("Make a complaint"),
                                              self.tr("Correct my data"))):
            tile.set_caption(caption, 96 if self.elderly else 80, size)


class _WriteScreen(Screen):
    """What the ask and complain screens share: the text, the phone, Send, the receipt."""

    def __init__(self, ctx, nav):
        super().__init__(ctx, nav)
        self.flow = None
        self.banner = Banner("info")
        self.scroll = Scroll()
        self.text = TextEntry(kind="text", max_length=600)
        self.text.edited.connect(lambda value: setattr(self.flow, "text", value))
        self.phone = TextEntry(kind="phone", max_length=20)
        self.phone.edited.connect(lambda value: setattr(self.flow, "phone", value))
        self.send_button = button("", "primary", self._send)
        # about one item: find it in the catalogue; its guide's "Ask or complain" comes back here
        self.item_button = button("", "", lambda: self.nav.go("catalog"), "guide")
        self.receipt = FeedbackReceipt(self)
        self.receipt.hide()
        self.layout_.addWidget(self.banner)
        self.layout_.addWidget(self.scroll, 1)
        self.layout_.addWidget(self.receipt)
        self.layout_.addWidget(self.send_button)

    def leave(self) -> None:
        keyboard_panel().hide()

    def _start(self, flow) -> None:
        self.flow = flow
        self.text.set_value("")
        self.phone.set_value("")
        self.receipt.hide()
        self.banner.set("info", "")
        keyboard_panel().attach(self.layout_)
        keyboard_panel().hide()
        run_in_background(flow.load, lambda _r: self._loaded(flow), lambda _e: self._loaded(flow))

    def _loaded(self, flow) -> None:
        if flow is self.flow and self.isVisible():
            self._render()

    def _send(self) -> None:
        if self.flow is None:
            return
        if self.flow.submit():
            keyboard_panel().hide()
            self.receipt.show_sent(self.flow.sent, self._about())
        self._render()

    def _render(self) -> None:
        problems = self.flow.problems if self.flow else {}
        self.text.set_problem(messages.message(problems["text"]) if "text" in problems else "")
        self.phone.set_problem(messages.message(problems["phone"]) if "phone" in problems else "")
        sent = self.flow is not None and self.flow.step == "sent"
        self.item_button.setVisible(not sent and self.flow is not None and
                                    not self.flow.item_code)
        self.scroll.setVisible(not sent)
        self.send_button.setVisible(not sent)
        if self.flow is not None and self.flow.code:
            self.banner.set("error", messages.message(self.flow.code))
        elif "category" in problems:
            self.banner.set("warn", messages.message(problems["category"]))
        else:
            self.banner.set("info", "")

    def _about(self) -> str:
        return ""

    def retranslate(self) -> None:
        self.send_button.setText(QCoreApplication.translate("FeedbackScreen", "Send"))
        self.item_button.setText(QCoreApplication.translate("FeedbackScreen",
                                                            "About a service item: find it"))
        self.receipt.retranslate()


@register_screen
class FeedbackAskScreen(_WriteScreen):
    name = "feedback_ask"

    def __init__(self, ctx, nav):
        super().__init__(ctx, nav)
        self.about = label("", "Heading")
        self.questions = Card()
        self.questions_title = label("", "Heading")
        self.call_back = button("", "chip", self._toggle_call_back)
        self.call_back.setCheckable(True)
        body = self.scroll.body
        body.addWidget(self.item_button)
        body.addWidget(self.about)
        body.addWidget(self.questions)
        body.addWidget(self.text)
        body.addWidget(self.phone)
        body.addWidget(self.call_back)
        body.addStretch(1)

    def title(self) -> str:
        return self.tr("Ask a question")

    def enter(self, item: str | None = None, **_params) -> None:
        self.call_back.setChecked(False)
        self._start(AskFlow(feedback_platform(self.ctx), self.ctx.services.sync, self.ctx.session,
                            lambda: online(self.ctx), item))

    def _toggle_call_back(self) -> None:
        self.flow.call_back = self.call_back.isChecked()
        self._render()

    def _about(self) -> str:
        return item_title(self.ctx, self.flow.item_code) or "政务服务"

    def _render(self) -> None:
        super()._render()
        flow = self.flow
        title = item_title(self.ctx, flow.item_code) if flow else ""
        self.about.setText(self.tr("About: %1").replace("%1", title) if title else "")
        self.about.setVisible(bool(title))
        while self.questions.body.count():
            widget = self.questions.body.takeAt(0).widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        asked = flow.questions if flow else []
        self.questions.setVisible(bool(asked))
        if asked:
            self.questions.body.addWidget(label(self.tr("Frequent questions"), "Heading"))
            for entry in asked:
                self.questions.body.addWidget(label("问：" + entry["question"], "Heading")
                                              if not i18n.current_language().startswith("en")
                                              else label("Q: " + entry["question"], "Heading"))
                self.questions.body.addWidget(label(entry["answer"]))

    def retranslate(self) -> None:
        super().retranslate()
        self.text.set_caption(self.tr("Your question (required)"))
        self.phone.set_caption(self.tr("Mobile number for the answer"))
        self.call_back.setText(self.tr("Please call me back"))
        if self.flow is not None:
            self._render()


@register_screen
class FeedbackComplainScreen(_WriteScreen):
    name = "feedback_complain"

    def __init__(self, ctx, nav):
        super().__init__(ctx, nav)
        self.pick = label("", "Heading")
        self.chips = QGridLayout()
        self.chips.setSpacing(12)
        self.chip_buttons = []
        self.anonymous = button("", "chip", self._toggle_anonymous)
        self.anonymous.setCheckable(True)
        body = self.scroll.body
        body.addWidget(self.item_button)
        body.addWidget(self.pick)
        body.addLayout(self.chips)
        body.addWidget(self.anonymous)
        body.addWidget(self.text)
        body.addWidget(self.phone)
        body.addStretch(1)

    def title(self) -> str:
        return self.tr("Make a complaint")

    def enter(self, item: str | None = None, **_params) -> None:
        self._start(ComplainFlow(feedback_platform(self.ctx), self.ctx.services.sync,
                                 self.ctx.session, lambda: online(self.ctx), item))

    def _about(self) -> str:
        category = self.flow.category or {}
        return category.get("name", "") + (f"（{item_title(self.ctx, self.flow.item_code)}）"
                                           if self.flow.item_code else "")

    def _choose(self, code: str) -> None:
        self.flow.choose(code)
        self._render()

    def _toggle_anonymous(self) -> None:
        self.flow.set_anonymous(self.anonymous.isChecked())
        self._render()

    def _render(self) -> None:
        super()._render()
        flow = self.flow
        if flow is None:
            return
        if len(self.chip_buttons) != len(flow.categories):
            for old in self.chip_buttons:
                self.chips.removeWidget(old)
                old.hide()
                old.deleteLater()
            self.chip_buttons = []
            for index, category in enumerate(flow.categories):
                chip = button("", "chip", lambda c=category["code"]: self._choose(c))
                chip.setCheckable(True)
                self.chip_buttons.append(chip)
                self.chips.addWidget(chip, index // 2, index % 2)
        english = i18n.current_language().startswith("en")
        for chip, category in zip(self.chip_buttons, flow.categories):
            chip.setText(category.get("name_en") if english else category["name"])
            chip.setChecked(flow.category is not None and flow.category["code"] == category["code"])
        identified = self.ctx.session.identity is not None
        self.anonymous.setVisible(identified)
        self.anonymous.setChecked(flow.anonymous)

    def retranslate(self) -> None:
        super().retranslate()
        self.pick.setText(self.tr("What is it about?"))
        self.anonymous.setText(self.tr("Send it anonymously (no follow-up)"))
        self.text.set_caption(self.tr("What happened (required)"))
        self.phone.set_caption(self.tr("Mobile number (optional)"))
        if self.flow is not None:
            self._render()
