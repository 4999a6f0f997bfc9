"""Transport findings of issue 14: https only outside --demo, the system CA store for
ca_bundle = '', and a certificate that does not verify raised as a security alert (staff and the
heartbeat), not shown as a plain "offline"."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import certifi
import pytest

from kiosk import config
from kiosk.config import ConfigError
from kiosk.deployment_checks import check_production_settings, demo_only_problems
from kiosk.platform_settings import client_settings
from sync.client import (SECURITY_TLS, SECURITY_TLS_RECOVERED, TLS, PlatformClient,
                         PlatformUnavailable, system_trust_store)

ROOT = Path(__file__).resolve().parents[2]

# a configuration a real kiosk could run with: https, real devices, issuers' CAs
REAL_KIOSK = """
[platform]
url = "https://platform.example.gov.cn"
[idcard]
port = "/dev/ttyUSB0"
[smartcard]
reader = "ACS ACR39U"
[camera.face]
source = "0"
[camera.document]
source = "1"
[camera.qr]
source = "2"
[receipt_printer]
transport = "serial"
port = "/dev/ttyS1"
[certificate_printer]
queue = "kiosk-a4"
trust_roots = "issuers.pem"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(f'[kiosk]\ndata_dir = "{tmp_path / "data"}"\n' + text, encoding="utf-8")
    return path


def config_check(path: Path, *flags: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kiosk", *flags, "config", "check", str(path)],
                          capture_output=True, text=True, cwd=ROOT, timeout=60)


def test_config_check_refuses_plain_http_outside_demo(tmp_path):
    path = write(tmp_path, REAL_KIOSK.replace("https://platform.example.gov.cn",
                                              "http://platform.example.gov.cn"))
    result = config_check(path)
    assert result.returncode == 2, result.stdout
    assert "only https:// is allowed outside --demo" in result.stderr
    assert "Traceback" not in result.stderr
    assert config_check(path, "--demo").returncode == 0


def test_config_check_accepts_a_real_kiosk_and_refuses_each_demo_only_setting(tmp_path):
    path = write(tmp_path, REAL_KIOSK)
    ok = config_check(path)
    assert ok.returncode == 0 and "OK" in ok.stdout, ok.stderr
    cfg = config.load(path)
    assert demo_only_problems(cfg) == []
    for section, key, value in (("platform", "url", "embedded"),
                                ("platform", "verify_tls", False),
                                ("idcard", "port", "virtual:idcard"),
                                ("smartcard", "reader", "virtual:ssc"),
                                ("camera", "face", {"source": "virtual:face"}),
                                ("receipt_printer", "transport", "virtual"),
                                ("certificate_printer", "queue", "virtual:kiosk-a4"),
                                ("certificate_printer", "trust_roots", "")):
        changed = config.load(path, {section: {key: value}})
        with pytest.raises(ConfigError) as err:
            check_production_settings(changed, demo=False)
        assert f"[{section}" in str(err.value), (section, key)
        check_production_settings(changed, demo=True)


def test_the_repo_config_is_for_the_demo_only():
    result = config_check(ROOT / "config.toml")
    assert result.returncode == 2
    assert "embedded" in result.stderr and "virtual twins are for --demo only" in result.stderr


def test_the_client_refuses_http_outside_demo(tmp_path):
    cfg = config.load(write(tmp_path, REAL_KIOSK))
    with pytest.raises(ConfigError, match="only https:// is allowed outside --demo"):
        client_settings(cfg, "http://127.0.0.1:8765")
    assert client_settings(cfg, "http://127.0.0.1:8765", demo=True).url.startswith("http://")


def test_empty_ca_bundle_means_the_system_store_not_certifi(tmp_path):
    cfg = config.load(write(tmp_path, REAL_KIOSK))
    with PlatformClient(client_settings(cfg)) as client:
        assert client.session.verify == system_trust_store()
    assert Path(system_trust_store()).resolve() != Path(certifi.where()).resolve()
    # the store update-ca-certificates builds, where a province deploys its CA
    assert "/etc/ssl/certs" in system_trust_store() or "/usr/lib/ssl" in system_trust_store()


