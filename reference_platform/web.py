"""What every route shares: errors as {"error": ...}, JSON bodies read and checked one way, the
admin credential, and the request limits (body size, time to send a body).

Routes raise HttpError for every refusal; nothing a client sends can make a route answer 500
(tests/reference_platform/test_api_properties.py holds that with generated requests).
"""
from __future__ import annotations

import asyncio
import hmac
import json
import socket
import struct
from typing import Any, TypeVar
from urllib.parse import urlsplit

from fastapi import Request, Security
from fastapi.security import APIKeyHeader
from pydantic import BaseModel, ValidationError
from starlette.responses import JSONResponse

ADMIN_HEADER = "X-Admin-Token"
MAX_BODY_BYTES = 16 * 1024 * 1024       # a full 1,000-record batch is far below this
BODY_TIMEOUT_S = 30.0                   # a client that stops sending mid-body is dropped

M = TypeVar("M", bound=BaseModel)


class HttpError(Exception):
    """A refusal: {"error": message} plus `extra` members (e.g. a machine-readable reason)."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None,
                 extra: dict[str, Any] | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}
        self.extra = extra or {}


class JsonAnswer(JSONResponse):
    """JSON the way the platform has always written it (UTF-8, not ASCII-escaped)."""
    media_type = "application/json; charset=utf-8"

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False).encode("utf-8")


def error_answer(status: int, message: str, headers: dict[str, str] | None = None,
                 extra: dict[str, Any] | None = None) -> JsonAnswer:
    return JsonAnswer({**(extra or {}), "error": message}, status_code=status, headers=headers)


async def raw_body(request: Request) -> bytes:
    """The request body, read under the limits of LimitsMiddleware."""
    return await request.body()


def json_value(raw: bytes) -> Any:
    try:
        value = json.loads(raw or b"null")
        # "\ud800" is valid JSON but no text: it could be neither stored nor answered
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except (ValueError, UnicodeError):
        raise HttpError(400, "body is not valid JSON (UTF-8 text)") from None
    return value


def json_object(raw: bytes) -> dict[str, Any]:
    body = json_value(raw)
    if not isinstance(body, dict):
        raise HttpError(400, "body must be a JSON object")
    return body


def checked(body: Any, model: type[M], status: int = 422) -> M:
    """body validated strictly against model; a mismatch is `status` naming the first problem."""
    try:
        return model.model_validate(body, strict=True)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "body"
        raise HttpError(status, f"{where}: {first['msg']}") from None


def parse_body(raw: bytes, model: type[M], status: int = 422) -> M:
    return checked(json_object(raw), model, status)


# -- the admin credential --------------------------------------------------------------------------

admin_scheme = APIKeyHeader(name=ADMIN_HEADER, scheme_name="adminToken", auto_error=False,
                            description="The reference platform's admin token, made at start and "
                                        "held by its PlatformServer (demo and tests only)")


def require_admin(request: Request, token: str | None = Security(admin_scheme)) -> None:
    expected: str = request.app.state.admin_token
    if not token or not hmac.compare_digest(token.encode("utf-8"), expected.encode("utf-8")):
        raise HttpError(401, f"admin endpoints need the {ADMIN_HEADER} header",
                        {"WWW-Authenticate": ADMIN_HEADER})


# -- request limits -------------------------------------------------------------------------------

class LimitsMiddleware:
    """413 for a body over max_body_bytes (by Content-Length up front, or while it streams in),
    408 when a body stalls for body_timeout_s. Pure ASGI, outside FastAPI, so an oversized body is
    refused before anything reads it."""

    def __init__(self, app, max_body_bytes: int = MAX_BODY_BYTES,
                 body_timeout_s: float = BODY_TIMEOUT_S):
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.body_timeout_s = body_timeout_s

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None:
            if not declared.strip().isdigit():
                await error_answer(400, "Content-Length is not a number",
                                   {"Connection": "close"})(scope, receive, send)
                return
            if int(declared) > self.max_body_bytes:
                await error_answer(413, f"body larger than {self.max_body_bytes} bytes",
                                   {"Connection": "close"})(scope, receive, send)
                return
        received = 0
        complete = False

        async def limited_receive():
            nonlocal received, complete
            if complete:
                return await receive()
            try:
                message = await asyncio.wait_for(receive(), self.body_timeout_s)
            except asyncio.TimeoutError:
                raise HttpError(408, f"no body data for {self.body_timeout_s:g} s") from None
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                complete = not message.get("more_body", False)
                if received > self.max_body_bytes:
                    raise HttpError(413, f"body larger than {self.max_body_bytes} bytes",
                                    {"Connection": "close"})
            return message

        await self.app(scope, limited_receive, send)


# -- connection resets (fault injection) ----------------------------------------------------------

SCOPE_RESET = "reference_platform.reset_connection"


class ResetConnection(Exception):
    """Raised by a route to end its connection with a TCP reset instead of an answer (the `reset`
    fault mode): the client sees ECONNRESET, as when an extranet firewall drops the connection."""


class ConnectionResets:
    """The outermost ASGI layer: puts into each request's scope a function that resets that
    request's own connection. Only the server's own send knows the connection, so it is found
    here, before any middleware wraps send."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http":
            transport = getattr(getattr(send, "__self__", None), "transport", None)
            scope[SCOPE_RESET] = lambda: _reset(transport)
        await self.app(scope, receive, send)


def _reset(transport) -> None:
    if transport is None:
        raise RuntimeError("this server gives no access to its connections: cannot reset one")
    sock = transport.get_extra_info("socket")
    if sock is not None:
        # linger 0: close with RST, not FIN, so the client cannot take it for a clean end
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    transport.abort()


class AbsoluteFormTargets:
    """A request line may name the whole URL ("POST http://host/api/v1/records HTTP/1.1", what a
    client sends through a forward proxy that relays it as is); RFC 9112 says a server accepts
    that form. uvicorn passes it on as the path, so the path is cut out of it here."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http" and scope.get("path", "").startswith(("http://", "https://")):
            path = urlsplit(scope["path"]).path or "/"
            scope = {**scope, "path": path, "raw_path": path.encode("utf-8")}
        await self.app(scope, receive, send)
