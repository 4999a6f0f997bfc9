"""The platform's documents API as the printing code needs it (see docs/platform-api-documents.yaml).

Takes a requests.Session from the caller, so the kiosk's TLS, client certificate and proxy settings
(owned by the sync layer) apply without printing importing sync.
"""
from __future__ import annotations

from typing import Any

import requests

from printing.errors import PrintingError


class SourceError(PrintingError):
    code = "platform-unreachable"


class PlatformDocuments:
    def __init__(self, base_url: str, session: requests.Session | None = None,
                 timeout: tuple[float, float] = (3.0, 10.0)):
        self.base_url = base_url.rstrip("/")
        self.http = session or requests.Session()
        self.timeout = timeout

    def _get(self, path: str, **kwargs) -> requests.Response:
        return self._call("GET", path, **kwargs)

    def _call(self, method: str, path: str, **kwargs) -> requests.Response:
        url = path if path.startswith("http") else self.base_url + path
        try:
            response = self.http.request(method, url, timeout=self.timeout, **kwargs)
        except requests.RequestException as exc:
            raise SourceError(f"{method} {path}: {type(exc).__name__}") from None
        if response.status_code == 404:
            raise SourceError(f"{method} {path}: not found", "document-missing")
        if response.status_code >= 400:
            raise SourceError(f"{method} {path}: HTTP {response.status_code}")
        return response

    def list_for(self, id_number: str, name: str) -> list[dict[str, Any]]:
        """The person's documents (summaries). The ID number goes in the body, never the URL."""
        body = self._call("POST", "/api/v1/documents/query",
                          json={"id_number": id_number, "name": name}).json()
        return list(body.get("documents", []))

    def document(self, doc_id: str) -> dict[str, Any]:
        return self._get(f"/api/v1/documents/{doc_id}").json()

    def specimen(self, kind: str) -> dict[str, Any]:
        return self._get(f"/api/v1/documents/specimen/{kind}").json()

    def signed_pdf(self, doc_id: str) -> bytes:
        return self._get(f"/api/v1/documents/{doc_id}/pdf").content

    def seal(self, seal_url: str) -> bytes:
        response = self._get(seal_url)
        if not response.content.startswith(b"\x89PNG"):
            raise SourceError(f"seal {seal_url} is not a PNG", "document-data-invalid")
        return response.content

    def trust_root(self) -> bytes:
        return self._get("/api/v1/documents/trust-root").content
