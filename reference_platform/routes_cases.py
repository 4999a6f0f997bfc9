"""Cases (办件) for the kiosk's "check my case": by the identified person, by case number, by the
QR code on a receipt; and admin endpoints that move a case along its steps (tests, demo).

A case is one application: its item, department, channel, when it was submitted, the promised
completion date and its steps (submitted, accepted or not accepted, under review, corrections
requested with what is missing and the deadline, approved or refused with the reason, result
issued with how it is collected, collected). The person's view carries everything; the public view
(by case number or receipt, for a citizen who has not identified) drops what identifies or lets
someone else collect the result: the applicant, the tracking number, the locker and its pick-up
code.

Receipt QR codes are follow URLs with an expiry date and a signature (HMAC with a secret kept per
database): `<follow_url><case_no>?e=YYYYMMDD&s=<12 hex>`; a bare case number or the unsigned
follow URL is a lookup by number. The ID number travels in a POST body, never in a URL.

Demo cases come from data/cases.json (dates relative to the seeding day). Other areas that create
cases (the kiosk's own applications) call `record_case(store, ...)`.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import re
import secrets
import threading
from pathlib import Path
from typing import Any, Literal

from fastapi import Depends, Security
from fastapi.security import HTTPAuthorizationCredentials
from pydantic import Field

from reference_platform import demo_data
from reference_platform.models import Answer, Strict, optional
from reference_platform.openapi import body, error
from reference_platform.routes_sync import authenticate, kiosk_scheme
from reference_platform.web import HttpError, parse_body, raw_body, require_admin

SCHEMA_SQL = """
CREATE TABLE IF NOT EXISTS cases (
    case_no TEXT PRIMARY KEY,
    owner TEXT NOT NULL,            -- sha256 of the applicant's ID number
    payload TEXT NOT NULL,          -- JSON: the person's view of the case
    created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS cases_owner ON cases(owner);
CREATE TABLE IF NOT EXISTS cases_keys (
    name TEXT PRIMARY KEY,
    value BLOB NOT NULL
);
"""

DEMO = json.loads((Path(__file__).with_name("data") / "cases.json").read_text("utf-8"))
FOLLOW_URL: str = DEMO["follow_url"]
RECEIPT_VALID_DAYS: int = DEMO["receipt_valid_days"]
REGION = "990100"
CASE_NO = re.compile(r"[A-Z]{2}-\d{6}-\d{8}-\d{6}")
STEPS = ("submitted", "accepted", "not_accepted", "under_review", "corrections_requested",
         "corrections_received", "approved", "refused", "issued", "collected")
METHODS = ("window", "post", "locker", "elicence")
CHANNELS = ("window", "online", "kiosk")
# what only the applicant may see: it names them or lets someone else collect the result
PERSONAL_COLLECTION = ("tracking_no", "locker", "pickup_code")

_TZ = dt.timezone(dt.timedelta(hours=8))      # the hall's clock (China Standard Time)


# -- the JSON shapes ------------------------------------------------------------------------------

class CaseQuery(Strict):
    id_number: str = Field(min_length=1, description="The identified person's ID number")


class ReceiptQuery(Strict):
    code: str = Field(min_length=1, max_length=2000, description="The text of the scanned QR code")


class Corrections(Answer):
    missing: list[str] = Field(description="What the applicant still has to hand in")
    deadline: str = Field(json_schema_extra={"format": "date"})


class Collection(Answer):
    method: Literal["window", "post", "locker", "elicence"]
    place: str | None = optional(description="Window or locker room (window, locker)")
    carrier: str | None = optional(description="Postal carrier (post)")
    tracking_no: str | None = optional(description="Tracking number (post; person's view only)")
    locker: str | None = optional(description="Locker and compartment (person's view only)")
    pickup_code: str | None = optional(description="Locker pick-up code (person's view only)")
    pickup_until: str | None = optional("date", description="Last day in the locker")
    document: str | None = optional(description="The e-licence issued (elicence)")


class CaseStep(Answer):
    step: Literal["submitted", "accepted", "not_accepted", "under_review", "corrections_requested",
                  "corrections_received", "approved", "refused", "issued", "collected"]
    at: str = Field(json_schema_extra={"format": "date-time"})
    note: str | None = optional(description="The reason or remark given with this step")


class Case(Answer):
    case_no: str = Field(description="受理编号, e.g. SL-990100-20261122-000123")
    item_code: str
    item_name: str
    department: str
    window: str = Field(description="Where the department serves in the hall (corrections, "
                                    "collecting at a window)")
    channel: Literal["window", "online", "kiosk"]
    submitted_at: str = Field(json_schema_extra={"format": "date-time"})
    promised_by: str = Field(json_schema_extra={"format": "date"})
    status: str = Field(description="The kind of the last step")
    steps: list[CaseStep]
    corrections: Corrections | None = optional(description="While corrections are requested")
    collection: Collection | None = optional(description="Once the result is issued")
    follow_url: str = Field(description="Follow the case on a phone (no personal data)")
    applicant: str | None = optional(description="Masked applicant name (person's view only)")
    personal: bool = Field(description="Whether this is the person's view")


class CaseList(Answer):
    cases: list[Case]


class OneCase(Answer):
    case: Case


class StepRequest(Strict):
    step: Literal["submitted", "accepted", "not_accepted", "under_review", "corrections_requested",
                  "corrections_received", "approved", "refused", "issued", "collected"]
    note: str | None = optional(max_length=500)
    missing: list[str] | None = optional(max_length=20)
    deadline_days: int | None = optional(ge=-365, le=365, description="Corrections deadline, in "
                                                                      "days from now")
    collection: Collection | None = optional()
    days_ago: int = Field(default=0, ge=0, le=3650, description="When the step happened")


class ReceiptCodeRequest(Strict):
    valid_days: int = Field(default=RECEIPT_VALID_DAYS, ge=-3650, le=3650,
                            description="Days from today the code is valid (negative: expired)")


class ReceiptCode(Answer):
    code: str


# -- storage ----------------------------------------------------------------------------------------

def _owner(id_number: str) -> str:
    return hashlib.sha256(id_number.strip().upper().encode()).hexdigest()


def _mask(name: str) -> str:
    return name[:1] + "*" * max(1, len(name) - 1)


def _at(day: dt.date, hour: int = 9, minute: int = 30) -> str:
    return dt.datetime.combine(day, dt.time(hour, minute), _TZ).isoformat()


_secret_lock = threading.Lock()


def _secret(store) -> bytes:
    with _secret_lock:
        row = store.execute("SELECT value FROM cases_keys WHERE name = 'receipt'").fetchone()
        if row is None:
            store.execute("INSERT OR IGNORE INTO cases_keys VALUES ('receipt', ?)",
                          (secrets.token_bytes(32),))
            row = store.execute("SELECT value FROM cases_keys WHERE name = 'receipt'").fetchone()
    return bytes(row["value"])


def _signature(secret: bytes, case_no: str, expires: str) -> str:
    return hmac.new(secret, f"{case_no}|{expires}".encode(), hashlib.sha256).hexdigest()[:12]


def receipt_code(store, case_no: str, valid_days: int = RECEIPT_VALID_DAYS,
                 today: dt.date | None = None) -> str:
    """The signed QR text a receipt for this case carries."""
    expires = f"{(today or dt.date.today()) + dt.timedelta(days=valid_days):%Y%m%d}"
    return f"{FOLLOW_URL}{case_no}?e={expires}&s={_signature(_secret(store), case_no, expires)}"


def _catalog_item(item_code: str) -> dict[str, Any]:
    for item in demo_data.items():
        if item["impl_code"] == item_code or item["basic_code"] == item_code:
            return item
    raise ValueError(f"no catalog item {item_code!r}: a case names an item of the catalog")


def record_case(store, *, id_number: str, name: str, item_code: str, channel: str,
                submitted: dt.datetime, promised_by: dt.date, steps: list[dict[str, Any]],
                serial: int | None = None, corrections: dict | None = None,
                collection: dict | None = None, subject: dict[str, str] | None = None) -> str:
    """Store a case and return its case number (SL-<region>-<submission date>-<serial>). For the
    demo seed and for other areas of the platform that accept applications. The item (by
    implementation or basic code) gives the name, department and window; an item the catalog
    does not hold is a ValueError. `subject` ({"impl_code", "name", "department", "place"})
    stands in for the item where a case has none (a complaint about waiting, a data
    correction: routes_feedback)."""
    item = subject if subject is not None else _catalog_item(item_code)
    with store.lock:
        if serial is None:
            count = store.execute("SELECT COUNT(*) FROM cases").fetchone()[0]
            serial = 500 + count
        while True:
            case_no = f"SL-{REGION}-{submitted:%Y%m%d}-{serial:06d}"
            if store.execute("SELECT 1 FROM cases WHERE case_no = ?", (case_no,)).fetchone() is None:
                break
            serial += 1
        payload = {"case_no": case_no, "item_code": item["impl_code"], "item_name": item["name"],
                   "department": item["department"], "window": item["place"], "channel": channel,
                   "submitted_at": submitted.isoformat(), "promised_by": promised_by.isoformat(),
                   "steps": steps, "corrections": corrections, "collection": collection,
                   "applicant": _mask(name)}
        store.execute("INSERT INTO cases (case_no, owner, payload, created_at) VALUES (?, ?, ?, ?)",
                      (case_no, _owner(id_number), json.dumps(payload, ensure_ascii=False),
                       dt.datetime.now(_TZ).isoformat()))
    return case_no


def seed(store, today: dt.date | None = None) -> None:
    """The demo cases of data/cases.json, once, into an empty cases table."""
    today = today or dt.date.today()
    with store.lock:
        if store.execute("SELECT 1 FROM cases LIMIT 1").fetchone() is not None:
            return
        for entry in DEMO["cases"]:
            start = today - dt.timedelta(days=entry["submitted_days_ago"])
            steps, corrections, collection = [], None, None
            for index, spec in enumerate(entry["steps"]):
                day = start + dt.timedelta(days=spec["day"])
                step = {"step": spec["step"], "at": _at(day, 9 + index, 10 * index % 60)}
                if spec.get("note"):
                    step["note"] = spec["note"]
                steps.append(step)
                if spec["step"] == "corrections_requested":
                    corrections = {"missing": spec["missing"], "deadline": (
                        start + dt.timedelta(days=spec["deadline_day"])).isoformat()}
                if "collection" in spec:
                    collection = dict(spec["collection"])
                    until = collection.pop("pickup_until_day", None)
                    if until is not None:
                        collection["pickup_until"] = (start + dt.timedelta(days=until)).isoformat()
            record_case(store, id_number=entry["owner"], name=DEMO["persons"][entry["owner"]],
                        item_code=entry["item_code"], channel=entry["channel"],
                        submitted=dt.datetime.combine(start, dt.time(9, 0), _TZ),
                        promised_by=start + dt.timedelta(days=entry["promised_days"]),
                        steps=steps, serial=entry["serial"], corrections=corrections,
                        collection=collection)


def view(payload: dict[str, Any], personal: bool) -> dict[str, Any]:
    """The case as answered: the person's view, or the public one without what is personal."""
    case = {key: payload[key] for key in ("case_no", "item_code", "item_name", "department",
                                          "window", "channel", "submitted_at", "promised_by")}
    case["steps"] = [dict(step) for step in payload["steps"]]
    case["status"] = case["steps"][-1]["step"] if case["steps"] else "submitted"
    case["follow_url"] = FOLLOW_URL + payload["case_no"]
    case["personal"] = personal
    if payload.get("corrections") and case["status"] == "corrections_requested":
        case["corrections"] = dict(payload["corrections"])
    collection = payload.get("collection")
    if collection and case["status"] in ("issued", "collected"):
        case["collection"] = {key: value for key, value in collection.items()
                              if personal or key not in PERSONAL_COLLECTION}
    if personal:
        case["applicant"] = payload["applicant"]
    return case


# -- routes -----------------------------------------------------------------------------------------

def register(router, store) -> None:
    def kiosk(credentials: HTTPAuthorizationCredentials | None = Security(kiosk_scheme)) -> str:
        return authenticate(store, credentials)

    def payload_of(case_no: str) -> dict[str, Any]:
        row = store.execute("SELECT payload FROM cases WHERE case_no = ?", (case_no,)).fetchone()
        if row is None:
            raise HttpError(404, "no such case")
        return json.loads(row["payload"])

    no_credential = error("Missing or revoked kiosk credential")
    no_case = error("No case has this number")
    cases = {"tags": ["cases"], "dependencies": [Depends(kiosk)]}

    @router.post("/api/v1/cases/query", operation_id="queryCases",
                 summary="Every case of the identified person, newest first (the person's view)",
                 openapi_extra=body(CaseQuery),
                 responses={200: {"model": CaseList, "description": "The person's cases"},
                            400: error("id_number missing or not a string"),
                            401: no_credential, 413: error("Body larger than the platform accepts")},
                 **cases)
    def query(raw: bytes = Depends(raw_body)):
        person = parse_body(raw, CaseQuery, status=400)
        rows = store.execute("SELECT payload FROM cases WHERE owner = ?",
                             (_owner(person.id_number),)).fetchall()
        found = [view(json.loads(row["payload"]), personal=True) for row in rows]
        found.sort(key=lambda case: case["submitted_at"], reverse=True)
        return {"cases": found}

    @router.get("/api/v1/cases/{case_no}", operation_id="getCase",
                summary="One case by its number (the public view: no personal data)",
                responses={200: {"model": OneCase, "description": "The case"},
                           401: no_credential, 404: no_case}, **cases)
    def by_number(case_no: str):
        return {"case": view(payload_of(case_no.strip().upper()), personal=False)}

    @router.post("/api/v1/cases/receipt", operation_id="getCaseByReceipt",
                 summary="The case a receipt's QR code names (the public view)",
                 openapi_extra=body(ReceiptQuery),
                 responses={200: {"model": OneCase, "description": "The case"},
                            400: error("code missing or not a string"), 401: no_credential,
                            404: error("The code is not the receipt of a case this platform "
                                       "knows (not signed by it, or the case is gone)"),
                            410: error("The receipt's code has expired"),
                            413: error("Body larger than the platform accepts")},
                 **cases)
    def by_receipt(raw: bytes = Depends(raw_body)):
        code = parse_body(raw, ReceiptQuery, status=400).code.strip()
        match = re.fullmatch(re.escape(FOLLOW_URL) + r"(?P<no>[^?]+)\?e=(?P<e>\d{8})&s=(?P<s>[0-9a-f]{12})",
                             code)
        if match is None:
            raise HttpError(404, "not a case receipt code")
        case_no, expires = match["no"], match["e"]
        expected = _signature(_secret(store), case_no, expires)
        if not hmac.compare_digest(expected, match["s"]):
            raise HttpError(404, "not a case receipt code this platform issued")
        payload = payload_of(case_no)
        if expires < f"{dt.date.today():%Y%m%d}":
            raise HttpError(410, "the receipt's code has expired")
        return {"case": view(payload, personal=False)}

    # -- admin (demo and tests), behind the admin token ------------------------------------------
    admin = {"tags": ["admin"], "dependencies": [Depends(require_admin)]}
    no_admin = error("Missing or wrong admin token")

    @router.post("/api/v1/admin/cases/{case_no}/steps", operation_id="adminAddCaseStep",
                 summary="Move a case to another step (tests and demo)",
                 openapi_extra=body(StepRequest),
                 responses={200: {"model": OneCase, "description": "The case, person's view"},
                            400: error("Body is not a JSON object"), 401: no_admin, 404: no_case,
                            413: error("Body larger than the platform accepts"),
                            422: error("A member is missing or out of range")}, **admin)
    def add_step(case_no: str, raw: bytes = Depends(raw_body)):
        request = parse_body(raw, StepRequest)
        with store.lock:
            payload = payload_of(case_no)
            day = dt.date.today() - dt.timedelta(days=request.days_ago)
            step = {"step": request.step, "at": _at(day, 10)}
            if request.note:
                step["note"] = request.note
            payload["steps"].append(step)
            if request.step == "corrections_requested":
                payload["corrections"] = {
                    "missing": list(request.missing or ["补正材料"]),
                    "deadline": (dt.date.today() + dt.timedelta(
                        days=15 if request.deadline_days is None else request.deadline_days)
                    ).isoformat()}
            if request.collection is not None:
                payload["collection"] = request.collection.model_dump(exclude_none=True)
            store.execute("UPDATE cases SET payload = ? WHERE case_no = ?",
                          (json.dumps(payload, ensure_ascii=False), case_no))
        return {"case": view(payload, personal=True)}

    @router.post("/api/v1/admin/cases/{case_no}/receipt-code", operation_id="adminCaseReceiptCode",
                 summary="The QR text of a receipt for this case (valid or already expired)",
                 openapi_extra=body(ReceiptCodeRequest, required=False),
                 responses={200: {"model": ReceiptCode, "description": "The QR text"},
                            400: error("Body is not a JSON object"), 401: no_admin, 404: no_case,
                            413: error("Body larger than the platform accepts"),
                            422: error("valid_days out of range")}, **admin)
    def make_receipt(case_no: str, raw: bytes = Depends(raw_body)):
        request = parse_body(raw or b"{}", ReceiptCodeRequest)
        payload_of(case_no)
        return {"code": receipt_code(store, case_no, request.valid_days)}
