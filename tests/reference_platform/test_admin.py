"""Admin and fault-injection endpoints answer only with the platform's own admin token; the demo
enrollment token provisions a kiosk."""
from __future__ import annotations

import pytest
import requests

from reference_platform.routes_meta import merged_contract

ADMIN_OPERATIONS = sorted(
    (method, path) for path, operations in merged_contract()["paths"].items()
    if path.startswith("/api/v1/admin/") for method in operations)


def test_every_admin_operation_is_listed():
    # the listing finds the operations of every area (more areas add their own)
    assert {("get", "/api/v1/admin/received"), ("post", "/api/v1/admin/faults"),
            ("post", "/api/v1/admin/commands"), ("post", "/api/v1/admin/enrollment"),
            ("post", "/api/v1/admin/identity/phone-code")} <= set(ADMIN_OPERATIONS)


@pytest.mark.parametrize("method,path", ADMIN_OPERATIONS)
def test_admin_endpoints_refuse_requests_without_the_admin_token(shared_platform, method, path,
                                                                 kiosk_headers):
    url = shared_platform.url + path.replace("{command_id}", "x").replace("{kiosk_id}", "x")
    body = {"mode": "status", "status": 500} if path.endswith("/faults") else {}
    for headers in ({}, {"X-Admin-Token": "wrong"}, {"X-Admin-Token": ""}, kiosk_headers,
                    {"X-Admin-Token": shared_platform.admin_token[:-1]}):
        answer = requests.request(method, url, json=body, headers=headers, timeout=5)
        assert answer.status_code == 401, (headers, answer.text)
        assert "X-Admin-Token" in answer.json()["error"]
    # nothing was injected by the refused calls
    assert shared_platform.admin.call("/api/v1/admin/faults", method="GET")["mode"] == "none"


def test_the_admin_helper_sends_the_token(shared_platform):
    admin = shared_platform.admin
    token = admin.enrollment_token()
    assert token.startswith("ENROLL-")
    assert admin.fault("status", status=503, times=1)["status"] == 503
    assert admin.fault("none")["mode"] == "none"
    assert admin.received()["count"] >= 0
    with pytest.raises(requests.HTTPError):
        admin.fault("explode")


def test_each_server_has_its_own_random_token(tmp_path):
    from reference_platform.server import PlatformServer
    one = PlatformServer(tmp_path / "a.sqlite3")
    two = PlatformServer(tmp_path / "b.sqlite3")
    try:
        assert one.admin_token != two.admin_token and len(one.admin_token) >= 32
        chosen = PlatformServer(tmp_path / "c.sqlite3", admin_token="chosen-by-the-test")
        assert chosen.admin_token == "chosen-by-the-test"
        chosen.httpd.server_close()
    finally:
        one.httpd.server_close()
        two.httpd.server_close()


def test_the_demo_token_provisions_again_and_again(shared_platform):
    for _ in range(2):
        answer = requests.post(shared_platform.url + "/api/v1/kiosks/provision",
                               json={"kiosk_id": "KIOSK-DEMO-0001",
                                     "enrollment_token": shared_platform.demo_enrollment_token},
                               timeout=5)
        assert answer.status_code == 200 and answer.json()["credential"]
    single = shared_platform.admin.enrollment_token()
    body = {"kiosk_id": "KIOSK-ONCE-0001", "enrollment_token": single}
    url = shared_platform.url + "/api/v1/kiosks/provision"
    assert requests.post(url, json=body, timeout=5).status_code == 200
    assert requests.post(url, json=body, timeout=5).status_code == 403
