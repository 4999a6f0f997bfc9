"""HTTP core of the reference platform: a router, request/response types and the threaded server.

Endpoints live in routes_*.py modules beside this one; each has
    SCHEMA_SQL: str            (tables it needs, created at start)
    register(router, store)    (adds its routes)
and optionally seed(store) to fill demo data into an empty database.
"""
from __future__ import annotations

import importlib
import json
import logging
import pkgutil
import re
import sqlite3
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Callable
from urllib.parse import parse_qs, urlsplit

log = logging.getLogger(__name__)


@dataclass
class Request:
    method: str
    path: str
    params: dict[str, str]
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        try:
            return json.loads(self.body or b"null")
        except ValueError:
            raise HttpError(400, "body is not valid JSON") from None


@dataclass
class Response:
    status: int = 200
    body: Any = None          # dict/list -> JSON; bytes/str -> as is
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str = "application/json; charset=utf-8"


class HttpError(Exception):
    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


Handler = Callable[[Request], Response | dict | list]


class Router:
    def __init__(self) -> None:
        self._routes: list[tuple[str, re.Pattern[str], Handler]] = []

    def add(self, method: str, pattern: str, handler: Handler) -> None:
        regex = re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", pattern)
        self._routes.append((method.upper(), re.compile(f"^{regex}$"), handler))

    def route(self, method: str, pattern: str) -> Callable[[Handler], Handler]:
        def deco(fn: Handler) -> Handler:
            self.add(method, pattern, fn)
            return fn
        return deco

    def dispatch(self, request: Request) -> Response:
        path_matched = False
        for method, regex, handler in self._routes:
            m = regex.match(request.path)
            if not m:
                continue
            path_matched = True
            if method != request.method:
                continue
            request.params = m.groupdict()
            result = handler(request)
            return result if isinstance(result, Response) else Response(body=result)
        raise HttpError(405 if path_matched else 404,
                        "method not allowed" if path_matched else "not found")


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
    pkg = importlib.import_module("sync.reference_platform")
    for info in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda m: m.name):
        if info.name.startswith("routes_"):
            yield importlib.import_module(f"sync.reference_platform.{info.name}")


def build(store: Store, seed: bool = True) -> Router:
    router = Router()
    modules = list(route_modules())
    for module in modules:
        store.conn().executescript(module.SCHEMA_SQL)
    for module in modules:
        module.register(router, store)
    if seed:
        for module in modules:
            if hasattr(module, "seed"):
                module.seed(store)
    return router


def _make_handler(router: Router):
    class RequestHandler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "KioskReferencePlatform/1"
        # headers and body go out in two writes: without this each answer waits ~40 ms for the
        # client's delayed ACK
        disable_nagle_algorithm = True

        def _handle(self) -> None:
            if getattr(self.server, "stopping", False):
                # a stopped platform must look down to kept-alive client connections too
                self.close_connection = True
                return
            parts = urlsplit(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            request = Request(method=self.command, path=parts.path, params={},
                              query={k: v[-1] for k, v in parse_qs(parts.query).items()},
                              headers={k.lower(): v for k, v in self.headers.items()}, body=body)
            try:
                response = router.dispatch(request)
            except HttpError as exc:
                response = Response(exc.status, {"error": exc.message}, exc.headers)
            except Exception:
                log.exception("reference platform: %s %s failed", self.command, parts.path)
                response = Response(500, {"error": "internal error"})
            self._send(response)

        def _send(self, response: Response) -> None:
            payload = response.body
            content_type = response.content_type
            if isinstance(payload, (dict, list)) or payload is None and response.status != 304:
                payload = json.dumps(payload, ensure_ascii=False).encode("utf-8")
            elif isinstance(payload, str):
                payload = payload.encode("utf-8")
            payload = payload or b""
            self.send_response(response.status)
            if response.status != 304:
                self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(payload)))
            for key, value in response.headers.items():
                self.send_header(key, value)
            self.end_headers()
            if self.command != "HEAD" and response.status != 304:
                self.wfile.write(payload)

        do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _handle

        def log_message(self, fmt: str, *args: Any) -> None:
            log.debug("reference platform: " + fmt, *args)

    return RequestHandler


class PlatformServer:
    """The reference platform on 127.0.0.1; start() runs it in a background thread."""

    def __init__(self, db_path: str | Path, host: str = "127.0.0.1", port: int = 0,
                 seed: bool = True):
        self.store = Store(db_path)
        self.router = build(self.store, seed=seed)
        self.httpd = ThreadingHTTPServer((host, port), _make_handler(self.router))
        self.httpd.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return self.httpd.server_address[1]

    @property
    def url(self) -> str:
        host = self.httpd.server_address[0]
        return f"http://{host}:{self.port}"

    def start(self) -> "PlatformServer":
        self._thread = threading.Thread(target=self.httpd.serve_forever, name="reference-platform",
                                        daemon=True)
        self._thread.start()
        return self

    def serve_forever(self) -> None:
        self.httpd.serve_forever()

    def stop(self) -> None:
        if getattr(self.httpd, "stopping", False):
            return
        self.httpd.stopping = True
        self.httpd.shutdown()
        self.httpd.server_close()
        if self._thread:
            self._thread.join(timeout=5)
