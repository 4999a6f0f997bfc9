"""The hall's queueing rules the kiosk applies before it asks the queue system: who is offered
the priority line (绿色通道), and whether an appointment can be checked in now. The queue system
applies the same rules again (it is the authority); the kiosk applies them first so the citizen
is told plainly, before any tap, what is possible and what to do instead.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

# the groups a hall may serve in its priority line besides age; declared by the citizen, shown
# on the ticket, checked at the window
GROUPS = ("disability", "military", "pregnant")


def birth_date_of(identity: Any) -> dt.date | None:
    """The birth date the card gave (ID card and social security card both carry it), else the one
    an 18-digit ID number carries (digits 7-14); None when neither says."""
    if identity is None:
        return None
    born = (identity.extra or {}).get("birth_date")
    if isinstance(born, dt.datetime):
        return born.date()
    if isinstance(born, dt.date):
        return born
    if isinstance(born, str) and born:
        try:
            return dt.date.fromisoformat(born if "-" in born else
                                         f"{born[:4]}-{born[4:6]}-{born[6:8]}")
        except ValueError:
            pass
    number = identity.id_number or ""
    if len(number) == 18 and number[6:14].isdigit():
        try:
            return dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
        except ValueError:
            return None
    return None


def age_on(born: dt.date, day: dt.date) -> int:
    """Whole years on `day` (someone born on 29 February turns a year older on 1 March)."""
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def age_priority(identity: Any, today: dt.date, age: int) -> bool:
    """Whether the identified citizen is old enough for the priority line on the hall's today."""
    born = birth_date_of(identity)
    return born is not None and age > 0 and age_on(born, today) >= age


# -- appointment check-in -----------------------------------------------------------------------
OPEN = "open"
TOO_EARLY = "too_early"
TOO_LATE = "too_late"
LATER_DAY = "later_day"          # booked for another day still to come
PAST_DAY = "past_day"            # a day that has gone
OTHER_HALL = "other_hall"
CHECKED_IN = "checked_in"
CANCELLED = "cancelled"


@dataclass(frozen=True)
class CheckinState:
    state: str
    opens_at: dt.datetime | None = None      # when the window opens (too early, later day)
    closes_at: dt.datetime | None = None

    @property
    def allowed(self) -> bool:
        return self.state == OPEN


def checkin_state(appointment: Any, now: dt.datetime, hall_id: str, before_min: int,
                  after_min: int) -> CheckinState:
    """Whether `appointment` (kiosk.flows.queue_system.Appointment) can be checked in at `now`
    (the queue system's clock): from before_min before its start to after_min after it, on its
    own day, in this hall."""
    opens = appointment.start - dt.timedelta(minutes=before_min)
    closes = appointment.start + dt.timedelta(minutes=after_min)
    if appointment.status == "cancelled":
        return CheckinState(CANCELLED)
    if appointment.status == "checked_in":
        return CheckinState(CHECKED_IN)
    if appointment.hall_id != hall_id:
        return CheckinState(OTHER_HALL)
    day, today = appointment.start.astimezone(now.tzinfo).date(), now.date()
    if day > today:
        return CheckinState(LATER_DAY, opens, closes)
    if day < today:
        return CheckinState(PAST_DAY)
    if now < opens:
        return CheckinState(TOO_EARLY, opens, closes)
    if now > closes:
        return CheckinState(TOO_LATE, opens, closes)
    return CheckinState(OPEN, opens, closes)
