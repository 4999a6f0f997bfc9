"""One application, step by step: the form, the materials, the signature, the review and the
receipt. It renders kiosk.flows.apply.ApplyFlow's state and reports what the citizen touched."""
from __future__ import annotations

import io

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel

from kiosk import i18n, messages, status
from kiosk.flows.apply import ApplyFlow
from screens.apply_items import apply_client
from screens.base import Screen, register_screen
from screens.signature import SignaturePad
from screens.tasks import run_in_background
from screens.text_entry import TextEntry, keyboard_panel
from screens.widgets import Banner, Card, Scroll, Spinner, button, label

RATING_AFTER_MS = 10000    # the receipt stays this long before the rating is offered


@register_screen
class ApplyFormScreen(Screen):
    name = "apply_form"

    def __init__(self, ctx, nav):
        super().__init__(ctx, nav)
        self.flow: ApplyFlow | None = None
        self.entries: dict[str, TextEntry] = {}
        self.pad: SignaturePad | None = None
        self.banner = Banner("info")
        self.spinner = Spinner(64)
        self.spinner.hide()
        self.scroll = Scroll()
        self.actions = QHBoxLayout()
        self.back_button = button("", "", self._step_back)
        self.next_button = button("", "primary", self._next)
        self.actions.addWidget(self.back_button)
        self.actions.addStretch(1)
        self.actions.addWidget(self.spinner)
        self.actions.addWidget(self.next_button)
        self.layout_.addWidget(self.banner)
        self.layout_.addWidget(self.scroll, 1)
        self.layout_.addLayout(self.actions)
        self.keyboard_row = self.layout_

    def title(self) -> str:
        if self.flow is None:
            return self.tr("Apply for a service")
        service = self.ctx.services.catalog
        item = service.catalog.get(self.flow.item_code) if service else None
        return item.title(i18n.current_language()) if item else self.tr("Apply for a service")

    # ---- entering ------------------------------------------------------------------------
    def enter(self, code: str = "", resume: bool = False, correct: str = "",
              missing: tuple[str, ...] = (), **_params) -> None:
        """code: the item; correct and missing: a correction (补正) the platform asked for on
        that case, with the missing materials by their guide names ("Check my case" sends them)."""
        if resume and self.flow is not None:
            self._take_scanned()
            self.retranslate()
            return
        sync = self.ctx.services.sync
        self.flow = ApplyFlow(code, apply_client(self.ctx), sync,
                              lambda: self.ctx.session.identity,
                              kiosk_id=self.ctx.config.kiosk.id)
        flow = self.flow
        self.ctx.session.on_wipe(flow.wipe)     # leaving or timing out wipes the draft
        if flow.step == "identify":
            self.nav.go("identify", next="apply_form", code=code, correct=correct,
                        missing=tuple(missing))
            return
        self.spinner.start()
        work = (lambda: flow.load_correction(correct, list(missing))) if correct else flow.load
        run_in_background(work, lambda _r: self._loaded(flow), lambda _e: self._loaded(flow))
        self.retranslate()

    def leave(self) -> None:
        keyboard_panel().hide()

    def _loaded(self, flow: ApplyFlow) -> None:
        if flow is self.flow:
            self.spinner.stop()
            self.retranslate()

    # ---- rendering -------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.scroll.clear()
        self.entries = {}
        self.pad = None
        flow = self.flow
        keyboard_panel().hide()
        self.back_button.setText(self.tr("Previous step"))
        self.back_button.setVisible(flow is not None and flow.step in ("materials", "signature",
                                                                         "review")
                                    and not (flow.corrects and flow.step == "materials"))
        self.next_button.setVisible(flow is not None and flow.step in ("form", "materials",
                                                                         "signature", "review"))
        if flow is None or flow.step in ("identify", "loading"):
            self.banner.set("info", self.tr("Getting your form…"))
            return
        language = i18n.current_language()
        getattr(self, f"_render_{flow.step}")(language)
        self.scroll.body.addStretch(1)

    def _render_unavailable(self, _language: str) -> None:
        self.banner.set("error", messages.message(self.flow.code, fallback="platform_needed"))

    def _render_form(self, language: str) -> None:
        flow = self.flow
        if flow.offline_form:
            self.banner.set("warn", self.tr("The connection to the platform is down: only what "
                                            "your card holds is filled in, and materials from "
                                            "the e-licence library are scanned instead."))
        else:
            self.banner.set("info", self.tr("Please check what we filled in and complete the "
                                            "rest. Touch a box to type."))
        self.next_button.setText(self.tr("Next: materials"))
        for f in flow.form.asked():
            value = flow.form.values.get(f.name, "")
            problem = flow.form.problems.get(f.name)
            if f.type == "choice":
                card = Card()
                card.body.addWidget(label(self._caption(f.text(language), f.required), "Heading"))
                row = QHBoxLayout()
                for choice in f.choices:
                    chip = button(choice.text(language), "chip",
                                  lambda n=f.name, v=choice.value: self._choose(n, v))
                    chip.setCheckable(True)
                    chip.setChecked(choice.value == value)
                    row.addWidget(chip)
                row.addStretch(1)
                card.body.addLayout(row)
                if problem:
                    card.body.addWidget(self._problem(problem))
                self.scroll.body.addWidget(card)
                continue
            kind = {"credit_code": "latin", "region": "digits", "postcode": "digits"}.get(f.type, f.type)
            entry = TextEntry(kind=kind, max_length=f.max_length or 200)
            entry.set_caption(self._caption(f.text(language), f.required))
            entry.set_value(value)
            entry.set_help(f.help_text(language) or (self.tr("Filled in from what the government "
                                                              "holds; correct it if needed.")
                                                      if f.name in flow.form.prefilled else ""))
            if f.type == "region" and f.choices:
                entry.set_help(" · ".join(f"{c.value} {c.text(language)}" for c in f.choices))
            entry.set_problem(messages.message(problem) if problem else "")
            entry.edited.connect(lambda text, n=f.name, e=entry: self._typed(n, text, e))
            # the keyboard takes the bottom of the screen: keep the box being typed in in view
            entry.focused.connect(lambda e=entry: self._keep_in_view(e))
            self.entries[f.name] = entry
            self.scroll.body.addWidget(entry)
        keyboard_panel().attach(self.layout_)

    def _keep_in_view(self, entry: TextEntry) -> None:
        # once the keyboard has taken its room; the entry is the timer's context, so a form
        # shown again meanwhile (its boxes rebuilt) cancels it
        from PySide6.QtCore import QTimer
        QTimer.singleShot(120, entry, lambda: self.scroll.ensureWidgetVisible(entry, 0, 120))

    def _caption(self, text: str, required: bool) -> str:
        return self.tr("%1 (required)").replace("%1", text) if required else text

    def _problem(self, code: str) -> QLabel:
        text = label(messages.message(code), "Problem")
        text.setStyleSheet("color: #b00020; font-weight: bold;")
        return text

    def _render_materials(self, language: str) -> None:
        flow = self.flow
        self.next_button.setText(self.tr("Next"))
        refused = flow.scanning_refused() if flow.to_scan() else None
        if flow.code == "page_blurry" and flow.page_index is not None:
            self.banner.set("warn", self.tr("Page %1: ").replace("%1", str(flow.page_index + 1))
                            + messages.message(flow.code))
        elif flow.code:
            self.banner.set("warn", messages.message(flow.code))
        elif refused:
            self.banner.set("error", messages.message(refused))
        else:
            self.banner.set("info", self.tr("These are the materials the guide lists."))
        for state in flow.materials:
            card = Card()
            card.body.addWidget(label(state.material.name, "Heading"))
            how = state.how
            if how == "elicence":
                card.body.addWidget(label("✔ " + self.tr("Taken from the e-licence library "
                                                         "(%1): nothing to bring.").replace(
                    "%1", state.licence.get("title", ""))))
            elif how == "window":
                note = state.material.note.get(language) or state.material.note.get("zh_CN", "")
                card.body.addWidget(label("▲ " + self.tr("Bring this to the window.") +
                                          (f" {note}" if note else "")))
            elif how == "form":
                card.body.addWidget(label("✔ " + self.tr("This is the form you filled in.")))
            else:
                pages = state.page_count or len(state.pages)
                card.body.addWidget(label(self.tr("Scanned pages: %1").replace("%1", str(pages))
                                          if pages else self.tr("To scan with the document "
                                                                "camera.")))
                scan = button(self.tr("Scan again") if pages else self.tr("Scan"), "primary",
                              lambda n=state.material.name: self._scan(n), "camera")
                scan.setEnabled(refused is None)
                card.body.addWidget(scan)
            self.scroll.body.addWidget(card)

    def _render_signature(self, _language: str) -> None:
        flow = self.flow
        self.next_button.setText(self.tr("Next: review"))
        self.banner.set("warn" if flow.code else "info", messages.message(flow.code)
                        if flow.code else self.tr("Please sign with your finger in the box."))
        self.pad = SignaturePad()
        self.pad.setAccessibleName(self.tr("Signing pad"))
        self.scroll.body.addWidget(self.pad, 1)
        self.scroll.body.addWidget(button(self.tr("Clear and sign again"), "", self._clear_pad))

    def _render_review(self, language: str) -> None:
        flow = self.flow
        self.next_button.setText(self.tr("Submit"))
        if flow.code:
            self.banner.set("error", messages.message(flow.code))
        elif not self._online() and flow.can_submit_offline():
            self.banner.set("warn", self.tr("The connection to the platform is down. You can "
                                            "still submit: the kiosk keeps your application "
                                            "safely and sends it when the connection returns."))
        else:
            self.banner.set("info", self.tr("Please check everything, then submit."))
        review = flow.review()
        card = Card()
        card.body.addWidget(label(self.tr("Your answers"), "Heading"))
        if flow.corrects:
            card.body.addWidget(label(self.tr("Corrections for case %1").replace(
                "%1", flow.corrects)))
        for f in ([] if flow.corrects else flow.form.asked()):
            value = review["answers"].get(f.name, "")
            shown = f.choice(value).text(language) if f.choice(value) else value
            card.body.addWidget(label(f"{f.text(language)}：{shown}"))
        if not flow.corrects:
            row = QHBoxLayout()
            row.addWidget(button(self.tr("Change answers"), "", lambda: self._go_back_to("form")))
            row.addStretch(1)
            card.body.addLayout(row)
        self.scroll.body.addWidget(card)
        card = Card()
        card.body.addWidget(label(self.tr("Materials"), "Heading"))
        words = {"elicence": self.tr("from the e-licence library"),
                 "window": self.tr("bring to the window"), "form": self.tr("this form"),
                 "scan": self.tr("scanned")}
        for name, how, _pages in review["materials"]:
            card.body.addWidget(label(f"{name}：{words[how]}"))
        if flow.definition.signature:
            card.body.addWidget(label(self.tr("Signed on the screen") if review["signed"]
                                      else self.tr("Not signed")))
        self.scroll.body.addWidget(card)

    def _render_submitted(self, _language: str) -> None:
        flow = self.flow
        text = (self.tr("Your application is kept safely on this kiosk and will be sent when the "
                        "connection returns. Reference: %1") if flow.offline
                else self.tr("Your application has been submitted. Reference: %1")
                ).replace("%1", flow.reference)
        self.banner.set("ok", text)
        card = Card()
        card.body.addWidget(label(self.tr("Keep this reference. The case number follows and "
                                          "appears in “Check my case”."), "Heading"))
        picture = QLabel()
        picture.setPixmap(_qr(flow.reference, 240))
        picture.setAlignment(Qt.AlignCenter)
        card.body.addWidget(picture)
        card.body.addWidget(label(flow.reference, "Heading"))
        if flow.case_no:
            card.body.addWidget(label(self.tr("Case number: %1").replace("%1", flow.case_no),
                                      "Heading"))
        printed = getattr(flow, "receipt_printed", None)
        if printed == "completed":
            card.body.addWidget(label(self.tr("Please take your receipt from the slot below "
                                              "the screen.")))
        elif printed:
            card.body.addWidget(label(messages.message(printed, fallback="receipt_printer")))
        if not flow.offline:
            # the result by post or to the hall's locker instead of a window (screens/delivery_post.py)
            card.body.addWidget(button(self.tr("Have the result posted"), "", lambda: self.nav.go(
                "delivery", case_ref=flow.case_no or flow.reference, item_code=flow.item_code)))
        self.scroll.body.addWidget(card)
        if not getattr(flow, "receipt_started", False):
            flow.receipt_started = True
            self._after_submission(flow)

    def _after_submission(self, flow: ApplyFlow) -> None:
        """Once per submission: the receipt printed, the case number asked for, the rating."""
        printing = self.ctx.services.printing
        printer = printing.receipts if printing is not None else None
        service = self.ctx.services.catalog
        item = service.catalog.get(flow.item_code) if service else None
        name = item.title("zh_CN") if item else flow.item_code
        promised = item.promised_text if item else ""

        def printed(outcome) -> None:
            flow.receipt_printed = outcome
            if flow is self.flow:
                self.retranslate()
        run_in_background(lambda: flow.print_receipt(printer, name, promised, flow.reference),
                          printed, lambda _e: printed("receipt_printer"))
        if not flow.offline:
            self._ask_case_number(flow, 0)
        offer = flow.next_step
        if offer is not None:
            self.after(RATING_AFTER_MS, lambda: self.nav.go("evaluation", **offer.params()))

    def _ask_case_number(self, flow: ApplyFlow, tries: int) -> None:
        """The platform opens the case when the outbox has delivered the submission: ask a few
        times, every 2 s; the receipt's reference stands for it meanwhile."""
        client = apply_client(self.ctx)

        def answered(case_no) -> None:
            if flow is not self.flow:
                return
            if case_no:
                self.retranslate()
            elif tries < 10:
                self.after(2000, lambda: self._ask_case_number(flow, tries + 1))
        run_in_background(lambda: flow.case_number(client), answered, lambda _e: answered(None))

    # ---- what the citizen touched -------------------------------------------------------------
    def _typed(self, name: str, text: str, entry: TextEntry) -> None:
        problem = self.flow.set_field(name, text)
        entry.set_problem(messages.message(problem) if problem else "")

    def _choose(self, name: str, value: str) -> None:
        self.flow.set_field(name, value)
        self.retranslate()      # a choice may ask or drop other fields

    def _next(self) -> None:
        flow = self.flow
        if flow.step == "form":
            if not flow.form_done():
                self.retranslate()
                first = next(iter(flow.form.problems), None)
                if first in self.entries:
                    self.scroll.ensureWidgetVisible(self.entries[first])
                return
        elif flow.step == "materials":
            flow.materials_done()
        elif flow.step == "signature":
            if self.pad is not None and self.pad.has_ink:
                flow.sign(self.pad.png())
            flow.signature_done()
        elif flow.step == "review":
            online = self._online()
            self.next_button.setEnabled(False)
            self.spinner.start()

            def done(_r=None) -> None:
                self.spinner.stop()
                self.next_button.setEnabled(True)
                self.retranslate()
            run_in_background(lambda: flow.submit(online), done, done)
            return
        self.retranslate()

    def _step_back(self) -> None:
        order = {"materials": "form", "signature": "materials", "review": "materials"}
        if self.flow.step == "review" and self.flow.definition.signature:
            order["review"] = "signature"
        self._go_back_to(order.get(self.flow.step, "form"))

    def _go_back_to(self, step: str) -> None:
        self.flow.back_to(step)
        self.retranslate()

    def _clear_pad(self) -> None:
        if self.pad is not None:
            self.pad.clear()
        self.flow.clear_signature()

    def _scan(self, material: str) -> None:
        self.scanning = material
        self.ctx.session.put("materials_pdf", None)
        self.nav.go("document_capture", material=material, next="apply_form", resume=True)

    def _take_scanned(self) -> None:
        pdf = self.ctx.session.get("materials_pdf")
        material = getattr(self, "scanning", None)
        if pdf and material:      # refused when a page is too blurry: the screen says which
            self.flow.add_document(material, bytes(pdf), int(self.ctx.session.get(
                "materials_pages", 1)))

    def _online(self) -> bool:
        return bool(status.platform_state(self.ctx).online)


def _qr(text: str, px: int) -> QPixmap:
    import segno
    buf = io.BytesIO()
    segno.make_qr(text, error="m").save(buf, kind="png", scale=10, border=2)
    pm = QPixmap()
    pm.loadFromData(buf.getvalue(), "PNG")
    return pm.scaled(px, px, Qt.KeepAspectRatio, Qt.SmoothTransformation)
