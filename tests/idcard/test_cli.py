"""`kiosk devices read-id | detect | simulate idcard` against the twin on a pty."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from devices.virtual.idcard_twin import IdCardTwin
from kiosk.cli import main

ROOT = Path(__file__).resolve().parents[2]
CONFIG = str(ROOT / "config.toml")
CORE = ["card_type", "name", "sex", "nation", "birth_date", "address", "id_number",
        "issuing_authority", "valid_from", "valid_until"]


def run(capsys, *argv):
    code = main(["--config", CONFIG, "devices", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_read_id_json_masked(twin, capsys):
    twin.place_card("resident_longterm")
    code, out, err = run(capsys, "read-id", "--port", twin.port, "--json", "--timeout", "2")
    assert code == 0, err
    data = json.loads(out)
    assert list(data)[:10] == CORE
    assert data["id_number"] == "990102********0014"
    assert data["birth_date"] == "1950-07-04" and data["valid_until"] is None
    assert (data["sex"], data["nation"], data["expired"]) == ("男", "回", False)
    assert "990102195007040014" not in out + err


def test_read_id_unmasked_permit_fields(twin, capsys):
    twin.place_card("hmt_permit")
    code, out, _ = run(capsys, "read-id", "--port", twin.port, "--json", "--unmasked")
    data = json.loads(out)
    assert code == 0 and data["id_number"] == "990000199508080022"
    assert (data["pass_number"], data["issue_count"]) == ("H99000017", 1)


def test_read_id_foreign_card_fields_and_text_output(twin, capsys):
    twin.place_card("foreign_2017")
    code, out, _ = run(capsys, "read-id", "--port", twin.port)
    assert code == 0
    assert "foreign_permanent_2017" in out and "SAMPLE, ALEX" in out and "UTO" in out


def test_read_id_expired_card_is_flagged(twin, capsys):
    twin.place_card("resident_expired")
    code, out, _ = run(capsys, "read-id", "--port", twin.port, "--json")
    assert code == 0 and json.loads(out)["expired"] is True


def test_read_id_no_card_exits_2(twin, capsys):
    code, _, err = run(capsys, "read-id", "--port", twin.port, "--timeout", "0.5")
    assert code == 2 and "no card" in err


@pytest.mark.parametrize("scenario,code_word", [("sam_failure", "sam"),
                                                ("removed_before_read", "card_read")])
def test_read_id_device_errors_exit_3_with_one_line(twin, capsys, scenario, code_word):
    from devices.virtual.idcard_twin import apply_scenario
    apply_scenario(twin, scenario)
    code, out, err = run(capsys, "read-id", "--port", twin.port, "--timeout", "1")
    assert code == 3 and out == ""
    assert err.count("\n") == 1 and err.startswith(f"read-id: {code_word}:")


def test_read_id_missing_port_exits_3(tmp_path, capsys):
    code, _, err = run(capsys, "read-id", "--port", str(tmp_path / "ttyX"), "--timeout", "0.5")
    assert code == 3 and "port_unavailable" in err and err.count("\n") == 1


def test_read_id_on_the_virtual_port(capsys):
    code, out, _ = run(capsys, "read-id", "--port", "virtual:idcard", "--card", "foreign_2023",
                       "--json")
    assert code == 0 and json.loads(out)["name_en"].startswith("EXAMPLE-PERSON")


def test_detect_finds_the_twin_and_its_baud(capsys, tmp_path):
    with IdCardTwin(baud=57600) as twin:
        code, out, _ = run(capsys, "detect", "--port", twin.port, "--port",
                           str(tmp_path / "ttyGONE"), "--only-given")
    assert code == 0
    lines = dict(line.split(": ", 1) for line in out.strip().splitlines())
    assert lines[f"{twin.port} [given]"].startswith("ID card reader at 57600 baud, SAM OK")
    assert lines[f"{tmp_path / 'ttyGONE'} [given]"].startswith("no reader")


def test_detect_reports_none(capsys, tmp_path):
    code, out, _ = run(capsys, "detect", "--port", str(tmp_path / "ttyGONE"), "--only-given")
    assert code == 1 and "no reader" in out


def test_simulate_prints_the_port_and_stops_on_ctrl_c(tmp_path, capsys):
    link = tmp_path / "ttySIM"
    proc = subprocess.Popen([sys.executable, "-m", "kiosk", "--config", CONFIG, "devices",
                             "simulate", "idcard", "--card", "resident_expired", "--baud", "115200",
                             "--link", str(link)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        first = proc.stdout.readline()
        assert str(link) in first and "115200" in first and "resident_expired" in first
        code, out, err = run(capsys, "read-id", "--port", str(link), "--json")
        assert code == 0, err
        assert json.loads(out)["expired"] is True
        proc.send_signal(signal.SIGINT)
        assert proc.wait(5) == 0
        assert not link.exists() and not link.is_symlink()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
