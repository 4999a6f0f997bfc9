"""Correct my data (数据纠错): the identified citizen's data as the platform holds it, a field marked
wrong or missing, what it should be, a scanned proof where the platform asks for one (the document
camera screen), then the receipt. Renders kiosk.flows.feedback.CorrectFlow."""
from __future__ import annotations

from PySide6.QtWidgets import QGridLayout

from kiosk import messages
from kiosk.flows.feedback import CorrectFlow
from screens.base import Screen, register_screen
from screens.feedback import feedback_platform, online
from screens.feedback_receipt import FeedbackReceipt
from screens.tasks import run_in_background
from screens.text_entry import TextEntry, keyboard_panel
from screens.widgets import Banner, Card, Scroll, Spinner, button, label

PROOF = "feedback_proof"          # the document capture screen's material name for the proof


@register_screen
class FeedbackCorrectScreen(Screen):
    name = "feedback_correct"

    def __init__(self, ctx, nav):
        super().__init__(ctx, nav)
        self.flow: CorrectFlow | None = None
        self.banner = Banner("info")
        self.spinner = Spinner(64)
        self.scroll = Scroll()
        self.records = Card()
        self.chosen = label("", "Heading")
        self.value = TextEntry(kind="text", max_length=200)
        self.value.edited.connect(lambda text: setattr(self.flow, "text", text))
        self.proof_state = label("")
        self.proof_button = button("", "", self._scan)
        self.send_button = button("", "primary", self._send)
        self.receipt = FeedbackReceipt(self)
        self.receipt.hide()
        for widget in (self.records, self.chosen, self.value, self.proof_state, self.proof_button):
            self.scroll.body.addWidget(widget)
        self.scroll.body.addStretch(1)
        self.layout_.addWidget(self.banner)
        self.layout_.addWidget(self.spinner)
        self.layout_.addWidget(self.scroll, 1)
        self.layout_.addWidget(self.receipt)
        self.layout_.addWidget(self.send_button)

    def title(self) -> str:
        return self.tr("Correct my data")

    def enter(self, resume: bool = False, **_params) -> None:
        if resume and self.flow is not None:
            pdf = self.ctx.session.get("materials_pdf")
            if pdf:
                self.flow.add_proof(bytes(pdf))
                self.ctx.session.put("materials_pdf", None)
            self._render()
            return
        if self.ctx.session.identity is None:
            self.nav.go("identify", next=self.name)
            return
        flow = CorrectFlow(feedback_platform(self.ctx), self.ctx.services.sync, self.ctx.session,
                           lambda: online(self.ctx))
        self.flow = flow
        self.receipt.hide()
        self.value.set_value("")
        keyboard_panel().attach(self.layout_)
        keyboard_panel().hide()
        self.spinner.start()
        run_in_background(flow.load, lambda _r: self._loaded(flow), lambda _e: self._loaded(flow))
        self._render()

    def leave(self) -> None:
        keyboard_panel().hide()
        self.spinner.stop()

    def _loaded(self, flow: CorrectFlow) -> None:
        if flow is not self.flow or not self.isVisible():
            return
        self.spinner.stop()
        self._build_records()
        self._render()

    def _build_records(self) -> None:
        while self.records.body.count():
            item = self.records.body.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        for record in self.flow.records:
            self.records.body.addWidget(label(record["title"], "Heading"))
            grid = QGridLayout()
            for row, field in enumerate(record["fields"]):
                grid.addWidget(label(f"{field['label']}：{field['value'] or '—'}"), row, 0)
                grid.addWidget(button(self.tr("Wrong"), "chip",
                                      lambda r=record["record"], f=field["field"]:
                                      self._choose(r, f, True)), row, 1)
                grid.addWidget(button(self.tr("Missing"), "chip",
                                      lambda r=record["record"], f=field["field"]:
                                      self._choose(r, f, False)), row, 2)
            holder = Card()
            holder.body.addLayout(grid)
            self.records.body.addWidget(holder)

    def _choose(self, record: str, field: str, wrong: bool) -> None:
        self.flow.choose(record, field, wrong)
        self._render()
        self.value.focus()

    def _scan(self) -> None:
        self.ctx.session.put("materials_pdf", None)
        self.nav.go("document_capture", material=self.tr("Proof of the correct information"),
                    next=self.name, resume=True)

    def _send(self) -> None:
        if self.flow is not None and self.flow.submit():
            keyboard_panel().hide()
            field = self.flow.field or {}
            self.receipt.show_sent(self.flow.sent, f"数据纠错：{field.get('label', '')}")
        self._render()

    def _render(self) -> None:
        flow = self.flow
        if flow is None:
            return
        sent = flow.step == "sent"
        choosing = flow.field is None
        self.scroll.setVisible(not sent)
        self.send_button.setVisible(not sent and not choosing)
        self.chosen.setVisible(not choosing)
        self.value.setVisible(not choosing)
        self.proof_button.setVisible(flow.proof_needed)
        self.proof_state.setVisible(flow.proof_needed)
        if flow.field is not None:
            self.chosen.setText((self.tr("Wrong: %1") if flow.wrong else self.tr("Missing: %1"))
                                .replace("%1", f"{flow.field['label']}（{flow.field['value'] or '—'}）"))
        self.proof_state.setText(self.tr("Proof scanned: %1 document(s)").replace(
            "%1", str(len(flow.proof))) if flow.proof else self.tr("A proof is needed for this."))
        problems = flow.problems
        self.value.set_problem(messages.message(problems["text"]) if "text" in problems else "")
        if flow.code:
            self.banner.set("error" if flow.code != "feedback_offline" else "warn",
                            messages.message(flow.code))
        elif "proof" in problems:
            self.banner.set("warn", messages.message(problems["proof"]))
        elif choosing and flow.records:
            self.banner.set("info", self.tr("Touch Wrong or Missing next to the information to "
                                            "correct."))
        else:
            self.banner.set("info", "")

    def retranslate(self) -> None:
        self.value.set_caption(self.tr("What it should be (required)"))
        self.proof_button.setText(self.tr("Scan the proof"))
        self.send_button.setText(self.tr("Send the correction"))
        self.receipt.retranslate()
        if self.flow is not None and self.flow.records:
            self._build_records()
            self._render()
