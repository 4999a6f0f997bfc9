"""The outbox on its own: durability, encryption at rest, refusal when it cannot keep records."""
from __future__ import annotations

import os
import shutil
import stat
import uuid

import pytest

from sync.crypto import CryptoError, PayloadCipher, load_or_create_key
from sync.outbox import Outbox, OutboxError

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def synthetic_id(body17: str) -> str:
    """A fictitious resident ID number (region 99xxxx) with a valid GB 11643 check digit."""
    total = sum(int(d) * w for d, w in zip(body17, WEIGHTS))
    return body17 + "10X98765432"[total % 11]


PERSON = {"name": "测试甲乙丙", "name_en": "Zyxwv Synthetic", "id_number": synthetic_id("99010119900101123")}


def db_bytes(box: Outbox) -> bytes:
    data = b""
    for suffix in ("", "-wal", "-shm"):
        path = box.path.with_name(box.path.name + suffix)
        if path.exists():
            data += path.read_bytes()
    return data


def test_receipt_survives_reopen_with_the_same_key(make_outbox):
    box = make_outbox()
    receipt = box.enqueue("submission", {"item": "990100-SVC-001", **PERSON})
    box.close()
    again = make_outbox()
    [record] = again.due(10)
    assert record.key == receipt.key and record.kind == "submission"
    assert record.payload["id_number"] == PERSON["id_number"]
    assert again.stats().depth == 1


def test_database_file_holds_no_readable_personal_data(make_outbox):
    box = make_outbox()
    for i in range(20):
        box.enqueue("submission", {"n": i, **PERSON})
    raw = db_bytes(box)
    assert len(raw) > 10_000
    for secret in (PERSON["id_number"], PERSON["name"], PERSON["name_en"]):
        for encoding in ("utf-8", "utf-16-le", "gb18030"):
            assert secret.encode(encoding) not in raw, (secret, encoding)
    assert b"submission" in raw   # the grep does see plain text: the kind is stored readable


def test_key_file_is_private_and_checked(tmp_path):
    key_path = tmp_path / "outbox.key"
    key = load_or_create_key(key_path)
    assert stat.S_IMODE(key_path.stat().st_mode) == 0o600
    assert load_or_create_key(key_path) == key
    os.chmod(key_path, 0o644)
    with pytest.raises(CryptoError) as exc:
        load_or_create_key(key_path)
    assert exc.value.code == "key_permissions"


def test_a_different_key_is_detected_before_accepting(tmp_path, alerts):
    box = Outbox(tmp_path / "o.db", PayloadCipher(os.urandom(32)), alert=alerts)
    box.enqueue("evaluation", {"level": 1})
    box.close()
    other = Outbox(tmp_path / "o.db", PayloadCipher(os.urandom(32)), alert=alerts)
    assert other.problem == "key_mismatch" and not other.accepting
    with pytest.raises(OutboxError) as exc:
        other.enqueue("evaluation", {"level": 2})
    assert exc.value.code == "key_mismatch"
    assert "outbox_key_mismatch" in alerts.codes()
    assert other.stats().depth == 1   # the accepted record is still there
    other.close()


def test_corrupt_database_refuses_new_records_and_keeps_the_file(tmp_path, alerts):
    path = tmp_path / "o.db"
    box = Outbox(path, PayloadCipher(os.urandom(32)), alert=alerts)
    for i in range(200):
        box.enqueue("telemetry", {"n": i, "pad": "x" * 500})
    box.close()
    raw = bytearray(path.read_bytes())
    page = 4096
    raw[page * 3:page * 3 + 2000] = os.urandom(2000)   # damage a b-tree page, keep the header
    path.write_bytes(bytes(raw))
    damaged = path.read_bytes()
    box = Outbox(path, PayloadCipher(os.urandom(32)), alert=alerts)
    assert box.problem == "corrupt" and not box.accepting
    with pytest.raises(OutboxError) as exc:
        box.enqueue("telemetry", {"n": -1})
    assert exc.value.code == "corrupt"
    assert "outbox_corrupt" in alerts.codes()
    box.close()
    assert path.read_bytes() == damaged     # evidence left for recovery, nothing overwritten


def test_not_a_database_is_reported_as_corrupt(tmp_path, alerts):
    path = tmp_path / "o.db"
    path.write_bytes(b"this is not sqlite" * 500)
    box = Outbox(path, PayloadCipher(os.urandom(32)), alert=alerts)
    assert box.problem == "corrupt"
    with pytest.raises(OutboxError):
        box.enqueue("telemetry", {})


