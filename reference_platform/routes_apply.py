"""Applications made at the kiosk (自助申报): which items a kiosk can take, each item's form, the
person data and e-licences that pre-fill it (一次采集、多方复用, 免提交), and the intake of the
submissions the kiosk's outbox delivers.

The forms are data (data/apply.json): fields with a type, required or not, help, choices, a
condition on another field and where to pre-fill from; the materials are the guide's own (by
name), each taken from the e-licence library, scanned at the kiosk, seen at a window or the form
itself.

A submission reaches the platform as an outbox record of kind `submission` (POST
/api/v1/records, applied once per idempotency key). Intake turns each received submission into a
case (routes_cases.record_case) exactly once, keyed by the record's key (the receipt's reference),
when the kiosk asks for the submission's state. A correction (补正) is a submission naming the case
it corrects (`corrects`): intake records `corrections_received` on that case instead. The platform
asks for corrections through routes_cases' step `corrections_requested` (what is missing, by the
guide's material names). The ID number travels in POST bodies only.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any

from fastapi import Depends, Security
from fastapi.security import HTTPAuthorizationCredentials
from pydantic import Field

from reference_platform.models import Answer, Strict, optional
from reference_platform.openapi import body, error
from reference_platform.routes_sync import authenticate, kiosk_scheme
from reference_platform.web import HttpError, parse_body, raw_body

SCHEMA_SQL = """
CREATE TABLE IF NOT EXISTS apply_intake (
    reference TEXT PRIMARY KEY,     -- the outbox record's idempotency key
    case_no TEXT NOT NULL,
    taken_at TEXT NOT NULL
);
"""

FORMS: dict[str, dict[str, Any]] = {
    item["code"]: item for item in json.loads(
        (Path(__file__).with_name("data") / "apply.json").read_text("utf-8"))["items"]}
_TZ = dt.timezone(dt.timedelta(hours=8))


class ApplyItem(Answer):
    code: str = Field(description="Implementation code of the catalog item")
    subject: str = Field(description="personal or enterprise")
    signature: bool = Field(description="The citizen signs on the screen")
    offline: bool = Field(description="May be submitted while the platform is unreachable")


class ApplyItemList(Answer):
    items: list[ApplyItem]


class ApplicationForm(Answer):
    code: str
    subject: str
    signature: bool
    offline: bool
    fields: list[dict[str, Any]] = Field(description="name, label {zh_CN, en}, type (text, "
                                         "id_number, phone, date, postcode, region, choice, "
                                         "digits, credit_code), required, help, choices, when "
                                         "{field, equals}, prefill, min_length, max_length")
    materials: list[dict[str, Any]] = Field(description="name (as in the guide), source "
                                            "(elicence, scan, window, form), required, licence, "
                                            "note")


class PrefillRequest(Strict):
    item_code: str = Field(min_length=1, max_length=40)
    id_number: str = Field(pattern=r"^[0-9]{17}[0-9Xx]$",
                           description="GB 11643 citizen identification number")
    name: str = Field(min_length=1, max_length=60)


class HeldLicence(Answer):
    material: str = Field(description="The material's name in the guide")
    licence: str = Field(description="The e-licence kind")
    licence_id: str = Field(description="The e-licence's id in the library (the application "
                            "names it instead of carrying a copy)")
    title: str
    issuer: str


class Prefill(Answer):
    person: dict[str, str] = Field(description="What the platform holds about the person: phone, "
                                   "address, postcode, region, employer, business_name, "
                                   "credit_code")
    licences: list[HeldLicence] = Field(description="The item's e-licence materials the library "
                                        "holds for this person")


class SubmissionState(Answer):
    reference: str
    state: str = Field(description="received (a case was opened) or unknown (not arrived yet)")
    case_no: str = optional(description="The case number once a case is open")


LICENCE_TITLES = {
    "id_card": ("居民身份证电子证照", "示范市公安局示范分局"),
    "social_insurance_payment": ("社会保险参保缴费证明", "示范市社会保险事业管理中心"),
    "household_register": ("户籍信息摘录", "示范市公安局示范分局"),
    "business_licence": ("营业执照（副本）", "示范市市场监督管理局"),
}
STREETS = ("和平路", "建设大道", "人民西路", "滨江东路", "学府街")
EMPLOYERS = ("示范市星河科技有限公司", "示范市远航物流有限公司", "示范市青松餐饮管理有限公司")


def _digest(id_number: str) -> bytes:
    return hashlib.sha256(("apply:" + id_number.upper()).encode()).digest()


def credit_code(seed: bytes) -> str:
    """A fictitious unified social credit code (GB 32100) with a correct check character."""
    chars = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    weights = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
    body17 = "92990100" + "".join(chars[b % 31] for b in seed[:9])
    total = sum(chars.index(c) * w for c, w in zip(body17, weights))
    return body17 + chars[(31 - total % 31) % 31]


def person_data(id_number: str, name: str) -> dict[str, str]:
    """The person's data on file, the same for the same ID number (synthetic: 99xxxx only)."""
    if not id_number.startswith("99"):
        return {}
    seed = _digest(id_number)
    return {"phone": "139" + f"{int.from_bytes(seed[:4], 'big') % 10**8:08d}",
            "address": f"示范市东湖区{STREETS[seed[4] % 5]}{seed[5] % 200 + 1}号",
            "postcode": "990102", "region": "990102",
            "employer": EMPLOYERS[seed[6] % 3],
            "business_name": f"示范市{name[:1]}记餐饮服务部", "credit_code": credit_code(seed[7:])}


