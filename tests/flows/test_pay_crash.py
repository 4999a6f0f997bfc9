"""kill -9 of a kiosk in the middle of paying: right after the attempt's key is on disk, after the
platform created the payment but before its answer was read, and while the QR code is up. After a
restart the kiosk shows the true state of the one payment, and the platform holds one payment and
at most one charge."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from flows.test_pay_support import PERSON, charges, pay_client, wallet
from kiosk.flows.pay_order import PayFlow
from kiosk.flows.pay_pending import PendingPayments

ROOT = Path(__file__).resolve().parents[2]

CHILD = r"""
import os, signal, sys
from flows.test_pay_support import PERSON, pay_client
from kiosk.flows.pay_order import PayFlow
from kiosk.flows.pay_pending import PendingPayments

class Platform:
    url = sys.argv[1]

point, folder = sys.argv[2], sys.argv[3]
client = pay_client(Platform)
pending = PendingPayments(__import__("pathlib").Path(folder))
die = lambda: os.kill(os.getpid(), signal.SIGKILL)
real_create = client.create
if point == "after_key":
    client.create = lambda payable_id, key: die()
elif point == "after_create":
    def create(payable_id, key):
        real_create(payable_id, key)            # the platform applied it; the answer is lost
        die()
    client.create = create
flow = PayFlow(client, pending, lambda: PERSON)
flow.load()
assert flow.choose(flow.orders[0].payable_id)
flow.pay()
assert flow.step == "waiting", flow.step
print(flow.payment.payment_id, flow.orders[0].payable_id, flush=True)
die()                                           # while the QR code is on the screen
"""


def kill_while_paying(platform, folder: Path, point: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "tests"), str(ROOT)])}
    return subprocess.run([sys.executable, "-c", CHILD, platform.url, point, str(folder)],
                          capture_output=True, text=True, timeout=60, env=env, cwd=ROOT)


@pytest.mark.parametrize("point", ["after_key", "after_create", "waiting"])
def test_kill_9_while_paying_then_restart(platform, tmp_path, point):
    folder = tmp_path / "pay"
    child = kill_while_paying(platform, folder, point)
    assert child.returncode == -signal.SIGKILL, child.stderr
    on_disk = PendingPayments(folder).all()
    assert len(on_disk) == 1 and on_disk[0].key        # the attempt survived the kill
    payable_id = on_disk[0].payable_id
    before = charges(platform, payable_id)["payments"]
    assert before == (0 if point == "after_key" else 1)

    # the restarted kiosk: the same person comes back and looks again
    flow = PayFlow(pay_client(platform), PendingPayments(folder), lambda: PERSON)
    flow.load()
    assert flow.step == "waiting" and flow.payment.payable_id == payable_id
    if point == "waiting":
        assert flow.payment.payment_id == child.stdout.split()[0]
    assert not flow.choose(payable_id)                  # no second payment while this one is up
    wallet(platform, flow.payment.payment_id)
    flow.poll()
    assert flow.step == "paid"
    assert charges(platform, payable_id) == {"payable_id": payable_id, "payments": 1,
                                             "charged": 1}
    assert PendingPayments(folder).all() == []


def test_kill_9_while_waiting_and_paid_meanwhile(platform, tmp_path):
    """Paid on the phone while the kiosk was down: after the restart it says paid, once."""
    folder = tmp_path / "pay"
    child = kill_while_paying(platform, folder, "waiting")
    payment_id, payable_id = child.stdout.split()
    wallet(platform, payment_id)
    flow = PayFlow(pay_client(platform), PendingPayments(folder), lambda: PERSON)
    flow.load()
    assert flow.step == "orders"                # reconciled: the order is no longer payable
    assert payable_id not in [o.payable_id for o in flow.orders]
    assert charges(platform, payable_id)["charged"] == 1
    assert PendingPayments(folder).all() == []


def test_the_pending_file_is_sealed(platform, tmp_path):
    folder = tmp_path / "pay"
    kill_while_paying(platform, folder, "waiting")
    raw = (folder / "payments_pending.sealed").read_bytes()
    assert b"pay-" not in raw and b"PAY" not in raw and b"PB" not in raw
    assert oct((folder / "payments.key").stat().st_mode & 0o777) == "0o600"


def test_start_up_reconciles_what_the_last_run_left(platform, tmp_path):
    from flows.test_pay_support import kiosk_client
    from kiosk.flows.pay_order import reconcile_at_start
    folder = tmp_path / "pay"
    assert reconcile_at_start(folder, kiosk_client(platform)) == []          # nothing on disk
    child = kill_while_paying(platform, folder, "waiting")
    payment_id, payable_id = child.stdout.split()
    wallet(platform, payment_id)
    assert reconcile_at_start(folder, kiosk_client(platform)) == [(payable_id, "paid")]
    assert PendingPayments(folder).all() == []
