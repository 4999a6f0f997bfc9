"""The hall's queue system (排队叫号) and appointments (预约), as a kiosk reaches them.

The queue system is the hall's, not the kiosk's: it issues every number (a kiosk never makes one
up), counts who is waiting, estimates the wait from recent service times, and judges appointment
check-ins by the hall's window. One hall is served (data/queue.json: the hall of the fictitious
示范市, seven business lines, the hall's rules); each day starts with the people the hall's other
machines already let in, so categories have people waiting.

Rules kept here, as a real queue system keeps them:
  - a ticket request carries a request key: the same key gives the same ticket however often it
    arrives (a kiosk that lost the answer asks again and never gets a second number);
  - a category may need the citizen identified and limit tickets per person per day (counted by
    a hash of the ID number, which is never stored);
  - the age priority (绿色通道) is checked against the birth date in the ID number; the other
    groups (disability card, military, pregnant) are declared and checked at the window;
  - order: appointments first, then the priority line, then everyone else, each by time issued;
  - check-in is allowed from checkin.before_min before the slot to checkin.after_min after it.

Demo data: every well-formed ID number of the fictitious 99xxxx regions has appointments made on
its first query of a day (data/queue.json demo_appointments: one due now, one later today, one
missed, one at another hall). Admin endpoints (tests and demo) call the next number, move the queue
system's clock and take the queue system down.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import threading
import time
import uuid
from pathlib import Path
from typing import Any

from fastapi import Depends, Path as PathParam, Query, Security
from fastapi.security import HTTPAuthorizationCredentials

from reference_platform import queue_models as m
from reference_platform.openapi import body, error
from reference_platform.routes_sync import authenticate, kiosk_scheme
from reference_platform.web import HttpError, checked, json_value, parse_body, raw_body, \
    require_admin

SCHEMA_SQL = """
CREATE TABLE IF NOT EXISTS queue_tickets (
    ticket_id TEXT PRIMARY KEY,
    request_key TEXT UNIQUE,        -- NULL for the tickets the hall's other machines issued
    day TEXT NOT NULL,              -- the hall's local date
    category TEXT NOT NULL,
    kind TEXT NOT NULL,             -- normal / priority / appointment
    seq INTEGER NOT NULL,
    number TEXT NOT NULL,
    priority TEXT NOT NULL,
    owner TEXT NOT NULL,            -- sha256 of the ID number, '' when not identified
    kiosk_id TEXT NOT NULL,
    issued_at REAL NOT NULL,
    status TEXT NOT NULL,           -- waiting / called / served / cancelled
    window TEXT,
    called_at REAL
);
CREATE INDEX IF NOT EXISTS queue_tickets_day ON queue_tickets(day, category, status);
CREATE TABLE IF NOT EXISTS queue_days (day TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS queue_service_times (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    category TEXT NOT NULL,
    minutes REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS queue_appointments (
    code TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    category TEXT NOT NULL,
    hall_id TEXT NOT NULL,
    start REAL NOT NULL,
    end REAL NOT NULL,
    status TEXT NOT NULL,           -- booked / checked_in / cancelled
    request_key TEXT UNIQUE,
    ticket_id TEXT
);
CREATE INDEX IF NOT EXISTS queue_appointments_owner ON queue_appointments(owner);
CREATE TABLE IF NOT EXISTS queue_demo_days (owner TEXT, day TEXT, PRIMARY KEY (owner, day));
CREATE TABLE IF NOT EXISTS queue_state (name TEXT PRIMARY KEY, value TEXT NOT NULL);
"""

DATA = json.loads((Path(__file__).with_name("data") / "queue.json").read_text("utf-8"))
HALL: dict[str, Any] = DATA["hall"]
CATEGORIES: dict[str, dict[str, Any]] = {c["code"]: c for c in DATA["categories"]}
TZ = dt.timezone(dt.timedelta(minutes=HALL["utc_offset_min"]))
KIND_RANK = {"appointment": 0, "priority": 1, "normal": 2}     # who is called first
KIND_MARK = {"normal": "", "priority": "V", "appointment": "Y"}  # A017, AV003, AY002


def _sha(text: str) -> str:
    return hashlib.sha256(text.upper().encode("utf-8")).hexdigest()


def birth_date(id_number: str) -> dt.date | None:
    """The birth date an 18-digit ID number carries (digits 7-14), None when it carries none."""
    try:
        return dt.date(int(id_number[6:10]), int(id_number[10:12]), int(id_number[12:14]))
    except (ValueError, IndexError):
        return None


def age_on(born: dt.date, day: dt.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


class QueueClock:
    """The queue system's clock: real time plus an offset the admin endpoint sets (tests and the
    walkthrough move time instead of waiting for it)."""

    def __init__(self, store):
        self.store = store

    @property
    def offset_s(self) -> float:
        row = self.store.execute("SELECT value FROM queue_state WHERE name='offset_s'").fetchone()
        return float(row[0]) if row else 0.0

    def set_offset(self, offset_s: float) -> None:
        self.store.execute("INSERT INTO queue_state(name, value) VALUES ('offset_s', ?) "
                           "ON CONFLICT(name) DO UPDATE SET value=excluded.value",
                           (repr(float(offset_s)),))

    def ts(self) -> float:
        return time.time() + self.offset_s

    def now(self) -> dt.datetime:
        return dt.datetime.fromtimestamp(self.ts(), TZ)


def iso(ts: float) -> str:
    return dt.datetime.fromtimestamp(ts, TZ).isoformat(timespec="seconds")


def parse_time(text: str) -> float | None:
    try:
        value = dt.datetime.fromisoformat(text)
        if value.tzinfo is None:
            value = value.replace(tzinfo=TZ)
        ts = value.timestamp()
        dt.datetime.fromtimestamp(ts, TZ)          # the hall's clock can show it
    except (TypeError, ValueError, OverflowError, OSError):
        return None
    return ts


class Queue:
    """The queue system's state over the platform's database."""

    def __init__(self, store):
        self.store = store
        self.clock = QueueClock(store)
        self.lock = threading.RLock()

    # -- state -------------------------------------------------------------------------------
    @property
    def down(self) -> bool:
        row = self.store.execute("SELECT value FROM queue_state WHERE name='down'").fetchone()
        return bool(row and row[0] == "1")

    def set_down(self, down: bool) -> None:
        self.store.execute("INSERT INTO queue_state(name, value) VALUES ('down', ?) "
                           "ON CONFLICT(name) DO UPDATE SET value=excluded.value",
                           ("1" if down else "0",))

    def check_up(self) -> None:
        if self.down:
            raise HttpError(503, "queue_unavailable", {"Retry-After": "60"})

    def today(self) -> str:
        return self.clock.now().date().isoformat()

    def ensure_day(self, day: str) -> None:
        """A new day begins with the people the hall's other machines already let in."""
        with self.lock:
            if self.store.execute("SELECT 1 FROM queue_days WHERE day=?", (day,)).fetchone():
                return
            self.store.execute("INSERT INTO queue_days(day) VALUES (?)", (day,))
            start = self.clock.ts() - 3600
            for code, category in CATEGORIES.items():
                for n in range(category["waiting"]):
                    self._insert(day, code, "normal", "none", "", "hall", None,
                                 start + n * 60)
                if not self.store.execute("SELECT 1 FROM queue_service_times WHERE category=?",
                                          (code,)).fetchone():
                    self.store.execute("INSERT INTO queue_service_times(category, minutes) "
                                       "VALUES (?, ?)", (code, category["service_min"]))

    def _insert(self, day: str, category: str, kind: str, priority: str, owner: str,
                kiosk_id: str, request_key: str | None, issued_at: float) -> str:
        seq = 1 + self.store.execute(
            "SELECT coalesce(max(seq), 0) FROM queue_tickets WHERE day=? AND category=? AND kind=?",
            (day, category, kind)).fetchone()[0]
        ticket_id = uuid.uuid4().hex
        number = f"{category}{KIND_MARK[kind]}{seq:03d}"
        self.store.execute(
            "INSERT INTO queue_tickets(ticket_id, request_key, day, category, kind, seq, number, "
            "priority, owner, kiosk_id, issued_at, status) VALUES (?,?,?,?,?,?,?,?,?,?,?,"
            "'waiting')", (ticket_id, request_key, day, category, kind, seq, number, priority,
                           owner, kiosk_id, issued_at))
        return ticket_id

    # -- counting ----------------------------------------------------------------------------
    def service_min(self, category: str) -> float:
        rows = self.store.execute("SELECT minutes FROM queue_service_times WHERE category=? "
                                  "ORDER BY seq DESC LIMIT 20", (category,)).fetchall()
        if not rows:
            return CATEGORIES[category]["service_min"]
        return sum(r[0] for r in rows) / len(rows)

    def estimate(self, category: str, ahead: int) -> int:
        """Minutes until a ticket with `ahead` people before it is called."""
        windows = max(1, len(CATEGORIES[category]["windows"]))
        return int(math.ceil(ahead * self.service_min(category) / windows))

    def waiting(self, day: str, category: str) -> int:
        return self.store.execute("SELECT count(*) FROM queue_tickets WHERE day=? AND category=? "
                                  "AND status='waiting'", (day, category)).fetchone()[0]

    def ahead_of(self, row) -> int:
        if row["status"] != "waiting":
            return 0
        rank = KIND_RANK[row["kind"]]
        waiting = self.store.execute(
            "SELECT kind, issued_at, ticket_id FROM queue_tickets WHERE day=? AND category=? AND "
            "status='waiting'", (row["day"], row["category"])).fetchall()
        return sum(1 for w in waiting if w["ticket_id"] != row["ticket_id"] and
                   (KIND_RANK[w["kind"]], w["issued_at"]) < (rank, row["issued_at"]))

    def categories(self) -> dict[str, Any]:
        day = self.today()
        self.ensure_day(day)
        out = []
        for code, c in CATEGORIES.items():
            waiting = self.waiting(day, code)
            out.append({"code": code, "name": c["name"], "name_en": c["name_en"],
                        "windows": list(c["windows"]), "departments": list(c["departments"]),
                        "waiting": waiting, "est_wait_min": self.estimate(code, waiting),
                        "id_required": c["id_required"], "daily_limit": c["daily_limit"]})
        return {"now": self.clock.now().isoformat(timespec="seconds"), "categories": out}

    def ticket(self, ticket_id: str, replayed: bool | None = None) -> dict[str, Any]:
        row = self.store.execute("SELECT * FROM queue_tickets WHERE ticket_id=?",
                                 (ticket_id,)).fetchone()
        if row is None:
            raise HttpError(404, "no such ticket")
        ahead = self.ahead_of(row)
        out = {"ticket_id": row["ticket_id"], "number": row["number"],
               "category": row["category"], "category_name": CATEGORIES[row["category"]]["name"],
               "windows": list(CATEGORIES[row["category"]]["windows"]), "kind": row["kind"],
               "priority": row["priority"], "status": row["status"], "ahead": ahead,
               "est_wait_min": self.estimate(row["category"], ahead) if row["status"] == "waiting"
               else 0, "issued_at": iso(row["issued_at"]),
               "follow_url": HALL["follow_url"] + row["ticket_id"]}
        if row["window"]:
            out["window"] = row["window"]
        if replayed is not None:
            out["replayed"] = replayed
        return out

    # -- issuing -----------------------------------------------------------------------------
    def issue(self, kiosk_id: str, request: m.TicketRequest) -> dict[str, Any]:
        if request.category not in CATEGORIES:
            raise HttpError(404, "no such category")
        category = CATEGORIES[request.category]
        with self.lock:
            known = self.store.execute("SELECT ticket_id, kiosk_id FROM queue_tickets WHERE "
                                       "request_key=?", (request.request_key,)).fetchone()
            if known is not None:
                if known["kiosk_id"] != kiosk_id:
                    raise HttpError(409, "request_key_reused")
                return self.ticket(known["ticket_id"], replayed=True)
            day = self.today()
            self.ensure_day(day)
            owner = _sha(request.id_number) if request.id_number else ""
            if category["id_required"] and not owner:
                raise HttpError(409, "id_required")
            if request.priority == "age":
                born = birth_date(request.id_number or "")
                if born is None or age_on(born, self.clock.now().date()) < HALL["priority"]["age"]:
                    raise HttpError(403, "not_entitled")
            elif request.priority != "none" and request.priority not in HALL["priority"]["groups"]:
                raise HttpError(403, "not_entitled")
            limit = category["daily_limit"]
            if limit and owner:
                taken = self.store.execute(
                    "SELECT count(*) FROM queue_tickets WHERE day=? AND category=? AND owner=? "
                    "AND status != 'cancelled' AND kind != 'appointment'",
                    (day, request.category, owner)).fetchone()[0]
                if taken >= limit:
                    raise HttpError(409, "daily_limit_reached")
            kind = "normal" if request.priority == "none" else "priority"
            ticket_id = self._insert(day, request.category, kind, request.priority, owner,
                                     kiosk_id, request.request_key, self.clock.ts())
            return self.ticket(ticket_id, replayed=False)

    def cancel(self, kiosk_id: str, ticket_id: str) -> dict[str, Any]:
        with self.lock:
            row = self.store.execute("SELECT kiosk_id, status FROM queue_tickets WHERE "
                                     "ticket_id=?", (ticket_id,)).fetchone()
            if row is None or row["kiosk_id"] != kiosk_id:
                raise HttpError(404, "no such ticket issued by this kiosk")
            if row["status"] in ("called", "served"):
                raise HttpError(409, "already_called")
            self.store.execute("UPDATE queue_tickets SET status='cancelled' WHERE ticket_id=?",
                               (ticket_id,))
            return self.ticket(ticket_id)

    def call_next(self, category: str, window: str | None) -> dict[str, Any]:
        with self.lock:
            day = self.today()
            self.ensure_day(day)
            waiting = self.store.execute(
                "SELECT * FROM queue_tickets WHERE day=? AND category=? AND status='waiting'",
                (day, category)).fetchall()
            if not waiting:
                raise HttpError(409, "nobody_waiting")
            row = min(waiting, key=lambda w: (KIND_RANK[w["kind"]], w["issued_at"]))
            now = self.clock.ts()
            self.store.execute("UPDATE queue_tickets SET status='served', called_at=? WHERE day=? "
                               "AND category=? AND status='called'", (now, day, category))
            self.store.execute("UPDATE queue_tickets SET status='called', window=?, called_at=? "
                               "WHERE ticket_id=?", (window or CATEGORIES[category]["windows"][0],
                                                     now, row["ticket_id"]))
            self.store.execute("INSERT INTO queue_service_times(category, minutes) VALUES (?, ?)",
                               (category, CATEGORIES[category]["service_min"]))
            return self.ticket(row["ticket_id"])

    # -- appointments ------------------------------------------------------------------------
    def appointment(self, row) -> dict[str, Any]:
        hall_name = HALL["name"] if row["hall_id"] == HALL["hall_id"] else \
            DATA["other_halls"].get(row["hall_id"], row["hall_id"])
        out = {"code": row["code"], "category": row["category"],
               "category_name": CATEGORIES[row["category"]]["name"],
               "category_name_en": CATEGORIES[row["category"]]["name_en"],
               "hall_id": row["hall_id"],
               "hall_name": hall_name, "start": iso(row["start"]), "end": iso(row["end"]),
               "status": row["status"]}
        if row["ticket_id"]:
            ticket = self.store.execute("SELECT number FROM queue_tickets WHERE ticket_id=?",
                                        (row["ticket_id"],)).fetchone()
            if ticket:
                out["ticket_number"] = ticket["number"]
        return out

    def _demo_appointments(self, owner: str, id_number: str) -> None:
        """A synthetic person's appointments of the day, made on their first query of it."""
        if not id_number.startswith("99"):
            return
        day = self.today()
        with self.lock:
            if self.store.execute("SELECT 1 FROM queue_demo_days WHERE owner=? AND day=?",
                                  (owner, day)).fetchone():
                return
            self.store.execute("INSERT INTO queue_demo_days(owner, day) VALUES (?, ?)",
                               (owner, day))
            base = math.floor(self.clock.ts() / 300) * 300      # on a five-minute mark
            slot = HALL["booking"]["slot_min"] * 60
            for demo in DATA["demo_appointments"]:
                start = base + demo["start_in_min"] * 60
                self.store.execute(
                    "INSERT INTO queue_appointments(code, owner, category, hall_id, start, end, "
                    "status) VALUES (?,?,?,?,?,?,'booked')",
                    (self._code(), owner, demo["category"], demo.get("hall_id", HALL["hall_id"]),
                     start, start + slot))

    @staticmethod
    def _code() -> str:
        return "Y" + uuid.uuid4().hex[:11].upper()

    def appointments(self, id_number: str) -> dict[str, Any]:
        owner = _sha(id_number)
        self._demo_appointments(owner, id_number)
        start_of_day = dt.datetime.combine(self.clock.now().date(), dt.time(0), TZ).timestamp()
        rows = self.store.execute("SELECT * FROM queue_appointments WHERE owner=? AND end >= ? "
                                  "ORDER BY start", (owner, start_of_day)).fetchall()
        return {"now": self.clock.now().isoformat(timespec="seconds"),
                "appointments": [self.appointment(r) for r in rows]}

    def find(self, code: str):
        row = self.store.execute("SELECT * FROM queue_appointments WHERE code=?",
                                 (code,)).fetchone()
        if row is None:
            raise HttpError(404, "no such appointment")
        return row

    def check_in(self, kiosk_id: str, code: str, request_key: str) -> dict[str, Any]:
        with self.lock:
            row = self.find(code)
            if row["request_key"] == request_key and row["ticket_id"]:
                return self.ticket(row["ticket_id"], replayed=True)
            refusal = self.checkin_refusal(row)
            if refusal is not None:
                raise CheckinRefused(refusal)
            day = self.today()
            self.ensure_day(day)
            ticket_id = self._insert(day, row["category"], "appointment", "none", row["owner"],
                                     kiosk_id, request_key, self.clock.ts())
            self.store.execute("UPDATE queue_appointments SET status='checked_in', ticket_id=?, "
                               "request_key=? WHERE code=?", (ticket_id, request_key, code))
            return self.ticket(ticket_id, replayed=False)

    def checkin_refusal(self, row) -> dict[str, Any] | None:
        """Why this appointment cannot be checked in now, None when it can."""
        if row["status"] == "cancelled":
            return {"error": "cancelled"}
        if row["status"] == "checked_in":
            answer = self.appointment(row)
            return {"error": "already_checked_in", "ticket_number": answer.get("ticket_number", "")}
        if row["hall_id"] != HALL["hall_id"]:
            return {"error": "other_hall"}
        now = self.clock.ts()
        start = row["start"]
        if dt.datetime.fromtimestamp(start, TZ).date() != self.clock.now().date():
            return {"error": "wrong_day"}
        opens = start - HALL["checkin"]["before_min"] * 60
        closes = start + HALL["checkin"]["after_min"] * 60
        if now < opens:
            return {"error": "too_early", "opens_at": iso(opens)}
        if now > closes:
            return {"error": "too_late"}
        return None

    def slots(self, category: str, day: dt.date) -> dict[str, Any]:
        rule = HALL["booking"]
        today = self.clock.now().date()
        out: list[dict[str, Any]] = []
        if today < day <= today + dt.timedelta(days=rule["days_ahead"]) \
                and day.isoweekday() in rule["weekdays"]:
            for begin, finish in rule["sessions"]:
                t = dt.datetime.combine(day, dt.time.fromisoformat(begin), TZ)
                end = dt.datetime.combine(day, dt.time.fromisoformat(finish), TZ)
                while t + dt.timedelta(minutes=rule["slot_min"]) <= end:
                    start = t.timestamp()
                    booked = self.store.execute(
                        "SELECT count(*) FROM queue_appointments WHERE category=? AND start=? "
                        "AND status != 'cancelled'", (category, start)).fetchone()[0]
                    out.append({"start": iso(start),
                                "end": iso(start + rule["slot_min"] * 60),
                                "free": max(0, rule["capacity"] - booked)})
                    t += dt.timedelta(minutes=rule["slot_min"])
        return {"category": category, "date": day.isoformat(), "slots": out}

    def book(self, request: m.BookingRequest) -> dict[str, Any]:
        if request.category not in CATEGORIES:
            raise HttpError(404, "no such category")
        start = parse_time(request.start)
        if start is None:
            raise HttpError(422, "start: not a date-time")
        owner = _sha(request.id_number)
        with self.lock:
            known = self.store.execute("SELECT * FROM queue_appointments WHERE request_key=?",
                                       (request.request_key,)).fetchone()
            if known is not None:
                if known["owner"] != owner:
                    raise HttpError(409, "request_key_reused")
                return self.appointment(known)
            day = dt.datetime.fromtimestamp(start, TZ).date()
            slot = next((s for s in self.slots(request.category, day)["slots"]
                         if parse_time(s["start"]) == start), None)
            if slot is None:
                raise HttpError(409, "no_such_slot")
            if slot["free"] <= 0:
                raise HttpError(409, "slot_full")
            if self.store.execute("SELECT 1 FROM queue_appointments WHERE owner=? AND category=? "
                                  "AND status='booked' AND start >= ?",
                                  (owner, request.category, self.clock.ts())).fetchone():
                raise HttpError(409, "already_booked")
            code = self._code()
            self.store.execute(
                "INSERT INTO queue_appointments(code, owner, category, hall_id, start, end, "
                "status, request_key) VALUES (?,?,?,?,?,?,'booked',?)",
                (code, owner, request.category, HALL["hall_id"], start,
                 start + HALL["booking"]["slot_min"] * 60, request.request_key))
            return self.appointment(self.find(code))

    def cancel_appointment(self, code: str, id_number: str) -> dict[str, Any]:
        with self.lock:
            row = self.find(code)
            if row["owner"] != _sha(id_number):
                raise HttpError(404, "no such appointment for this person")
            if row["status"] == "checked_in":
                raise HttpError(409, "already_checked_in")
            self.store.execute("UPDATE queue_appointments SET status='cancelled' WHERE code=?",
                               (code,))
            return self.appointment(self.find(code))

    def hall(self) -> dict[str, Any]:
        return {"hall_id": HALL["hall_id"], "name": HALL["name"], "name_en": HALL["name_en"],
                "hotline": HALL["hotline"],
                "now": self.clock.now().isoformat(timespec="seconds"),
                "checkin": dict(HALL["checkin"]),
                "priority": {"age": HALL["priority"]["age"],
                             "groups": list(HALL["priority"]["groups"])},
                "booking": {"days_ahead": HALL["booking"]["days_ahead"],
                            "slot_min": HALL["booking"]["slot_min"]}}


class CheckinRefused(HttpError):
    def __init__(self, refusal: dict[str, Any]):
        super().__init__(409, refusal["error"])
        self.refusal = refusal


def _answers(description: str, model, **refusals) -> dict:
    out: dict = {200: {"model": model, "description": description}}
    for status, text in refusals.items():
        model_of = text if isinstance(text, tuple) else (text, None)
        out[int(status.lstrip("_"))] = error(*model_of)
    return out


def register(router, store) -> None:
    queue = Queue(store)

    def kiosk(credentials: HTTPAuthorizationCredentials | None = Security(kiosk_scheme)) -> str:
        return authenticate(store, credentials)

    def up(kiosk_id: str = Depends(kiosk)) -> str:
        queue.check_up()
        return kiosk_id

    tags = ["queue"]
    refused = "Missing or revoked kiosk credential"
    down = ("The queue system is unreachable (the hall's, not the platform's): no number can be "
            "issued", m.QueueRefusal)
    too_large = "Body larger than the platform accepts"
    ticket_id = PathParam(pattern=m.TICKET_ID)
    code_param = PathParam(pattern=m.APPOINTMENT_CODE)

    @router.get("/api/v1/queue/hall", tags=tags, operation_id="getQueueHall",
                summary="The hall's queue rules: check-in window, priority line, booking",
                responses=_answers("The hall and its rules", m.QueueHall, _401=refused, _503=down))
    def hall(_kiosk: str = Depends(up)) -> dict:
        return queue.hall()

    @router.get("/api/v1/queue/categories", tags=tags, operation_id="getQueueCategories",
                summary="The hall's business lines with people waiting and the estimated wait",
                responses=_answers("Every line, in the hall's order", m.QueueCategories,
                                   _401=refused, _503=down))
    def categories(_kiosk: str = Depends(up)) -> dict:
        return queue.categories()

    @router.post("/api/v1/queue/tickets", tags=tags, operation_id="issueTicket",
                 summary="Issue a number (idempotent per request key)",
                 openapi_extra=body(m.TicketRequest),
                 responses=_answers(
                     "The ticket (replayed = true when the key had been answered before)",
                     m.Ticket, _400="Body is not a JSON object", _401=refused,
                     _403=("Priority asked for but not entitled (age below the hall's rule, a "
                           "group the hall does not serve)", m.QueueRefusal),
                     _404="No such category",
                     _409=("id_required, daily_limit_reached or request_key_reused",
                           m.QueueRefusal),
                     _413=too_large, _422="A member is missing or has the wrong type",
                     _503=down))
    def issue(kiosk_id: str = Depends(up), raw: bytes = Depends(raw_body)) -> dict:
        return queue.issue(kiosk_id, parse_body(raw, m.TicketRequest))

    @router.get("/api/v1/queue/tickets/{ticket_id}", tags=tags, operation_id="getTicket",
                summary="A ticket's state now: people ahead, estimated wait, called at which "
                        "window",
                responses=_answers("The ticket", m.Ticket, _400="ticket_id malformed", _401=refused,
                                   _404="No such ticket",
                                   _503=down))
    def ticket(ticket_id: str = ticket_id, _kiosk: str = Depends(up)) -> dict:
        return queue.ticket(ticket_id)

    @router.post("/api/v1/queue/tickets/{ticket_id}/cancel", tags=tags,
                 operation_id="cancelTicket",
                 summary="Cancel a ticket this kiosk issued (it could not be printed)",
                 responses=_answers("The cancelled ticket", m.Ticket, _400="ticket_id malformed",
                                    _401=refused,
                                    _404="No such ticket issued by this kiosk",
                                    _409="The ticket was already called", _503=down))
    def cancel(ticket_id: str = ticket_id, kiosk_id: str = Depends(up)) -> dict:
        return queue.cancel(kiosk_id, ticket_id)

    @router.post("/api/v1/queue/appointments/query", tags=tags,
                 operation_id="queryAppointments",
                 summary="An identified person's appointments from today on",
                 openapi_extra=body(m.AppointmentQuery),
                 responses=_answers("Appointments by start time, with the queue system's clock",
                                    m.AppointmentList, _400="Body is not a JSON object",
                                    _401=refused, _413=too_large,
                                    _422="id_number missing or malformed", _503=down))
    def query(_kiosk: str = Depends(up), raw: bytes = Depends(raw_body)) -> dict:
        return queue.appointments(parse_body(raw, m.AppointmentQuery).id_number)

    @router.get("/api/v1/queue/appointments/{code}", tags=tags, operation_id="getAppointment",
                summary="One appointment by the code its QR carries",
                responses=_answers("The appointment", m.Appointment, _400="code malformed",
                                   _401=refused,
                                   _404="No such appointment", _503=down))
    def appointment(code: str = code_param, _kiosk: str = Depends(up)) -> dict:
        return queue.appointment(queue.find(code))

    @router.post("/api/v1/queue/appointments/{code}/checkin", tags=tags,
                 operation_id="checkInAppointment",
                 summary="Check in: a number in the appointment line, inside the hall's window",
                 openapi_extra=body(m.CheckinRequest),
                 responses=_answers("The ticket of the appointment", m.Ticket,
                                    _400="Body is not a JSON object", _401=refused,
                                    _404="No such appointment",
                                    _409=("Not now: too_early (with opens_at), too_late, "
                                          "wrong_day, other_hall, cancelled, already_checked_in",
                                          m.CheckinRefusal),
                                    _413=too_large, _422="request_key missing or malformed",
                                    _503=down))
    def check_in(code: str = code_param, kiosk_id: str = Depends(up),
                 raw: bytes = Depends(raw_body)):
        request = parse_body(raw, m.CheckinRequest)
        try:
            return queue.check_in(kiosk_id, code, request.request_key)
        except CheckinRefused as refusal:
            from reference_platform.web import JsonAnswer
            return JsonAnswer(refusal.refusal, status_code=409)

    @router.get("/api/v1/queue/slots", tags=tags, operation_id="getSlots",
                summary="Appointment slots of a line on a day, with free places",
                responses=_answers("The slots (none on a day the hall takes no bookings)",
                                   m.SlotList, _400="category or date malformed", _401=refused,
                                   _404="No such category", _503=down))
    def slots(category: str = Query(pattern=m.CATEGORY),
              date: dt.date = Query(description="the hall's local date"),
              _kiosk: str = Depends(up)) -> dict:
        if category not in CATEGORIES:
            raise HttpError(404, "no such category")
        return queue.slots(category, date)

    @router.post("/api/v1/queue/appointments", tags=tags, operation_id="bookAppointment",
                 summary="Book a free slot (idempotent per request key)",
                 openapi_extra=body(m.BookingRequest),
                 responses=_answers("The appointment, with the code for its QR", m.Appointment,
                                    _400="Body is not a JSON object", _401=refused,
                                    _404="No such category",
                                    _409=("no_such_slot, slot_full, already_booked or "
                                          "request_key_reused", m.QueueRefusal),
                                    _413=too_large, _422="A member is missing or malformed",
                                    _503=down))
    def book(_kiosk: str = Depends(up), raw: bytes = Depends(raw_body)) -> dict:
        return queue.book(parse_body(raw, m.BookingRequest))

    @router.post("/api/v1/queue/appointments/{code}/cancel", tags=tags,
                 operation_id="cancelAppointment",
                 summary="Cancel one's own appointment",
                 openapi_extra=body(m.CancelAppointment),
                 responses=_answers("The cancelled appointment", m.Appointment,
                                    _400="Body is not a JSON object", _401=refused,
                                    _404="No such appointment for this person",
                                    _409="Already checked in", _413=too_large,
                                    _422="id_number missing or malformed", _503=down))
    def cancel_appointment(code: str = code_param, _kiosk: str = Depends(up),
                           raw: bytes = Depends(raw_body)) -> dict:
        return queue.cancel_appointment(code, parse_body(raw, m.CancelAppointment).id_number)

    # -- admin: tests and the demo ------------------------------------------------------------
    admin = {"tags": ["admin"], "dependencies": [Depends(require_admin)]}
    no_admin = "Missing or wrong admin token"

    @router.post("/api/v1/admin/queue/call", operation_id="adminQueueCall",
                 summary="(reference platform) A window calls the next number of a line",
                 openapi_extra=body(m.AdminCall),
                 responses=_answers("The ticket called", m.Ticket,
                                    _400="Body malformed", _401=no_admin, _404="No such category",
                                    _409="Nobody is waiting", _413=too_large), **admin)
    def call(raw: bytes = Depends(raw_body)) -> dict:
        request = parse_body(raw, m.AdminCall, status=400)
        if request.category not in CATEGORIES:
            raise HttpError(404, "no such category")
        return queue.call_next(request.category, request.window)

    @router.post("/api/v1/admin/queue/clock", operation_id="adminQueueClock",
                 summary="(reference platform) Move the queue system's clock",
                 openapi_extra=body(m.AdminClock),
                 responses=_answers("The clock now", m.AdminClockAnswer, _400="Body malformed",
                                    _401=no_admin, _413=too_large), **admin)
    def clock(raw: bytes = Depends(raw_body)) -> dict:
        request = checked(json_value(raw) or {}, m.AdminClock, status=400)
        if request.at is not None:
            target = parse_time(request.at)
            if target is None:
                raise HttpError(400, "at: not a date-time")
            queue.clock.set_offset(target - time.time())
        elif request.offset_s is not None:
            queue.clock.set_offset(request.offset_s)
        return {"now": queue.clock.now().isoformat(timespec="seconds"),
                "offset_s": queue.clock.offset_s}

    @router.post("/api/v1/admin/queue/system", operation_id="adminQueueSystem",
                 summary="(reference platform) Take the hall's queue system down or up",
                 openapi_extra=body(m.AdminQueueSystem),
                 responses=_answers("The state now", m.AdminQueueSystemAnswer,
                                    _400="Body malformed", _401=no_admin, _413=too_large),
                 **admin)
    def system(raw: bytes = Depends(raw_body)) -> dict:
        queue.set_down(parse_body(raw, m.AdminQueueSystem, status=400).down)
        return {"down": queue.down}
