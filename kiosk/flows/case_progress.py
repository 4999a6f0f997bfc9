"""Check my case (办件查询): every case of the identified citizen, or one case by the QR code on a
receipt or by its typed number; its timeline, what happens next, "overdue" said plainly,
corrections with what is missing and the deadline, the result and how it is collected; a progress
slip on the receipt printer; the rating offered for a decided case.

Steps: start (choose how) -> list (the person's cases) -> detail (one case) ; or start -> detail by
number or receipt; `problem` holds the code when a lookup failed (offline, not found, not a case
code, expired receipt). Taps are methods that change the step at once (UI thread); the platform
calls are separate methods the screen runs on a worker, each ending in a state to render. A result
a worker brings back after the citizen moved on is dropped.

Policy kept here: the person's view (applicant, tracking number, locker and pick-up code) is shown
only for a case that came from the identified citizen's own list; a case looked up by number or
receipt is public until the citizen identifies and it turns out to be theirs. Case status needs
the platform live: when sync already knows the platform is unreachable the flow says so at once,
without trying; otherwise the client's timeouts bound the wait.
"""
from __future__ import annotations

import datetime as dt
import logging
import threading
from typing import Any, Callable, Protocol

from kiosk.flows.case_codes import CaseCodeError, normalise, read_qr
from kiosk.flows.case_model import Case
from kiosk.flows.case_source import CaseLookupError
from kiosk.flows.evaluation import RatingOffer

log = logging.getLogger(__name__)

OFFLINE = "case_offline"
QUERY_SUBJECT = "办件查询"         # what is rated when no decided case was looked at


class CitizenSession(Protocol):
    identity: Any                      # kiosk.session.Identity | None


class CaseSource(Protocol):
    """kiosk.flows.case_source.PlatformCases."""
    def for_person(self, id_number: str) -> list[Case]: ...
    def by_number(self, case_no: str) -> Case: ...
    def by_receipt(self, code: str) -> Case: ...
    def by_feedback(self, reference: str) -> Case: ...


class ReceiptPrinting(Protocol):
    """printing.receipt_service.ReceiptService."""
    def available(self) -> bool: ...
    def print_receipt(self, kind: str, ref: str, build: Callable[[int, str, str], bytes]) -> dict: ...


