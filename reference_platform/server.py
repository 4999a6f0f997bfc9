"""The reference platform: a FastAPI application served by uvicorn in a background thread.

Endpoints live in routes_*.py modules beside this one; each has
    SCHEMA_SQL: str            (tables it needs, created at start)
    register(router, store)    (adds its routes to a Router, a FastAPI APIRouter)
and optionally seed(store) to fill demo data into an empty database.

PlatformServer(db_path).start() listens on 127.0.0.1 and a free port (url, port); stop() ends
it. Admin and fault-injection endpoints need the random admin token the server makes at start
(admin_token; its `admin` helper sends it).
"""
from __future__ import annotations

import importlib
import logging
import pkgutil
import secrets
import socket
import sqlite3
import ssl
import threading
import time
from pathlib import Path
from typing import Any

import uvicorn
from fastapi import APIRouter, FastAPI
from fastapi.datastructures import DefaultPlaceholder
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from reference_platform.routes_sync import (DEMO_ENROLLMENT_TOKEN, remove_demo_enrollment,
                                            seed_demo_enrollment)
from reference_platform.web import (ADMIN_HEADER, BODY_TIMEOUT_S, MAX_BODY_BYTES, SCOPE_RESET,
                                    AbsoluteFormTargets, ConnectionResets, HttpError, JsonAnswer,
                                    LimitsMiddleware, ResetConnection, error_answer)

log = logging.getLogger(__name__)

SERVER_HEADER = "KioskReferencePlatform/2"


class Router(APIRouter):
    """An APIRouter whose routes can also be listed as (method, compiled path, endpoint)."""

    def __init__(self, **kw: Any) -> None:
        kw.setdefault("default_response_class", JsonAnswer)
        super().__init__(**kw)

    def add_api_route(self, path: str, endpoint: Any, **kw: Any) -> None:
        # routes document their answers in responses=...; a return annotation is never a
        # response model that would filter or re-validate what they return
        if isinstance(kw.get("response_model"), DefaultPlaceholder) or "response_model" not in kw:
            kw["response_model"] = None
        super().add_api_route(path, endpoint, **kw)

    @property
    def _routes(self) -> list[tuple[str, Any, Any]]:
        return [(method, route.path_regex, route.endpoint) for route in self.routes
                for method in sorted(getattr(route, "methods", ()) or ())]


class Store:
    """The platform's SQLite database; one connection per thread."""

    def __init__(self, path: str | Path):
        self.path = str(path)
        self._local = threading.local()
        self.lock = threading.RLock()  # serialises writers that need read-modify-write

    def conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, timeout=30, isolation_level=None,
                                   check_same_thread=False)
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("PRAGMA foreign_keys=ON")
            self._local.conn = conn
        return conn

    def execute(self, sql: str, params: Any = ()) -> sqlite3.Cursor:
        return self.conn().execute(sql, params)


def route_modules():
    pkg = importlib.import_module("reference_platform")
    for info in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda m: m.name):
        if info.name.startswith("routes_"):
            yield importlib.import_module(f"reference_platform.{info.name}")


def build(store: Store, seed: bool = True, admin_token: str | None = None) -> FastAPI:
    """The application over `store`: every route module's tables, routes and (with seed) demo
    data. The served /openapi.yaml is generated from these routes (routes_meta)."""
    from reference_platform.openapi import INFO
    app = FastAPI(openapi_url=None, docs_url=None, redoc_url=None, **INFO)
    app.state.admin_token = admin_token or secrets.token_urlsafe(32)
    app.state.store = store
    _error_handlers(app)
    modules = list(route_modules())
    for module in modules:
        store.conn().executescript(module.SCHEMA_SQL)
    router = Router()
    for module in modules:
        module.register(router, store)
    app.include_router(router)
    if seed:
        for module in modules:
            if hasattr(module, "seed"):
                module.seed(store)
    return app


def _error_handlers(app: FastAPI) -> None:
    """Every refusal is {"error": ...} with its status; nothing else ever becomes a 500."""

    @app.exception_handler(HttpError)
    async def http_error(request, exc: HttpError):
        return error_answer(exc.status, exc.message, exc.headers, exc.extra)

    @app.exception_handler(ResetConnection)
    async def reset_connection(request, exc: ResetConnection):
        request.scope[SCOPE_RESET]()
        return error_answer(500, "connection reset")    # dropped: the connection is gone

    @app.exception_handler(StarletteHTTPException)
    async def routing_error(request, exc: StarletteHTTPException):
        message = {404: "not found", 405: "method not allowed"}.get(exc.status_code,
                                                                    str(exc.detail))
        return error_answer(exc.status_code, message, dict(exc.headers or {}))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request, exc: RequestValidationError):
        first = exc.errors()[0] if exc.errors() else {"loc": (), "msg": "invalid request"}
        where = ".".join(str(part) for part in first.get("loc", ())) or "request"
        return error_answer(400, f"{where}: {first.get('msg')}")

    @app.exception_handler(Exception)
    async def internal_error(request, exc: Exception):
        log.error("reference platform: %s %s failed", request.method, request.url.path,
                  exc_info=exc)
        return error_answer(500, "internal error")


