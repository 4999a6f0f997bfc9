"""The platform client: the kiosk's one requests.Session, and the only module that imports requests.

Every platform call of the product goes through one PlatformClient (catalog, documents, seals,
photos, records, heartbeat, commands, provisioning): one Session with the CA bundle, the client
certificate, the kiosk credential, the proxy and the timeouts from ClientSettings, nothing from
the environment (no HTTP_PROXY, no REQUESTS_CA_BUNDLE, no .netrc). The kiosk builds the settings
from config.toml (kiosk.platform_settings); sync knows nothing of the app config.

Failures are classified here and nowhere else (classify_exception, classify_status), into one set
of snake_case codes (platform_unreachable, platform_timeout, platform_tls, ...):
  - send() returns the raw response for any HTTP status and raises PlatformUnavailable when no
    answer came (callers with their own status policy: delivery, provisioning);
  - call(), get_json(), post_json(), get_bytes() also raise for an HTTP error status:
    PlatformUnavailable (cannot reach it, timeout, TLS, busy, 5xx, an answer that is not JSON:
    worth retrying later) or PlatformError (a 4xx: the platform said no).
Callers that may not import sync (printing) catch `client.Error` (as DB-API connections expose
their exception classes), so the client is all they need.
One client is shared by every thread that talks to the platform (catalog refresh, delivery,
heartbeat, the UI's workers): the session is configured once, calls never change it, and it keeps
no cookies.
No retries here: who retries, and how, is the caller's policy (sync.delivery.RetryPolicy).
"""
from __future__ import annotations

import logging
import os
import ssl
import threading
from dataclasses import dataclass
from http.cookiejar import DefaultCookiePolicy
from typing import Any, Callable
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter

from sync.errors import SyncError

log = logging.getLogger(__name__)

JSON = "application/json"
CITIZEN_HEADER = "X-Citizen-Session"
CITIZEN_SESSIONS_PATH = "/api/v1/citizen-sessions"
CITIZEN_SESSION_REQUIRED = "citizen_session_required"

# -- codes ---------------------------------------------------------------------------------------
UNREACHABLE = "platform_unreachable"          # refused, no route, DNS, proxy down, 502
CONNECTION_RESET = "platform_connection_reset"  # the connection broke mid-answer
TIMEOUT = "platform_timeout"                  # no answer in time (also 408, 504)
TLS = "platform_tls"                          # certificate not trusted, client certificate refused
BUSY = "platform_busy"                        # 429, 503
SERVER_ERROR = "platform_server_error"        # any other 5xx
BAD_RESPONSE = "platform_bad_response"        # an answer that is not what the API promises
BAD_REQUEST = "platform_bad_request"          # 400
UNAUTHORIZED = "platform_unauthorized"        # 401: the kiosk credential is missing or refused
FORBIDDEN = "platform_forbidden"              # 403
NOT_FOUND = "platform_not_found"              # 404
CONFLICT = "platform_conflict"                # 409
REJECTED = "platform_rejected"                # any other 4xx

# security alerts (staff and the heartbeat): the platform's certificate did not verify, or our
# client certificate was refused; and the all-clear
SECURITY_TLS = "security_platform_tls"
SECURITY_TLS_RECOVERED = "security_platform_tls_recovered"

UNAVAILABLE_CODES = frozenset({UNREACHABLE, CONNECTION_RESET, TIMEOUT, TLS, BUSY, SERVER_ERROR,
                               BAD_RESPONSE})
ALL_CODES = (UNREACHABLE, CONNECTION_RESET, TIMEOUT, TLS, BUSY, SERVER_ERROR, BAD_RESPONSE,
             BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, CONFLICT, REJECTED)
_STATUS_CODES = {400: BAD_REQUEST, 401: UNAUTHORIZED, 403: FORBIDDEN, 404: NOT_FOUND,
                 408: TIMEOUT, 409: CONFLICT, 429: BUSY, 502: UNREACHABLE, 503: BUSY,
                 504: TIMEOUT}


def classify_status(status: int) -> str | None:
    """The code of an HTTP status, None for a status that is not an error (< 400)."""
    if status < 400:
        return None
    return _STATUS_CODES.get(status, SERVER_ERROR if status >= 500 else REJECTED)


