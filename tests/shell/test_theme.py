"""Text colours keep a contrast of at least 4.5:1 on the backgrounds they are used on."""
from __future__ import annotations

import pytest

from screens import theme


def luminance(hex_colour: str) -> float:
    rgb = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@pytest.mark.parametrize("fg, bg", [
    (theme.TEXT, theme.BACKGROUND), (theme.TEXT, theme.SURFACE), (theme.TEXT_MUTED, theme.SURFACE),
    (theme.TEXT_MUTED, theme.BACKGROUND), (theme.PRIMARY_DARK, theme.SURFACE),
    ("#ffffff", theme.PRIMARY), (theme.ERROR, theme.SURFACE), (theme.WARN, theme.SURFACE),
    (theme.OK, theme.SURFACE),
])
def test_contrast_at_least_4_5(fg, bg):
    assert contrast(fg, bg) >= 4.5