class CaseProgress:
    """One citizen's visit to "check my case". `step` is what the screen shows."""

    def __init__(self, source: CaseSource | None, session: CitizenSession,
                 online: Callable[[], bool | None] = lambda: None,
                 receipts: ReceiptPrinting | None = None,
                 today: Callable[[], dt.date] = dt.date.today,
                 takes_applications: Callable[[str], bool] = lambda item_code: False):
        """takes_applications(item_code): whether this kiosk takes applications (and so
        corrections, 补正) for the item; asked on the worker, it may call the platform."""
        self.source, self.session, self._online = source, session, online
        self.receipts, self._today, self._takes = receipts, today, takes_applications
        self._lock = threading.Lock()
        self._generation = 0
        self._reset()

    def _reset(self) -> None:
        self.step = "start"            # start / list / detail
        self.cases: list[Case] = []
        self.listed = False            # the platform answered the person's query
        self.chosen: Case | None = None
        self.problem: str | None = None    # a lookup's failure code
        self.busy = False
        self.slip: str | None = None       # None / printing / printed / the failure code
        self.from_list = False             # detail reached from the person's list (Back returns)
        self._pending: tuple[str, str] | None = None     # ("number"|"receipt", value) to look up
        self._asked = -1                   # the generation work() answers for
        self._correctable: set[str] = set()    # cases whose corrections this kiosk can take

    @property
    def today(self) -> dt.date:
        return self._today()

    @property
    def identified(self) -> bool:
        return self.session.identity is not None

    def _bump(self) -> int:
        with self._lock:
            self._generation += 1
            return self._generation

    def _known_offline(self) -> bool:
        return self.source is None or self._online() is False

    # ---- entering --------------------------------------------------------------------------
    def open(self, code: str | None = None, case_no: str | None = None) -> bool:
        """Start again. With a scanned `code` or a typed `case_no`, look that case up; else the
        identified citizen's list, else the choice of how. True when the screen should now run
        work() on a worker."""
        self._bump()
        self._reset()
        if code is not None:
            return self._lookup(self._scanned(code))
        if case_no is not None:
            try:
                return self._lookup(("number", normalise(case_no)))
            except CaseCodeError as exc:
                self.problem = exc.code
                return False
        if self.identified:
            return self.show_my_cases()
        return False

    def _scanned(self, code: str) -> tuple[str, str] | None:
        try:
            scanned = read_qr(code)
        except CaseCodeError as exc:
            self.problem = exc.code
            return None
        if scanned.feedback:
            return ("feedback", scanned.feedback)
        return ("receipt", scanned.receipt) if scanned.receipt else ("number", scanned.case_no)

    def _lookup(self, pending: tuple[str, str] | None) -> bool:
        if pending is None:
            return False
        if self._known_offline():
            self.problem = OFFLINE
            return False
        self._pending, self.busy, self.problem = pending, True, None
        self._asked = self._generation
        return True

    def show_my_cases(self) -> bool:
        """The identified citizen's own list (True: run work())."""
        self._bump()
        self.step, self.chosen, self.problem, self.slip, self.from_list = "list", None, None, None, False
        if not self.identified:
            self.step = "start"
            return False
        if self._known_offline():
            self.problem = OFFLINE
            return False
        self.cases, self.listed, self.busy, self._pending = [], False, True, None
        self._asked = self._generation
        return True

    # ---- the slow part -----------------------------------------------------------------------
    def work(self) -> None:
        """Worker: the platform call the last tap asked for; ends in a state to render."""
        # the generation of the tap that asked: a tap or a leave since then makes this stale
        generation, pending, identity = self._asked, self._pending, self.session.identity
        try:
            if pending is None:
                cases, found = self.source.for_person(identity.id_number), None
            else:
                kind, value = pending
                if kind == "receipt":
                    found = self.source.by_receipt(value)
                elif kind == "feedback":
                    found = self.source.by_feedback(value)
                else:
                    found = self.source.by_number(value)
                cases = self.source.for_person(identity.id_number) if identity is not None else []
            problem = None
        except CaseLookupError as exc:
            cases, found, problem = [], None, exc.code
        except Exception as exc:         # a bug or an unplanned failure: say so, never hang
            log.warning("case lookup failed: %s", type(exc).__name__)
            cases, found, problem = [], None, "case_lookup_failed"
        correctable = self._correctable_of(cases) if problem is None else set()
        if generation != self._generation:
            return
        self.busy, self.problem, self._correctable = False, problem, correctable
        if problem is not None:
            return
        if found is None:
            # what needs the citizen first; within a rank the platform's order (newest first)
            today = self.today
            self.cases = sorted(cases, key=lambda case: case.attention(today))
            self.listed = True
            return
        # theirs, once identified: the person's view from their own list; else the public one
        own = next((c for c in cases if c.case_no == found.case_no), None)
        self.cases, self.listed = cases, identity is not None
        self.step, self.chosen, self.from_list = "detail", own or found.without_personal(), False
        self._pending = None

    def _correctable_of(self, cases: list[Case]) -> set[str]:
        """Worker: the citizen's own cases owing materials whose item this kiosk takes."""
        out = set()
        for case in cases:
            if case.status != "corrections_requested" or not case.missing:
                continue
            try:
                if self._takes(case.item_code):
                    out.add(case.case_no)
            except Exception as exc:     # the platform's item list unreachable: say where instead
                log.info("whether the kiosk takes %s is unknown: %s", case.item_code,
                         getattr(exc, "code", type(exc).__name__))
        return out

    # ---- taps ----------------------------------------------------------------------------------
    def choose(self, case_no: str) -> None:
        case = next((c for c in self.cases if c.case_no == case_no), None)
        if case is None:
            raise CaseLookupError(f"{case_no!r} is not in the list", "case_not_found")
        self._bump()
        self.step, self.chosen, self.slip, self.from_list = "detail", case, None, True

    def back_to_list(self) -> None:
        self._bump()
        self.step, self.chosen, self.slip, self.busy = "list", None, None, False

    def forget(self) -> None:
        """Leaving the screen: nothing of the citizen's cases stays behind."""
        self._bump()
        self._reset()

    # ---- what a case offers ------------------------------------------------------------------
    @property
    def personal(self) -> bool:
        """Whether the chosen case may be shown with its personal details."""
        return (self.chosen is not None and self.chosen.personal and self.identified
                and any(c.case_no == self.chosen.case_no for c in self.cases))

    @property
    def shown(self) -> Case | None:
        """The chosen case as it may be shown now."""
        if self.chosen is None:
            return None
        return self.chosen if self.personal else self.chosen.without_personal()

    @property
    def corrections_here(self) -> bool:
        """Whether the applicant can hand the missing materials in at this kiosk now (the
        application flow, with only those materials): their own case, identified."""
        return (self.personal and self.chosen.status == "corrections_requested"
                and self.chosen.case_no in self._correctable)

    def correction_params(self) -> dict:
        """The application screen's parameters for handing in this case's corrections."""
        case = self.chosen
        return {"code": case.item_code, "correct": case.case_no, "missing": tuple(case.missing)}

    @property
    def offers_slip(self) -> bool:
        return (self.chosen is not None and self.receipts is not None
                and self.receipts.available() and self.slip != "printing")

    def start_slip(self) -> bool:
        """The citizen pressed "Print a progress slip": True when print_slip() should now run on a
        worker; False when `slip` already says why not."""
        if self.chosen is None:
            return False
        if self.receipts is None or not self.receipts.available():
            self.slip = "receipt_unavailable"
            return False
        self.slip = "printing"
        return True

    def print_slip(self) -> None:
        """Worker: the progress slip (no personal data, whoever asks)."""
        from kiosk.flows.case_slip import progress_slip
        case, today = self.chosen.without_personal(), self.today

        def build(width: int, hall: str, kiosk: str) -> bytes:
            return progress_slip(case, hall, kiosk, today, width=width)
        try:
            self.receipts.print_receipt("case-progress", case.case_no, build)
            outcome = "printed"
        except Exception as exc:          # the receipt printer's coded errors
            outcome = getattr(exc, "code", None) or "receipt_printer"
            log.warning("progress slip not printed: %s (%s)", outcome, type(exc).__name__)
        self.slip = outcome

    @property
    def next_step(self) -> RatingOffer:
        """Finishing the check: the rating is offered (DB2203/T 8-2024 5.1.3), then the session
        ends. A decided case rates its item's service; otherwise the kiosk's own case query is
        rated ("" item, the query named as the subject)."""
        if self.chosen is not None and self.chosen.decided:
            return RatingOffer(self.chosen.item_code, self.chosen.item_name, then="end_session")
        return RatingOffer("", QUERY_SUBJECT, then="end_session")
