"""The session wipe: every byte buffer the citizen left behind is overwritten, not just dropped
(a dropped bytearray stays readable in the process's memory until it is reused)."""
from __future__ import annotations

from kiosk.session import Identity, Session


def _session_with_a_card_read():
    session = Session()
    photo, wlt, fingerprint = bytearray(b"BM" + b"\x7f" * 200), bytearray(b"\x11" * 1024), \
        bytearray(b"\x22" * 512)
    session.identity = Identity("idcard", "欧阳建国", "990101198001011234",
                                {"photo": photo, "photo_wlt": wlt, "fingerprint": fingerprint,
                                 "photo_status": "decoded", "nation": "汉"})
    scan = bytearray(b"\x33" * 64)
    session.put("scan", scan)
    session.put("case_no", "A-001")
    return session, [photo, wlt, fingerprint, scan]


def test_wipe_zeroes_the_decoded_photo_and_every_other_buffer():
    session, buffers = _session_with_a_card_read()
    identity = session.identity
    lengths = [len(b) for b in buffers]
    session.wipe()
    assert [len(b) for b in buffers] == lengths          # overwritten in place, not replaced
    assert all(b == bytearray(len(b)) for b in buffers), [bytes(b[:4]) for b in buffers]
    assert identity.extra == {} and session.identity is None
    assert session.get("scan") is None and session.get("case_no") is None
    assert not session.active


def test_wipe_runs_every_hook_once_and_a_new_session_starts_clean():
    session, _ = _session_with_a_card_read()
    calls = []
    session.on_wipe(lambda: calls.append("frames"))
    session.on_wipe(lambda: calls.append("embeddings"))
    before = session.started_at
    session.wipe()
    assert calls == ["frames", "embeddings"]
    assert session.started_at >= before
    session.wipe()                                       # hooks are for one citizen only
    assert calls == ["frames", "embeddings"]


def test_active_follows_identity_and_values():
    session = Session()
    assert not session.active and session.elderly_mode is False and session.identity is None
    session.put("queue_number", "A017")
    assert session.active and session.get("queue_number") == "A017"
    assert session.get("missing", "default") == "default"
    session.wipe()
    session.identity = Identity("qr", "测试", "990101199001011233")
    assert session.active
