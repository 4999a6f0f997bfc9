"""The hall's queue system as the queue and appointment flows see it: typed answers and coded
refusals over the kiosk's one platform client (sync.client.PlatformClient; the contract is
docs/platform-api-queue.yaml).

The queue system is the hall's, not the kiosk's: every number comes from it, and when it cannot
be reached the code is `queue_unavailable` (the flows then issue nothing). A refusal the queue
system gives (daily limit, identification needed, check-in too early, ...) keeps its own word as
the code, prefixed so a code says what it is about (queue_daily_limit_reached,
checkin_too_early). ID numbers go in bodies, never in URLs.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Protocol

from kiosk.errors import KioskError

UNAVAILABLE = "queue_unavailable"
# what the queue system may refuse, as the flows name it
ISSUE_REFUSALS = ("id_required", "daily_limit_reached", "not_entitled")
CHECKIN_REFUSALS = ("too_early", "too_late", "wrong_day", "other_hall", "cancelled",
                    "already_checked_in")
BOOKING_REFUSALS = ("no_such_slot", "slot_full", "already_booked")


class QueueError(KioskError):
    """The queue system said no, or could not be asked. `extra` carries what the refusal named
    (opens_at for a check-in that is too early, the number of one already checked in)."""
    code = UNAVAILABLE
    codes = (UNAVAILABLE, "queue_rejected", "appointment_not_found", "ticket_not_found",
             *(f"queue_{c}" for c in ISSUE_REFUSALS), *(f"checkin_{c}" for c in CHECKIN_REFUSALS),
             *(f"booking_{c}" for c in BOOKING_REFUSALS))

    def __init__(self, code: str, detail: str = "", extra: dict[str, Any] | None = None):
        super().__init__(detail or code, code)
        self.extra = extra or {}


class _Response(Protocol):
    status_code: int

    def json(self) -> Any: ...


class Client(Protocol):
    """sync.client.PlatformClient as this module uses it: raw sends, its own status policy."""
    Error: type[Exception]

    def send(self, method: str, path: str, **kwargs: Any) -> _Response: ...


def parse_time(text: str) -> dt.datetime:
    """An ISO 8601 time as the queue system gives it (with the hall's UTC offset)."""
    return dt.datetime.fromisoformat(text)


@dataclass(frozen=True)
class HallRules:
    hall_id: str
    name: str
    hotline: str
    now: dt.datetime                # the queue system's clock, in the hall's time zone
    checkin_before_min: int
    checkin_after_min: int
    priority_age: int
    priority_groups: tuple[str, ...]
    booking_days: int
    name_en: str = ""

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "HallRules":
        return cls(data["hall_id"], data["name"], data["hotline"], parse_time(data["now"]),
                   int(data["checkin"]["before_min"]), int(data["checkin"]["after_min"]),
                   int(data["priority"]["age"]), tuple(data["priority"]["groups"]),
                   int(data["booking"]["days_ahead"]), data.get("name_en", ""))


@dataclass(frozen=True)
class Category:
    code: str
    name: str
    name_en: str
    windows: tuple[str, ...]
    departments: tuple[str, ...]
    waiting: int
    est_wait_min: int
    id_required: bool
    daily_limit: int

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Category":
        return cls(data["code"], data["name"], data.get("name_en", ""), tuple(data["windows"]),
                   tuple(data.get("departments", ())), int(data["waiting"]),
                   int(data["est_wait_min"]), bool(data["id_required"]),
                   int(data["daily_limit"]))


@dataclass(frozen=True)
class Ticket:
    ticket_id: str
    number: str
    category: str
    category_name: str
    windows: tuple[str, ...]
    kind: str                       # normal / priority / appointment
    priority: str
    status: str                     # waiting / called / served / cancelled
    ahead: int
    est_wait_min: int
    issued_at: dt.datetime
    follow_url: str
    window: str = ""
    replayed: bool = False

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Ticket":
        return cls(data["ticket_id"], data["number"], data["category"], data["category_name"],
                   tuple(data["windows"]), data["kind"], data["priority"], data["status"],
                   int(data["ahead"]), int(data["est_wait_min"]), parse_time(data["issued_at"]),
                   data["follow_url"], data.get("window", ""), bool(data.get("replayed")))


@dataclass(frozen=True)
class Appointment:
    code: str
    category: str
    category_name: str
    hall_id: str
    hall_name: str
    start: dt.datetime
    end: dt.datetime
    status: str                     # booked / checked_in / cancelled
    ticket_number: str = ""
    category_name_en: str = ""

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Appointment":
        return cls(data["code"], data["category"], data["category_name"], data["hall_id"],
                   data["hall_name"], parse_time(data["start"]), parse_time(data["end"]),
                   data["status"], data.get("ticket_number", ""),
                   data.get("category_name_en", ""))


@dataclass(frozen=True)
class Slot:
    start: dt.datetime
    end: dt.datetime
    free: int


@dataclass
class QueueSystem:
    """The queue endpoints of the platform, through the one client."""
    client: Client

    def hall(self) -> HallRules:
        return HallRules.from_json(self._call("GET", "/api/v1/queue/hall"))

    def categories(self) -> tuple[dt.datetime, list[Category]]:
        data = self._call("GET", "/api/v1/queue/categories")
        return parse_time(data["now"]), [Category.from_json(c) for c in data["categories"]]

    def issue(self, request_key: str, category: str, id_number: str | None = None,
              priority: str = "none") -> Ticket:
        body: dict[str, Any] = {"request_key": request_key, "category": category,
                                "priority": priority}
        if id_number:
            body["id_number"] = id_number
        return Ticket.from_json(self._call("POST", "/api/v1/queue/tickets", body,
                                           refusal_prefix="queue_"))

    def ticket(self, ticket_id: str) -> Ticket:
        return Ticket.from_json(self._call("GET", f"/api/v1/queue/tickets/{ticket_id}",
                                           not_found="ticket_not_found"))

    def cancel(self, ticket_id: str) -> Ticket:
        return Ticket.from_json(self._call("POST", f"/api/v1/queue/tickets/{ticket_id}/cancel",
                                           not_found="ticket_not_found"))

    def appointments(self, id_number: str) -> tuple[dt.datetime, list[Appointment]]:
        data = self._call("POST", "/api/v1/queue/appointments/query", {"id_number": id_number})
        return parse_time(data["now"]), [Appointment.from_json(a) for a in data["appointments"]]

    def appointment(self, code: str) -> Appointment:
        return Appointment.from_json(self._call("GET", f"/api/v1/queue/appointments/{code}",
                                                not_found="appointment_not_found"))

    def check_in(self, code: str, request_key: str) -> Ticket:
        return Ticket.from_json(self._call("POST", f"/api/v1/queue/appointments/{code}/checkin",
                                           {"request_key": request_key},
                                           refusal_prefix="checkin_",
                                           not_found="appointment_not_found"))

    def slots(self, category: str, day: dt.date) -> list[Slot]:
        data = self._call("GET", "/api/v1/queue/slots",
                          params={"category": category, "date": day.isoformat()})
        return [Slot(parse_time(s["start"]), parse_time(s["end"]), int(s["free"]))
                for s in data["slots"]]

    def book(self, request_key: str, id_number: str, category: str,
             start: dt.datetime) -> Appointment:
        body = {"request_key": request_key, "id_number": id_number, "category": category,
                "start": start.isoformat()}
        return Appointment.from_json(self._call("POST", "/api/v1/queue/appointments", body,
                                                refusal_prefix="booking_"))

    def cancel_appointment(self, code: str, id_number: str) -> Appointment:
        return Appointment.from_json(self._call(
            "POST", f"/api/v1/queue/appointments/{code}/cancel", {"id_number": id_number},
            not_found="appointment_not_found"))

    # -- one status policy for every call -------------------------------------------------------
    def _call(self, method: str, path: str, body: Any = None, *, params: dict | None = None,
              refusal_prefix: str = "", not_found: str = "queue_rejected") -> dict[str, Any]:
        kwargs: dict[str, Any] = {}
        if body is not None:
            kwargs["json"] = body
        if params is not None:
            kwargs["params"] = params
        where = re.sub(r"/[0-9a-fA-F]{32}|/Y[0-9A-Z]{11}", "/…", path)   # no ids in logs
        try:
            response = self.client.send(method, path, **kwargs)
        except self.client.Error as exc:
            raise QueueError(UNAVAILABLE, f"{method} {where}: {getattr(exc, 'code', exc)}") \
                from None
        status = response.status_code
        try:
            data = response.json()
        except ValueError:
            raise QueueError(UNAVAILABLE, f"{method} {where}: HTTP {status}, not JSON") from None
        if status == 200 and isinstance(data, dict):
            return data
        word = str(data.get("error", "")) if isinstance(data, dict) else ""
        if status >= 500 or status in (401, 408, 429):
            # the queue system (or the platform in front of it) cannot serve the kiosk now
            raise QueueError(UNAVAILABLE, f"{method} {where}: HTTP {status} {word}".rstrip())
        if status == 404:
            raise QueueError(not_found, f"{method} {where}: HTTP 404")
        code = f"{refusal_prefix}{word}" if refusal_prefix else ""
        if code in QueueError.codes:
            extra = {k: v for k, v in data.items() if k != "error"}
            raise QueueError(code, f"{method} {where}: {word}", extra)
        raise QueueError("queue_rejected", f"{method} {where}: HTTP {status} {word}".rstrip())
