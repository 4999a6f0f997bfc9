"""The platform's documents API as the printing code needs it (see docs/platform-api-documents.yaml).

Every call goes through the kiosk's one platform client (sync.client.PlatformClient, handed in by
the wiring), so the kiosk's TLS, client certificate, credential and proxy apply; printing does not
import sync, it only needs what PlatformCalls describes.
"""
from __future__ import annotations

from typing import Any, Protocol

from printing.errors import PrintingError

NOT_FOUND = "platform_not_found"      # the client's code for a 404


class SourceError(PrintingError):
    code = "platform_unreachable"
    codes = ("document_missing", "document_data_invalid")


class PlatformCalls(Protocol):
    """What PlatformDocuments uses of the platform client. Every failure raises `Error` (a class
    attribute of the client) with a snake_case `code`."""
    Error: type[Exception]

    def get_json(self, path: str) -> tuple[int, Any, str | None]: ...

    def post_json(self, path: str, body: Any) -> tuple[int, Any]: ...

    def get_bytes(self, path: str) -> bytes: ...


class PlatformDocuments:
    def __init__(self, client: PlatformCalls):
        self.client = client

    def _ask(self, what: str, call, *args) -> Any:
        try:
            return call(*args)
        except self.client.Error as exc:
            if exc.code == NOT_FOUND:
                raise SourceError(f"{what}: not found", "document_missing") from None
            raise SourceError(f"{what}: {exc.code}") from None

    def _json(self, path: str) -> dict[str, Any]:
        data = self._ask(f"GET {path}", self.client.get_json, path)[1]
        if not isinstance(data, dict):
            raise SourceError(f"GET {path}: not a JSON object", "document_data_invalid")
        return data

    def list_for(self, id_number: str, name: str) -> list[dict[str, Any]]:
        """The person's documents (summaries). The ID number goes in the body, never the URL."""
        path = "/api/v1/documents/query"
        body = self._ask(f"POST {path}", self.client.post_json, path,
                         {"id_number": id_number, "name": name})[1]
        if not isinstance(body, dict) or not isinstance(body.get("documents", []), list):
            raise SourceError(f"POST {path}: no document list", "document_data_invalid")
        return list(body.get("documents", []))

    def document(self, doc_id: str) -> dict[str, Any]:
        return self._json(f"/api/v1/documents/{doc_id}")

    def specimen(self, kind: str) -> dict[str, Any]:
        return self._json(f"/api/v1/documents/specimen/{kind}")

    def signed_pdf(self, doc_id: str) -> bytes:
        path = f"/api/v1/documents/{doc_id}/pdf"
        return self._ask(f"GET {path}", self.client.get_bytes, path)

    def seal(self, seal_url: str) -> bytes:
        png = self._ask(f"GET {seal_url}", self.client.get_bytes, seal_url)
        if not png.startswith(b"\x89PNG"):
            raise SourceError(f"seal {seal_url} is not a PNG", "document_data_invalid")
        return png

    def trust_root(self) -> bytes:
        path = "/api/v1/documents/trust-root"
        return self._ask(f"GET {path}", self.client.get_bytes, path)
