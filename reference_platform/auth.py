"""Who may call what on the reference platform (issue 14): every endpoint of the contract takes the
kiosk's credential, and personal-data endpoints also a citizen session that binds the request to
the identification just made at that kiosk, rate-limited per kiosk.

    kiosk_id: str = Depends(require_kiosk)            # Bearer credential from provisioning
    citizen: CitizenSession = Depends(require_citizen)  # + X-Citizen-Session, rate-limited
    citizen.require_owner(id_number)                   # the body names the identified person

A citizen session is opened by the kiosk right after it identified someone (POST
/api/v1/citizen-sessions, routes_sessions.py) and lasts SESSION_TTL_S; it names the kiosk, a hash
of the ID number and the factors used (card read, face match). A kiosk credential alone - a
stolen one, or a local process on the kiosk - then cannot page through citizens: each person
needs a session, sessions are rate-limited per kiosk, and each is bound to one person.
Public on purpose (no credential): health, the contract, the verification page a printed QR
code opens, and the guide page a phone opens; PUBLIC_OPERATIONS lists them and a test holds
every other operation to a credential.
"""
from __future__ import annotations

import collections
import hashlib
import hmac
import threading
import time
from dataclasses import dataclass

from fastapi import Depends, Request, Security
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials

from reference_platform.routes_sync import authenticate, kiosk_scheme
from reference_platform.web import HttpError

CITIZEN_HEADER = "X-Citizen-Session"
SESSION_TTL_S = 600                       # one visit at the kiosk
SESSION_REQUIRED = "citizen_session_required"
PUBLIC_OPERATIONS = frozenset({"getHealth", "getOpenApi", "verifyDocument", "getGuidePage",
                               "provisionKiosk"})   # provisioning takes its enrollment token
DEFAULT_PERSONAL_PER_MINUTE = 120        # personal-data requests per kiosk per minute
DEFAULT_SESSIONS_PER_MINUTE = 20         # citizen sessions opened per kiosk per minute

citizen_scheme = APIKeyHeader(name=CITIZEN_HEADER, scheme_name="citizenSession",
                              auto_error=False,
                              description="The citizen session the kiosk opened right after "
                                          "identifying the person (POST /api/v1/citizen-sessions)")


def owner_of(id_number: str) -> str:
    """How the platform names a person in its session table: never the number itself."""
    return hashlib.sha256(id_number.strip().upper().encode("utf-8")).hexdigest()


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def require_kiosk(request: Request,
                  credentials: HTTPAuthorizationCredentials | None = Security(kiosk_scheme)) -> str:
    """The kiosk id behind the request's Bearer credential, or 401."""
    return authenticate(request.app.state.store, credentials)


class RateLimit:
    """At most `per_minute` events per key in any 60 s (a sliding window)."""

    def __init__(self, per_minute: int, clock=time.monotonic):
        self.per_minute = per_minute
        self._clock = clock
        self._events: dict[str, collections.deque] = collections.defaultdict(collections.deque)
        self._lock = threading.Lock()

    def take(self, key: str, what: str) -> None:
        now = self._clock()
        with self._lock:
            events = self._events[key]
            while events and now - events[0] > 60:
                events.popleft()
            if len(events) >= self.per_minute:
                retry = max(1, int(60 - (now - events[0])) + 1)
                raise HttpError(429, f"too many {what} from this kiosk; try again later",
                                {"Retry-After": str(retry)})
            events.append(now)


def limits(request: Request) -> tuple[RateLimit, RateLimit]:
    state = request.app.state
    with _limits_lock:
        if not hasattr(state, "personal_limit"):
            state.personal_limit = RateLimit(getattr(state, "personal_per_minute",
                                                     DEFAULT_PERSONAL_PER_MINUTE))
            state.session_limit = RateLimit(getattr(state, "sessions_per_minute",
                                                    DEFAULT_SESSIONS_PER_MINUTE))
    return state.personal_limit, state.session_limit


_limits_lock = threading.Lock()


@dataclass(frozen=True)
class CitizenSession:
    kiosk_id: str
    owner: str                      # owner_of(id_number)
    factors: tuple[str, ...]

    def require_owner(self, id_number: str) -> None:
        """The request is about the person this session identified, or 403."""
        if not hmac.compare_digest(owner_of(id_number), self.owner):
            raise HttpError(403, "this citizen session is for another person")

    def require_owner_hash(self, owner: str) -> None:
        if not hmac.compare_digest(owner, self.owner):
            raise HttpError(403, "this citizen session is for another person")


def require_citizen(request: Request, kiosk_id: str = Depends(require_kiosk),
                    token: str | None = Security(citizen_scheme)) -> CitizenSession:
    """The live citizen session of this kiosk named by X-Citizen-Session, or 401 with
    reason citizen_session_required (the kiosk then opens one and asks again)."""
    personal, _ = limits(request)
    personal.take(kiosk_id, "personal-data requests")
    if not token:
        raise HttpError(401, f"personal data needs the {CITIZEN_HEADER} header",
                        {"WWW-Authenticate": CITIZEN_HEADER}, {"reason": SESSION_REQUIRED})
    row = request.app.state.store.execute(
        "SELECT kiosk_id, owner, factors, expires_at FROM citizen_sessions WHERE token_sha256=?",
        (token_hash(token),)).fetchone()
    if row is None or row["kiosk_id"] != kiosk_id or row["expires_at"] < time.time():
        raise HttpError(401, "unknown or expired citizen session",
                        {"WWW-Authenticate": CITIZEN_HEADER}, {"reason": SESSION_REQUIRED})
    return CitizenSession(kiosk_id, row["owner"], tuple(row["factors"].split(",")))


def citizen_refusals() -> dict:
    """The documented refusals of a personal-data endpoint."""
    from reference_platform.openapi import error
    return {401: error("Missing kiosk credential, or no live citizen session for this kiosk"),
            403: error("The citizen session is for another person"),
            429: error("Too many personal-data requests from this kiosk")}


def kiosk_refusal() -> dict:
    from reference_platform.openapi import error
    return {401: error("Missing or revoked kiosk credential")}
