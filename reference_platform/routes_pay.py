"""Payment at the kiosk through the unified public payment platform (统一公共支付平台).

A person's payable orders (data/pay.json: what, who collects, amount in fen, due date) are listed
for the identified citizen (ID number in the body, a citizen session). Paying one creates a
payment: a QR code the usual wallet and bank apps accept, live for `payment_ttl_s`. The kiosk
follows the payment's state (pending, paid, expired, cancelled, failed) and may cancel it.

Never charged twice, whatever the kiosk does:
  - a payment is created with the kiosk's idempotency key: the same key answers the same payment;
  - a payable has at most one live (pending) payment: a second create with another key (a double
    tap on two kiosks, a kiosk that lost its key in a crash) answers the live one;
  - a payable that is paid refuses new payments (409, reason already_paid, naming the payment);
  - a wallet that pays after the order expired (the "late" outcome) is accepted only while the
    payable is unpaid; otherwise it is refused and the money goes back (state failed, reason
    duplicate_refused), so a payable is charged once.
The simulated payer (admin: pay, fail, pay_late) plays the wallet app for tests and the demo.

Delivery by post (邮寄送达): the region table (GB/T 2260 codes down to districts, street codes
below them), a quote for an address (free within the hall's city, else a fee that becomes a
payable order of the person, paid like any other), and the state of a delivery order. A delivery
order itself arrives as an outbox record of kind `delivery` (POST /api/v1/records); the carrier's
tracking number is assigned later (admin `ship`, as the provincial delivery platform would).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets
import time
from functools import lru_cache
from typing import Any, Literal

from fastapi import Depends
from pydantic import Field

from reference_platform.auth import (CitizenSession, citizen_refusals, kiosk_refusal,
                                     require_citizen, require_kiosk, owner_of)
from reference_platform.demo_data import DATA
from reference_platform.models import Answer, Strict, optional
from reference_platform.openapi import body, error
from reference_platform.web import HttpError, parse_body, raw_body, require_admin

SCHEMA_SQL = """
CREATE TABLE IF NOT EXISTS pay_payables (
    payable_id TEXT PRIMARY KEY, owner TEXT NOT NULL, code TEXT NOT NULL,
    payer_name TEXT NOT NULL, paid_by TEXT);
