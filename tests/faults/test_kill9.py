"""kill -9 of a kiosk process in the middle of each transaction that leaves something durable: a
rating (through the outbox) and a guide notice (printed on the receipt printer, audited through the
outbox). The kiosk (kiosk_child.py, the product's wiring from a config file) is killed at a point of
the durable work, started again, and the reference platform must hold each record exactly once,
and the receipt printer must have printed the notice once."""
from __future__ import annotations

import collections
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from local_modules import local_module

stands = local_module(__file__, "stands")
CHILD = Path(__file__).with_name("kiosk_child.py")
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def platform(tmp_path):
    server = stands.Platform(tmp_path / "platform.sqlite3", stands.TestPKI(tmp_path / "pki"))
    yield server
    server.stop()


@pytest.fixture
def receipt_printer(tmp_path):
    from devices.virtual.escpos_printer import VirtualEscposPrinter
    printer = VirtualEscposPrinter(None, tcp=True).start()
    yield printer
    printer.stop()


@pytest.fixture
def kiosk_config(tmp_path, platform, receipt_printer):
    """A config file for the child: this platform (TLS, its CA), the receipt printer on TCP, fast
    timeouts; provisioned here once, as at installation."""
    from sync.client import ClientSettings, PlatformClient
    from sync.credential import provision
    data = tmp_path / "kiosk"
    data.mkdir()
    path = tmp_path / "config.toml"
    path.write_text(f"""
[kiosk]
id = "KIOSK-KILL-0001"
data_dir = "{data}"
[platform]
url = "{platform.url}"
ca_bundle = "{platform.pki.ca_pem}"
connect_timeout_s = 1.0
read_timeout_s = 5.0
[sync]
backoff_base_s = 0.05
backoff_max_s = 1.0
heartbeat_s = 3600
[certificate_printer]
enabled = false
[receipt_printer]
transport = "network"
host = "127.0.0.1"
tcp_port = {receipt_printer.address[1]}
""", encoding="utf-8")
    client = PlatformClient(ClientSettings(platform.url, verify=str(platform.pki.ca_pem)))
    provision(client, platform.url, "KIOSK-KILL-0001", platform.server.demo_enrollment_token,
              data / "credential.json")
    client.close()
    return path


def run_child(config, transaction, *args, timeout=60):
    return subprocess.run([sys.executable, str(CHILD), str(config), transaction, *args],
                          capture_output=True, text=True, timeout=timeout, cwd=ROOT)


CASES = [("rating", "after_enqueue"), ("rating", "after_send"), ("rating", "after_response"),
         ("notice", "after_enqueue"), ("notice", "after_send"), ("notice", "after_response")]


@pytest.mark.parametrize("transaction, point", CASES)
def test_kill_9_in_the_middle_of_a_transaction(transaction, point, row, kiosk_config, platform,
                                               receipt_printer):
    what = {"rating": "a rating", "notice": "printing a guide notice"}[transaction]
    where = {"after_enqueue": "just after its record was stored",
             "after_send": "while its record was in flight to the platform",
             "after_response": "after the platform applied it, before the kiosk deleted it"}[point]
    r = row(f"kill -9 of the kiosk during {what}, {where}")
    crash = ["--crash-at", point]
    if point == "after_send":
        platform.admin.fault("slow", delay_s=1.5, times=1)   # applied, the answer held back
    killed = run_child(kiosk_config, transaction, *crash)
    assert killed.returncode == -signal.SIGKILL, killed.stderr[-2000:]
    told = [line for line in killed.stdout.splitlines() if line.startswith("told:")]
    r.saw("the kiosk vanished before answering (the service manager starts it again)"
          if not told else f"told {told[0][6:]}, then the kiosk vanished")

    restarted = run_child(kiosk_config, "none")
    assert restarted.returncode == 0, restarted.stderr[-2000:]
    r.came_back("yes: the restarted kiosk delivered what the killed one had stored, by itself")
    records = platform.records()
    kinds = collections.Counter(rec["kind"] for rec in records)
    wanted = "evaluation" if transaction == "rating" else "print-audit"
    got = platform.admin.received()
    r.records = (f"0 lost, {max(0, kinds[wanted] - 1)} duplicated of 1 {wanted} record "
                 f"({got['redeliveries']} resent, applied once)" if kinds[wanted] else
                 f"1 {wanted} record lost")
    if transaction == "notice":
        printed = len(receipt_printer.receipts)
        r.records += f"; notice printed {printed} time(s)"
        assert printed == 1
    assert kinds[wanted] == 1, dict(kinds)
    if point in ("after_send", "after_response"):
        assert got["redeliveries"] >= 1           # resent after the restart, applied once
    beat = platform.admin.call("/api/v1/admin/heartbeats/KIOSK-KILL-0001", method="GET")
    told_platform = [e["code"] for e in beat["body"]["last_errors"]]
    r.alerted(f"the restarted kiosk's first heartbeat: {', '.join(told_platform)}")
    assert "kiosk_unclean_exit" in told_platform
