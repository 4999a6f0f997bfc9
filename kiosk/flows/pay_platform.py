"""The payment endpoints of the platform (docs/platform-api-pay.yaml), through the kiosk's one
platform client (sync.client.PlatformClient, ctx.platform.client)."""
from __future__ import annotations

from typing import Any
from urllib.parse import quote

from sync.client import PlatformError, classify_status, error_for


class AlreadyPaid(PlatformError):
    """409 already_paid: the payable was paid (by this kiosk earlier, or elsewhere)."""

    def __init__(self, payment_id: str):
        super().__init__("platform_conflict", "POST /api/v1/pay/payments: already paid", 409)
        self.payment_id = payment_id


class PayClient:
    def __init__(self, client: Any):
        self.client = client

    def payables(self, id_number: str, name: str) -> list[dict[str, Any]]:
        # the ID number goes in the body, never in a URL (URLs end up in logs)
        answer = self.client.post_json("/api/v1/pay/payables",
                                       {"id_number": id_number, "name": name})[1]
        return list(answer["payables"])

    def create(self, payable_id: str, key: str) -> dict[str, Any]:
        """The payment for `key` (the same one however often it is asked)."""
        path = "/api/v1/pay/payments"
        response = self.client.send("POST", path,
                                    json={"payable_id": payable_id, "idempotency_key": key})
        if response.status_code == 409:
            body = _body(response)
            if body.get("reason") == "already_paid":
                raise AlreadyPaid(str(body.get("payment_id", "")))
        code = classify_status(response.status_code)
        if code is not None:
            raise error_for(code, f"POST {path}: HTTP {response.status_code}",
                            response.status_code)
        return response.json()

    def state(self, payment_id: str) -> dict[str, Any]:
        return self.client.get_json(f"/api/v1/pay/payments/{quote(payment_id, safe='')}")[1]

    def cancel(self, payment_id: str) -> dict[str, Any]:
        return self.client.post_json(
            f"/api/v1/pay/payments/{quote(payment_id, safe='')}/cancel", {})[1]


def _body(response) -> dict[str, Any]:
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}
