"""Every platform call of the kiosk goes through its one client, as the wiring builds it.

A TLS front on 127.0.0.1 stands where the real platform would be: it demands a client certificate
from a CA the test makes, refuses any call without the kiosk credential (Bearer), and forwards the
rest to the reference platform. The proxy and CA bundle environment variables point nowhere, so a
call that read them (or skipped the client) would fail. With the certificate: catalog, document
list, the document's data, seal and signed PDF, the reference photo, records, heartbeat and a
remote command's acknowledgement all work; without it each fails as a TLS error. Another check
fails the suite when any product module other than sync/client.py imports requests.
"""
from __future__ import annotations

import ast
import http.client
import json
import ssl
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests

from kiosk.session import Identity
from kiosk.wiring import camera, catalog, platform as platform_wiring, printing, sync as sync_wiring

from .conftest import free_port, local_module

ROOT = Path(__file__).resolve().parents[2]
PRODUCT = ("kiosk", "devices", "printing", "sync", "screens")
PERSON = {"id_number": "990101198001011234", "name": "欧阳建国"}
PROVISION = "/api/v1/kiosks/provision"
KIOSK_ID = "KIOSK-E2E-0001"
HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "proxy-connection", "host"}


class TlsFront:
    """HTTPS on 127.0.0.1 demanding a client certificate and (except for provisioning) the kiosk
    credential; forwards to the platform behind it and notes what it saw."""

    def __init__(self, backend_url: str, server_cert: Path, server_key: Path, client_ca: Path):
        self.backend = urlsplit(backend_url)
        self.token: str | None = None
        self.seen: list[tuple[str, str, bool]] = []     # (method, path, credential ok)
        front = self

        class Handler(BaseHTTPRequestHandler):
            def _any(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                path = self.path
                authorized = (front.token is not None and
                              self.headers.get("Authorization") == f"Bearer {front.token}")
                front.seen.append((self.command, path.split("?")[0], authorized))
                if not authorized and path != PROVISION:
                    self._answer(401, {"Content-Type": "application/json"},
                                 b'{"error": "unauthorized"}')
                    return
                conn = http.client.HTTPConnection(front.backend.hostname, front.backend.port,
                                                  timeout=20)
                try:
                    headers = {k: v for k, v in self.headers.items()
                               if k.lower() not in HOP_BY_HOP}
                    conn.request(self.command, path, body=body, headers=headers)
                    answer = conn.getresponse()
                    data = answer.read()
                    self._answer(answer.status, {k: v for k, v in answer.getheaders()
                                                 if k.lower() not in HOP_BY_HOP | {"content-length"}},
                                 data)
                finally:
                    conn.close()

            def _answer(self, status: int, headers: dict, body: bytes) -> None:
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = do_PUT = do_DELETE = _any

            def log_message(self, *args) -> None:
                pass

        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(server_cert, server_key)
        context.verify_mode = ssl.CERT_REQUIRED
        context.load_verify_locations(client_ca)
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        # the handshake runs in the request thread, so a client that never finishes it (or has
        # no certificate) does not hold up the listener
        self.httpd.socket = context.wrap_socket(self.httpd.socket, server_side=True,
                                                do_handshake_on_connect=False)
        self.url = f"https://127.0.0.1:{self.httpd.server_address[1]}"
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self._thread.start()

    def paths(self) -> set[str]:
        return {path for _, path, ok in self.seen if ok}

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def pki(tmp_path):
    certs = local_module("certs")
    ca = certs.TestCA("Platform Test CA")
    server_cert, server_key = ca.issue(tmp_path, "platform-front", server=True)
    client_cert, client_key = ca.issue(tmp_path, "kiosk-client", server=False)
    return {"ca": ca.write(tmp_path / "platform-ca.pem"), "server": (server_cert, server_key),
            "client": (client_cert, client_key)}


@pytest.fixture
def front(platform, pki):
    server = TlsFront(platform.url, *pki["server"], pki["ca"])
    yield server
    server.stop()


@pytest.fixture
def hostile_env(monkeypatch, tmp_path):
    """Proxies and CA bundles from the environment that lead nowhere: only config.toml counts."""
    dead_proxy = f"http://127.0.0.1:{free_port()}"
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy",
                 "all_proxy"):
        monkeypatch.setenv(name, dead_proxy)
    for name in ("NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    for name in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE", "SSL_CERT_FILE"):
        monkeypatch.setenv(name, str(tmp_path / "no-such-ca.pem"))


