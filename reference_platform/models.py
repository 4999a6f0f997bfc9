"""The JSON shapes of the platform contract as pydantic models.

Request models validate bodies strictly (a string is never taken for a number, nor a number for a
string), so a request that breaks the documented schema is refused, not coerced. Response models
document what the routes return; the served OpenAPI document is generated from them and the
routes, and tests/reference_platform/test_contract.py holds it against docs/platform-api*.yaml.
Model names are the schema names in docs/.
"""
from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


def optional(fmt: str | None = None, **kw: Any) -> Any:
    """An optional member that is absent rather than null (no `default: null` in the schema);
    fmt is the JSON Schema format of a string (date, date-time)."""
    def schema_extra(schema: dict[str, Any]) -> None:
        schema.pop("default", None)
        if fmt:
            schema["format"] = fmt
    return Field(default=None, json_schema_extra=schema_extra, **kw)


class Strict(BaseModel):
    """Request bodies: strict types, unknown members allowed (the contract is open)."""
    model_config = ConfigDict(strict=True, extra="allow")


class Answer(BaseModel):
    """Response bodies (documentation only: routes return plain JSON)."""
    model_config = ConfigDict(extra="allow")


# -- base: errors, health, catalog --------------------------------------------------------------

class Error(Answer):
    error: str = Field(description="What went wrong, in English")


class Health(Answer):
    status: Literal["ok"]
    uptime_s: float = optional()
    time: str = Field(json_schema_extra={"format": "date-time"},
                      description="Platform time (UTC)")


class Department(Answer):
    name: str
    name_en: str = optional()
    address: str = optional()
    hours: str = optional()
    phone: str = optional()


class Theme(Answer):
    name: str
    name_en: str = optional()
    summary: str
    category: Literal["personal", "enterprise"]


class Material(Answer):
    name: str
    form: Literal["original", "copy", "original_and_copy", "electronic"]
    copies: int = Field(ge=0)
    notes: str = optional()


class ProcessStep(Answer):
    name: str
    detail: str


class IdentifyRule(Answer):
    model_config = ConfigDict(extra="forbid")
    ways: list[Literal["idcard", "ssc", "phone", "face"]] = optional()
    face_check: bool = optional()
    face_login: bool = optional()


class ServiceItem(Answer):
    basic_code: str
    impl_code: str
    name: str
    name_en: str = optional()
    department: str
    category: Literal["personal", "enterprise"]
    item_type: str
    themes: list[str]
    legal_basis: list[str] = Field(min_length=1)
    conditions: list[str] = Field(min_length=1)
    materials: list[Material] = Field(min_length=1)
    process: list[ProcessStep] = Field(min_length=1)
    promised_days: int = Field(ge=0)
    statutory_days: int | None = Field(ge=0)
    fee: str
    fee_basis: str
    place: str
    hours: str
    enquiry_phone: str
    complaint_phone: str
    online_depth: int = Field(ge=1, le=4)
    visits: int = Field(ge=0)
    kiosk_actions: list[Literal["print", "query", "apply", "none"]]
    kiosk_note: str
    guide_url: str = Field(json_schema_extra={"format": "uri"})
    identify: IdentifyRule = optional()


class Catalog(Answer):
    revision: str
    departments: list[Department]
    themes: list[Theme]
    items: list[ServiceItem]


# -- sync: provisioning, records, heartbeat, commands ------------------------------------------

class ProvisionRequest(Strict):
    kiosk_id: str = Field(pattern=r"^[A-Za-z0-9_.-]{1,64}$")
    enrollment_token: str


class ProvisionAnswer(Answer):
    kiosk_id: str = optional()
    credential: str = optional()
    platform_public_key: str = optional()
    heartbeat_s: int = optional()


class Record(Strict):
    key: str = Field(min_length=8, max_length=100)
    kind: str
    created: float = optional()
    payload: Any


class RecordBatch(Strict):
    records: list[Record] = Field(min_length=1, max_length=1000)


class RecordResult(Answer):
    key: str
    status: Literal["applied", "duplicate", "rejected"]
    code: int = optional()
    error: str = optional()


class RecordResults(Answer):
    results: list[RecordResult] = optional()


