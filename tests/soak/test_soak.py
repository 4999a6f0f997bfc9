"""A few hundred citizen sessions in one kiosk process (bench/soak.py's driver, inside the
application's event loop, demo twins): the widget count, open descriptors and threads stay flat.
Memory is printed, not asserted (it depends on the allocator and the machine's load); the long
soak in BENCHMARKS.md "Soak" holds its goal.

The mix is the quick sessions (ID card, browse with a guide, rating, the idle countdown ending
a session); the social security card, the receipt notice and printing with the face check are
slower and run in the long soak."""
from __future__ import annotations

import pytest

from bench import soak

# about 100 s on an idle 2-core machine; the timeout leaves room for a loaded one
pytestmark = [pytest.mark.soak, pytest.mark.timeout(300)]

SESSIONS = 150
EVERY = 50
MIX = ("idcard", "browse", "rate", "idle", "rate", "browse", "rate", "idcard")
# devices this mix does not use stay off: no pcscd slot or CUPS stand-in taken from other tests
UNUSED = {"smartcard": {"enabled": False}, "certificate_printer": {"enabled": False},
          "receipt_printer": {"enabled": False}}


def test_sessions_leave_widgets_descriptors_and_threads_flat(qapp, capsys):
    lines: list[str] = []
    try:
        result = soak.soak(SESSIONS, EVERY, MIX, out=lines.append, config=UNUSED)
        soak.report(result, out=lines.append)
    finally:
        with capsys.disabled():
            print("\n" + "\n".join(lines))
    assert result.last.sessions == SESSIONS and sum(result.counts.values()) == SESSIONS
    # from the first regular sample on: the warm-up round builds each screen and pool once
    regular = result.samples[1:]
    widgets = [s.widgets for s in regular]
    fds = [s.fds for s in regular]
    threads = [s.threads for s in regular]
    assert max(widgets) - min(widgets) <= 2, f"widgets grew: {widgets}"
    assert max(fds) - min(fds) <= 2, f"file descriptors grew: {fds}"
    assert max(threads) - min(threads) <= 2, f"threads grew: {threads}"
