"""The platform contract findings of issue 14: every endpoint but a few public ones takes the
kiosk credential, personal data also a citizen session bound to the person just identified at
that kiosk (rate-limited per kiosk), enrollment tokens are single-use, expire and cannot take
over an enrolled kiosk, the demo token exists only where the demo asks for it, and `platform
serve` refuses to listen beyond loopback without TLS."""
from __future__ import annotations

import re
import subprocess
import sys
import time

import pytest
import requests
import yaml

from kiosk.session import Identity, Session
from reference_platform.auth import PUBLIC_OPERATIONS
from reference_platform.server import PlatformServer
from sync.client import CITIZEN_HEADER, ClientSettings, PlatformClient, PlatformError

PERSON = "990101198001011234"
OTHER = "990101198505051236"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    server = PlatformServer(tmp_path_factory.mktemp("p") / "p.sqlite3").start()
    yield server
    server.stop()


def operations(server):
    document = yaml.safe_load(requests.get(server.url + "/openapi.yaml", timeout=5).text)
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            yield path, method, operation


def concrete(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "x1", path)


def test_every_operation_but_the_public_ones_declares_a_credential(served):
    seen_public = set()
    for path, method, operation in operations(served):
        names = {name for requirement in operation.get("security") or () for name in requirement}
        if operation["operationId"] in PUBLIC_OPERATIONS:
            seen_public.add(operation["operationId"])
            assert not names, path
        else:
            assert names & {"kioskCredential", "adminToken"}, f"{method.upper()} {path} is open"
    assert seen_public == PUBLIC_OPERATIONS


def test_every_protected_operation_refuses_a_bare_request(served):
    """The finding: a bare curl got a citizen's photo and licences."""
    for path, method, operation in operations(served):
        if operation["operationId"] in PUBLIC_OPERATIONS:
            continue
        answer = requests.request(method, served.url + concrete(path), json={}, timeout=10)
        assert answer.status_code == 401, (method, path, answer.status_code)


def test_personal_data_needs_a_citizen_session_for_that_person(served):
    kiosk = served.kiosk_headers()
    photo = served.url + "/api/v1/persons/photo"
    bare = requests.post(photo, json={"id_number": PERSON}, headers=kiosk, timeout=5)
    assert bare.status_code == 401 and bare.json()["reason"] == "citizen_session_required"
    mine = served.citizen_headers(PERSON)
    assert requests.post(photo, json={"id_number": PERSON}, headers=mine,
                         timeout=10).status_code == 200
    assert requests.post(photo, json={"id_number": OTHER}, headers=mine,
                         timeout=5).status_code == 403
    documents = requests.post(served.url + "/api/v1/documents/query", headers=mine, timeout=5,
                              json={"id_number": PERSON, "name": "欧阳建国"}).json()["documents"]
    doc_id = documents[0]["doc_id"]
    theirs = served.citizen_headers(OTHER)
    assert requests.get(f"{served.url}/api/v1/documents/{doc_id}", headers=theirs,
                        timeout=5).status_code == 404          # someone else's: not even "yes"
    assert requests.get(f"{served.url}/api/v1/documents/{doc_id}", headers=mine,
                        timeout=5).status_code == 200
    # a session opened by another kiosk is no use here
    elsewhere = served.citizen_headers(PERSON, kiosk_id="KIOSK-OTHER-0002")
    forged = {**kiosk, CITIZEN_HEADER: elsewhere[CITIZEN_HEADER]}
    assert requests.post(photo, json={"id_number": PERSON}, headers=forged,
                         timeout=5).status_code == 401


def test_personal_data_is_rate_limited_per_kiosk(tmp_path):
    server = PlatformServer(tmp_path / "p.sqlite3")
    server.app.state.personal_per_minute = 3
    server.app.state.sessions_per_minute = 2
    server.start()
    try:
        mine = server.citizen_headers(PERSON)
        codes = [requests.post(server.url + "/api/v1/documents/query", headers=mine, timeout=5,
                               json={"id_number": PERSON, "name": "x"}).status_code
                 for _ in range(4)]
        assert codes == [200, 200, 200, 429]
        other_kiosk = server.citizen_headers(PERSON, kiosk_id="KIOSK-OTHER-0002")
        assert requests.post(server.url + "/api/v1/documents/query", headers=other_kiosk,
                             json={"id_number": PERSON, "name": "x"}, timeout=5).status_code == 200
        server.citizen_headers(OTHER)                  # the second session of this kiosk
        with pytest.raises(requests.HTTPError, match="429"):
            server.citizen_headers(OTHER)
    finally:
        server.stop()


def provision(server, kiosk_id, token):
    return requests.post(server.url + "/api/v1/kiosks/provision", timeout=5,
                         json={"kiosk_id": kiosk_id, "enrollment_token": token})


