"""The admin and fault-injection endpoints from Python, with the server's admin token."""
from __future__ import annotations

from typing import Any

import requests

from reference_platform.web import ADMIN_HEADER


class AdminClient:
    """Calls /api/v1/admin/... of one running reference platform (demo and tests)."""

    def __init__(self, url: str, token: str, **request_options: Any):
        self.url = url.rstrip("/")
        self.headers = {ADMIN_HEADER: token}
        self.options = {"timeout": 10, **request_options}   # verify=, cert= for a TLS platform

    def post(self, path: str, body: dict, headers: dict[str, str]) -> requests.Response:
        """A plain POST to the platform (no admin token), without the environment's proxy."""
        with requests.Session() as session:
            session.trust_env = False
            return session.post(self.url + path, json=body, headers=headers,
                                **self.options)

    def call(self, path: str, body: dict | None = None, method: str = "POST",
             params: dict | None = None) -> dict:
        with requests.Session() as session:
            session.trust_env = False      # a test's hostile HTTP_PROXY is not for the admin
            response = session.request(method, self.url + path, json=body, params=params,
                                       headers=self.headers, **self.options)
        response.raise_for_status()
        return response.json()

    def received(self, **query: Any) -> dict:
        return self.call("/api/v1/admin/received", method="GET", params=query or None)

    def fault(self, mode: str = "none", **spec: Any) -> dict:
        return self.call("/api/v1/admin/faults", {"mode": mode, **spec})

    def command(self, name: str, kiosk_id: str, **body: Any) -> dict:
        return self.call("/api/v1/admin/commands", {"name": name, "kiosk_id": kiosk_id, **body})

    def enrollment_token(self) -> str:
        return self.call("/api/v1/admin/enrollment")["enrollment_token"]
