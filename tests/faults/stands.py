"""The stand-ins the fault cases share: a reference platform that can be stopped and started on its
port, a kiosk sync area built by the product's own wiring (kiosk.wiring.sync.build_area on
kiosk.wiring.platform.open_link) from the repo's config.toml, and bounded waiting."""
from __future__ import annotations

import collections
import ssl
import time
from pathlib import Path
from typing import Callable

from local_modules import local_module

from kiosk import config
from reference_platform.server import PlatformServer

REPO_CONFIG = Path(__file__).resolve().parents[2] / "config.toml"
ADMIN_TOKEN = "fault-matrix-admin-token"


def wait_for(what: str, until: Callable[[], object], timeout: float = 10.0,
             poll: float = 0.02) -> float:
    """Poll until() until it is true; returns the seconds it took, or fails loudly naming `what`."""
    start = time.monotonic()
    while not until():
        if time.monotonic() - start > timeout:
            raise AssertionError(f"not within {timeout:g} s: {what}")
        time.sleep(poll)
    return time.monotonic() - start


certs = local_module(str(Path(__file__).resolve().parents[1] / "sync" / "conftest.py"), "certs")


class TestPKI:
    """A throwaway CA the kiosk trusts (its ca_bundle), the platform's certificate from it, and an
    unrelated CA's certificate for the same address: what a wrong or intercepting server shows."""
    __test__ = False

    def __init__(self, folder: Path):
        folder.mkdir(parents=True, exist_ok=True)
        self.ca, other = certs.TestCA(), certs.TestCA("Unrelated CA")
        self.ca_pem = self.ca.write(folder / "ca.pem")
        self.good = self.ca.issue(folder, "platform", server=True)
        self.bad = other.issue(folder, "impostor", server=True)


class Platform:
    """The reference platform over TLS on a fixed port and database; stop() and start() take it
    down and bring it back where the kiosk expects it, start(cert=...) with another certificate."""

    def __init__(self, db_path: Path, pki: TestPKI):
        self.db_path = db_path
        self.pki = pki
        self.server: PlatformServer | None = self._make(0, pki.good)
        self.port = self.server.port
        self.url = f"https://127.0.0.1:{self.port}"

    def _make(self, port: int, cert: tuple[Path, Path]) -> PlatformServer:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(*cert)
        server = PlatformServer(self.db_path, port=port, admin_token=ADMIN_TOKEN)
        server.httpd.socket = context.wrap_socket(server.httpd.socket, server_side=True)
        return server.start()

    @property
    def admin(self):
        from reference_platform.admin import AdminClient
        return AdminClient(self.url, ADMIN_TOKEN, verify=str(self.pki.ca_pem))

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()
            self.server = None

    def start(self, cert: tuple[Path, Path] | None = None) -> None:
        if self.server is None:
            self.server = self._make(self.port, cert or self.pki.good)

    def records(self) -> list[dict]:
        return self.admin.received(include="records")["records"]


class Alerts(list):
    """alert(code, message, details) calls, in order."""

    def __call__(self, code: str, message: str, details: dict) -> None:
        self.append((code, message, details))

    def codes(self) -> list[str]:
        return [code for code, _, _ in self]


def kiosk_config(data_dir: Path, platform: Platform, **sections) -> config.Config:
    """The repo's config.toml with the data in data_dir, the platform's URL and CA, and fast
    timeouts and backoffs (a case must not wait out a production backoff); `sections` override
    more."""
    overrides = {"kiosk": {"data_dir": str(data_dir)},
                 "platform": {"url": platform.url, "ca_bundle": str(platform.pki.ca_pem),
                              "connect_timeout_s": 0.5, "read_timeout_s": 1.0},
                 "sync": {"backoff_base_s": 0.05, "backoff_max_s": 1.0, "heartbeat_s": 5}}
    for name, values in sections.items():
        overrides.setdefault(name, {}).update(values)
    return config.load(REPO_CONFIG, overrides)


class SyncKiosk:
    """The kiosk's sync area as the app wires it: the one platform client (enrolled with the
    platform's reusable demo token), the outbox, the delivery worker, the heartbeat."""

    def __init__(self, cfg: config.Config, platform: Platform, enroll: bool = True):
        from kiosk.wiring.platform import open_link
        from kiosk.wiring.sync import build_area
        self.cfg = cfg
        self.alerts = Alerts()
        token = platform.server.demo_enrollment_token if enroll else None
        self.link = open_link(cfg, platform.url, enroll_token=token)
        self.area = build_area(cfg, self.link, alert=self.alerts)
        self.sent: collections.Counter = collections.Counter()   # payload n -> times accepted

    def start(self) -> "SyncKiosk":
        self.area.start()
        return self

    def submit(self, n: int) -> None:
        """One submission as a transaction makes it; counted once enqueue() returned."""
        self.area.enqueue("submission", {"n": n, "applicant": "测试申请人"})
        self.sent[n] += 1

    def stop(self) -> None:
        self.area.stop()
        self.link.close()


def count_at_platform(platform: Platform, kiosk: SyncKiosk) -> tuple[int, int, int, int]:
    """(accepted by the kiosk, distinct at the platform, lost, arrived more than once as separate
    records) for the kiosk's submissions, matched by their payload number."""
    got = collections.Counter(r["payload"]["n"] for r in platform.records()
                              if r["kind"] == "submission")
    accepted = sum(kiosk.sent.values())
    lost = sum(1 for n in kiosk.sent if got[n] == 0)
    doubled = sum(count - 1 for count in got.values() if count > 1)
    return accepted, len(got), lost, doubled


def wait_for_heartbeat(platform: Platform, kiosk: SyncKiosk, code: str, timeout: float = 10.0
                       ) -> dict:
    """The last heartbeat the platform received from the kiosk, once it reports `code` among its
    last errors (what the platform's monitoring shows staff)."""
    kiosk_id = kiosk.link.credential.kiosk_id
    seen: dict = {}

    def reported() -> bool:
        try:
            seen.update(platform.admin.call(f"/api/v1/admin/heartbeats/{kiosk_id}", method="GET"))
        except Exception:       # none yet (404) or the platform still coming back
            return False
        return code in [e.get("code") for e in seen.get("body", {}).get("last_errors", [])]
    wait_for(f"a heartbeat reporting {code}", reported, timeout, poll=0.2)
    return seen
