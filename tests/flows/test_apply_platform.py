"""The application against the reference platform: the form and pre-fill through the one client,
and a submission record that becomes one case in "Check my case" however often it arrives."""
from __future__ import annotations

import requests

from devices.idcard.gb11643 import complete
from kiosk.flows.apply import ApplyFlow
from kiosk.flows.apply_platform import ApplyClient
from kiosk.session import Identity
from reference_platform.routes_sync import DEMO_ENROLLMENT_TOKEN
from sync.client import ClientSettings, PlatformClient

ID = complete("99010219800501123")
PENSION_OUT = "1199010002GG00206002"


class Credential:
    def __init__(self, token):
        self.token = token

    def auth_header(self):
        return {"Authorization": f"Bearer {self.token}"}


def kiosk_client(platform) -> tuple[PlatformClient, str]:
    answer = requests.post(platform.url + "/api/v1/kiosks/provision", timeout=5,
                           json={"kiosk_id": "apply-test", "enrollment_token": DEMO_ENROLLMENT_TOKEN})
    token = answer.json()["credential"]
    client = PlatformClient(ClientSettings(url=platform.url))
    client.use_credential(Credential(token))
    return client, token


class Outbox:
    """Delivers at once, as the delivery worker does, and twice, as a retry after a lost answer."""
    def __init__(self, platform, token):
        self.platform, self.token = platform, token

    def enqueue(self, kind, payload):
        record = {"key": "sub-0000000001", "kind": kind, "payload": payload, "created": 1.0}
        for _ in range(2):
            answer = requests.post(self.platform.url + "/api/v1/records", json={"records": [record]}, timeout=5,
                                   headers={"Authorization": f"Bearer {self.token}"})
            assert answer.status_code == 200, answer.text
        return type("Receipt", (), {"key": record["key"]})()

    def status(self):
        return type("Status", (), {"accepting": True})()


def test_a_submission_becomes_one_case(platform):
    client, token = kiosk_client(platform)
    apply = ApplyClient(client)
    assert len(apply.items()) >= 8
    who = Identity("idcard", "张三", ID, {})
    flow = ApplyFlow(PENSION_OUT, apply, Outbox(platform, token), lambda: who, kiosk_id="apply-test")
    flow.load()
    assert flow.step == "form" and flow.form.values["phone"].startswith("139")
    flow.set_field("destination_region", "440100")
    assert flow.form_done() and flow.materials_done()
    flow.submit(online=True)
    assert flow.step == "submitted"
    first = apply.submission_state(flow.reference)
    again = apply.submission_state(flow.reference)
    assert first["state"] == "received" and first["case_no"] == again["case_no"]
    assert first["case_no"].startswith("SL-990100-")
    cases = requests.post(platform.url + "/api/v1/cases/query", json={"id_number": ID}, timeout=5,
                          headers={"Authorization": f"Bearer {token}"}).json()
    mine = [c for c in cases["cases"] if c["case_no"] == first["case_no"]]
    assert len(mine) == 1 and mine[0]["item_code"] == PENSION_OUT and mine[0]["channel"] == "kiosk"
    assert apply.submission_state("not-yet-arrived")["state"] == "unknown"
