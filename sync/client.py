"""The platform client: one requests.Session with the timeouts, TLS and proxy from [platform].

Two layers:
  - request()/get()/post() return the raw requests.Response and let requests' exceptions through,
    for callers with their own failure policy (the outbox delivery worker, the heartbeat);
  - get_json()/post_json() turn every failure into PlatformUnavailable (cannot reach it, timeout,
    TLS failure, 5xx, an answer that is not JSON) or PlatformError (a 4xx: the platform said no),
    each with a stable `code` the screens map to citizen messages.
No retries here: who retries, and how, is the caller's policy (sync.delivery.RetryPolicy).
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Callable
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter

from kiosk.config import ConfigError

log = logging.getLogger(__name__)

JSON = "application/json"


class PlatformClientError(Exception):
    """Base of the client's typed errors."""

    def __init__(self, code: str, message: str, status: int | None = None):
        super().__init__(message)
        self.code = code
        self.status = status
        self.message = message


class PlatformUnavailable(PlatformClientError):
    """The platform could not be reached or could not answer (worth retrying later).

    codes: platform.unreachable, platform.timeout, platform.tls, platform.server_error,
    platform.busy (429/503), platform.bad_response
    """


class PlatformError(PlatformClientError):
    """The platform answered and refused the request (4xx; retrying the same request won't help).

    codes: platform.bad_request, platform.unauthorized, platform.forbidden, platform.not_found,
    platform.conflict, platform.rejected
    """


_CLIENT_CODES = {400: "platform.bad_request", 401: "platform.unauthorized",
                 403: "platform.forbidden", 404: "platform.not_found", 409: "platform.conflict"}