class OutboxState(Strict):
    depth: int = optional()
    dead: int = optional()
    oldest_age_s: float | None = None
    accepting: bool = optional()
    problem: str | None = None


class DiskState(Strict):
    free_bytes: int = optional()
    total_bytes: int = optional()


class ErrorReport(Strict):
    code: str = optional()
    message: str = optional()
    at: float = optional()


class Heartbeat(Strict):
    kiosk_id: str = optional()
    app_version: str = optional()
    uptime_s: float = optional()
    devices: dict[str, str] = optional()
    paper: dict[str, str] = optional()
    outbox: OutboxState = optional()
    disk: DiskState = optional()
    last_errors: list[ErrorReport] = optional()
    time_nonce: str = optional(description="a fresh value the answer's signed_time repeats")
    security_alerts: list[ErrorReport] = optional(
        description="the recent alerts whose code starts with security_ (a platform certificate "
                    "that did not verify, staff PIN lock-outs), also in last_errors")


class CommandEnvelope(Answer):
    payload: str
    signature: str


class HeartbeatAnswer(Answer):
    interval_s: int = optional()
    server_time: float = optional()
    commands: list[CommandEnvelope] = optional()
    signed_time: CommandEnvelope = optional(
        description="payload {kiosk_id, nonce, server_time} signed with the command key, "
                    "when the heartbeat sent time_nonce")


class CommandAck(Strict):
    id: str
    ok: bool
    result: Any = None


class AckRequest(Strict):
    acks: list[CommandAck]


class AckAnswer(Answer):
    acknowledged: list[str] = optional()


# -- admin (reference platform only) ------------------------------------------------------------

class ReceivedRecord(Answer):
    key: str = optional()
    kind: str = optional()
    kiosk_id: str = optional()
    deliveries: int = optional()
    payload: Any = None


class ReceivedCounts(Answer):
    count: int = optional()
    deliveries: int = optional()
    redeliveries: int = optional()
    by_kind: dict[str, int] = optional()
    records: list[ReceivedRecord] = optional()


class FaultSpec(Strict):
    mode: Literal["none", "status", "slow", "reject_kind", "reset", "drop_result"] = "none"
    target: Literal["records", "heartbeat", "ack", "all"] = "records"
    status: int = Field(default=500, ge=400, le=599)
    retry_after: int = optional()
    delay_s: float = Field(default=5, ge=0, le=120)
    kind: str = optional()
    before_apply: bool = False
    times: int = Field(default=-1, ge=-1)
    after: int = Field(default=0, ge=0)


class EnrollmentAnswer(Answer):
    enrollment_token: str = optional()
    expires_at: float = optional()


class SettingsRequest(Strict):
    interval_s: int = Field(ge=1, le=3600)


class SettingsAnswer(Answer):
    interval_s: int = optional()


COMMAND_NAMES = ("restart_app", "reload_config", "maintenance", "screenshot", "upload_logs",
                 "flush_outbox")


class CommandRequest(Strict):
    kiosk_id: str
    name: str = Field(description="one of " + ", ".join(COMMAND_NAMES)
                      + " (others only with allow_unknown)")
    args: dict[str, Any] = optional()
    # a negative ttl makes a command that has already expired (tests of expiry)
    ttl_s: int = Field(default=600, ge=-86400 * 365, le=86400 * 365)
    allow_unknown: bool = False


class QueuedCommand(Answer):
    id: str = optional()
    expires_at: int = optional()
    envelope: CommandEnvelope = optional()


class CommandState(Answer):
    id: str = optional()
    name: str = optional()
    state: Literal["pending", "acked"] = optional()
    ok: bool | None = None
    result: Any = None
    ack_count: int = optional()


class LastHeartbeat(Answer):
    received_at: float = optional()
    count: int = optional()
    body: dict[str, Any] = optional()


# -- documents ----------------------------------------------------------------------------------

class DocumentQuery(Strict):
    id_number: str = Field(min_length=1, description="18-digit resident ID number")
    name: str = Field(min_length=1)


