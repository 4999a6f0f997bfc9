"""The JSON shapes of the hall's queue service (排队叫号) and appointments (预约).

Kept beside the other models' conventions (reference_platform/models.py): request models are
strict, answer models document what routes return. docs/platform-api-queue.yaml names the same
schemas.
"""
from __future__ import annotations

from typing import Literal

from pydantic import Field

from reference_platform.models import Answer, Strict, optional

CATEGORY = r"^[A-Z]$"
ID_NUMBER = r"^[0-9]{17}[0-9Xx]$"
TICKET_ID = r"^[0-9a-f]{32}$"
APPOINTMENT_CODE = r"^Y[0-9A-Z]{11}$"
PRIORITY_GROUPS = ("disability", "military", "pregnant")


class CheckinRule(Answer):
    before_min: int = Field(ge=0, description="check-in opens this long before the slot")
    after_min: int = Field(ge=0, description="and closes this long after the slot starts")


class PriorityRule(Answer):
    age: int = Field(ge=0, description="people this old or older (from the ID card's birth date)")
    groups: list[Literal["disability", "military", "pregnant"]]


class BookingRule(Answer):
    days_ahead: int = Field(ge=0, description="appointments can be made this many days ahead; "
                                              "0 = the hall takes none at the kiosk")
    slot_min: int = Field(ge=1)


class QueueHall(Answer):
    hall_id: str
    name: str
    name_en: str = optional()
    hotline: str
    now: str = Field(json_schema_extra={"format": "date-time"},
                     description="The queue system's clock, in the hall's time zone")
    checkin: CheckinRule
    priority: PriorityRule
    booking: BookingRule


class QueueCategory(Answer):
    code: str = Field(pattern=CATEGORY)
    name: str
    name_en: str = optional()
    windows: list[str]
    departments: list[str] = Field(description="the catalog departments served in this line")
    waiting: int = Field(ge=0, description="tickets waiting now")
    est_wait_min: int = Field(ge=0, description="estimated wait for a new ticket, from recent "
                                                "service times")
    id_required: bool = Field(description="a ticket needs the citizen identified")
    daily_limit: int = Field(ge=0, description="tickets per person per day; 0 = no limit")


class QueueCategories(Answer):
    now: str = Field(json_schema_extra={"format": "date-time"})
    categories: list[QueueCategory]


class TicketRequest(Strict):
    request_key: str = Field(min_length=8, max_length=100,
                             description="one per citizen's commit: the same key gives the same "
                                         "ticket, however often it is sent")
    category: str = Field(pattern=CATEGORY)
    id_number: str = optional(pattern=ID_NUMBER,
                              description="the identified citizen (required where the category "
                                          "says id_required, and for the age priority)")
    priority: Literal["none", "age", "disability", "military", "pregnant"] = "none"


class Ticket(Answer):
    ticket_id: str = Field(pattern=TICKET_ID)
    number: str
    category: str = Field(pattern=CATEGORY)
    category_name: str
    windows: list[str]
    kind: Literal["normal", "priority", "appointment"]
    priority: Literal["none", "age", "disability", "military", "pregnant"]
    status: Literal["waiting", "called", "served", "cancelled"]
    ahead: int = Field(ge=0)
    est_wait_min: int = Field(ge=0)
    issued_at: str = Field(json_schema_extra={"format": "date-time"})
    window: str = optional(description="the window that called it")
    follow_url: str = Field(json_schema_extra={"format": "uri"},
                            description="the page that follows this ticket on a phone")
    replayed: bool = optional(description="true when the request key had already been answered")


class QueueRefusal(Answer):
    error: str = Field(description="the reason as a code: daily_limit_reached, id_required, "
                                   "not_entitled, queue_unavailable, ...")
    limit: int = optional(ge=0)


class AppointmentQuery(Strict):
    id_number: str = Field(pattern=ID_NUMBER)


class Appointment(Answer):
    code: str = Field(pattern=APPOINTMENT_CODE)
    category: str = Field(pattern=CATEGORY)
    category_name: str
    category_name_en: str = optional()
    hall_id: str
    hall_name: str
    start: str = Field(json_schema_extra={"format": "date-time"})
    end: str = Field(json_schema_extra={"format": "date-time"})
    status: Literal["booked", "checked_in", "cancelled"]
    ticket_number: str = optional()


class AppointmentList(Answer):
    now: str = Field(json_schema_extra={"format": "date-time"})
    appointments: list[Appointment]


class CheckinRequest(Strict):
    request_key: str = Field(min_length=8, max_length=100)


class CheckinRefusal(Answer):
    error: Literal["too_early", "too_late", "wrong_day", "other_hall", "cancelled",
                   "already_checked_in", "queue_unavailable"]
    opens_at: str = optional("date-time")
    ticket_number: str = optional()


class Slot(Answer):
    start: str = Field(json_schema_extra={"format": "date-time"})
    end: str = Field(json_schema_extra={"format": "date-time"})
    free: int = Field(ge=0)


class SlotList(Answer):
    category: str = Field(pattern=CATEGORY)
    date: str = Field(json_schema_extra={"format": "date"})
    slots: list[Slot]


class BookingRequest(Strict):
    request_key: str = Field(min_length=8, max_length=100)
    id_number: str = Field(pattern=ID_NUMBER)
    category: str = Field(pattern=CATEGORY)
    start: str = Field(min_length=16, max_length=40, json_schema_extra={"format": "date-time"},
                       description="the start of a free slot, as the slot list gives it")


class CancelAppointment(Strict):
    id_number: str = Field(pattern=ID_NUMBER)


class AdminCall(Strict):
    category: str = Field(pattern=CATEGORY)
    window: str = optional(max_length=8)


class AdminClock(Strict):
    at: str = optional("date-time", description="set the queue clock to this time")
    offset_s: float = optional(ge=-86400 * 400, le=86400 * 400)


class AdminClockAnswer(Answer):
    now: str = Field(json_schema_extra={"format": "date-time"})
    offset_s: float


class AdminQueueSystem(Strict):
    down: bool


class AdminQueueSystemAnswer(Answer):
    down: bool