def enrollment_token(platform) -> str:
    # straight to the platform (not through the front, not through any proxy): the admin's part
    with requests.Session() as admin:
        admin.trust_env = False
        answer = admin.post(platform.url + "/api/v1/admin/enrollment",
                            headers=platform.admin_headers, timeout=10)
        answer.raise_for_status()
        return answer.json()["enrollment_token"]


def trust_root(platform, tmp_path) -> Path:
    with requests.Session() as plain:
        plain.trust_env = False
        pem = plain.get(platform.url + "/api/v1/documents/trust-root", timeout=10,
                        headers=platform.kiosk_headers("KIOSK-TRUST-SETUP")).content
    path = tmp_path / "document-trust.pem"
    path.write_bytes(pem)
    return path


def kiosk_overrides(tmp_path, url: str, pki: dict, trust: Path, with_cert: bool = True) -> dict:
    section = {"url": url, "ca_bundle": str(pki["ca"]), "connect_timeout_s": 2.0,
               "read_timeout_s": 10.0, "catalog_refresh_minutes": 600}
    if with_cert:
        section.update(client_cert=str(pki["client"][0]), client_key=str(pki["client"][1]))
    return {"kiosk": {"id": KIOSK_ID, "data_dir": str(tmp_path)}, "platform": section,
            "certificate_printer": {"trust_roots": str(trust)},
            "receipt_printer": {"enabled": False},
            "sync": {"backoff_base_s": 0.05, "backoff_max_s": 1.0, "heartbeat_s": 3600}}


def provision_with_the_cli(tmp_path, overrides: dict, token: str, key: str) -> None:
    """`kiosk provision` (a command that talks to the platform) with the same settings."""
    from kiosk.cli import main as kiosk_main
    lines = [f'[kiosk]\nid = "{KIOSK_ID}"\ndata_dir = "{tmp_path}"\n[platform]']
    lines += [f"{key} = {json.dumps(value)}" for key, value in overrides["platform"].items()]
    path = tmp_path / "provision.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert kiosk_main(["--config", str(path), "provision", "--token", token,
                       "--expect-key", key]) == 0


def wire_platform_areas(ctx) -> None:
    """The areas that talk to the platform, wired as kiosk.context.wire_all does (platform
    first); the card readers are left out, they do not talk to the platform."""
    from kiosk.app import start_platform
    start_platform(ctx)
    for module in (platform_wiring, camera, catalog, printing, sync_wiring):
        module.wire(ctx)