CREATE TABLE IF NOT EXISTS delivery_tracking (
    reference TEXT PRIMARY KEY, tracking_no TEXT NOT NULL, shipped_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS pay_payments (
    payment_id TEXT PRIMARY KEY, idempotency_key TEXT NOT NULL UNIQUE,
    payable_id TEXT NOT NULL, kiosk_id TEXT NOT NULL, state TEXT NOT NULL, reason TEXT,
    created_at REAL NOT NULL, expires_at REAL NOT NULL, paid_at REAL, reference TEXT);
"""
_TZ = dt.timezone(dt.timedelta(hours=8))
LIVE_STATES = ("pending",)
FINAL_STATES = ("paid", "expired", "cancelled", "failed")
RECENT_S = 24 * 3600            # paid orders are listed as paid this long (a late payment, a crash)


@lru_cache(maxsize=1)
def _text() -> str:
    return (DATA / "pay.json").read_text(encoding="utf-8")


def data() -> dict[str, Any]:
    return json.loads(_text())


def _kind(code: str) -> dict[str, Any]:
    return next(p for p in data()["payables"] if p["code"] == code)


# -- models ---------------------------------------------------------------------------------------

class PayablesRequest(Strict):
    id_number: str = Field(pattern=r"^[0-9]{17}[0-9Xx]$",
                           description="GB 11643 citizen identification number")
    name: str = Field(min_length=1, max_length=60)


class Payable(Answer):
    payable_id: str
    code: str
    title: str
    title_en: str
    collector: str = Field(description="Who collects the money (执收单位)")
    payer_name: str
    amount_fen: int = Field(description="The amount in fen (1 yuan = 100 fen)")
    due_date: str = Field(json_schema_extra={"format": "date"})
    live_payment_id: str = optional(description="A pending payment of this payable, if any")
    paid_payment_id: str = optional(description="Paid in the last 24 hours: the payment (the "
                                    "kiosk shows it as paid, with its receipt)")


class Payables(Answer):
    payables: list[Payable]


class PaymentCreate(Strict):
    payable_id: str = Field(min_length=1, max_length=40)
    idempotency_key: str = Field(min_length=16, max_length=64,
                                 description="The kiosk's key for this one payment attempt: the "
                                 "same key answers the same payment")


class Payment(Answer):
    payment_id: str
    payable_id: str
    state: Literal["pending", "paid", "expired", "cancelled", "failed"]
    amount_fen: int
    title: str
    title_en: str
    collector: str
    code_url: str = Field(description="What the payment QR code holds (wallet and bank apps)")
    created_at: str = Field(json_schema_extra={"format": "date-time"})
    expires_at: str = Field(json_schema_extra={"format": "date-time"})
    expires_in_s: int = Field(description="Seconds until a pending payment expires (0 after)")
    reason: str = optional(description="Why a payment failed (declined, duplicate_refused)")
    paid_at: str = optional("date-time")
    reference: str = optional(description="The payment platform's transaction reference")
    fiscal_receipt_url: str = optional(description="The electronic fiscal receipt (财政电子票据)")


class PaymentRefusal(Answer):
    error: str
    reason: str = optional(description="already_paid")
    payment_id: str = optional(description="The payment that paid the payable")


class PayOutcome(Strict):
    outcome: Literal["pay", "fail", "pay_late"]


class PayableCharges(Answer):
    payable_id: str
    payments: int = Field(description="Payments created for the payable")
    charged: int = Field(description="Payments that took money (at most one)")


class Region(Answer):
    code: str = Field(description="GB/T 2260 code (6 digits), or a street's 9-digit code")
    name: str
    parent: str = Field(description="The parent region's code; empty for a province")


class Locker(Answer):
    available: bool = Field(description="The hall has a 24-hour locker (24小时智能柜)")
    place: str


class RegionTable(Answer):
    regions: list[Region]
    carrier: str
    locker: Locker


class QuoteRequest(Strict):
    id_number: str = Field(pattern=r"^[0-9]{17}[0-9Xx]$",
                           description="GB 11643 citizen identification number")
    name: str = Field(min_length=1, max_length=60)
    region: str = Field(pattern=r"^[0-9]{6}([0-9]{3})?$", description="The street's code")
    reference: str = Field(min_length=8, max_length=64,
                           description="The delivery order's key (the outbox record's)")


class Quote(Answer):
    fee_fen: int = Field(description="0: free")
    carrier: str
    payable_id: str = optional(description="The payable order of the fee, when there is one")


class DeliveryState(Answer):
    reference: str
    state: Literal["unknown", "received", "shipped"]
    carrier: str
    tracking_no: str = optional(description="The carrier's tracking number, once shipped")


# -- the store ------------------------------------------------------------------------------------

def payable_id_for(owner: str, code: str) -> str:
    return "PB" + hashlib.sha256(f"{owner}:{code}".encode()).hexdigest()[:18].upper()


def _iso(ts: float | None) -> str | None:
    return None if ts is None else dt.datetime.fromtimestamp(ts, _TZ).isoformat(timespec="seconds")


def _settle_expiry(store, row) -> Any:
    """A pending payment past its time is expired (read-time rule: no background sweeper)."""
    if row["state"] == "pending" and row["expires_at"] <= time.time():
        store.execute("UPDATE pay_payments SET state = 'expired' WHERE payment_id = ? AND "
                      "state = 'pending'", (row["payment_id"],))
        return _row(store, row["payment_id"])
    return row


def _row(store, payment_id: str):
    return store.execute("SELECT * FROM pay_payments WHERE payment_id = ?",
                         (payment_id,)).fetchone()


def _payable(store, payable_id: str):
    return store.execute("SELECT * FROM pay_payables WHERE payable_id = ?",
                         (payable_id,)).fetchone()


def payment_answer(store, row) -> dict[str, Any]:
    payable = _payable(store, row["payable_id"])
    kind = _kind(payable["code"])
    settings = data()
    answer = {"payment_id": row["payment_id"], "payable_id": row["payable_id"],
              "state": row["state"], "amount_fen": kind["amount_fen"], "title": kind["title"],
              "title_en": kind["title_en"], "collector": kind["collector"],
              "code_url": settings["wallet_url"] + row["payment_id"],
              "created_at": _iso(row["created_at"]), "expires_at": _iso(row["expires_at"]),
              "expires_in_s": max(0, int(row["expires_at"] - time.time()))
              if row["state"] == "pending" else 0}
    if row["reason"]:
        answer["reason"] = row["reason"]
    if row["state"] == "paid":
        answer["paid_at"] = _iso(row["paid_at"])
        answer["reference"] = row["reference"]
        if kind.get("fiscal_receipt"):
            answer["fiscal_receipt_url"] = settings["fiscal_receipt_url"] + row["reference"]
    return answer


def payables_for(store, id_number: str, name: str) -> list[dict[str, Any]]:
    """The person's unpaid orders, and those paid in the last RECENT_S (marked with the payment,
    so a payment that arrived late or while the kiosk was down is seen as paid). Synthetic: every
    99xxxx person owes the demo list."""
    if not id_number.startswith("99"):
        return []
    owner = owner_of(id_number)
    out = []
    with store.lock:
        for kind in data()["payables"]:
            if kind.get("on_request"):          # made by what asks for it (a delivery fee)
                continue
            store.execute("INSERT OR IGNORE INTO pay_payables (payable_id, owner, code, "
                          "payer_name) VALUES (?, ?, ?, ?)",
                          (payable_id_for(owner, kind["code"]), owner, kind["code"], name))
        recent = time.time() - RECENT_S
        for row in store.execute(
                "SELECT pay_payables.* FROM pay_payables LEFT JOIN pay_payments ON "
                "pay_payments.payment_id = pay_payables.paid_by WHERE owner = ? AND (paid_by IS "
                "NULL OR pay_payments.paid_at > ?) ORDER BY pay_payables.rowid",
                (owner, recent)).fetchall():
            payable_id, kind = row["payable_id"], _kind(row["code"])
            entry = {"payable_id": payable_id, "code": kind["code"], "title": kind["title"],
                     "title_en": kind["title_en"], "collector": kind["collector"],
                     "payer_name": row["payer_name"], "amount_fen": kind["amount_fen"],
                     "due_date": kind["due_date"]}
            if row["paid_by"]:
                entry["paid_payment_id"] = row["paid_by"]
            else:
                live = _live_payment(store, payable_id)
                if live is not None:
                    entry["live_payment_id"] = live["payment_id"]
            out.append(entry)
    return out


def _live_payment(store, payable_id: str):
    for row in store.execute("SELECT * FROM pay_payments WHERE payable_id = ? AND state = "
                             "'pending'", (payable_id,)).fetchall():
        row = _settle_expiry(store, row)
        if row["state"] == "pending":
            return row
    return None


def create_payment(store, kiosk_id: str, payable_id: str, key: str) -> dict[str, Any]:
    with store.lock:
        row = store.execute("SELECT * FROM pay_payments WHERE idempotency_key = ?",
                            (key,)).fetchone()
        if row is not None:
            if row["payable_id"] != payable_id:
                raise HttpError(409, "this idempotency key was used for another payable",
                                extra={"reason": "key_reused"})
            return payment_answer(store, _settle_expiry(store, row))
        payable = _payable(store, payable_id)
        if payable is None:
            raise HttpError(404, "no such payable order")
        if payable["paid_by"]:
            raise HttpError(409, "this order is already paid",
                            extra={"reason": "already_paid", "payment_id": payable["paid_by"]})
        live = _live_payment(store, payable_id)
        if live is not None:
            return payment_answer(store, live)
        now = time.time()
        payment_id = "PAY" + secrets.token_hex(8).upper()
        store.execute("INSERT INTO pay_payments (payment_id, idempotency_key, payable_id, "
                      "kiosk_id, state, created_at, expires_at) VALUES (?, ?, ?, ?, 'pending', ?, ?)",
                      (payment_id, key, payable_id, kiosk_id, now, now + data()["payment_ttl_s"]))
        return payment_answer(store, _row(store, payment_id))


def settle(store, payment_id: str, outcome: str) -> dict[str, Any]:
    """The wallet app's answer (the simulated payer): pay, fail, or pay after expiry."""
    with store.lock:
        row = _row(store, payment_id)
        if row is None:
            raise HttpError(404, "no such payment")
        row = _settle_expiry(store, row)
        if outcome == "fail":
            if row["state"] == "pending":
                store.execute("UPDATE pay_payments SET state = 'failed', reason = 'declined' "
                              "WHERE payment_id = ?", (payment_id,))
            return payment_answer(store, _row(store, payment_id))
        allowed = ("pending",) if outcome == "pay" else ("pending", "expired", "cancelled")
        if row["state"] not in allowed:
            raise HttpError(409, f"a {row['state']} payment cannot be paid")
        payable = _payable(store, row["payable_id"])
        if payable["paid_by"] and payable["paid_by"] != payment_id:
            store.execute("UPDATE pay_payments SET state = 'failed', reason = "
                          "'duplicate_refused' WHERE payment_id = ?", (payment_id,))
            return payment_answer(store, _row(store, payment_id))
        now = time.time()
        reference = dt.datetime.fromtimestamp(now, _TZ).strftime("T%Y%m%d%H%M%S") + \
            payment_id[-6:]
        store.execute("UPDATE pay_payments SET state = 'paid', reason = NULL, paid_at = ?, "
                      "reference = ? WHERE payment_id = ?", (now, reference, payment_id))
        store.execute("UPDATE pay_payables SET paid_by = ? WHERE payable_id = ?",
                      (payment_id, row["payable_id"]))
        return payment_answer(store, _row(store, payment_id))


