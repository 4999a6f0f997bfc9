"""Fixtures for the sync tests: an outbox in tmp, a provisioned kiosk on the loopback platform,
a fault proxy, a TLS platform with a throwaway CA."""
from __future__ import annotations

import os
import secrets
import socket
import subprocess
from pathlib import Path

import pytest
import requests
from local_modules import local_module as load_beside

from sync.credential import Credential, provision
from sync.crypto import PayloadCipher, load_or_create_key
from sync.delivery import DeliveryWorker, RetryPolicy
from sync.outbox import Outbox

KIOSK_ID = "KIOSK-TEST-0001"
# every platform these fixtures start takes this admin token (its admin endpoints refuse others)
ADMIN_TOKEN = secrets.token_urlsafe(16)
ADMIN_HEADERS = {"X-Admin-Token": ADMIN_TOKEN}


class Alerts(list):
    """Collects alert(code, message, details) calls."""

    def __call__(self, code: str, message: str, details: dict) -> None:
        self.append((code, message, details))

    def codes(self) -> list[str]:
        return [a[0] for a in self]


@pytest.fixture
def alerts() -> Alerts:
    return Alerts()


@pytest.fixture
def make_outbox(tmp_path, alerts):
    made: list[Outbox] = []

    def make(name: str = "outbox.sqlite3", **kw) -> Outbox:
        cipher = PayloadCipher(load_or_create_key(tmp_path / "outbox.key"))
        kw.setdefault("alert", alerts)
        box = Outbox(tmp_path / name, cipher, **kw)
        made.append(box)
        return box

    yield make
    for box in made:
        box.close()


def platform_client(url: str, credential: Credential | None = None, *, timeout=(1.0, 3.0),
                    verify: bool | str = True, cert=None):
    """The real platform client (sync.client), as the wiring builds it, for a test URL."""
    from sync.client import ClientSettings, PlatformClient
    cert_path, key_path = cert if isinstance(cert, tuple) else (cert, None)
    return PlatformClient(ClientSettings(url, connect_timeout_s=timeout[0],
                                         read_timeout_s=timeout[1], verify=verify,
                                         client_cert=cert_path, client_key=key_path),
                          credential=credential)


@pytest.fixture
def enroll():
    """enroll(platform_url, path, client=None) -> Credential, with a fresh single-use token."""
    def do(url: str, path: Path, client=None, kiosk_id: str = KIOSK_ID) -> Credential:
        # issued for this kiosk id: it may also re-enroll that kiosk (revoking its credential)
        token = requests.post(url + "/api/v1/admin/enrollment", headers=ADMIN_HEADERS,
                              params={"kiosk_id": kiosk_id}, timeout=5).json()["enrollment_token"]
        return provision(client or platform_client(url), url, kiosk_id, token, path)
    return do


@pytest.fixture
def credential(live_platform, tmp_path, enroll) -> Credential:
    return enroll(live_platform.url, tmp_path / "credential.json")


@pytest.fixture
def client_for():
    """client_for(url, credential, timeout=(c, r), verify=...) -> the platform client."""
    return platform_client


@pytest.fixture
def make_worker(alerts):
    workers: list[DeliveryWorker] = []

    def make(outbox: Outbox, client, **kw) -> DeliveryWorker:
        kw.setdefault("policy", RetryPolicy(0.05, 0.2))
        kw.setdefault("alert", alerts)
        worker = DeliveryWorker(outbox, client, **kw)
        workers.append(worker)
        return worker

    yield make
    for worker in workers:
        worker.stop()


class PlatformAdmin:
    """The reference platform's admin endpoints (counts, faults, commands) for assertions."""

    def __init__(self, url: str):
        self.url = url

    def call(self, path: str, body: dict | None = None, method: str = "POST") -> dict:
        response = requests.request(method, self.url + path, json=body, headers=ADMIN_HEADERS,
                                    timeout=10)
        response.raise_for_status()
        return response.json()

    def received(self, **query) -> dict:
        return self.call("/api/v1/admin/received", method="GET", body=None) if not query else \
            requests.get(self.url + "/api/v1/admin/received", params=query,
                         headers=ADMIN_HEADERS, timeout=10).json()

    def fault(self, mode: str = "none", **spec) -> dict:
        return self.call("/api/v1/admin/faults", {"mode": mode, **spec})

    def command(self, name: str, kiosk_id: str = KIOSK_ID, **body) -> dict:
        return self.call("/api/v1/admin/commands", {"name": name, "kiosk_id": kiosk_id, **body})


@pytest.fixture
def admin_of():
    return PlatformAdmin


@pytest.fixture
def admin_headers() -> dict:
    """The header the admin endpoints of these fixtures' platforms want."""
    return dict(ADMIN_HEADERS)


def local_module(name: str):
    """A helper module beside this file (certs, faultproxy)."""
    return load_beside(__file__, name)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class RestartablePlatform:
    """The reference platform on a fixed port and database, which a test can stop and restart
    (the platform going down and coming back)."""

    def __init__(self, db_path: Path):
        self.db_path = db_path
        self.server = self._make(0)
        self.port = self.server.port
        self.url = self.server.url

    def _make(self, port: int):
        from reference_platform.server import PlatformServer
        server = PlatformServer(self.db_path, port=port, admin_token=ADMIN_TOKEN)
        # the reference server writes headers and body separately; with Nagle on, each answer
        # waits ~40 ms for the client's delayed ACK, which would dominate these tests' run time
        server.httpd.RequestHandlerClass.disable_nagle_algorithm = True
        return server.start()

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()
            self.server = None

    def start(self) -> None:
        if self.server is None:
            self.server = self._make(self.port)


@pytest.fixture
def live_platform(tmp_path):
    server = RestartablePlatform(tmp_path / "platform-live.sqlite3")
    yield server
    server.stop()


@pytest.fixture
def fault_proxy(live_platform):
    proxy = local_module("faultproxy").FaultProxy(live_platform.port).start()
    yield proxy
    proxy.stop()


@pytest.fixture
def tls_platform(tmp_path):
    """The reference platform behind real TLS (a throwaway CA), optionally demanding a client
    certificate: yields an object with url, ca (PEM path), client (cert, key) and other_ca."""
    import ssl
    from types import SimpleNamespace
    from reference_platform.server import PlatformServer
    certs = local_module("certs")
    ca, other = certs.TestCA(), certs.TestCA("Unrelated CA")
    server_cert, server_key = ca.issue(tmp_path, "platform", server=True)
    client_cert, client_key = ca.issue(tmp_path, "kiosk-client", server=False)

    def start(require_client_cert: bool = False):
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(server_cert, server_key)
        if require_client_cert:
            context.verify_mode = ssl.CERT_REQUIRED
            context.load_verify_locations(ca.write(tmp_path / "ca-for-clients.pem"))
        server = PlatformServer(tmp_path / "platform-tls.sqlite3", admin_token=ADMIN_TOKEN)
        server.httpd.socket = context.wrap_socket(server.httpd.socket, server_side=True)
        started.append(server.start())
        return f"https://127.0.0.1:{server.port}", f"http://127.0.0.1:{server.port}"

    started: list = []
    yield SimpleNamespace(start=start, ca=ca.write(tmp_path / "ca.pem"),
                          other_ca=other.write(tmp_path / "other-ca.pem"),
                          client=(client_cert, client_key))
    for server in started:
        server.stop()


@pytest.fixture
def tiny_fs(tmp_path):
    """A real 2 MiB tmpfs: SQLite hits ENOSPC for real. Needs root and mount rights."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)