class DocumentSummary(Answer):
    doc_id: str
    kind: str
    title: str
    issuer: str
    issued_at: str = Field(json_schema_extra={"format": "date"})
    valid_until: str = Field(json_schema_extra={"format": "date"})
    format: Literal["data", "signed-pdf"]
    serial: str


class DocumentList(Answer):
    documents: list[DocumentSummary]


class DocumentIssuer(Answer):
    name: str
    seal_id: str
    seal_url: str


class Document(Answer):
    doc_id: str
    kind: str
    serial: str
    title: str
    format: Literal["data", "signed-pdf"]
    holder: dict[str, Any]
    rows: dict[str, list[dict[str, Any]]]
    issuer: DocumentIssuer
    issued_at: str = Field(json_schema_extra={"format": "date"})
    valid_until: str = Field(json_schema_extra={"format": "date"})
    verify_code: str


class Verification(Answer):
    valid: bool
    serial: str
    kind: str = optional()
    title: str = optional()
    issuer: str = optional()
    issued_at: str = optional("date")
    valid_until: str = optional("date")
    expired: bool = optional()
    holder: str = optional()


# -- persons -----------------------------------------------------------------------------------

class PersonPhotoRequest(Strict):
    id_number: str = Field(pattern=r"^[0-9]{17}[0-9Xx]$",
                           description="GB 11643 citizen identification number")


class PersonPhotoError(Answer):
    error: str = optional()


# -- identity: phone codes and face login --------------------------------------------------------

class PhoneCodeRequest(Strict):
    code: str = Field(min_length=8, max_length=512, description="The text of the phone's QR code")
    request_id: str = Field(pattern=r"^[A-Za-z0-9-]{8,64}$",
                            description="The kiosk's id for this verification; a retry of the same "
                                        "request gets the same answer, a second request is a reuse")


class Person(Answer):
    name: str
    id_number: str
    sex: Literal["1", "2"] = Field(description="GB/T 2261.1: 1 male, 2 female")
    nation: str = Field(description="GB/T 3304 code of the ethnic group (01 Han)")
    birth_date: str = Field(pattern=r"^[0-9]{8}$", description="YYYYMMDD")
    address: str = optional()


class PhoneCodeAnswer(Answer):
    source: Literal["eid", "essc"] = Field(description="eid: the phone's electronic ID; essc: "
                                                       "the electronic social security card")
    person: Person


class IdentityRefusal(Answer):
    error: str
    reason: Literal["malformed", "unknown_code", "code_expired", "code_used", "wrong_kiosk",
                    "not_on_file", "face_login_refused"]


class IssuePhoneCode(Strict):
    id_number: str = Field(pattern=r"^[0-9]{17}[0-9Xx]$")
    source: Literal["eid", "essc"] = "eid"
    ttl_s: int = Field(default=60, ge=1, le=3600)
    kiosk_id: str = optional(description="Bind the code to one kiosk (a code shown to another "
                                         "kiosk is refused as wrong_kiosk)")
    expired: bool = Field(default=False, description="Issue it already expired (tests, demo)")


class IssuedPhoneCode(Answer):
    code: str
    expires_at: float


class FaceLoginRequest(Strict):
    id_number: str = Field(pattern=r"^[0-9]{17}[0-9Xx]$")
    task: str = Field(min_length=1, max_length=64)


class FaceLoginAnswer(Answer):
    person: Person
    photo_jpeg: str = Field(description="The photo on file, JPEG, base64: the kiosk compares the "
                                        "face with it on the device and keeps it for the check only")


# -- citizen sessions (reference_platform.auth) ------------------------------------------------

class CitizenSessionRequest(Strict):
    id_number: str = Field(pattern=r"^[0-9A-Za-z]{6,20}$",
                           description="The identified person's document number (resident ID, "
                                       "residence permit or passport), in the body, never a URL")
    factors: list[Literal["idcard", "ssc", "phone", "face", "face_login"]] = Field(
        min_length=1, description="How the kiosk identified the person: the card or code read, "
                                  "and face when the face was matched to it")


class CitizenSessionAnswer(Answer):
    session: str = Field(description="Send as X-Citizen-Session with personal-data requests")
    expires_at: float = Field(description="Unix time after which the session is refused")
