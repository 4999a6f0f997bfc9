"""The citizen's voice (咨询 / 投诉 / 数据纠错): frequent questions per item, complaint categories,
the data a person may correct, and the intake of what the kiosk's outbox delivers.

Consultations, complaints and corrections reach the platform as outbox records (kinds
`consultation`, `complaint`, `correction`; POST /api/v1/records, applied once per idempotency
key). Intake opens a ticket once per record key (the receipt's reference) when the kiosk asks for
its state; a ticket of an identified citizen is also a case (routes_cases.record_case), so it is
followed in "Check my case" with its answer. An admin endpoint posts the department's answer or
outcome (demo, tests). Anonymous complaints carry no identity: their case belongs to nobody and is
reached only through the receipt's QR code.
"""
from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache
from typing import Any, Literal

from fastapi import Depends
from pydantic import Field

from reference_platform.auth import CitizenSession, citizen_refusals, require_citizen, require_kiosk
from reference_platform.demo_data import DATA, items
from reference_platform.models import Answer, Strict, optional
from reference_platform.openapi import body, error
from reference_platform.web import HttpError, parse_body, raw_body, require_admin

SCHEMA_SQL = """
CREATE TABLE IF NOT EXISTS feedback_tickets (
    reference TEXT PRIMARY KEY,      -- the outbox record's idempotency key
    kind TEXT NOT NULL, case_no TEXT, promised_by TEXT NOT NULL, answer TEXT,
    taken_at TEXT NOT NULL);
"""
KINDS = ("consultation", "complaint", "correction")
_TZ = dt.timezone(dt.timedelta(hours=8))


@lru_cache(maxsize=1)
def _text() -> str:
    return (DATA / "feedback.json").read_text(encoding="utf-8")


def data() -> dict[str, Any]:
    return json.loads(_text())


# -- models ---------------------------------------------------------------------------------------

class FeedbackQuestion(Answer):
    question: str
    answer: str


class FeedbackQuestions(Answer):
    questions: list[FeedbackQuestion]


class ComplaintCategory(Answer):
    code: str
    name: str
    name_en: str
    department: str
    handling_days: int = Field(description="Working days the department promises for an answer")
    needs_item: bool = Field(description="The complaint names a service item")


class ComplaintCategories(Answer):
    categories: list[ComplaintCategory]
    consultation_days: int = Field(description="Working days promised for answering a question")


class CorrectableQuery(Strict):
    id_number: str = Field(pattern=r"^[0-9]{17}[0-9Xx]$")


class DataField(Answer):
    field: str
    label: str
    value: str
    proof_needed: bool = Field(description="A correction of this field needs a scanned proof")


class DataRecord(Answer):
    record: str
    title: str
    department: str
    fields: list[DataField]


class Correctable(Answer):
    records: list[DataRecord]


class FeedbackStatusQuery(Strict):
    reference: str = Field(min_length=8, max_length=64)


class FeedbackTicket(Answer):
    reference: str
    kind: Literal["consultation", "complaint", "correction"]
    state: Literal["received", "answered"]
    promised_by: str = Field(json_schema_extra={"format": "date"})
    case_no: str = optional(description="The case it is followed as (identified citizens)")
    answer: str = optional(description="The department's answer or the correction's outcome")


class AnswerRequest(Strict):
    reference: str = Field(min_length=8, max_length=64)
    answer: str = Field(min_length=1, max_length=2000)


# -- the demo person's data -------------------------------------------------------------------------

def correctable_for(id_number: str) -> list[dict[str, Any]]:
    from reference_platform.routes_identity import persons
    person = persons().get(id_number.upper())
    if person is None:
        return []
    values = {"name": person["name"], "address": person.get("address", ""),
              "nation": {"01": "汉族", "02": "蒙古族"}.get(person["nation"], person["nation"]),
              "birth_date": f"{person['birth_date'][:4]}-{person['birth_date'][4:6]}-"
                            f"{person['birth_date'][6:]}"}
    out = []
    for record in data()["correctable"]:
        out.append({"record": record["record"], "title": record["title"],
                    "department": record["department"],
                    "fields": [{"field": name, "label": label, "value": values.get(name, ""),
                                "proof_needed": name in record["proof_for"]}
                               for name, label in record["fields"]]})
    return out