def classify_exception(exc: BaseException) -> str:
    """The code of a failure to get an answer at all."""
    if isinstance(exc, requests.exceptions.SSLError):
        return TLS
    if isinstance(exc, requests.exceptions.Timeout):
        return TIMEOUT
    causes = list(_causes(exc))
    # a server that refuses our client certificate says so in a TLS alert, which surfaces after
    # the handshake (TLS 1.3) wrapped in a connection error: still a TLS failure
    if any(isinstance(cause, ssl.SSLError) for cause in causes):
        return TLS
    if isinstance(exc, (requests.exceptions.ChunkedEncodingError,
                        requests.exceptions.ContentDecodingError)):
        return CONNECTION_RESET
    if any(isinstance(cause, ConnectionResetError) or "reset" in str(cause).lower()
           for cause in causes):
        return CONNECTION_RESET
    return UNREACHABLE


def _causes(exc: BaseException):
    """exc and what it wraps: causes, contexts, and exceptions carried in args or .reason (as
    requests and urllib3 wrap them)."""
    todo, seen = [exc], set()
    while todo and len(seen) < 20:
        current = todo.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        todo += [item for item in (current.__cause__, current.__context__,
                                   getattr(current, "reason", None), *current.args)
                 if isinstance(item, BaseException)]


# -- errors --------------------------------------------------------------------------------------
class ClientSettingsError(SyncError, ValueError):
    """ClientSettings that cannot work (the kiosk reports it as a ConfigError on its keys)."""
    code = "platform_settings_invalid"

    def __init__(self, detail: str):
        super().__init__(self.code, detail)


class PlatformClientError(SyncError):
    """Base of the client's typed errors: `code` is one of the codes above, `status` the HTTP
    status when the platform answered. The detail names the call, never a request body."""
    codes = ALL_CODES

    def __init__(self, code: str, message: str, status: int | None = None):
        super().__init__(code, message)
        self.status = status


class PlatformUnavailable(PlatformClientError):
    """The platform could not be reached or could not answer (worth retrying later)."""


class PlatformError(PlatformClientError):
    """The platform answered and refused the request (4xx; retrying the same request won't help)."""


def error_for(code: str, message: str, status: int | None = None) -> PlatformClientError:
    cls = PlatformUnavailable if code in UNAVAILABLE_CODES else PlatformError
    return cls(code, message, status)