def test_a_certificate_that_does_not_verify_is_a_security_alert(tmp_path, certs, https_server):
    trusted, attacker = certs.TestCA("Province CA"), certs.TestCA("Somebody else")
    good = trusted.issue(tmp_path, "platform", server=True)
    bad = attacker.issue(tmp_path, "intruder", server=True)
    server = https_server(*bad)
    alerts = []
    settings = client_settings(config.load(write(tmp_path, REAL_KIOSK), {"platform": {
        "ca_bundle": str(trusted.write(tmp_path / "ca.pem"))}}), server.url)
    client = PlatformClient(settings, security_alert=lambda *a: alerts.append(a))
    for _ in range(3):                     # retries do not repeat the alert
        with pytest.raises(PlatformUnavailable) as err:
            client.get_json("/api/v1/health")
        assert err.value.code == TLS
    assert [a[0] for a in alerts] == [SECURITY_TLS]
    assert alerts[0][2]["security"] is True and client.tls_failing
    server.swap(*good)
    client.session.close()                 # a fresh connection sees the new certificate
    assert client.get_json("/api/v1/health")[0] == 200
    assert [a[0] for a in alerts] == [SECURITY_TLS, SECURITY_TLS_RECOVERED]
    assert not client.tls_failing
    client.close()


def test_the_security_alert_reaches_the_heartbeat_and_the_staff_state(tmp_path, certs,
                                                                        https_server):
    from kiosk.wiring.platform import open_link
    from kiosk.wiring.sync import build_area
    from sync.credential import Credential, save_credential
    import base64
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    trusted, attacker = certs.TestCA("Province CA"), certs.TestCA("Somebody else")
    server = https_server(*attacker.issue(tmp_path, "intruder", server=True))
    path = write(tmp_path, REAL_KIOSK.replace("https://platform.example.gov.cn", server.url))
    cfg = config.load(path, {"platform": {"ca_bundle": str(trusted.write(tmp_path / "ca.pem"))}})
    key = base64.b64encode(Ed25519PrivateKey.generate().public_key().public_bytes_raw()).decode()
    save_credential(cfg.data_path(cfg.sync.credential_file),
                    Credential("KIOSK-T", "secret", key, server.url, 0.0))
    link = open_link(cfg, server.url)
    area = build_area(cfg, link)
    try:
        beat = area.heartbeat.beat()
        assert not beat.ok and beat.error == TLS
        snapshot = area.kiosk_state.snapshot()
        assert [a["code"] for a in snapshot["security_alerts"]] == [SECURITY_TLS]
        assert "SECURITY" in area.state and "offline" not in area.state
    finally:
        area.stop()
        link.close()


def test_a_client_key_others_can_read_is_refused(tmp_path, certs):
    ca = certs.TestCA("Province CA")
    cert, key = ca.issue(tmp_path, "kiosk", server=False)
    cfg = config.load(write(tmp_path, REAL_KIOSK), {"platform": {
        "client_cert": str(cert), "client_key": str(key)}})
    assert client_settings(cfg).client_key == str(key)          # 0600: fine
    key.chmod(0o644)
    with pytest.raises(ConfigError, match="client_key .* readable by others"):
        client_settings(cfg)
    # a certificate file that carries its key is held to the same rule
    both = tmp_path / "both.pem"
    both.write_bytes(cert.read_bytes() + key.read_bytes())
    both.chmod(0o644)
    with pytest.raises(ConfigError, match="client_cert .* readable by others"):
        client_settings(config.load(write(tmp_path, REAL_KIOSK),
                                    {"platform": {"client_cert": str(both)}}))
    cert.chmod(0o644)                                           # a bare certificate is public
    key.chmod(0o600)
    assert client_settings(cfg).client_cert == str(cert)
