"""What the payment tests share: a provisioned kiosk client with a citizen session, the platform's
simulated payer, and a person from the demo regions."""
from __future__ import annotations

import requests

from devices.idcard.gb11643 import complete
from kiosk.flows.pay_platform import PayClient
from kiosk.session import Identity
from reference_platform.admin import AdminClient
from reference_platform.routes_sync import DEMO_ENROLLMENT_TOKEN
from sync.client import ClientSettings, PlatformClient

PERSON = Identity("idcard", "张三", complete("99010219800501123"))


class Credential:
    def __init__(self, token):
        self.token = token

    def auth_header(self):
        return {"Authorization": f"Bearer {self.token}"}


def kiosk_client(platform, person=PERSON, kiosk_id="pay-test") -> PlatformClient:
    answer = requests.post(platform.url + "/api/v1/kiosks/provision", timeout=5,
                           json={"kiosk_id": kiosk_id, "enrollment_token": DEMO_ENROLLMENT_TOKEN})
    client = PlatformClient(ClientSettings(url=platform.url))
    client.use_credential(Credential(answer.json()["credential"]))
    client.identify_citizen_with(lambda: (person.id_number, ("idcard",)))
    return client


def pay_client(platform, **kw) -> PayClient:
    return PayClient(kiosk_client(platform, **kw))


def admin(platform) -> AdminClient:
    return AdminClient(platform.url, platform.admin_token)


def wallet(platform, payment_id: str, outcome: str = "pay") -> dict:
    """The citizen's wallet app answering the payment QR code (the simulated payer)."""
    return admin(platform).call(f"/api/v1/admin/pay/payments/{payment_id}", {"outcome": outcome})


def charges(platform, payable_id: str) -> dict:
    return admin(platform).call(f"/api/v1/admin/pay/payables/{payable_id}", method="GET")