def test_enrollment_tokens_are_single_use_expire_and_cannot_take_over_a_kiosk(tmp_path):
    server = PlatformServer(tmp_path / "p.sqlite3", demo_enrollment=False).start()
    try:
        assert provision(server, "KIOSK-A", "DEMO-ENROLL-0001").status_code == 403
        token = server.admin.enrollment_token()
        assert provision(server, "KIOSK-A", token).status_code == 200
        assert provision(server, "KIOSK-B", token).status_code == 403      # used
        # a fresh token for a new kiosk does not re-enroll (lock out) an enrolled one
        assert provision(server, "KIOSK-A", server.admin.enrollment_token()).status_code == 409
        bound = server.admin.call("/api/v1/admin/enrollment", params={"kiosk_id": "KIOSK-A"})
        assert provision(server, "KIOSK-B", bound["enrollment_token"]).status_code == 403
        assert provision(server, "KIOSK-A", bound["enrollment_token"]).status_code == 200
        short = server.admin.call("/api/v1/admin/enrollment", params={"ttl_s": 60})
        server.store.execute("UPDATE sync_enrollment SET expires_at=? WHERE token=?",
                             (time.time() - 1, short["enrollment_token"]))
        assert provision(server, "KIOSK-C", short["enrollment_token"]).status_code == 403
    finally:
        server.stop()


def test_the_demo_token_is_gone_from_a_platform_served_alone(tmp_path):
    db = tmp_path / "p.sqlite3"
    PlatformServer(db).start().stop()                  # a demo run left the token in the file
    server = PlatformServer(db, demo_enrollment=False).start()
    try:
        assert provision(server, "KIOSK-A", "DEMO-ENROLL-0001").status_code == 403
    finally:
        server.stop()


def serve(*args):
    return subprocess.run([sys.executable, "-m", "kiosk", "platform", "serve", "--port", "0",
                           *args], capture_output=True, text=True, timeout=60)


def test_platform_serve_refuses_a_network_bind_without_tls(tmp_path):
    for args in (("--host", "0.0.0.0"), ("--host", "0.0.0.0", "--allow-remote")):
        result = serve(*args, "--db", str(tmp_path / "p.sqlite3"))
        assert result.returncode == 2 and "refused" in result.stderr, args
        assert "Traceback" not in result.stderr


def test_the_kiosk_client_opens_a_citizen_session_and_drops_it_at_the_wipe(served):
    session = Session()
    client = PlatformClient(ClientSettings(served.url))
    client.session.headers.update(served.kiosk_headers())
    from kiosk.wiring.platform import current_citizen
    client.identify_citizen_with(lambda: current_citizen(session))
    session.identity = Identity("idcard", "欧阳建国", PERSON)
    assert client.post_for_bytes("/api/v1/persons/photo", {"id_number": PERSON})[:2] == b"\xff\xd8"
    sent = []
    client.session.hooks["response"].append(
        lambda response, *a, **k: sent.append(response.request.headers.get(CITIZEN_HEADER)))
    client.post_json("/api/v1/documents/query", {"id_number": PERSON, "name": "欧阳建国"})
    assert sent[-1]                                      # reused, not reopened
    session.wipe()
    with pytest.raises(PlatformError) as err:
        client.post_json("/api/v1/documents/query", {"id_number": PERSON, "name": "欧阳建国"})
    assert err.value.code == "platform_unauthorized"
    assert sent[-1] is None                              # nothing of the last citizen went along
    client.close()


def test_platform_serve_with_tls_and_mutual_tls(tmp_path, certs):
    """--tls-cert serves https; --client-ca refuses a client without a certificate."""
    import requests as plain_requests
    ca = certs.TestCA("Platform CA")
    cert, key = ca.issue(tmp_path, "platform", server=True)
    client_cert, client_key = ca.issue(tmp_path, "kiosk", server=False)
    ca_pem = ca.write(tmp_path / "ca.pem")
    proc = subprocess.Popen([sys.executable, "-m", "kiosk", "platform", "serve", "--port", "0",
                             "--db", str(tmp_path / "p.sqlite3"), "--tls-cert", str(cert),
                             "--tls-key", str(key), "--client-ca", str(ca_pem)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        url = re.search(r"https://127\.0\.0\.1:\d+", proc.stdout.readline()).group(0)
        with plain_requests.Session() as session:
            session.trust_env = False
            health = session.get(url + "/api/v1/health", verify=str(ca_pem), timeout=10,
                                 cert=(str(client_cert), str(client_key)))
            assert health.json()["status"] == "ok"
            with pytest.raises((plain_requests.exceptions.SSLError,
                                plain_requests.exceptions.ConnectionError)):
                session.get(url + "/api/v1/health", verify=str(ca_pem), timeout=10)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