def register(router, store) -> None:
    register_delivery(router, store)

    @router.post("/api/v1/pay/payables", tags=["pay"], operation_id="listPayables",
                 summary="The identified person's unpaid orders, and those paid in the last day",
                 openapi_extra=body(PayablesRequest),
                 responses={200: {"model": Payables, "description": "The unpaid orders"},
                            400: error("Not JSON"),
                            413: error("Body larger than the platform accepts"),
                            422: error("id_number or name missing or malformed"),
                            **citizen_refusals()})
    def payables(raw: bytes = Depends(raw_body),
                 citizen: CitizenSession = Depends(require_citizen)) -> dict:
        request = parse_body(raw, PayablesRequest)
        id_number = request.id_number.upper()
        citizen.require_owner(id_number)
        return {"payables": payables_for(store, id_number, request.name)}

    @router.post("/api/v1/pay/payments", tags=["pay"], operation_id="createPayment",
                 summary="Create (or find again) the payment of one payable order",
                 openapi_extra=body(PaymentCreate),
                 responses={200: {"model": Payment, "description": "The payment (the same one "
                                  "for the same key, or the payable's live payment)"},
                            400: error("Not JSON"), **kiosk_refusal(),
                            404: error("No such payable order"),
                            409: error("Already paid, or the key names another payable",
                                       PaymentRefusal),
                            413: error("Body larger than the platform accepts"),
                            422: error("payable_id or idempotency_key missing or malformed")})
    def create(raw: bytes = Depends(raw_body), kiosk_id: str = Depends(require_kiosk)) -> dict:
        request = parse_body(raw, PaymentCreate)
        return create_payment(store, kiosk_id, request.payable_id, request.idempotency_key)

    @router.get("/api/v1/pay/payments/{payment_id}", tags=["pay"], operation_id="getPayment",
                summary="A payment's state",
                responses={200: {"model": Payment, "description": "The payment"},
                           **kiosk_refusal(), 404: error("No such payment")})
    def state(payment_id: str, _kiosk: str = Depends(require_kiosk)) -> dict:
        with store.lock:
            row = _row(store, payment_id)
            if row is None:
                raise HttpError(404, "no such payment")
            return payment_answer(store, _settle_expiry(store, row))

    @router.post("/api/v1/pay/payments/{payment_id}/cancel", tags=["pay"],
                 operation_id="cancelPayment",
                 summary="Cancel a pending payment (a final one is answered as it is)",
                 responses={200: {"model": Payment, "description": "The payment after the cancel"},
                            **kiosk_refusal(), 404: error("No such payment")})
    def cancel(payment_id: str, _kiosk: str = Depends(require_kiosk)) -> dict:
        with store.lock:
            row = _row(store, payment_id)
            if row is None:
                raise HttpError(404, "no such payment")
            row = _settle_expiry(store, row)
            if row["state"] == "pending":
                store.execute("UPDATE pay_payments SET state = 'cancelled' WHERE payment_id = ?",
                              (payment_id,))
            return payment_answer(store, _row(store, payment_id))

    @router.post("/api/v1/admin/pay/payments/{payment_id}", tags=["admin"],
                 operation_id="adminSettlePayment",
                 summary="The simulated payer: pay, decline, or pay after expiry",
                 dependencies=[Depends(require_admin)], openapi_extra=body(PayOutcome),
                 responses={200: {"model": Payment, "description": "The payment after it"},
                            400: error("Not JSON"), 401: error("Missing or wrong admin token"),
                            404: error("No such payment"),
                            409: error("This payment cannot be paid now"),
                            413: error("Body larger than the platform accepts"),
                            422: error("outcome is not pay, fail or pay_late")})
    def admin_settle(payment_id: str, raw: bytes = Depends(raw_body)) -> dict:
        return settle(store, payment_id, parse_body(raw, PayOutcome).outcome)

    @router.get("/api/v1/admin/pay/payables/{payable_id}", tags=["admin"],
                operation_id="adminPayableCharges",
                summary="How many payments a payable has, and how many took money",
                dependencies=[Depends(require_admin)],
                responses={200: {"model": PayableCharges, "description": "The counts"},
                           401: error("Missing or wrong admin token")})
    def admin_charges(payable_id: str) -> dict:
        rows = store.execute("SELECT state FROM pay_payments WHERE payable_id = ?",
                             (payable_id,)).fetchall()
        return {"payable_id": payable_id, "payments": len(rows),
                "charged": sum(1 for r in rows if r["state"] == "paid")}


