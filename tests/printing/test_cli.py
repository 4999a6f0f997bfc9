"""`kiosk printers` and `kiosk print-test` against the stand-ins the configuration names."""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from kiosk.cli import main

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def cfg_file(tmp_path):
    text = (REPO / "config.toml").read_text(encoding="utf-8")
    text = text.replace('data_dir = "var"', f'data_dir = "{tmp_path / "var"}"')
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_print_test_certificate_to_file(cfg_file, tmp_path, capsys):
    out = tmp_path / "specimen.pdf"
    assert main(["--config", str(cfg_file), "print-test", "certificate", "--kind",
                 "social_insurance_payment", "--to", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "测试样张" in text and "KIOSK-DEMO-0001" in text
    assert "page(s)" in capsys.readouterr().out


def test_print_test_unknown_kind(cfg_file, capsys):
    assert main(["--config", str(cfg_file), "print-test", "certificate", "--kind", "nope"]) == 2
    assert "household_register" in capsys.readouterr().err


def test_print_test_receipt_to_png(cfg_file, tmp_path):
    out = tmp_path / "r.png"
    assert main(["--config", str(cfg_file), "print-test", "receipt", "--to", str(out)]) == 0
    assert out.read_bytes().startswith(b"\x89PNG")


@pytest.mark.skipif(os.geteuid() != 0, reason="the CUPS stand-in needs root")
def test_printers_and_print_tests_on_the_virtual_printers(cfg_file, tmp_path, capsys):
    assert main(["--config", str(cfg_file), "printers", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert [q["queue"] for q in report["cups"]] == ["kiosk-a4"] and report["cups"][0]["ready"]
    assert report["receipt"]["state"] == "ready"
    assert main(["--config", str(cfg_file), "print-test", "certificate", "--copies", "2"]) == 0
    assert "completed" in capsys.readouterr().out
    assert main(["--config", str(cfg_file), "print-test", "receipt", "--layout", "queue-ticket"]) == 0
    assert list((tmp_path / "var" / "virtual-receipts").glob("*.png"))
    journal = (tmp_path / "var" / "print-journal.jsonl").read_text(encoding="utf-8").splitlines()
    results = [json.loads(line)["payload"]["result"] for line in journal]
    assert results == ["completed", "completed"]
