"""The platform's feedback API (docs/platform-api-feedback.yaml) through the kiosk's one platform
client: frequent questions, complaint categories, the person's correctable data (a personal-data
call: the client brings the citizen session), and a submission's state by its reference. The
submissions themselves go through the outbox, not here."""
from __future__ import annotations

from typing import Any
from urllib.parse import quote


class PlatformFeedback:
    def __init__(self, client: Any):
        self.client = client

    def questions(self, item_code: str | None) -> list[dict[str, str]]:
        path = (f"/api/v1/feedback/items/{quote(item_code, safe='')}/questions" if item_code
                else "/api/v1/feedback/questions")
        _status, data, _etag = self.client.get_json(path)
        return list(data["questions"])

    def categories(self) -> dict[str, Any]:
        _status, data, _etag = self.client.get_json("/api/v1/feedback/categories")
        return data

    def correctable(self, id_number: str) -> list[dict[str, Any]]:
        _status, data = self.client.post_json("/api/v1/feedback/correctable",
                                              {"id_number": id_number})
        return list(data["records"])

    def status(self, reference: str) -> dict[str, Any] | None:
        """The ticket's state and answer; None while the platform has not received it."""
        try:
            _status, data = self.client.post_json("/api/v1/feedback/status",
                                                  {"reference": reference})
        except self.client.Error as exc:
            if getattr(exc, "status", None) == 404:
                return None
            raise
        return data