# -- delivery by post -------------------------------------------------------------------------------

def regions() -> dict[str, dict[str, str]]:
    return {r["code"]: r for r in data()["delivery"]["regions"]}


def quote(store, id_number: str, name: str, region: str, reference: str) -> dict[str, Any]:
    delivery = data()["delivery"]
    if region not in regions():
        raise HttpError(422, "region: not in the region table")
    if region.startswith(delivery["free_within"][:4]):
        return {"fee_fen": 0, "carrier": delivery["carrier"]}
    owner = owner_of(id_number)
    payable_id = payable_id_for(owner, "delivery_fee:" + reference)
    with store.lock:
        store.execute("INSERT OR IGNORE INTO pay_payables (payable_id, owner, code, payer_name) "
                      "VALUES (?, ?, 'delivery_fee', ?)", (payable_id, owner, name))
    return {"fee_fen": delivery["fee_fen_elsewhere"], "carrier": delivery["carrier"],
            "payable_id": payable_id}


def delivery_state(store, reference: str) -> dict[str, Any]:
    carrier = data()["delivery"]["carrier"]
    shipped = store.execute("SELECT tracking_no FROM delivery_tracking WHERE reference = ?",
                            (reference,)).fetchone()
    if shipped is not None:
        return {"reference": reference, "state": "shipped", "carrier": carrier,
                "tracking_no": shipped["tracking_no"]}
    received = store.execute("SELECT 1 FROM sync_records WHERE key = ? AND kind = 'delivery'",
                             (reference,)).fetchone()
    return {"reference": reference, "state": "received" if received else "unknown",
            "carrier": carrier}