class Listener:
    """The bound, listening socket before uvicorn takes it over. A test may replace `socket` with
    an ssl-wrapped one (TLS tests); start() hands uvicorn the plain socket and that context."""

    class RequestHandlerClass:
        # asyncio sets TCP_NODELAY on every connection; kept so callers that set it still work
        disable_nagle_algorithm = True

    def __init__(self, host: str, port: int):
        self.socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            self.socket.bind((host, port))
            self.socket.listen(128)
        except OSError:
            self.socket.close()
            raise
        self.server_address = self.socket.getsockname()[:2]

    def plain_socket_and_tls(self) -> tuple[socket.socket, ssl.SSLContext | None]:
        sock = self.socket
        if isinstance(sock, ssl.SSLSocket):
            context = sock.context
            plain = socket.socket(sock.family, sock.type, sock.proto, fileno=sock.detach())
            return plain, context
        return sock, None

    def server_close(self) -> None:
        self.socket.close()


class PlatformServer:
    """The reference platform on 127.0.0.1; start() runs it in a background thread."""

    demo_enrollment_token = DEMO_ENROLLMENT_TOKEN   # reusable, seeded for the demo kiosk

    def __init__(self, db_path: str | Path, host: str = "127.0.0.1", port: int = 0,
                 seed: bool = True, admin_token: str | None = None,
                 max_body_bytes: int = MAX_BODY_BYTES, body_timeout_s: float = BODY_TIMEOUT_S,
                 demo_enrollment: bool = True):
        """demo_enrollment: the reusable DEMO-ENROLL-0001 token works (the embedded demo and
        tests); `kiosk platform serve` runs with False and the token is removed."""
        self.store = Store(db_path)
        self.app = build(self.store, seed=seed, admin_token=admin_token)
        self.admin_token: str = self.app.state.admin_token
        if demo_enrollment:
            seed_demo_enrollment(self.store)
        else:
            remove_demo_enrollment(self.store)
        self.asgi = ConnectionResets(AbsoluteFormTargets(LimitsMiddleware(
            self.app, max_body_bytes, body_timeout_s)))
        self.httpd = Listener(host, port)
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._stopped = False
        self._kiosks: dict[str, dict[str, str]] = {}

    @property
    def port(self) -> int:
        return self.httpd.server_address[1]

    @property
    def url(self) -> str:
        return f"http://{self.httpd.server_address[0]}:{self.port}"

    @property
    def admin_headers(self) -> dict[str, str]:
        return {ADMIN_HEADER: self.admin_token}

    @property
    def admin(self):
        """Admin and fault-injection calls with this server's token (reference_platform.admin)."""
        from reference_platform.admin import AdminClient
        return AdminClient(self.url, self.admin_token)

    def kiosk_headers(self, kiosk_id: str = "KIOSK-TEST-0001") -> dict[str, str]:
        """The Authorization header of a kiosk enrolled now (with a fresh single-use token),
        for tests and demo tools that call the platform without the kiosk's client."""
        if kiosk_id not in self._kiosks:
            token = self.admin.enrollment_token()
            answer = self.admin.post("/api/v1/kiosks/provision", {
                "kiosk_id": kiosk_id, "enrollment_token": token}, {})
            answer.raise_for_status()
            self._kiosks[kiosk_id] = {"Authorization": "Bearer " + answer.json()["credential"]}
        return dict(self._kiosks[kiosk_id])

    @property
    def signing_public_key(self) -> str:
        """The command-signing public key (base64), as a province hands it to installers out
        of band for `kiosk provision --expect-key`."""
        from reference_platform.routes_sync import _signing_key, public_key_b64
        return public_key_b64(_signing_key(self.store))

    def kiosk_credential(self, kiosk_id: str = "KIOSK-TEST-0001"):
        """kiosk_headers() as a credential for sync.client.PlatformClient(credential=...)."""
        headers = self.kiosk_headers(kiosk_id)
        return type("TestCredential", (), {"auth_header": lambda _self: dict(headers)})()

    def citizen_headers(self, id_number: str, factors: tuple[str, ...] = ("idcard",),
                        kiosk_id: str = "KIOSK-TEST-0001") -> dict[str, str]:
        """kiosk_headers() plus a citizen session for id_number (personal-data endpoints)."""
        headers = self.kiosk_headers(kiosk_id)
        answer = self.admin.post("/api/v1/citizen-sessions",
                                 {"id_number": id_number, "factors": list(factors)}, headers)
        answer.raise_for_status()
        return {**headers, "X-Citizen-Session": answer.json()["session"]}

    def start(self) -> "PlatformServer":
        """Serve in a background thread; returns once the platform answers on its port."""
        sock, tls = self.httpd.plain_socket_and_tls()
        config = uvicorn.Config(
            self.asgi, lifespan="off", log_level="warning", access_log=False,
            server_header=False, date_header=True, headers=[("server", SERVER_HEADER)],
            # an idle kept-alive connection is closed after 75 s (longer than the default 60 s
            # heartbeat, so a kiosk never races the close); a stop waits at most 1 s for answers
            # in flight; past 200 open requests new ones are refused with 503
            timeout_keep_alive=75, timeout_graceful_shutdown=1, limit_concurrency=200,
            h11_max_incomplete_event_size=64 * 1024)
        config.load()
        config.ssl = tls       # the context a caller wrapped the socket in (TLS tests)
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, kwargs={"sockets": [sock]},
                                        name="reference-platform", daemon=True)
        self._thread.start()
        while not self._server.started and self._thread.is_alive():
            time.sleep(0.005)
        if not self._server.started:
            raise RuntimeError("the reference platform did not start (see the log)")
        return self

    def serve_forever(self) -> None:
        """Serve until KeyboardInterrupt (the caller maps SIGTERM to it), then stop."""
        if self._thread is None:
            self.start()
        try:
            while self._thread.is_alive():
                self._thread.join(0.5)
        finally:
            self.stop()

    def stop(self) -> None:
        if self._stopped:
            return
        self._stopped = True
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=5)
        self.httpd.server_close()