# -- intake -------------------------------------------------------------------------------------------

def _working_days_after(day: dt.date, days: int) -> dt.date:
    while days > 0:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            days -= 1
    return day


def _subject(kind: str, payload: dict[str, Any]) -> tuple[dict[str, str], int]:
    """The case's subject (what it is about, who handles it) and the promised working days."""
    config = data()
    item = next((i for i in items() if i["impl_code"] == payload.get("item_code")), None)
    if kind == "complaint":
        category = next((c for c in config["categories"] if c["code"] == payload.get("category")),
                        config["categories"][-1])
        about = f"投诉：{category['name']}" + (f"（{item['name']}）" if item else "")
        return ({"impl_code": "TS-" + category["code"], "name": about,
                 "department": category["department"], "place": "政务服务中心服务台"},
                category["handling_days"])
    if kind == "correction":
        record = next((r for r in config["correctable"] if r["record"] == payload.get("record")),
                      config["correctable"][0])
        return ({"impl_code": "JC-" + record["record"], "name": f"数据纠错：{record['title']}",
                 "department": record["department"], "place": record["place"]}, 5)
    consult = config["consultation"]
    about = "咨询：" + (item["name"] if item else "政务服务")
    return ({"impl_code": "ZX-" + (item["impl_code"] if item else "general"), "name": about,
             "department": item["department"] if item else consult["department"],
             "place": item["place"] if item else "政务服务中心服务台"}, consult["answer_days"])


def intake(store, reference: str) -> dict[str, Any] | None:
    """The ticket of a received record, opened once; None while the record has not arrived."""
    from reference_platform.routes_cases import record_case
    with store.lock:
        row = store.execute("SELECT * FROM feedback_tickets WHERE reference = ?",
                            (reference,)).fetchone()
        if row is not None:
            return dict(row)
        record = store.execute("SELECT kind, payload, received_at FROM sync_records WHERE key = ? "
                               "AND kind IN ('consultation', 'complaint', 'correction')",
                               (reference,)).fetchone()
        if record is None:
            return None
        kind, payload = record["kind"], json.loads(record["payload"])
        received = dt.datetime.fromtimestamp(record["received_at"], _TZ)
        subject, days = _subject(kind, payload)
        promised = _working_days_after(received.date(), days)
        who = payload.get("who") if not payload.get("anonymous") else None
        who = who or {}
        # every ticket is a case: an identified one is in its person's list, an anonymous one
        # (owner: nobody) is reached only by its receipt's QR code (GET /api/v1/cases/{no})
        case_no = record_case(store, id_number=who.get("id_number", ""), name=who.get("name", ""),
                                  item_code=subject["impl_code"], channel="kiosk",
                                  submitted=received, promised_by=promised,
                                  steps=[{"step": "submitted",
                                          "at": received.isoformat(timespec="seconds")}],
                                  subject=subject)
        store.execute("INSERT INTO feedback_tickets (reference, kind, case_no, promised_by, "
                      "taken_at) VALUES (?, ?, ?, ?, ?)",
                      (reference, kind, case_no, promised.isoformat(),
                       dt.datetime.now(_TZ).isoformat()))
        return dict(store.execute("SELECT * FROM feedback_tickets WHERE reference = ?",
                                  (reference,)).fetchone())


def _ticket_view(row: dict[str, Any]) -> dict[str, Any]:
    out = {"reference": row["reference"], "kind": row["kind"],
           "state": "answered" if row["answer"] else "received", "promised_by": row["promised_by"]}
    if row["case_no"]:
        out["case_no"] = row["case_no"]
    if row["answer"]:
        out["answer"] = row["answer"]
    return out


