"""The platform's cases API (docs/platform-api-cases.yaml) through the kiosk's one platform client
(sync.client.PlatformClient, ctx.platform.client), with every failure turned into one case code.

The ID number goes in a POST body, never a URL; a scanned code is sent only when it has the shape
of a signed receipt (kiosk.flows.case_codes decided that before).
"""
from __future__ import annotations

import logging
from typing import Any, Callable, Protocol
from urllib.parse import quote

from kiosk.errors import KioskError
from kiosk.flows.case_model import Case, CaseDataError, parse_case

log = logging.getLogger(__name__)

# sync.client codes for "no answer came" (the platform is down, slow or unreachable)
_UNAVAILABLE = frozenset({"platform_unreachable", "platform_connection_reset", "platform_timeout",
                          "platform_busy", "platform_server_error", "platform_tls"})


class CaseLookupError(KioskError):
    code = "case_lookup_failed"
    codes = ("case_offline", "case_not_found", "receipt_expired", "not_a_case_code",
             "case_lookup_failed", "case_data_invalid", "feedback_not_arrived")


class PlatformCalls(Protocol):
    """What this source uses of sync.client.PlatformClient. Failures raise `Error`, with a
    snake_case `code` and the HTTP `status` when the platform answered."""
    Error: type[Exception]

    def get_json(self, path: str) -> tuple[int, Any, str | None]: ...
    def post_json(self, path: str, body: Any) -> tuple[int, Any]: ...


def code_for(exc: Exception) -> str:
    """The case code for a platform client error."""
    code, status = getattr(exc, "code", None), getattr(exc, "status", None)
    if code in _UNAVAILABLE:
        return "case_offline"
    if code == "platform_not_found" or status == 404:
        return "case_not_found"
    if status == 410:
        return "receipt_expired"
    return "case_lookup_failed"


class PlatformCases:
    def __init__(self, client: PlatformCalls | Callable[[], PlatformCalls]):
        """client: the platform client, or a function giving it (the screen hands the kiosk's one
        client that way, so a client still to be built is built on the worker, not the UI thread)."""
        self._client = client

    @property
    def client(self) -> PlatformCalls:
        if not hasattr(self._client, "get_json"):
            self._client = self._client()
        return self._client

    def _ask(self, what: str, call, *args, not_found: str = "case_not_found") -> Any:
        try:
            return call(*args)[1]
        except self.client.Error as exc:
            code = code_for(exc)
            code = not_found if code == "case_not_found" else code
            log.info("%s: %s (%s)", what, code, getattr(exc, "code", type(exc).__name__))
            raise CaseLookupError(f"{what}: {getattr(exc, 'code', '')}", code) from None

    @staticmethod
    def _one(answer: Any, what: str) -> Case:
        if not isinstance(answer, dict):
            raise CaseLookupError(f"{what}: not a JSON object", "case_data_invalid")
        try:
            return parse_case(answer.get("case"))
        except CaseDataError as exc:
            raise CaseLookupError(f"{what}: {exc.detail}", "case_data_invalid") from None

    def for_person(self, id_number: str) -> list[Case]:
        """The identified person's cases, newest first (the person's view)."""
        path = "/api/v1/cases/query"
        answer = self._ask(f"POST {path}", self.client.post_json, path, {"id_number": id_number})
        if not isinstance(answer, dict) or not isinstance(answer.get("cases"), list):
            raise CaseLookupError(f"POST {path}: no case list", "case_data_invalid")
        try:
            return [parse_case(item) for item in answer["cases"]]
        except CaseDataError as exc:
            raise CaseLookupError(f"POST {path}: {exc.detail}", "case_data_invalid") from None

    def by_number(self, case_no: str) -> Case:
        """One case by its (normalised) number: the public view."""
        path = f"/api/v1/cases/{quote(case_no, safe='')}"
        return self._one(self._ask(f"GET {path}", self.client.get_json, path), f"GET {path}")

    def by_feedback(self, reference: str) -> Case:
        """The case of a question, complaint or correction by its receipt's reference: the public
        view. 404 while the platform has not received it (the kiosk that took it may still hold
        it in its outbox)."""
        path = "/api/v1/feedback/status"
        ticket = self._ask(f"POST {path}", self.client.post_json, path, {"reference": reference},
                           not_found="feedback_not_arrived")
        case_no = ticket.get("case_no") if isinstance(ticket, dict) else None
        if not isinstance(case_no, str):
            raise CaseLookupError(f"POST {path}: no case named", "case_data_invalid")
        return self.by_number(case_no)

    def by_receipt(self, code: str) -> Case:
        """The case a signed receipt code names: the public view. 404: the platform signed no such
        receipt (forged, or its case is gone); 410: the receipt has expired."""
        path = "/api/v1/cases/receipt"
        answer = self._ask(f"POST {path}", self.client.post_json, path, {"code": code},
                           not_found="not_a_case_code")
        return self._one(answer, f"POST {path}")