# -- settings ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ClientSettings:
    """How to reach the platform. File paths are absolute (the kiosk resolves them)."""
    url: str
    connect_timeout_s: float = 3.0
    read_timeout_s: float = 10.0
    verify: bool | str = True          # True: the system trust store (system_trust_store(),
                                       # where a province deploys its CA), never certifi's;
                                       # a path: that CA bundle;
                                       # False: no verification (the kiosk allows it in demo only)
    client_cert: str | None = None     # PEM certificate (with the key in it when client_key is None)
    client_key: str | None = None
    proxy: str = ""                    # for http and https; '' = direct (never the environment)
    user_agent: str = "hall-kiosk"

    def __post_init__(self) -> None:
        parts = urlsplit(self.url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ClientSettingsError(f"url = {self.url!r}: must be an http:// or https:// URL")
        if self.proxy and urlsplit(self.proxy).scheme not in ("http", "https"):
            raise ClientSettingsError(f"proxy = {self.proxy!r}: must be an http:// URL")
        if self.connect_timeout_s <= 0 or self.read_timeout_s <= 0:
            raise ClientSettingsError("connect_timeout_s and read_timeout_s must be positive")
        if self.client_key and not self.client_cert:
            raise ClientSettingsError("client_key is set but client_cert is empty")

    @property
    def cert(self) -> str | tuple[str, str] | None:
        if not self.client_cert:
            return None
        return (self.client_cert, self.client_key) if self.client_key else self.client_cert


def system_trust_store() -> str:
    """The operating system's CA store (Debian: /etc/ssl/certs/ca-certificates.crt, which
    update-ca-certificates builds from what the province deploys into
    /usr/local/share/ca-certificates). requests would use certifi's Mozilla bundle for
    verify=True, which knows nothing of a provincial CA. OpenSSL's compiled-in paths, not
    SSL_CERT_FILE: nothing about trust comes from the environment."""
    paths = ssl.get_default_verify_paths()
    for candidate in (paths.openssl_cafile, paths.openssl_capath):
        if candidate and os.path.exists(candidate):
            return os.path.realpath(candidate)
    raise ClientSettingsError("ca_bundle = '' means the system CA store, but this system has "
                              f"none ({paths.openssl_cafile}, {paths.openssl_capath})")


# -- the client ----------------------------------------------------------------------------------
class PlatformClient:
    Error = PlatformClientError
    Unavailable = PlatformUnavailable
    Refused = PlatformError

    def __init__(self, settings: ClientSettings, *, credential: Any = None,
                 response_hooks: tuple[Callable[..., Any], ...] = (),
                 security_alert: Callable[[str, str, dict], None] | None = None):
        """credential: anything with auth_header() -> {"Authorization": ...} (sync.credential);
        response_hooks: requests response hooks (sync.clock.ClockSkew.response_hook);
        security_alert(code, message, details): told once when TLS to the platform fails (a
        certificate that does not verify may be someone on the hall network, not an outage) and
        once when it works again."""
        self.settings = settings
        self._citizen: Callable[[], tuple[str, tuple[str, ...]] | None] = lambda: None
        self._citizen_session: tuple[str, str] | None = None     # (id_number, token)
        self._citizen_lock = threading.Lock()
        self._security_alert = security_alert
        self._tls_failing = False
        self._tls_lock = threading.Lock()
        self.base_url = settings.url.rstrip("/")
        self.timeout = (settings.connect_timeout_s, settings.read_timeout_s)
        self.session = requests.Session()
        # The config file is the one source of truth: no proxy, CA bundle or .netrc from the
        # environment (an HTTP_PROXY would otherwise see ID numbers without our TLS).
        self.session.trust_env = False
        self.session.verify = (system_trust_store() if settings.verify is True
                               else settings.verify)
        self.session.cert = settings.cert
        self.session.proxies = ({"http": settings.proxy, "https": settings.proxy}
                                if settings.proxy else {})
        self.session.headers.update({"Accept": JSON, "User-Agent": settings.user_agent})
        # One session serves every citizen and every thread: a cookie the platform set while
        # answering for one citizen must not ride along with the next one's calls.
        self.session.cookies.set_policy(DefaultCookiePolicy(allowed_domains=[]))
        adapter = HTTPAdapter(max_retries=0, pool_connections=2, pool_maxsize=8)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        for hook in response_hooks:
            self.session.hooks["response"].append(hook)
        self.use_credential(credential)

    def use_credential(self, credential: Any) -> None:
        """Send this kiosk credential with every call from now on (None: send none)."""
        self.session.headers.pop("Authorization", None)
        if credential is not None:
            self.session.headers.update(credential.auth_header())

    def identify_citizen_with(self,
                              current: Callable[[], tuple[str, tuple[str, ...]] | None]) -> None:
        """current() -> (id_number, factors) of the citizen identified at the kiosk now, or None.

        Personal-data endpoints ask for a citizen session bound to that person (401 with reason
        citizen_session_required): the client then opens one (POST /api/v1/citizen-sessions)
        and asks once more. The session goes with later calls only while current() still names
        the same person: after the session wipe nothing personal is sent or asked for."""
        self._citizen = current
        self.forget_citizen()

    def forget_citizen(self) -> None:
        with self._citizen_lock:
            self._citizen_session = None

    def _citizen_header(self) -> dict[str, str]:
        current = self._citizen()
        with self._citizen_lock:
            held = self._citizen_session
            if held is not None and (current is None or current[0] != held[0]):
                self._citizen_session = held = None
        return {CITIZEN_HEADER: held[1]} if held is not None else {}

    def _open_citizen_session(self) -> bool:
        current = self._citizen()
        if current is None:
            return False
        id_number, factors = current
        response = self._request("POST", CITIZEN_SESSIONS_PATH,
                                 json={"id_number": id_number, "factors": list(factors)})
        try:
            token = response.json()["session"] if response.status_code == 200 else None
        except (ValueError, KeyError, TypeError):
            token = None
        if not isinstance(token, str):
            log.warning("the platform refused a citizen session: HTTP %s", response.status_code)
            return False
        with self._citizen_lock:
            self._citizen_session = (id_number, token)
        return True

    @property
    def has_credential(self) -> bool:
        return "Authorization" in self.session.headers

    def url(self, path: str) -> str:
        """The URL of a platform path. An absolute URL (a seal_url in a document) must point
        into the platform: the session's credential and certificate go to nobody else."""
        if "://" in path:
            if not path.startswith(self.base_url + "/"):
                raise PlatformUnavailable(BAD_RESPONSE, "a platform link points outside the "
                                          f"platform ({urlsplit(path).netloc})")
            return path
        return self.base_url + (path if path.startswith("/") else "/" + path)

    # -- raw layer -----------------------------------------------------------------------------
    def send(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        """One request; the response for any HTTP status. Raises PlatformUnavailable when no
        answer came. TLS, proxy and credential are the session's: they cannot be overridden."""
        overridden = {"verify", "cert", "proxies", "auth"} & kwargs.keys()
        if overridden:
            raise TypeError(f"per-call {', '.join(sorted(overridden))}: the settings decide")
        response = self._request(method, path, **kwargs)
        if response.status_code == 401 and _reason(response) == CITIZEN_SESSION_REQUIRED \
                and self._open_citizen_session():
            response = self._request(method, path, **kwargs)
        return response

    def _request(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        kwargs.setdefault("timeout", self.timeout)
        citizen = self._citizen_header()
        if citizen:
            kwargs["headers"] = {**(kwargs.get("headers") or {}), **citizen}
        url = self.url(path)
        try:
            response = self.session.request(method, url, **kwargs)
        except requests.exceptions.RequestException as exc:
            code = classify_exception(exc)
            message = _transport_message(code, method, path, self.base_url, exc)
            if code == TLS:
                self._tls_state(True, message)
            raise PlatformUnavailable(code, message) from None
        if self._tls_failing:
            self._tls_state(False, "TLS to the platform verifies again")
        return response

    def _tls_state(self, failing: bool, message: str) -> None:
        with self._tls_lock:
            changed = failing != self._tls_failing
            self._tls_failing = failing
        if changed and self._security_alert is not None:
            code = SECURITY_TLS if failing else SECURITY_TLS_RECOVERED
            self._security_alert(code, message, {"security": True, "platform": self.base_url})

    @property
    def tls_failing(self) -> bool:
        """True since a TLS failure, until the platform answers over verified TLS again."""
        return self._tls_failing

    # -- checked layer -------------------------------------------------------------------------
    def call(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        """send(), and an HTTP error status raised as PlatformUnavailable / PlatformError."""
        response = self.send(method, path, **kwargs)
        code = classify_status(response.status_code)
        if code is not None:
            raise error_for(code, f"{method} {_path_only(path)}: HTTP {response.status_code} "
                            f"{_error_detail(response)}".rstrip(), response.status_code)
        return response

    def get_json(self, path: str, etag: str | None = None,
                 params: dict[str, Any] | None = None) -> tuple[int, Any, str | None]:
        """GET a JSON document. With `etag`, sends If-None-Match; an unchanged document gives
        (304, None, etag). Otherwise (200, data, the response's ETag or None)."""
        headers = {"If-None-Match": etag} if etag else {}
        response = self.call("GET", path, params=params, headers=headers)
        if response.status_code == 304:
            return 304, None, response.headers.get("ETag", etag)
        return response.status_code, _json(response, path), response.headers.get("ETag")

    def post_json(self, path: str, body: Any,
                  headers: dict[str, str] | None = None) -> tuple[int, Any]:
        """POST a JSON body; returns (status, decoded JSON answer or None when it has no body)."""
        response = self.call("POST", path, json=body, headers=headers or {})
        return response.status_code, _json(response, path) if response.content else None

    def get_bytes(self, path: str) -> bytes:
        """GET a binary document (a PDF, a PNG); the body as it came."""
        return self.call("GET", path).content

    def post_for_bytes(self, path: str, body: Any) -> bytes:
        """POST a JSON body (personal data goes in bodies, never URLs); the binary answer."""
        return self.call("POST", path, json=body).content

    def close(self) -> None:
        self.session.close()

    def __enter__(self) -> "PlatformClient":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


def _path_only(path: str) -> str:
    return urlsplit(path).path if "://" in path else path


def _transport_message(code: str, method: str, path: str, base_url: str, exc: Exception) -> str:
    if code == TLS:
        return f"TLS failure talking to the platform: {_exception_text(exc)}"
    if code == TIMEOUT:
        return f"the platform did not answer {method} {_path_only(path)} in time"
    if code == CONNECTION_RESET:
        return f"the connection to the platform broke during {method} {_path_only(path)}"
    return f"cannot reach the platform at {base_url}: {type(exc).__name__}"


def _json(response: requests.Response, path: str) -> Any:
    try:
        return response.json()
    except ValueError:
        raise PlatformUnavailable(BAD_RESPONSE, f"{_path_only(path)}: the answer is not JSON",
                                  response.status_code) from None


def _error_detail(response: requests.Response) -> str:
    """The platform's short error word from a JSON error body, e.g. '(not_found)'."""
    try:
        data = response.json()
    except ValueError:
        return ""
    return f"({data.get('error')})" if isinstance(data, dict) and data.get("error") else ""


def _reason(response: requests.Response) -> str:
    """The machine-readable `reason` of a JSON refusal ('' when there is none)."""
    try:
        data = response.json()
    except ValueError:
        return ""
    return str(data.get("reason") or "") if isinstance(data, dict) else ""


def _exception_text(exc: Exception) -> str:
    text = str(exc)
    return text[:200] if text else type(exc).__name__


def error_text(response: requests.Response) -> str:
    """The `error` field of a JSON error answer, '' when there is none (callers clean it)."""
    try:
        data = response.json()
    except ValueError:
        return ""
    return str(data.get("error") or "") if isinstance(data, dict) else ""
