"""Pay (缴费): the identified citizen's payable orders, paid by the platform's QR code.

Steps (what the screen renders):
  identify      nobody identified yet: the screen sends the citizen to identify first
  loading       asking the platform (a worker runs load())
  orders        the payable orders: what, collected by whom, amount in yuan, due date
  none          nothing to pay
  unavailable   the platform is needed and cannot be reached (code): nothing was charged
  creating      the payment is being created (a worker runs pay())
  waiting       the QR code is up with the amount and a countdown; the kiosk polls the state
  paid          paid: the receipt prints, the rating follows
  expired       the code expired unpaid: nothing was charged, pay again if you wish
  cancelled     cancelled: nothing was charged
  failed        the wallet declined (or a duplicate was refused and returned)
  already_paid  the order was paid before (earlier, elsewhere): nothing more is charged
  unsure        the state could not be learnt (the platform went away while waiting): the code
                still expires by itself and the kiosk asks again on the next look

Never charged twice (see kiosk/flows/pay_pending.py and reference_platform/routes_pay.py): each
attempt's idempotency key is on disk before the create goes out, a second tap while an attempt
runs is ignored, a retry reuses the key, and a payment found on disk (a crash, a power cut, a
citizen who walked away) is followed to its true state before anything new is created.
"""
from __future__ import annotations

import logging
import secrets
import time
from dataclasses import dataclass
from typing import Any, Callable

from kiosk.flows.evaluation import RatingOffer
from kiosk.flows.pay_amount import capital, yuan
from kiosk.flows.pay_pending import PendingPayments
from kiosk.flows.pay_platform import AlreadyPaid, PayClient

log = logging.getLogger(__name__)

FINAL = ("paid", "expired", "cancelled", "failed")
POLL_BACKOFF_S = (1.0, 1.0, 2.0, 2.0, 3.0, 3.0, 5.0)    # then 5 s; doubled while unreachable
POLL_MAX_S = 15.0
CREATE_TRIES = 3              # a lost answer is asked again with the same key
PAY_ITEM = ""                 # the rating after paying rates the kiosk's self-service


@dataclass(frozen=True)
class Order:
    payable_id: str
    title: str
    title_en: str
    collector: str
    payer_name: str
    amount_fen: int
    due_date: str
    live_payment_id: str = ""
    paid_payment_id: str = ""       # paid in the last day (late, or while the kiosk was down)

    @property
    def yuan(self) -> str:
        return yuan(self.amount_fen)

    @property
    def capital(self) -> str:
        return capital(self.amount_fen)

    def text(self, language: str) -> str:
        return self.title_en if language.startswith("en") and self.title_en else self.title


@dataclass(frozen=True)
class Payment:
    payment_id: str
    payable_id: str
    state: str
    amount_fen: int
    title: str
    title_en: str
    collector: str
    code_url: str
    expires_at: str
    expires_in_s: int
    reason: str = ""
    paid_at: str = ""
    reference: str = ""
    fiscal_receipt_url: str = ""

    @classmethod
    def of(cls, answer: dict[str, Any]) -> "Payment":
        return cls(answer["payment_id"], answer["payable_id"], answer["state"],
                   int(answer["amount_fen"]), answer["title"], answer.get("title_en", ""),
                   answer.get("collector", ""), answer["code_url"], answer["expires_at"],
                   int(answer.get("expires_in_s", 0)), answer.get("reason", ""),
                   answer.get("paid_at", ""), answer.get("reference", ""),
                   answer.get("fiscal_receipt_url", ""))

    @property
    def yuan(self) -> str:
        return yuan(self.amount_fen)

    @property
    def capital(self) -> str:
        return capital(self.amount_fen)


def new_key() -> str:
    return "pay-" + secrets.token_hex(16)


