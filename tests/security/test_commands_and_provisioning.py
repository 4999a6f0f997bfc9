"""Remote commands and provisioning findings of issue 14: a command is judged by the platform's
signed time (an hour-old command ran after one answer with a Date header shifted by -2 h),
lifetimes are capped, a badly skewed clock holds every command and alerts staff; provisioning
pins the platform's signing key and refuses http outside --demo."""
from __future__ import annotations

import email.utils
import subprocess
import sys
import time
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk import config
from reference_platform.server import PlatformServer
from sync.clock import SignedClock
from sync.credential import CredentialError, provision
from sync.client import ClientSettings, PlatformClient

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def platform(tmp_path):
    server = PlatformServer(tmp_path / "platform.sqlite3").start()
    yield server
    server.stop()


@pytest.fixture
def kiosk(platform, tmp_path):
    """The sync area as the app wires it, on a kiosk provisioned with the pinned key."""
    from kiosk.wiring.platform import open_link
    from kiosk.wiring.sync import build_area
    cfg = config.load(ROOT / "config.toml", {"kiosk": {"data_dir": str(tmp_path / "data"),
                                                       "id": "KIOSK-SEC-0001"}})
    with PlatformClient(ClientSettings(platform.url)) as client:
        provision(client, platform.url, "KIOSK-SEC-0001", platform.admin.enrollment_token(),
                  cfg.data_path(cfg.sync.credential_file),
                  expected_key=platform.signing_public_key)
    link = open_link(cfg, platform.url, demo=True)          # http on loopback: demo rules
    area = build_area(cfg, link)
    ran = []
    area.commands.register("maintenance", lambda args: ran.append(args) or {"on": True})
    area.ran = ran
    yield area
    area.stop()
    link.close()


def acked(platform, command_id):
    return platform.admin.call(f"/api/v1/admin/commands/{command_id}", method="GET")


def test_a_shifted_date_header_cannot_revive_an_expired_command(kiosk, platform):
    # a validly signed command that expired an hour ago, replayed by someone in between (the
    # platform itself no longer sends it)
    command = platform.admin.command("maintenance", "KIOSK-SEC-0001", ttl_s=-3600)
    assert kiosk.heartbeat.beat().ok                  # the signed time of this answer
    # the old finding: one answer whose Date is 2 h behind made the kiosk think it was earlier
    two_hours_ago = email.utils.formatdate(time.time() - 7200, usegmt=True)
    kiosk.skew.observe(two_hours_ago, time.time(), time.time())
    acks = kiosk.commands.handle([command["envelope"]])
    assert kiosk.ran == []
    assert [a["result"] for a in acks if a["id"] == command["id"]] == [{"error": "expired"}]


def test_a_long_lived_command_is_refused(kiosk, platform):
    command = platform.admin.command("maintenance", "KIOSK-SEC-0001", ttl_s=3600)
    assert kiosk.heartbeat.beat().ok and kiosk.ran == []
    assert acked(platform, command["id"])["result"]["error"] == "lifetime_too_long"
    fine = platform.admin.command("maintenance", "KIOSK-SEC-0001", ttl_s=300)
    kiosk.heartbeat.beat()
    assert kiosk.ran == [{}] and acked(platform, fine["id"])["ok"] is True


def test_a_skewed_clock_holds_commands_and_alerts(tmp_path):
    key = Ed25519PrivateKey.generate()
    alerts = []
    clock = SignedClock("K", key.public_key(), alert=lambda *a: alerts.append(a[0]),
                        clock=lambda: time.time() + 3600)          # the kiosk is an hour ahead
    nonce = clock.nonce()
    signed = _signed(key, {"kiosk_id": "K", "nonce": nonce, "server_time": time.time()})
    assert clock.observe(signed, time.time() + 3600, time.time() + 3600)
    assert not clock.trusted and alerts == ["security_clock_skew"]
    from sync.remote_commands import RemoteCommands
    commands = RemoteCommands(tmp_path / "c.sqlite3", "K", key.public_key(), now=clock.now,
                              clock_trusted=lambda: clock.trusted)
    ran = []
    commands.register("maintenance", lambda args: ran.append(args))
    now = time.time()
    envelope = _signed(key, {"id": "c1", "kiosk_id": "K", "name": "maintenance", "args": {},
                             "issued_at": now, "expires_at": now + 300})
    assert commands.handle([envelope]) == [] and ran == []     # held, not refused for good
    good = SignedClock("K", key.public_key())
    nonce = good.nonce()
    assert good.observe(_signed(key, {"kiosk_id": "K", "nonce": nonce,
                                      "server_time": time.time()}), time.time(), time.time())
    commands._clock_trusted, commands._now = (lambda: good.trusted), good.now
    commands.handle([envelope])
    assert ran == [{}]


def test_a_forged_or_replayed_signed_time_is_not_believed():
    key, other = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
    alerts = []
    clock = SignedClock("K", key.public_key(), alert=lambda *a: alerts.append(a[0]))
    clock.nonce()
    assert not clock.observe(_signed(other, {"kiosk_id": "K", "nonce": "x", "server_time": 1}),
                             0, 0)
    old = clock.nonce()
    clock.nonce()                                   # a newer heartbeat went out since
    assert not clock.observe(_signed(key, {"kiosk_id": "K", "nonce": old,
                                           "server_time": time.time()}), 0, 0)
    assert alerts == ["security_signed_time_invalid", "security_signed_time_replayed"]
    assert not clock.trusted


def _signed(key, payload: dict) -> dict:
    import base64
    import json
    text = json.dumps(payload, sort_keys=True, separators=(",", ":"))
    return {"payload": text, "signature": base64.b64encode(key.sign(text.encode())).decode()}


def test_provisioning_refuses_a_platform_presenting_another_key(platform, tmp_path):
    other = base64_key(Ed25519PrivateKey.generate())
    with PlatformClient(ClientSettings(platform.url)) as client:
        with pytest.raises(CredentialError, match="pinned"):
            provision(client, platform.url, "KIOSK-PIN-0001", platform.admin.enrollment_token(),
                      tmp_path / "credential.json", expected_key=other)
    assert not (tmp_path / "credential.json").exists()


def base64_key(private) -> str:
    import base64
    return base64.b64encode(private.public_key().public_bytes_raw()).decode()


def kiosk_cli(tmp_path, url, *args):
    path = tmp_path / "config.toml"
    path.write_text(f'[kiosk]\ndata_dir = "{tmp_path / "data"}"\n[platform]\nurl = "{url}"\n',
                    encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "kiosk", "--config", str(path), "provision",
                           "--token", "ENROLL-X", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=60)


def test_kiosk_provision_refuses_http_and_an_unpinned_key(platform, tmp_path):
    over_http = kiosk_cli(tmp_path, platform.url, "--expect-key", platform.signing_public_key)
    assert over_http.returncode == 2 and "only https://" in over_http.stderr
    unpinned = kiosk_cli(tmp_path, "https://platform.example.gov.cn")
    assert unpinned.returncode == 2 and "--expect-key" in unpinned.stderr
    assert not (tmp_path / "data" / "credential.json").exists()
