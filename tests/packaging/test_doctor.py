"""`kiosk doctor`: every check says ok, warn or fail with what to do, and the exit status says
whether the kiosk is fit to serve. Against the reference platform over TLS on loopback, an ID
card reader twin on a real pty, and the kiosk's own outbox and certificates."""
from __future__ import annotations

import datetime
import json
import uuid
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.commands import doctor
from local_modules import local_module

helpers = local_module(__file__, "helpers")


def kiosk_config(tmp_path: Path, platform, **extra: str) -> Path:
    # a kiosk id is provisioned once on the platform: each test is its own kiosk
    values = {"kiosk.id": f"KIOSK-DOC-{uuid.uuid4().hex[:8]}", "kiosk.data_dir": str(tmp_path / "data"),
              "platform.url": platform.url, "platform.ca_bundle": str(platform.ca),
              "idcard.enabled": "false", "smartcard.enabled": "false", "face.enabled": "false",
              "receipt_printer.enabled": "false", "certificate_printer.enabled": "false",
              "certificate_printer.queue": "kiosk-a4",
              "certificate_printer.trust_roots": str(platform.ca),
              "camera.document.source": "/dev/null-camera", "camera.qr.source": "/dev/null-camera"}
    values.update(extra)
    lines: dict[str, list[str]] = {}
    for key, value in values.items():
        section, _, name = key.rpartition(".")
        literal = value if value in ("true", "false") else json.dumps(value)
        lines.setdefault(section, []).append(f"{name} = {literal}")
    path = tmp_path / "config.toml"
    path.write_text("".join(f"[{s}]\n" + "\n".join(v) + "\n" for s, v in lines.items()))
    return path


def provision(path: Path, platform) -> None:
    assert main(["--config", str(path), "provision", "--token",
                 helpers.enrollment_token(platform), "--expect-key", platform.key]) == 0


def by_check(findings) -> dict[str, doctor.Finding]:
    return {f.check: f for f in findings}


def test_a_provisioned_kiosk_is_fit_to_serve(tls_platform, tmp_path):
    path = kiosk_config(tmp_path, tls_platform)
    provision(path, tls_platform)
    found = by_check(doctor.run_checks(str(path), doctor.Options(devices=False)))
    assert found["config"].status == "ok"
    assert found["platform"].status == "ok"
    assert "over TLS with the kiosk credential (KIOSK-DOC-" in found["platform"].detail
    assert found["clock"].status == "ok" and "allowed 120 s" in found["clock"].detail
    assert found["disk"].status == "ok" and found["outbox"].status == "ok"
    # the throwaway CA lives a day: it warns before it expires, it does not stop the kiosk
    cert = found["cert.platform.ca_bundle"]
    assert cert.status == "warn" and "(0 days)" in cert.detail and "Renew" in cert.advice
    assert doctor.fit_to_serve(list(found.values()))


def test_an_unprovisioned_kiosk_is_told_how_to_provision(tls_platform, tmp_path, capsys):
    path = kiosk_config(tmp_path, tls_platform)
    assert main(["--config", str(path), "doctor", "--no-devices"]) == 1
    page = capsys.readouterr().out
    assert "FAIL  Platform" in page and "this kiosk has no credential" in page
    assert "-> Provision it: `kiosk provision --token TOKEN`" in page
    assert page.rstrip().endswith("Fit to serve: NO (1 to fix)")


