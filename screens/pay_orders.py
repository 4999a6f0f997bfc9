"""Pay (缴费): the citizen's payable orders, the payment QR code with the amount and a countdown,
and the outcome with what to do next. Renders kiosk/flows/pay_order.py's state; every platform
call runs off the UI thread (screens.tasks)."""
from __future__ import annotations

import logging

from PySide6.QtCore import QTimer, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout

from kiosk import i18n, messages
from kiosk.flows.pay_order import PayFlow
from kiosk.flows.pay_pending import PendingPayments
from kiosk.flows.pay_platform import PayClient
from kiosk.flows.pay_receipt import PaymentReceipt
from screens.base import Screen, register_screen
from screens.guide import qr_pixmap
from screens.tasks import run_in_background
from screens.widgets import Banner, Card, Scroll, Spinner, button, clear_layout, label

log = logging.getLogger(__name__)
RATING_AFTER_MS = 10000    # the receipt stays this long before the rating is offered


def pay_client(ctx) -> PayClient | None:
    from kiosk.wiring.platform import platform_client
    try:
        return PayClient(platform_client(ctx))
    except Exception as exc:          # no platform configured or wired on this kiosk
        log.warning("no platform for payments: %s", type(exc).__name__)
        return None


def pending_payments(ctx) -> PendingPayments | None:
    try:
        return PendingPayments(ctx.config.data_path("payments"))
    except Exception as exc:          # a key with wrong permissions, a full disk
        log.warning("pending payments cannot be kept: %s", getattr(exc, "code", type(exc).__name__))
        return None


def receipt_printer(ctx):
    printing = ctx.services.printing
    return printing.receipts if printing is not None else None