def register_delivery(router, store) -> None:
    @router.get("/api/v1/delivery/regions", tags=["pay"], operation_id="getDeliveryRegions",
                summary="The region table for addresses, the carrier and the hall's locker",
                responses={200: {"model": RegionTable, "description": "The table"},
                           **kiosk_refusal()})
    def table(_kiosk: str = Depends(require_kiosk)) -> dict:
        delivery = data()["delivery"]
        return {"regions": delivery["regions"], "carrier": delivery["carrier"],
                "locker": delivery["locker"]}

    @router.post("/api/v1/delivery/quote", tags=["pay"], operation_id="quoteDelivery",
                 summary="The fee of posting a result to a street (a payable order if not free)",
                 openapi_extra=body(QuoteRequest),
                 responses={200: {"model": Quote, "description": "The fee"},
                            400: error("Not JSON"),
                            413: error("Body larger than the platform accepts"),
                            422: error("A member missing or malformed, or an unknown region"),
                            **citizen_refusals()})
    def quote_route(raw: bytes = Depends(raw_body),
                    citizen: CitizenSession = Depends(require_citizen)) -> dict:
        request = parse_body(raw, QuoteRequest)
        id_number = request.id_number.upper()
        citizen.require_owner(id_number)
        return quote(store, id_number, request.name, request.region, request.reference)

    @router.get("/api/v1/delivery/orders/{reference}", tags=["pay"],
                operation_id="getDeliveryState",
                summary="Whether a delivery order arrived, and its tracking number",
                responses={200: {"model": DeliveryState, "description": "The state"},
                           **kiosk_refusal()})
    def state(reference: str, _kiosk: str = Depends(require_kiosk)) -> dict:
        return delivery_state(store, reference)

    @router.post("/api/v1/admin/delivery/orders/{reference}/ship", tags=["admin"],
                 operation_id="adminShipDelivery",
                 summary="The carrier took the item: a tracking number is assigned",
                 dependencies=[Depends(require_admin)],
                 responses={200: {"model": DeliveryState, "description": "The state after it"},
                            401: error("Missing or wrong admin token"),
                            404: error("No delivery order with this reference arrived")})
    def ship(reference: str) -> dict:
        with store.lock:
            if delivery_state(store, reference)["state"] == "unknown":
                raise HttpError(404, "no delivery order with this reference arrived")
            tracking = "EM" + hashlib.sha256(reference.encode()).hexdigest()[:9].upper() + "CN"
            store.execute("INSERT OR IGNORE INTO delivery_tracking (reference, tracking_no, "
                          "shipped_at) VALUES (?, ?, ?)", (reference, tracking, time.time()))
            _posted_on_case(store, reference, tracking)
        return delivery_state(store, reference)