def test_json_and_the_exit_status(tls_platform, tmp_path, capsys):
    path = kiosk_config(tmp_path, tls_platform)
    provision(path, tls_platform)
    capsys.readouterr()
    assert main(["--config", str(path), "doctor", "--json", "--no-devices"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["fit"] is True
    assert {f["check"] for f in report["findings"]} >= {"config", "platform", "clock", "disk",
                                                        "outbox", "update"}
    assert all(set(f) == {"check", "title", "status", "detail", "advice"} for f in report["findings"])


def test_an_invalid_configuration_stops_at_the_first_finding(tmp_path, capsys):
    path = tmp_path / "config.toml"
    path.write_text("[ui]\nidle_timeout_s = 5\n")
    assert main(["--config", str(path), "doctor", "--json"]) == 1
    (finding,) = json.loads(capsys.readouterr().out)["findings"]
    assert finding["check"] == "config" and "idle_timeout_s" in finding["detail"]


def test_the_platform_down_and_the_wrong_ca(tls_platform, tmp_path):
    certs = local_module(str(helpers.REPO / "tests" / "sync" / "conftest.py"), "certs")
    other = certs.TestCA("Unrelated CA").write(tmp_path / "other.pem")
    path = kiosk_config(tmp_path, tls_platform)
    provision(path, tls_platform)
    wrong = kiosk_config(tmp_path, tls_platform, **{"platform.ca_bundle": str(other)})
    found = by_check(doctor.run_checks(str(wrong), doctor.Options(devices=False)))
    assert found["platform"].status == "fail" and found["platform"].detail.startswith("platform_tls")
    assert "ca_bundle" in found["platform"].advice
    down = kiosk_config(tmp_path, tls_platform, **{"platform.url": "https://127.0.0.1:9"})
    found = by_check(doctor.run_checks(str(down), doctor.Options(devices=False)))
    assert found["platform"].detail.startswith("platform_unreachable")
    assert found["clock"].status == "skip"


def expired_pem(tmp_path: Path) -> Path:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Old issuer CA")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(1)
            .not_valid_before(now - datetime.timedelta(days=400))
            .not_valid_after(now - datetime.timedelta(days=3)).sign(key, hashes.SHA256()))
    path = tmp_path / "old.pem"
    path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return path


def test_an_expired_trust_root_is_a_failure(tls_platform, tmp_path):
    path = kiosk_config(tmp_path, tls_platform,
                        **{"certificate_printer.trust_roots": str(expired_pem(tmp_path))})
    found = by_check(doctor.run_checks(str(path), doctor.Options(devices=False)))
    cert = found["cert.certificate_printer.trust_roots"]
    assert cert.status == "fail" and "CN=Old issuer CA" in cert.detail and "Expired" in cert.advice


@pytest.mark.parametrize("conf, status", [("PreserveJobFiles No\n", "ok"),
                                          ("# PreserveJobFiles No\nLogLevel warn\n", "fail"),
                                          ("PreserveJobFiles 1d\n", "fail")])
def test_cups_must_keep_no_job_files(tls_platform, tmp_path, conf, status):
    path = kiosk_config(tmp_path, tls_platform, **{"certificate_printer.enabled": "true"})
    cupsd = tmp_path / "cupsd.conf"
    cupsd.write_text(conf)
    found = by_check(doctor.run_checks(str(path), doctor.Options(devices=False, cupsd_conf=cupsd)))
    assert found["cups_job_files"].status == status
    if status == "fail":
        assert found["cups_job_files"].advice == "Run `cupsctl PreserveJobFiles=No`."


def test_the_id_card_reader_and_its_sam_through_the_twin(tls_platform, tmp_path):
    from devices.virtual.idcard_twin import IdCardTwin
    twin = IdCardTwin(baud=115200).start()
    try:
        path = kiosk_config(tmp_path, tls_platform,
                            **{"idcard.enabled": "true", "idcard.port": twin.port})
        cfg_findings = by_check(doctor.run_checks(str(path), doctor.Options(devices=True,
                                                                            camera_seconds=0.2)))
        idcard = cfg_findings["idcard"]
        assert idcard.status == "ok", idcard
        assert idcard.detail.startswith(f"{twin.port} at 115200 baud, SAM OK, SAM ID ")
        assert cfg_findings["camera.document"].status == "fail"      # no such camera here
        assert "v4l2-ctl --list-devices" in cfg_findings["camera.document"].advice
    finally:
        twin.stop()
    found = by_check(doctor.run_checks(str(path), doctor.Options(devices=True, camera_seconds=0.2)))
    assert found["idcard"].status == "fail" and "kiosk devices detect" in found["idcard"].advice


def test_a_rolled_back_update_is_shown(tls_platform, tmp_path):
    from kiosk import __version__
    path = kiosk_config(tmp_path, tls_platform)
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data" / "update-state.json").write_text(json.dumps({"last": {
        "event": "rolled_back", "from": "9.0", "to": __version__, "reason": "not ready within 90 s",
        "at": 0}}))
    found = by_check(doctor.run_checks(str(path), doctor.Options(devices=False)))
    assert found["update"].status == "warn"
    assert f"update to 9.0 rolled back to {__version__}: not ready within 90 s" in found["update"].detail


@pytest.mark.parametrize("paper, status", [("ok", "ok"), ("near-end", "warn"), ("out", "fail")])
def test_the_receipt_printer_and_its_paper(tls_platform, tmp_path, paper, status):
    """The virtual ESC/POS printer on 127.0.0.1 answers DLE EOT as a real one would."""
    from devices.virtual.escpos_printer import VirtualEscposPrinter
    printer = VirtualEscposPrinter(tmp_path / "receipts", tcp=True).start()
    try:
        printer.paper = paper
        host, port = printer.address
        path = kiosk_config(tmp_path, tls_platform, **{
            "receipt_printer.enabled": "true", "receipt_printer.transport": "network",
            "receipt_printer.host": host})
        text = path.read_text().replace('transport = "network"',
                                        f'transport = "network"\ntcp_port = {port}')
        path.write_text(text)
        found = by_check(doctor.run_checks(str(path), doctor.Options(devices=True,
                                                                     camera_seconds=0.2)))
    finally:
        printer.stop()
    receipt = found["receipt"]
    assert receipt.status == status, receipt
    assert receipt.detail.startswith("network: ")
    if status == "fail":
        assert "Refill the paper roll" in receipt.advice