class PlatformClient:
    def __init__(self, base_url: str, *, connect_timeout_s: float = 3.0,
                 read_timeout_s: float = 10.0, verify: bool | str = True,
                 cert: str | tuple[str, str] | None = None, proxy: str = "",
                 headers: dict[str, str] | None = None,
                 response_hooks: tuple[Callable[..., Any], ...] = ()):
        parts = urlsplit(base_url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ConfigError(f"[platform] url = {base_url!r}: must be an http:// or https:// URL")
        self.base_url = base_url.rstrip("/")
        self.timeout = (connect_timeout_s, read_timeout_s)
        self.session = requests.Session()
        # The config file is the one source of truth: no proxy or CA bundle from the environment.
        self.session.trust_env = False
        self.session.verify = verify
        self.session.cert = cert
        if proxy:
            self.session.proxies = {"http": proxy, "https": proxy}
        self.session.headers.update({"Accept": JSON, "User-Agent": "hall-kiosk"})
        self.session.headers.update(headers or {})
        adapter = HTTPAdapter(max_retries=0, pool_connections=2, pool_maxsize=4)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        for hook in response_hooks:
            self.session.hooks["response"].append(hook)

    @classmethod
    def from_config(cls, cfg, base_url: str | None = None, *, demo: bool = False,
                    credential: Any = None, clock_skew: Any = None) -> "PlatformClient":
        """Build the client from [platform]. base_url overrides [platform] url (needed when that
        says 'embedded': the app passes the embedded server's URL). credential (with
        auth_header()) adds the kiosk's Bearer token; clock_skew (with response_hook) watches the
        platform's Date header."""
        p = cfg.platform
        url = base_url or p.url
        if url == "embedded":
            raise ConfigError("[platform] url = 'embedded': the embedded platform must be started "
                              "first and its URL passed to the client")
        if not p.verify_tls and not demo:
            raise ConfigError("[platform] verify_tls = false: only allowed with --demo; set "
                              "ca_bundle to trust a private CA instead")
        base = cfg.base_dir
        verify: bool | str = p.verify_tls
        if p.verify_tls and p.ca_bundle:
            verify = str(_existing(base, p.ca_bundle, "ca_bundle"))
        cert: str | tuple[str, str] | None = None
        if p.client_cert:
            cert_path = str(_existing(base, p.client_cert, "client_cert"))
            cert = (cert_path, str(_existing(base, p.client_key, "client_key"))) \
                if p.client_key else cert_path
        elif p.client_key:
            raise ConfigError("[platform] client_key is set but client_cert is empty")
        headers = credential.auth_header() if credential is not None else None
        hooks = (clock_skew.response_hook,) if clock_skew is not None else ()
        return cls(url, connect_timeout_s=p.connect_timeout_s, read_timeout_s=p.read_timeout_s,
                   verify=verify, cert=cert, proxy=p.proxy, headers=headers, response_hooks=hooks)

    # -- raw layer -----------------------------------------------------------------------------
    def url(self, path: str) -> str:
        return self.base_url + (path if path.startswith("/") else "/" + path)

    def request(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        kwargs.setdefault("timeout", self.timeout)
        return self.session.request(method, self.url(path), **kwargs)

    def get(self, path: str, **kwargs: Any) -> requests.Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs: Any) -> requests.Response:
        return self.request("POST", path, **kwargs)

    # -- JSON layer with typed errors ----------------------------------------------------------
    def get_json(self, path: str, etag: str | None = None,
                 params: dict[str, Any] | None = None) -> tuple[int, Any, str | None]:
        """GET a JSON document. With `etag`, sends If-None-Match; an unchanged document gives
        (304, None, etag). Otherwise (200, data, the response's ETag or None)."""
        headers = {"If-None-Match": etag} if etag else {}
        response = self._call("GET", path, params=params, headers=headers)
        if response.status_code == 304:
            return 304, None, response.headers.get("ETag", etag)
        return response.status_code, _json(response, path), response.headers.get("ETag")

    def post_json(self, path: str, body: Any,
                  headers: dict[str, str] | None = None) -> tuple[int, Any]:
        """POST a JSON body; returns (status, decoded JSON answer or None when it has no body)."""
        response = self._call("POST", path, json=body, headers=headers or {})
        return response.status_code, _json(response, path) if response.content else None

    def _call(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        try:
            response = self.request(method, path, **kwargs)
        except requests.exceptions.SSLError as exc:
            raise PlatformUnavailable("platform.tls", f"TLS failure talking to the platform: "
                                      f"{_reason(exc)}") from None
        except requests.exceptions.Timeout:
            raise PlatformUnavailable("platform.timeout", f"the platform did not answer {method} "
                                      f"{path} in time") from None
        except requests.exceptions.RequestException as exc:
            raise PlatformUnavailable("platform.unreachable", f"cannot reach the platform at "
                                      f"{self.base_url}: {type(exc).__name__}") from None
        status = response.status_code
        if status < 400:
            return response
        detail = _error_detail(response)
        if status in (429, 503):
            raise PlatformUnavailable("platform.busy", f"{method} {path}: platform busy "
                                      f"({status}) {detail}", status)
        if status >= 500:
            raise PlatformUnavailable("platform.server_error", f"{method} {path}: platform error "
                                      f"{status} {detail}", status)
        raise PlatformError(_CLIENT_CODES.get(status, "platform.rejected"),
                            f"{method} {path}: refused with {status} {detail}", status)

    def close(self) -> None:
        self.session.close()

    def __enter__(self) -> "PlatformClient":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


def _existing(base: Path, value: str, key: str) -> Path:
    path = Path(value)
    if not path.is_absolute():
        path = base / path
    if not path.is_file():
        raise ConfigError(f"[platform] {key} = {value!r}: file {path} does not exist")
    return path


def _json(response: requests.Response, path: str) -> Any:
    try:
        return response.json()
    except ValueError:
        raise PlatformUnavailable("platform.bad_response", f"{path}: the answer is not JSON",
                                  response.status_code) from None


def _error_detail(response: requests.Response) -> str:
    try:
        data = response.json()
    except ValueError:
        return ""
    return f"({data.get('error')})" if isinstance(data, dict) and data.get("error") else ""


def _reason(exc: Exception) -> str:
    text = str(exc)
    return text[:200] if text else type(exc).__name__