def _case_of(store, named: str) -> str | None:
    """The case a delivery order names: a case number, or the application's reference (the
    outbox key of its submission) once intake opened its case."""
    if not named:
        return None
    if store.execute("SELECT 1 FROM cases WHERE case_no = ?", (named,)).fetchone():
        return named
    taken = store.execute("SELECT case_no FROM apply_intake WHERE reference = ?",
                          (named,)).fetchone()
    return taken["case_no"] if taken else None


def _posted_on_case(store, reference: str, tracking: str) -> None:
    """The case of a posted result says so: issued, collected by post with the tracking number
    (the person's view of "Check my case" shows it). The case's storage is routes_cases'."""
    row = store.execute("SELECT payload FROM sync_records WHERE key = ? AND kind = 'delivery'",
                        (reference,)).fetchone()
    case_no = _case_of(store, str(json.loads(row["payload"]).get("case") or "")) if row else None
    if case_no is None:
        return
    stored = store.execute("SELECT payload FROM cases WHERE case_no = ?", (case_no,)).fetchone()
    case = json.loads(stored["payload"])
    case["collection"] = {"method": "post", "carrier": data()["delivery"]["carrier"],
                          "tracking_no": tracking}
    if not case["steps"] or case["steps"][-1]["step"] not in ("issued", "collected"):
        case["steps"].append({"step": "issued",
                              "at": dt.datetime.now(_TZ).isoformat(timespec="seconds"),
                              "note": "结果已邮寄"})
    store.execute("UPDATE cases SET payload = ? WHERE case_no = ?",
                  (json.dumps(case, ensure_ascii=False), case_no))
