"""`kiosk devices read-ssc` as a technician runs it, against the card in vpcd's reader."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def kiosk(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kiosk", "--config", str(ROOT / "config.toml"),
                           "devices", *args], input=stdin, capture_output=True, text=True,
                          cwd=ROOT, timeout=60)


def test_read_ssc_json_masked_and_unmasked(hand):
    hand.insert("demo")
    done = kiosk("read-ssc", "--json", "--reader", hand.reader)
    assert done.returncode == 0, done.stderr
    fields = json.loads(done.stdout)
    assert list(fields) == ["card_number", "card_identifier", "region_code", "version", "issue_date",
                            "expiry_date", "name", "id_number", "sex", "nation", "birth_date"]
    assert fields["id_number"] == "990100********123X"
    assert fields["name"] == "测试样" and fields["expiry_date"] == "2031-03-15"
    assert "99010019800101123X" not in done.stdout + done.stderr

    done = kiosk("read-ssc", "--unmasked", "--reader", hand.reader)
    assert done.returncode == 0 and "99010019800101123X" in done.stdout


def test_read_ssc_pin_from_stdin(hand):
    card = hand.insert("pin")
    done = kiosk("read-ssc", "--json", "--reader", hand.reader)
    assert done.returncode == 3 and "pin_required" in done.stderr and "--pin-stdin" in done.stderr
    done = kiosk("read-ssc", "--json", "--pin-stdin", "--reader", hand.reader, stdin="123456\n")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["name"] == "样例欣怡"
    assert card.pin_attempts == 1


def test_read_ssc_exit_codes(hand):
    hand.remove()
    done = kiosk("read-ssc", "--timeout", "0.3", "--reader", hand.reader)
    assert done.returncode == 2 and "no card" in done.stderr
    done = kiosk("read-ssc", "--reader", "No Such Reader", "--timeout", "0.3")
    assert done.returncode == 3 and "no_reader" in done.stderr
    hand.insert("bank")
    listing = kiosk("pcsc-readers")
    assert listing.returncode == 0
    assert f"{hand.reader}: card, ATR 3B 8A 80 01" in listing.stdout


def test_read_ssc_virtual_reader_from_config(demo_slot):
    """The default config says reader = 'virtual:ssc': the command puts the virtual card into vpcd's
    second reader and reads it through pcscd."""
    done = kiosk("read-ssc", "--card", "pin", "--pin-stdin", stdin="123456\n")
    assert done.returncode == 0, done.stderr
    assert "样例欣怡" in done.stdout and "990102********2465" in done.stdout