@register_screen
class PayScreen(Screen):
    name = "pay"

    def __init__(self, ctx, nav):
        super().__init__(ctx, nav)
        self.flow: PayFlow | None = None
        self.receipt: PaymentReceipt | None = None
        self.banner = Banner("info")
        self.spinner = Spinner(64)
        self.scroll = Scroll()
        self.actions = QHBoxLayout()
        self.layout_.addWidget(self.banner)
        self.layout_.addWidget(self.spinner)
        self.layout_.addWidget(self.scroll, 1)
        self.layout_.addLayout(self.actions)
        self.poll_timer = QTimer(self)
        self.poll_timer.setSingleShot(True)
        self.poll_timer.timeout.connect(self._poll)
        self.tick = QTimer(self)
        self.tick.setInterval(1000)
        self.tick.timeout.connect(self._tick)
        self.countdown: QLabel | None = None
        self._working = False

    def title(self) -> str:
        return self.tr("Pay a fee")

    def instruction(self) -> str:
        return self.tr("Choose the order to pay, then scan the code with a wallet or bank app.")

    # ---- entering and leaving ---------------------------------------------------------------
    def enter(self, **_params) -> None:
        self.flow = PayFlow(pay_client(self.ctx), pending_payments(self.ctx),
                            lambda: self.ctx.session.identity)
        self.receipt = None
        self.ctx.session.on_wipe(self.flow.wipe)
        if self.flow.step == "identify":
            self.nav.go("identify", next=self.name)
            return
        self._work(self.flow.load)

    def leave(self) -> None:
        # a code left on screen stays on disk and is followed on the next look; nothing is lost
        self.poll_timer.stop()
        self.tick.stop()

    # ---- what the citizen touched -------------------------------------------------------------
    def choose(self, payable_id: str) -> None:
        if self.flow is not None and self.flow.choose(payable_id):
            self._work(self.flow.pay)
        else:
            self.render()

    def receipt_for(self, payment_id: str) -> None:
        if self.flow is not None and not self._working:
            flow = self.flow
            self._work(lambda: flow.show_paid(payment_id))

    def cancel(self) -> None:
        if self.flow is not None and not self._working:
            self.poll_timer.stop()
            self._work(self.flow.cancel)

    def again(self) -> None:
        if self.flow is not None:
            self.flow.again()
            self.render()

    def print_again(self) -> None:
        if self.receipt is not None and self.receipt.can_reprint:
            self._work(lambda: self.receipt.print(self.flow.payment))

    def _finish(self) -> None:
        self.nav.end_session()

    # ---- background work ---------------------------------------------------------------------
    def _work(self, fn) -> None:
        flow = self.flow
        self._working = True
        self.spinner.start()
        self.render()
        run_in_background(fn, lambda _r: self._done(flow), lambda _e: self._done(flow))

    def _done(self, flow: PayFlow) -> None:
        if flow is not self.flow:
            return
        self._working = False
        self.spinner.stop()
        if flow.step == "paid" and self.receipt is None:
            self.receipt = PaymentReceipt(receipt_printer(self.ctx))
            payment = flow.payment
            self._work(lambda: self.receipt.print(payment))
            offer = flow.next_step
            if offer is not None:
                self.after(RATING_AFTER_MS, lambda: self.nav.go("evaluation", **offer.params()))
            return
        if flow.step == "waiting":
            self.poll_timer.start(int(flow.next_poll_s() * 1000))
            if not self.tick.isActive():
                self.tick.start()
        else:
            self.poll_timer.stop()
            self.tick.stop()
        self.render()

    def _poll(self) -> None:
        if self.flow is not None and self.flow.step == "waiting" and not self._working:
            flow = self.flow
            run_in_background(flow.poll, lambda _r: self._polled(flow),
                              lambda _e: self._polled(flow))

    def _polled(self, flow: PayFlow) -> None:
        if flow is self.flow and self.isVisible():
            self._done(flow)

    def _tick(self) -> None:
        if self.countdown is not None and self.flow is not None:
            self.countdown.setText(self._countdown_text())

    # ---- rendering ---------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.render()

    def render(self) -> None:
        self.scroll.clear()
        self.countdown = None
        clear_layout(self.actions)
        flow = self.flow
        if flow is None or flow.step in ("identify", "loading"):
            self.banner.set("info", self.tr("Finding what you have to pay…"))
            return
        getattr(self, f"_show_{flow.step}")()
        self.scroll.body.addStretch(1)

    def _action(self, text: str, role: str, fn, icon: str = "") -> None:
        self.actions.addWidget(button(text, role, fn, icon) if icon else button(text, role, fn))

    def _show_unavailable(self) -> None:
        self.banner.set("error", messages.message(self.flow.code, fallback="payment_offline"))

    def _show_none(self) -> None:
        self.banner.set("info", self.tr("You have nothing to pay at the moment."))
        self._action(self.tr("Finish"), "primary", self._finish)

    def _show_orders(self) -> None:
        language = i18n.current_language()
        self.banner.set("info", self.tr("These are your unpaid orders. Touch “Pay” to show the "
                                        "payment code; scan it with a wallet or bank app."))
        for order in self.flow.orders:
            card = Card()
            card.body.addWidget(label(order.text(language), "Heading"))
            card.body.addWidget(label(self.tr("Collected by %1 · for %2")
                                      .replace("%1", order.collector)
                                      .replace("%2", order.payer_name), "Muted"))
            card.body.addWidget(label(self.tr("Amount: %1 yuan").replace("%1", order.yuan),
                                      "Heading"))
            card.body.addWidget(label(self.tr("Pay by %1").replace("%1", order.due_date)))
            card.body.addWidget(button(self.tr("Pay %1 yuan").replace("%1", order.yuan),
                                       "primary", lambda p=order.payable_id: self.choose(p)))
            self.scroll.body.addWidget(card)
        if self.flow.recent:
            # a payment that arrived late or while the kiosk was down is seen as what it is
            self.scroll.body.addWidget(label(self.tr("Paid in the last day"), "Heading"))
        for order in self.flow.recent:
            card = Card()
            card.body.addWidget(label(order.text(language), "Heading"))
            card.body.addWidget(label(self.tr("%1 yuan paid").replace("%1", order.yuan)))
            card.body.addWidget(button(self.tr("Show and print the receipt"), "",
                                       lambda p=order.paid_payment_id: self.receipt_for(p)))
            self.scroll.body.addWidget(card)

    def _show_creating(self) -> None:
        self.banner.set("info", self.tr("Getting the payment code…"))

    def _countdown_text(self) -> str:
        left = self.flow.remaining_s()
        if left == 0:
            return self.tr("Checking whether the payment came in…")
        return self.tr("The code is valid for %1:%2 more").replace(
            "%1", str(left // 60)).replace("%2", f"{left % 60:02d}")

    def _show_waiting(self) -> None:
        payment = self.flow.payment
        language = i18n.current_language()
        if self.flow.reconnecting:
            self.banner.set("warn", self.tr("The connection is slow; we keep checking. If you "
                                               "have paid, please wait here."))
        else:
            self.banner.set("info", self.tr("Scan the code with a wallet or bank app and pay. "
                                            "This screen changes by itself when you have paid."))
        card = Card()
        title = payment.title_en if language.startswith("en") and payment.title_en \
            else payment.title
        facts = QVBoxLayout()
        facts.addWidget(label(title, "Heading"))
        amount = label(self.tr("%1 yuan").replace("%1", payment.yuan), "ScreenTitle")
        capital = label(payment.capital, "Muted")
        self.countdown = label(self._countdown_text(), "Heading")
        picture = QLabel()
        picture.setObjectName("PaymentCode")
        picture.setAlignment(Qt.AlignCenter)
        if self.landscape:
            # side by side, so the code, the amount and the countdown are all in view at once
            picture.setPixmap(qr_pixmap(payment.code_url, 380 if self.elderly else 400))
            for widget in (amount, capital, self.countdown):
                facts.addWidget(widget)
            facts.addStretch(1)
            row = QHBoxLayout()
            row.addWidget(picture)
            row.addLayout(facts, 1)
            card.body.addLayout(row)
        else:
            picture.setPixmap(qr_pixmap(payment.code_url, 540 if self.elderly else 480))
            for widget in (amount, capital, self.countdown):
                widget.setAlignment(Qt.AlignCenter)
            facts.addWidget(amount)
            facts.addWidget(capital)
            card.body.addLayout(facts)
            card.body.addWidget(picture)
            card.body.addWidget(self.countdown)
        self.scroll.body.addWidget(card)
        self._action(self.tr("Cancel payment"), "", self.cancel)

    def _show_paid(self) -> None:
        payment = self.flow.payment
        receipt = self.receipt
        if receipt is None or receipt.outcome is None:
            note = self.tr("Printing your receipt…")
        elif receipt.outcome == "printed":
            note = self.tr("Please take your receipt.")
        else:
            note = self.tr("The receipt could not be printed (%1). Your payment is complete; "
                           "the electronic fiscal receipt is the proof.").replace(
                "%1", messages.message(receipt.outcome, fallback="receipt_unavailable"))
        self.banner.set("ok", self.tr("Paid. Thank you."))
        card = Card()
        card.body.addWidget(label(self.tr("%1 yuan paid").replace("%1", payment.yuan), "Heading"))
        card.body.addWidget(label(self.tr("Payment reference: %1").replace("%1",
                                                                         payment.reference)))
        card.body.addWidget(label(note))
        self.scroll.body.addWidget(card)
        if receipt is not None and receipt.can_reprint:
            self._action(self.tr("Print again"), "", self.print_again, "print")
        self._action(self.tr("Finish"), "primary", self._finish)

    def _show_expired(self) -> None:
        self.banner.set("warn", self.tr("The payment code has expired. Nothing has been "
                                           "charged. You can get a new code and pay again."))
        self._outcome_actions()

    def _show_cancelled(self) -> None:
        self.banner.set("info", self.tr("The payment was cancelled. Nothing has been charged."))
        self._outcome_actions()

    def _show_failed(self) -> None:
        if self.flow.payment is not None and self.flow.payment.reason == "duplicate_refused":
            text = self.tr("This order was already paid, so this payment was refused and the "
                           "money goes back to your account.")
        else:
            text = self.tr("The payment did not go through and nothing has been charged. Please "
                           "check your wallet or bank app, then try again or pay at the window.")
        self.banner.set("error", text)
        self._outcome_actions()

    def _show_already_paid(self) -> None:
        self.banner.set("info", self.tr("This order is already paid. Nothing more will be "
                                        "charged."))
        self._outcome_actions()

    def _show_unsure(self) -> None:
        self.banner.set("warn", messages.message("payment_unsure"))
        self._action(self.tr("Finish"), "primary", self._finish)

    def _outcome_actions(self) -> None:
        if self.flow.orders:
            self._action(self.tr("Back to my orders"), "primary", self.again)
        self._action(self.tr("Finish"), "" if self.flow.orders else "primary", self._finish)