class PayFlow:
    def __init__(self, client: PayClient | None, pending: PendingPayments | None,
                 identity: Callable[[], Any], *, clock: Callable[[], float] = time.monotonic,
                 make_key: Callable[[], str] = new_key):
        self.client, self.pending, self.identity = client, pending, identity
        self.clock, self.make_key = clock, make_key
        self.step = "identify" if identity() is None else "loading"
        self.code: str | None = None
        self.orders: list[Order] = []
        self.recent: list[Order] = []            # paid in the last day
        self.payment: Payment | None = None
        self.deadline: float | None = None       # monotonic time the code expires
        self.polls = 0
        self.poll_failures = 0
        self.next_step: RatingOffer | None = None
        self._busy = False

    # ---- the order list ---------------------------------------------------------------------
    def load(self) -> None:
        """Worker: first the payments on disk (a crash, a walk-away) to their true state, then
        the person's orders. A payment still pending for this person is shown again."""
        person = self.identity()
        if person is None:
            self.step = "identify"
            return
        if self.client is None or self.pending is None:
            self._unavailable("payment_offline")
            return
        try:
            reconcile(self.client, self.pending)
            answers = self.client.payables(person.id_number, person.name)
        except Exception as exc:     # the platform's coded errors; nothing was charged
            self._unavailable("payment_offline", exc)
            return
        listed = [Order(a["payable_id"], a["title"], a.get("title_en", ""),
                        a.get("collector", ""), a.get("payer_name", ""),
                        int(a["amount_fen"]), a.get("due_date", ""),
                        a.get("live_payment_id", ""), a.get("paid_payment_id", ""))
                  for a in answers]
        self.orders = [o for o in listed if not o.paid_payment_id]
        self.recent = [o for o in listed if o.paid_payment_id]
        resumed = next((p for p in self.pending.all()
                        if p.payment_id and any(o.payable_id == p.payable_id
                                                for o in self.orders)), None)
        if resumed is not None:
            try:
                self._follow(Payment.of(self.client.state(resumed.payment_id)))
                return
            except Exception as exc:
                self._unavailable("payment_offline", exc)
                return
        self.step = "orders" if self.orders or self.recent else "none"

    def show_paid(self, payment_id: str) -> None:
        """Worker: a recently paid order as paid (its receipt prints again on the screen)."""
        if payment_id not in [o.paid_payment_id for o in self.recent]:
            return
        try:
            self._settle(Payment.of(self.client.state(payment_id)))
        except Exception as exc:
            self._unavailable("payment_offline", exc)

    def order(self, payable_id: str) -> Order | None:
        return next((o for o in self.orders if o.payable_id == payable_id), None)

    # ---- paying ------------------------------------------------------------------------------
    def choose(self, payable_id: str) -> bool:
        """The citizen touched "Pay" on an order. True: run pay() on a worker. A second tap while
        one attempt runs (or is on screen) does nothing."""
        if self._busy or self.step not in ("orders", "expired", "cancelled", "failed"):
            return False
        if self.order(payable_id) is None:
            return False
        self._busy = True
        self.step, self.code = "creating", None
        self._chosen = payable_id
        return True

    def pay(self) -> None:
        """Worker: the payment of the chosen order, created once per key."""
        payable_id = self._chosen
        try:
            attempt = self.pending.begin(payable_id, self.make_key())
            answer = None
            for attempt_no in range(CREATE_TRIES):
                try:
                    answer = self.client.create(payable_id, attempt.key)
                    break
                except AlreadyPaid:
                    raise
                except Exception as exc:
                    if getattr(exc, "code", "") not in _RETRYABLE or \
                            attempt_no == CREATE_TRIES - 1:
                        raise
                    log.info("payment create retried with the same key (%s)",
                             getattr(exc, "code", type(exc).__name__))
            payment = Payment.of(answer)
            self.pending.named(payable_id, payment.payment_id)
            self._follow(payment)
        except AlreadyPaid:
            self.pending.done(payable_id)
            self.step, self.payment = "already_paid", None
        except Exception as exc:
            # the key stays on disk: the next look asks the platform whether it was created
            self._unavailable("payment_offline", exc)
        finally:
            self._busy = False

    def _follow(self, payment: Payment) -> None:
        self.payment = payment
        self.polls = 0
        self.poll_failures = 0
        self.deadline = self.clock() + payment.expires_in_s
        self._settle(payment)

    def _settle(self, payment: Payment) -> None:
        self.payment = payment
        if payment.state in FINAL:
            self.pending.done(payment.payable_id)
            self.step = payment.state
            self.deadline = None
            if payment.state == "paid":
                self.orders = [o for o in self.orders if o.payable_id != payment.payable_id]
                self.recent = [o for o in self.recent if o.payable_id != payment.payable_id]
                self.next_step = RatingOffer(PAY_ITEM)
        else:
            self.step = "waiting"

    def remaining_s(self) -> int:
        """Seconds left on the countdown (the platform decides expiry; this is what we show)."""
        if self.deadline is None:
            return 0
        return max(0, int(self.deadline - self.clock() + 0.999))

    def next_poll_s(self) -> float:
        """When to ask again: soon at first, then less often; backing off while unreachable."""
        base = POLL_BACKOFF_S[min(self.polls, len(POLL_BACKOFF_S) - 1)]
        return min(POLL_MAX_S, base * 2 ** self.poll_failures)

    def poll(self) -> None:
        """Worker: the payment's state from the platform."""
        if self.step != "waiting" or self.payment is None:
            return
        self.polls += 1
        try:
            payment = Payment.of(self.client.state(self.payment.payment_id))
        except Exception as exc:
            self.poll_failures += 1
            log.info("payment state not known yet: %s", getattr(exc, "code", type(exc).__name__))
            if self.remaining_s() == 0 and self.poll_failures >= 3:
                self.step, self.code = "unsure", "payment_unsure"
            return
        self.poll_failures = 0
        self._settle(payment)

    @property
    def reconnecting(self) -> bool:
        """Waiting, and the last state request went unanswered (the screen says so)."""
        return self.step == "waiting" and self.poll_failures > 0

    def cancel(self) -> None:
        """Worker: the citizen cancelled. A payment the wallet completed meanwhile stays paid."""
        if self.payment is None or self.step not in ("waiting", "unsure"):
            return
        try:
            self._settle(Payment.of(self.client.cancel(self.payment.payment_id)))
        except Exception as exc:
            # the code expires by itself; the entry stays on disk for the next look
            self.step, self.code = "unsure", "payment_unsure"
            log.info("payment cancel not answered: %s", getattr(exc, "code", type(exc).__name__))

    def again(self) -> None:
        """Back to the order list (after expired, cancelled, failed)."""
        if self.step in ("expired", "cancelled", "failed", "already_paid"):
            self.payment = None
            self.step = "orders" if self.orders or self.recent else "none"

    def _unavailable(self, code: str, exc: BaseException | None = None) -> None:
        if exc is not None:
            log.warning("payment: %s (%s)", getattr(exc, "code", None) or type(exc).__name__,
                        code)
        self.step, self.code = "unavailable", code

    def wipe(self) -> None:
        """Session end: the orders, names and any code on screen go; what is on disk stays until
        its final state is known (the next look, at any kiosk session, reconciles it)."""
        self.orders = []
        self.recent = []
        self.payment = None
        self.deadline = None
        self.step = "identify"