def register(router, store) -> None:
    kiosk = {"dependencies": [Depends(require_kiosk)]}
    no_credential = error("Missing or revoked kiosk credential")

    @router.get("/api/v1/feedback/questions", tags=["feedback"], operation_id="listQuestions",
                summary="Frequent questions with their answers, in general",
                responses={200: {"model": FeedbackQuestions, "description": "The questions"},
                           401: no_credential}, **kiosk)
    def general_questions() -> dict:
        return {"questions": data()["faq"][""]}

    @router.get("/api/v1/feedback/items/{code}/questions", tags=["feedback"],
                operation_id="listItemQuestions",
                summary="Frequent questions with their answers about one item (none: [])",
                responses={200: {"model": FeedbackQuestions, "description": "The questions"},
                           401: no_credential}, **kiosk)
    def item_questions(code: str) -> dict:
        return {"questions": data()["faq"].get(code, []) if code else []}

    @router.get("/api/v1/feedback/categories", tags=["feedback"], operation_id="listCategories",
                summary="Complaint categories and the promised answer times",
                responses={200: {"model": ComplaintCategories, "description": "The categories"},
                           401: no_credential}, **kiosk)
    def categories() -> dict:
        config = data()
        return {"categories": config["categories"],
                "consultation_days": config["consultation"]["answer_days"]}

    @router.post("/api/v1/feedback/correctable", tags=["feedback"], operation_id="listCorrectable",
                 summary="The identified person's data that can be corrected, as held now",
                 openapi_extra=body(CorrectableQuery),
                 responses={200: {"model": Correctable, "description": "The person's records"},
                            400: error("id_number missing or malformed"), **citizen_refusals(),
                            413: error("Body larger than the platform accepts")})
    def correctable(raw: bytes = Depends(raw_body),
                    citizen: CitizenSession = Depends(require_citizen)) -> dict:
        asked = parse_body(raw, CorrectableQuery, status=400)
        citizen.require_owner(asked.id_number)
        return {"records": correctable_for(asked.id_number)}

    @router.post("/api/v1/feedback/status", tags=["feedback"], operation_id="getFeedbackStatus",
                 summary="A consultation, complaint or correction by its receipt's reference",
                 openapi_extra=body(FeedbackStatusQuery),
                 responses={200: {"model": FeedbackTicket, "description": "Its state and answer"},
                            400: error("reference missing or malformed"), 401: no_credential,
                            404: error("Not received (yet): the kiosk's outbox may still hold it"),
                            413: error("Body larger than the platform accepts")}, **kiosk)
    def status(raw: bytes = Depends(raw_body)) -> dict:
        reference = parse_body(raw, FeedbackStatusQuery, status=400).reference
        row = intake(store, reference)
        if row is None:
            raise HttpError(404, "not received")
        return _ticket_view(row)

    @router.post("/api/v1/admin/feedback/answer", tags=["admin"],
                 operation_id="adminAnswerFeedback",
                 summary="(reference platform) The department answers; its case is done",
                 openapi_extra=body(AnswerRequest),
                 responses={200: {"model": FeedbackTicket, "description": "The answered ticket"},
                            400: error("Malformed"), 401: error("Missing or wrong admin token"),
                            404: error("No such ticket (ask its status first)"),
                            413: error("Body larger than the platform accepts")},
                 dependencies=[Depends(require_admin)])
    def answer(raw: bytes = Depends(raw_body)) -> dict:
        asked = parse_body(raw, AnswerRequest, status=400)
        row = intake(store, asked.reference)
        if row is None:
            raise HttpError(404, "no such ticket")
        now = dt.datetime.now(_TZ).isoformat(timespec="seconds")
        with store.lock:
            store.execute("UPDATE feedback_tickets SET answer = ? WHERE reference = ?",
                          (asked.answer, asked.reference))
            if row["case_no"]:
                case = store.execute("SELECT payload FROM cases WHERE case_no = ?",
                                     (row["case_no"],)).fetchone()
                payload = json.loads(case["payload"])
                payload["steps"] += [{"step": "accepted", "at": now},
                                     {"step": "issued", "at": now, "note": asked.answer}]
                store.execute("UPDATE cases SET payload = ? WHERE case_no = ?",
                              (json.dumps(payload, ensure_ascii=False), row["case_no"]))
        return _ticket_view(intake(store, asked.reference))