def wait_for(predicate, timeout: float = 15.0) -> bool:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def test_every_platform_call_goes_through_the_one_client(platform, front, pki, hostile_env,
                                                         make_ctx, tmp_path):
    trust = trust_root(platform, tmp_path)
    overrides = kiosk_overrides(tmp_path, front.url, pki, trust)
    provision_with_the_cli(tmp_path, overrides, enrollment_token(platform),
                           platform.signing_public_key)
    ctx = make_ctx(overrides, demo=True)
    front.token = json.loads(ctx.config.data_path(ctx.config.sync.credential_file)
                             .read_text(encoding="utf-8"))["token"]

    wire_platform_areas(ctx)
    assert not ctx.services.unavailable, ctx.services.unavailable
    link = ctx.platform
    assert link.credential.kiosk_id == KIOSK_ID and link.client.has_credential

    # catalog
    cache = ctx.services.catalog.cache
    cache.refresh()
    assert cache.last_status in ("updated", "unchanged") and not cache.offline
    assert len(cache.catalog) > 10

    # documents: the list, then each kind the kiosk prints (rendered with its seal, signed PDF),
    # for the citizen identified at the kiosk (the platform asks for a citizen session)
    ctx.session.identity = Identity("idcard", PERSON["name"], PERSON["id_number"])
    certificates = ctx.services.printing.certificates
    documents = certificates.source.list_for(PERSON["id_number"], PERSON["name"])
    assert documents
    formats = {}
    for summary in documents:
        data = certificates.source.document(summary["doc_id"])
        formats.setdefault(data.get("format", "data"), summary["doc_id"])
    assert "signed-pdf" in formats and len(formats) >= 2, formats
    for doc_id in formats.values():
        prepared = certificates.prepare(doc_id)
        assert prepared.pdf.startswith(b"%PDF") and prepared.pages >= 1

    # reference photo for the face check (no decoded card photo in this session)
    assert ctx.services.camera.reference_photo()[:2] == b"\xff\xd8"    # a JPEG

    # records and heartbeat
    sync = ctx.services.sync
    receipt = sync.enqueue("evaluation", {"level": 5})
    assert wait_for(lambda: sync.outbox.stats().depth == 0)
    assert sync.status().online and sync.status().last_error is None
    # a remote command rides on the heartbeat answer; its acknowledgement goes back the same way
    with requests.Session() as admin:
        admin.trust_env = False
        admin.post(platform.url + "/api/v1/admin/commands", headers=platform.admin_headers,
                   json={"name": "flush_outbox", "kiosk_id": KIOSK_ID},
                   timeout=10).raise_for_status()
    beat = sync.heartbeat.beat()
    assert beat.ok and beat.commands == 1 and beat.acked == 1

    seen = front.paths()
    for path in ("/api/v1/catalog", "/api/v1/citizen-sessions", "/api/v1/documents/query",
                 "/api/v1/persons/photo",
                 "/api/v1/records", "/api/v1/heartbeat", "/api/v1/commands/ack"):
        assert path in seen, (path, sorted(seen))
    assert any(p.startswith("/api/v1/seals/") for p in seen)
    assert any(p.endswith("/pdf") for p in seen)
    refused = [(m, p) for m, p, ok in front.seen if not ok and p != PROVISION]
    assert refused == []                      # every call after provisioning carried the credential
    with requests.Session() as plain:
        plain.trust_env = False
        got = plain.get(platform.url + "/api/v1/admin/received", params={"include": "records"},
                        headers=platform.admin_headers, timeout=10).json()
    assert receipt.key in [r["key"] for r in got["records"]]


def test_without_the_client_certificate_every_call_is_a_tls_error(platform, front, pki,
                                                                  hostile_env, make_ctx,
                                                                  tmp_path):
    from kiosk.wiring.platform import open_link
    from devices.camera.errors import CameraError
    from printing.errors import PrintingError

    trust = trust_root(platform, tmp_path)
    # a credential the front would accept, so that only the certificate is missing
    good = make_ctx(kiosk_overrides(tmp_path, front.url, pki, trust), demo=True)
    link = open_link(good.config, front.url, enroll_token=enrollment_token(platform))
    link.close()
    front.token = link.credential.token
    front.seen.clear()

    ctx = make_ctx(kiosk_overrides(tmp_path, front.url, pki, trust, with_cert=False), demo=True)
    wire_platform_areas(ctx)
    assert ctx.platform.credential is not None      # the credential file is there; TLS is not
    cache = ctx.services.catalog.cache
    cache.refresh()
    assert cache.offline and cache.state().error_code == "platform_tls"

    source = ctx.services.printing.certificates.source
    for call, args in ((source.list_for, (PERSON["id_number"], PERSON["name"])),
                       (source.document, ("DOC-1",)), (source.seal, ("/api/v1/seals/x",)),
                       (source.signed_pdf, ("DOC-1",))):
        with pytest.raises(PrintingError, match="platform_tls"):
            call(*args)

    ctx.session.identity = Identity("idcard", PERSON["name"], PERSON["id_number"])
    with pytest.raises(CameraError, match="platform_tls"):
        ctx.services.camera.reference_photo()

    sync = ctx.services.sync
    sync.enqueue("evaluation", {"level": 1})
    assert sync.worker.drain().error == "platform_tls"
    assert sync.heartbeat.beat().error == "platform_tls"
    assert front.paths() == set()             # nothing got through


def test_nothing_outside_the_client_imports_requests():
    """sync/client.py owns the one Session; any other import of requests in the product (even for
    a type) is a way around it."""
    offenders = []
    for top in PRODUCT:
        for path in sorted((ROOT / top).rglob("*.py")):
            if path == ROOT / "sync" / "client.py":
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
                names = []
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0:
                    names = [node.module or ""]
                if any(name == "requests" or name.startswith("requests.") for name in names):
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == [], offenders
