"""The application endpoints of the platform (docs/platform-api-apply.yaml), through the kiosk's
one platform client (sync.client.PlatformClient, ctx.platform.client)."""
from __future__ import annotations

from typing import Any
from urllib.parse import quote


class ApplyClient:
    def __init__(self, client: Any):
        self.client = client

    def items(self) -> list[dict[str, Any]]:
        return list(self.client.get_json("/api/v1/apply/items")[1]["items"])

    def form(self, code: str) -> dict[str, Any]:
        return self.client.get_json(f"/api/v1/apply/forms/{quote(code, safe='')}")[1]

    def prefill(self, code: str, id_number: str, name: str) -> dict[str, Any]:
        # the ID number goes in the body, never in a URL (URLs end up in logs)
        return self.client.post_json("/api/v1/apply/prefill",
                                     {"item_code": code, "id_number": id_number, "name": name})[1]

    def submission_state(self, reference: str) -> dict[str, Any]:
        return self.client.get_json(f"/api/v1/apply/submissions/{quote(reference, safe='')}")[1]