def test_low_disk_space_refuses_then_recovers(make_outbox, alerts):
    box = make_outbox()
    box.enqueue("evaluation", {"level": 5})
    box.min_free_bytes = shutil.disk_usage(box.path.parent).free * 10
    with pytest.raises(OutboxError) as exc:
        box.enqueue("evaluation", {"level": 4})
    assert exc.value.code == "disk_full" and not box.accepting
    assert "outbox_disk_full" in alerts.codes()
    box.min_free_bytes = 1024
    box.enqueue("evaluation", {"level": 3})
    assert box.accepting and box.stats().depth == 2


def test_real_disk_full_keeps_every_accepted_record(tiny_fs, alerts):
    key = os.urandom(32)
    box = Outbox(tiny_fs / "o.db", PayloadCipher(key), alert=alerts, min_free_bytes=0)
    receipts = []
    with pytest.raises(OutboxError) as exc:
        for i in range(10_000):
            receipts.append(box.enqueue("submission", {"n": i, "pad": uuid.uuid4().hex * 40}))
    assert exc.value.code == "disk_full" and not box.accepting
    assert "outbox_disk_full" in alerts.codes()
    assert len(receipts) >= 20
    box.close()
    reopened = Outbox(tiny_fs / "o.db", PayloadCipher(key), min_free_bytes=0)
    keys = {r.key for r in reopened.list(limit=100_000)}
    assert keys == {r.key for r in receipts}
    reopened.close()


def test_failures_count_up_to_dead_letter_with_alert(make_outbox, alerts):
    box = make_outbox(max_attempts=3)
    receipt = box.enqueue("evaluation", {"level": 2})
    for _ in range(2):
        assert box.retry_later([receipt], "HTTP 500", lambda n: 0.0) == []
    assert box.retry_later([receipt], "HTTP 500", lambda n: 0.0) == [receipt.key]
    stats = box.stats()
    assert (stats.depth, stats.dead) == (0, 1)
    assert "outbox_dead_letter" in alerts.codes()
    assert box.due(10) == []
    assert box.retry_dead() == 1
    [again] = box.due(10)
    assert again.key == receipt.key and again.attempts == 0


def test_a_record_that_failed_before_travels_alone(make_outbox):
    box = make_outbox()
    receipts = [box.enqueue("evaluation", {"n": i}) for i in range(5)]
    keys = [r.key for r in receipts]
    box.retry_later([receipts[2]], "HTTP 500", lambda n: 0.0)
    assert [r.key for r in box.due(10)] == keys[:2]
    assert box.ack(receipts[:2]) == 2
    assert [r.key for r in box.due(10)] == [keys[2]]
    box.ack([receipts[2]])
    assert [r.key for r in box.due(10)] == keys[3:]


def test_ordered_kind_waits_for_its_earlier_record(make_outbox):
    box = make_outbox()
    first = box.enqueue("submission", {"n": 1})
    other = box.enqueue("evaluation", {"n": 2}).key
    second = box.enqueue("submission", {"n": 3}).key
    box.retry_later([first], "HTTP 500", lambda n: 3600.0)
    assert [r.key for r in box.due(10, ordered_kinds=["submission"])] == [other]
    assert [r.key for r in box.due(10)] == [other, second]   # unordered: no waiting


def test_payload_swapped_between_rows_is_detected(make_outbox, alerts):
    box = make_outbox()
    a = box.enqueue("evaluation", {"n": 1})
    b = box.enqueue("evaluation", {"n": 2})
    conn = box._conn
    blob_a = conn.execute("SELECT payload FROM records WHERE key=?", (a.key,)).fetchone()[0]
    conn.execute("UPDATE records SET payload=? WHERE key=?", (blob_a, b.key))
    assert [r.key for r in box.due(10)] == [a.key]
    assert box.stats().dead == 1 and "outbox_dead_letter" in alerts.codes()


def test_enqueue_rejects_bad_kind_and_unserialisable_payload(make_outbox):
    box = make_outbox()
    with pytest.raises(ValueError):
        box.enqueue("Bad Kind!", {})
    with pytest.raises(TypeError):
        box.enqueue("evaluation", {"x": object()})
    assert box.stats().depth == 0