def held_licences(form: dict[str, Any], id_number: str) -> list[dict[str, str]]:
    if not id_number.startswith("99"):
        return []
    held = []
    for material in form["materials"]:
        if material["source"] != "elicence":
            continue
        title, issuer = LICENCE_TITLES[material["licence"]]
        licence_id = hashlib.sha256(f"{material['licence']}:{id_number}".encode()).hexdigest()[:20]
        held.append({"material": material["name"], "licence": material["licence"],
                     "licence_id": "EL" + licence_id, "title": title, "issuer": issuer})
    return held


def _corrections_received(store, case_no: str, reference: str) -> None:
    """A correction (补正) submitted for `case_no`: the case records that it came, and the
    request for corrections is answered. The case's storage is routes_cases' (one JSON per case)."""
    row = store.execute("SELECT payload FROM cases WHERE case_no = ?", (case_no,)).fetchone()
    if row is None:
        return
    case = json.loads(row["payload"])
    case["steps"].append({"step": "corrections_received",
                          "at": dt.datetime.now(_TZ).isoformat(timespec="seconds"),
                          "note": f"自助终端补正 {reference}"})
    case["corrections"] = None
    store.execute("UPDATE cases SET payload = ? WHERE case_no = ?",
                  (json.dumps(case, ensure_ascii=False), case_no))


def intake(store, reference: str) -> str | None:
    """The case for a received submission, opened once; None while the record has not arrived.
    A correction (`corrects`: a case number) answers that case's request instead."""
    from reference_platform.routes_cases import record_case
    with store.lock:
        taken = store.execute("SELECT case_no FROM apply_intake WHERE reference = ?",
                              (reference,)).fetchone()
        if taken is not None:
            return taken["case_no"]
        row = store.execute("SELECT payload, received_at FROM sync_records WHERE key = ? AND "
                            "kind = 'submission'", (reference,)).fetchone()
        if row is None:
            return None
        payload = json.loads(row["payload"])
        submitted = dt.datetime.fromtimestamp(row["received_at"], _TZ)
        if payload.get("corrects"):
            case_no = str(payload["corrects"])
            _corrections_received(store, case_no, reference)
            store.execute("INSERT INTO apply_intake (reference, case_no, taken_at) VALUES (?, ?, ?)",
                          (reference, case_no, dt.datetime.now(_TZ).isoformat()))
            return case_no
        applicant = payload.get("applicant") or {}
        case_no = record_case(
            store, id_number=applicant.get("id_number", ""), name=applicant.get("name", ""),
            item_code=payload["item_code"], channel="kiosk", submitted=submitted,
            promised_by=(submitted + dt.timedelta(days=int(payload.get("promised_days", 5)))).date(),
            steps=[{"step": "submitted", "at": submitted.isoformat(timespec="seconds")}])
        store.execute("INSERT INTO apply_intake (reference, case_no, taken_at) VALUES (?, ?, ?)",
                      (reference, case_no, dt.datetime.now(_TZ).isoformat()))
    return case_no


def register(router, store) -> None:
    def kiosk(credentials: HTTPAuthorizationCredentials | None = Security(kiosk_scheme)) -> str:
        return authenticate(store, credentials)

    no_credential = error("Missing or revoked kiosk credential")

    @router.get("/api/v1/apply/items", tags=["apply"], operation_id="listApplyItems",
                summary="The items a kiosk can take applications for",
                responses={200: {"model": ApplyItemList, "description": "The items"},
                           401: no_credential})
    def items(_kiosk: str = Depends(kiosk)) -> dict:
        return {"items": [{key: form[key] for key in ("code", "subject", "signature", "offline")}
                          for form in FORMS.values()]}

    @router.get("/api/v1/apply/forms/{code}", tags=["apply"], operation_id="getApplyForm",
                summary="The application form of one item",
                responses={200: {"model": ApplicationForm, "description": "The form"},
                           401: no_credential,
                           404: error("The kiosk takes no applications for this item")})
    def form(code: str, _kiosk: str = Depends(kiosk)) -> dict:
        if code not in FORMS:
            raise HttpError(404, "no application form for this item")
        return FORMS[code]

    @router.post("/api/v1/apply/prefill", tags=["apply"], operation_id="getApplyPrefill",
                 summary="The person data and held e-licences that pre-fill an item's form",
                 openapi_extra=body(PrefillRequest),
                 responses={200: {"model": Prefill, "description": "Person data and licences"},
                            400: error("Not JSON"), 401: no_credential,
                            404: error("The kiosk takes no applications for this item"),
                            413: error("Body larger than the platform accepts"),
                            422: error("item_code, id_number or name missing or malformed")})
    def prefill(raw: bytes = Depends(raw_body), _kiosk: str = Depends(kiosk)) -> dict:
        request = parse_body(raw, PrefillRequest)
        if request.item_code not in FORMS:
            raise HttpError(404, "no application form for this item")
        id_number = request.id_number.upper()
        return {"person": person_data(id_number, request.name),
                "licences": held_licences(FORMS[request.item_code], id_number)}

    @router.get("/api/v1/apply/submissions/{reference}", tags=["apply"],
                operation_id="getSubmissionState",
                summary="Whether a submission arrived, and its case number",
                responses={200: {"model": SubmissionState, "description": "The state"},
                           401: no_credential})
    def submission(reference: str, _kiosk: str = Depends(kiosk)) -> dict:
        case_no = intake(store, reference)
        if case_no is None:
            return {"reference": reference, "state": "unknown"}
        return {"reference": reference, "state": "received", "case_no": case_no}