_RETRYABLE = frozenset({"platform_timeout", "platform_connection_reset", "platform_busy",
                        "platform_server_error", "platform_unreachable"})


def reconcile(client: PayClient, pending: PendingPayments) -> list[tuple[str, str]]:
    """Every payment on disk to its true state, asking the platform; final ones leave the disk.
    An attempt whose create was never answered is asked again with its own key: the platform
    answers the payment it made for that key (or makes it now; nobody saw its code, so it simply
    expires). An unreachable platform raises (offline: nothing new may be started); an entry the
    platform does not know (404) is dropped. Returns (payable_id, state) per entry."""
    from sync.client import PlatformError
    out = []
    for entry in pending.all():
        try:
            if entry.payment_id:
                answer = client.state(entry.payment_id)
            else:
                answer = client.create(entry.payable_id, entry.key)
                pending.named(entry.payable_id, answer["payment_id"])
        except AlreadyPaid:
            pending.done(entry.payable_id)
            out.append((entry.payable_id, "already_paid"))
            continue
        except PlatformError as exc:
            if exc.status != 404:
                raise
            log.warning("pending payment unknown to the platform: dropped")
            pending.done(entry.payable_id)
            out.append((entry.payable_id, "unknown"))
            continue
        if answer["state"] in FINAL:
            pending.done(entry.payable_id)
        out.append((entry.payable_id, answer["state"]))
    return out


def reconcile_at_start(folder, platform_client) -> list[tuple[str, str]]:
    """Start-up: the payments a previous run left on disk (a crash, a power cut) to their true
    state, before any citizen touches "Pay". Meant for kiosk.app.start_services, on its worker:
    reconcile_at_start(cfg.data_path("payments"), platform_client(ctx)). An unreachable platform
    leaves them on disk for the next look; nothing is charged either way."""
    from pathlib import Path
    if not (Path(folder) / "payments_pending.sealed").exists():
        return []
    try:
        outcomes = reconcile(PayClient(platform_client), PendingPayments(Path(folder)))
    except Exception as exc:     # offline at start: the next look at "Pay" tries again
        log.warning("payments on disk not reconciled at start: %s",
                    getattr(exc, "code", type(exc).__name__))
        return []
    for _payable, state in outcomes:
        log.info("payment on disk from the last run: %s", state)
    return outcomes
