"""The disk filling up while citizens submit: the kiosk's data directory on a real 16 MiB tmpfs,
filled to the last byte by another file, so SQLite meets ENOSPC for real (the [sync] min_free_mb
guard, checked at most once a second while space looked plentiful, may not have seen it coming).
What was queued before stays and is delivered; what comes while the disk is full is refused
honestly (nothing promised); when space comes back the kiosk accepts again by itself."""
from __future__ import annotations

import collections
import os
import subprocess
from functools import partial

import pytest
from local_modules import local_module

import touch

stands = local_module(__file__, "stands")
tap = partial(touch.tap, words_only=True, timeout=0)
MIN_FREE_MB = 4


@pytest.fixture
def tiny_fs(tmp_path):
    """A real 16 MiB tmpfs: SQLite meets a full disk for real. Needs root and mount rights."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(mount)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(mount):
    """Another file takes every byte left on the disk (until ENOSPC)."""
    import errno
    filler = mount / "filler.bin"
    chunk = b"\0" * (64 * 1024)
    with open(filler, "wb", buffering=0) as out:
        try:
            while True:
                out.write(chunk)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC, exc
    with open(filler, "ab", buffering=0) as out:      # and the last partial page
        for size in (4096, 512, 1):
            try:
                while True:
                    out.write(b"\0" * size)
            except OSError:
                continue
    return filler


def rate_on_screen(shell, qtbot) -> str:
    shell.go("evaluation")
    screen = shell.current()
    tap(qtbot, screen, touch.tr("Satisfied", "EvaluationScreen"))
    tap(qtbot, screen, touch.tr("Submit rating", "EvaluationScreen"))
    qtbot.waitUntil(lambda: screen.result.isVisible(), timeout=3000)
    return touch.shown(screen.result)


def test_disk_full_during_submissions(row, tmp_path, tiny_fs, make_ctx, show_shell, qtbot):
    from kiosk import messages
    from sync.outbox import OutboxError
    r = row("disk full during submissions (data directory on a 16 MiB tmpfs filled to the last "
            "byte by another file)")
    platform = stands.Platform(tmp_path / "platform.sqlite3", stands.TestPKI(tmp_path / "pki"))
    kiosk = stands.SyncKiosk(stands.kiosk_config(tiny_fs / "data", platform,
                                                 sync={"min_free_mb": MIN_FREE_MB}), platform)
    try:
        kiosk.start()
        ctx = make_ctx()
        ctx.platform, ctx.services.sync = kiosk.link, kiosk.area
        shell = show_shell(ctx)
        platform.stop()                              # offline too: the records must wait on disk
        for n in range(5):
            kiosk.submit(n)
        filler = fill(tiny_fs)
        said = rate_on_screen(shell, qtbot)
        r.saw(said)
        assert said == messages.message("rating_not_saved")   # nothing promised
        with pytest.raises(OutboxError) as refused:
            kiosk.submit(99)
        assert refused.value.code == "disk_full"
        assert "outbox_disk_full" in kiosk.alerts.codes()
        stands.wait_for("the staff menu saying the outbox refuses records",
                        lambda: "NOT accepting records (disk_full)" in kiosk.area.state, timeout=5)
        r.alerted(f"raised: {', '.join(dict.fromkeys(kiosk.alerts.codes()))}; staff menu: sync "
                  f"{kiosk.area.state}")
        assert kiosk.area.outbox.stats().depth == 5          # what was queued is still there

        filler.unlink()                                      # staff free the disk
        refusals = []
        took = stands.wait_for("the outbox accepting again", lambda: _accepts(kiosk, 5, refusals))
        platform.start()
        stands.wait_for("the queue delivered", lambda: kiosk.area.outbox.stats().depth == 0,
                        timeout=20)
        after = rate_on_screen(shell, qtbot)
        assert "outbox_recovered" in kiosk.alerts.codes()
        r.came_back(f"yes, by itself: accepting {took:.1f} s after space was freed "
                    f"(outbox_recovered); a new rating: {' '.join(after.split())[:40]}…")
        records = platform.records()
        got = collections.Counter(rec["payload"]["n"] for rec in records
                                  if rec["kind"] == "submission")
        lost = [n for n in kiosk.sent if got[n] == 0]
        doubled = sum(c - 1 for c in got.values() if c > 1)
        r.records = (f"{len(lost)} lost, {doubled} duplicated of {sum(kiosk.sent.values())} "
                     f"accepted; the {2 + len(refusals)} refused while full were never promised")
        assert (lost, doubled) == ([], 0) and 99 not in got
        assert set(got) == set(kiosk.sent)
    finally:
        kiosk.stop()
        platform.stop()


def _accepts(kiosk, n: int, refusals: list) -> bool:
    from sync.outbox import OutboxError
    try:
        kiosk.submit(n)
    except OutboxError as exc:
        refusals.append(exc.code)
        return False
    return True
