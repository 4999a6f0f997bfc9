"""The staff menu's demo controls as tests reach them: by their English caption."""
from __future__ import annotations

from typing import Callable


def captions(ctx) -> list[str]:
    return [control.caption for control in ctx.services.demo_controls]


def control(ctx, caption: str) -> Callable[[], None]:
    for candidate in ctx.services.demo_controls:
        if candidate.caption == caption:
            return candidate.run
    raise AssertionError(f"no demo control {caption!r}; there are {captions(ctx)}")
