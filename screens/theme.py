"""Colours, sizes and the application style sheet; elderly mode scales text and targets.

Numbers follow ../shared/reference/standards-and-ux.md: targets of 60 px or more, elderly body text
of at least 18 pt and headings of at least 30 pt, contrast of at least 4.5:1.
"""
from __future__ import annotations

from dataclasses import dataclass

FONT_FAMILY = "Noto Sans CJK SC"

# contrast of each text colour on its background is >= 4.5:1 (checked in tests/shell/test_theme.py)
PRIMARY = "#0b4f9c"        # government blue
PRIMARY_DARK = "#083a73"
ACCENT = "#c8102e"         # used for emphasis with text, never colour alone
BACKGROUND = "#f2f5f9"
SURFACE = "#ffffff"
TEXT = "#1a1a1a"
TEXT_MUTED = "#4a5563"
OK = "#1b6e2c"
WARN = "#8a4b00"
ERROR = "#b00020"
BORDER = "#c9d3df"


@dataclass(frozen=True)
class Metrics:
    body_pt: int
    small_pt: int
    heading_pt: int
    title_pt: int
    tile_pt: int
    target_px: int
    gap_px: int
    radius_px: int


NORMAL = Metrics(body_pt=16, small_pt=14, heading_pt=24, title_pt=30, tile_pt=22,
                 target_px=72, gap_px=16, radius_px=14)
ELDERLY = Metrics(body_pt=22, small_pt=18, heading_pt=32, title_pt=38, tile_pt=30,
                  target_px=96, gap_px=20, radius_px=16)


def metrics(elderly: bool) -> Metrics:
    return ELDERLY if elderly else NORMAL


def style_sheet(elderly: bool) -> str:
    m = metrics(elderly)
    return f"""
    QWidget {{ font-family: "{FONT_FAMILY}"; font-size: {m.body_pt}pt; color: {TEXT}; }}
    #Shell, #ScreenStack {{ background: {BACKGROUND}; }}
    #Header {{ background: {PRIMARY}; }}
    #Header QLabel {{ color: white; }}
    #HallName {{ font-size: {m.heading_pt}pt; font-weight: bold; }}
    #Clock {{ font-size: {m.body_pt}pt; }}
    #Footer {{ background: {SURFACE}; border-top: 1px solid {BORDER}; }}
    #ScreenTitle {{ font-size: {m.title_pt}pt; font-weight: bold; color: {PRIMARY_DARK}; }}
    #Heading {{ font-size: {m.heading_pt}pt; font-weight: bold; color: {PRIMARY_DARK}; }}
    #Muted {{ color: {TEXT_MUTED}; }}
    #Small {{ font-size: {m.small_pt}pt; color: {TEXT_MUTED}; }}
    #Card {{ background: {SURFACE}; border: 1px solid {BORDER}; border-radius: {m.radius_px}px; }}
    #Banner[level="info"] {{ background: #e3edf9; border-left: 8px solid {PRIMARY}; }}
    #Banner[level="warn"] {{ background: #fff4e0; border-left: 8px solid {WARN}; }}
    #Banner[level="error"] {{ background: #fde8eb; border-left: 8px solid {ERROR}; }}
    #Banner[level="ok"] {{ background: #e5f4e8; border-left: 8px solid {OK}; }}
    #Banner QLabel {{ color: {TEXT}; }}
    QPushButton {{
        min-height: {m.target_px}px; min-width: {m.target_px}px; padding: 0 {m.gap_px}px;
        border-radius: {m.radius_px}px; border: 2px solid {PRIMARY}; background: {SURFACE};
        color: {PRIMARY_DARK}; font-size: {m.body_pt}pt; font-weight: bold;
    }}
    QPushButton:pressed {{ background: #dbe6f3; }}
    QPushButton:disabled {{ color: #6b7280; border-color: #9ca3af; background: #eef0f3; }}
    QPushButton[role="primary"] {{ background: {PRIMARY}; color: white; }}
    QPushButton[role="primary"]:pressed {{ background: {PRIMARY_DARK}; }}
    QPushButton[role="tile"] {{
        background: {SURFACE}; color: {PRIMARY_DARK}; font-size: {m.tile_pt}pt;
        border: 2px solid {BORDER}; text-align: center; padding: {m.gap_px}px;
    }}
    QPushButton[role="tile"]:pressed {{ border-color: {PRIMARY}; background: #e3edf9; }}
    QPushButton[role="tile"] QLabel {{ background: transparent; }}
    #ItemName {{ font-weight: bold; color: {PRIMARY_DARK}; }}
    QPushButton[role="chip"] {{ min-height: {m.target_px - 12}px; font-weight: normal; }}
    QPushButton[role="chip"]:checked {{ background: {PRIMARY}; color: white; }}
    QPushButton[role="header"] {{
        background: transparent; color: white; border: 2px solid white; min-height: {m.target_px - 12}px;
    }}
    QPushButton[role="header"]:checked {{ background: white; color: {PRIMARY_DARK}; }}
    QPushButton[role="key"] {{ font-size: {m.heading_pt}pt; min-width: 56px; padding: 0; }}
    QLineEdit {{
        min-height: {m.target_px}px; font-size: {m.heading_pt}pt; border: 2px solid {PRIMARY};
        border-radius: {m.radius_px}px; padding: 0 {m.gap_px}px; background: {SURFACE};
    }}
    QScrollArea {{ border: none; background: transparent; }}
    QScrollBar:vertical {{ width: 24px; background: {BACKGROUND}; }}
    QScrollBar::handle:vertical {{ background: #9fb3c8; border-radius: 10px; min-height: 60px; }}
    #Overlay {{ background: rgba(10, 20, 40, 180); }}
    #Dialog {{ background: {SURFACE}; border-radius: {m.radius_px}px; }}
    """
