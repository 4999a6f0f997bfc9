"""Named points in the durable work where a crash test may stop the process.

The product only marks the points; it never decides to crash. A crash test's own process
(tests/sync/kiosk_proc.py) installs a hook that kills itself with SIGKILL at the point it was asked
for, so the kill lands in the real code at the real place and the product has no switch for it:
without a hook each point costs one None check.

Points, in the order one record meets them:
  after_enqueue    the record is committed, enqueue() has not returned yet
  send_started     a batch is about to go to the platform
  send_finished    the request returned or failed (a hook that wants the process dead while the
                   request is in flight arms a timer at send_started and disarms it here)
  after_response   the platform's answer was read, nothing deleted yet
  after_delete     the acknowledged records are deleted
"""
from __future__ import annotations

from typing import Callable

POINTS = ("after_enqueue", "send_started", "send_finished", "after_response", "after_delete")

Hook = Callable[[str], None]

_hook: Hook | None = None


def install(hook: Hook | None) -> Hook | None:
    """Make hook(point) run at every point (None removes it); returns the hook it replaced."""
    global _hook
    previous, _hook = _hook, hook
    return previous


def crash_point(name: str) -> None:
    """Mark that execution reached point `name` (one of POINTS)."""
    hook = _hook
    if hook is not None:
        hook(name)
