"""The identify step: the citizen picks how to identify (ID card, social security card, ...).

Device areas register their method with register_identify_method(); the method's own screen reads
the card and, on success, calls identified(screen, identity) to continue where the citizen was going.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGridLayout

from kiosk.session import Identity
from screens import theme
from screens.base import Screen, register_screen
from screens.widgets import Banner, Tile, label


@dataclass(frozen=True)
class IdentifyMethod:
    key: str
    order: int
    icon: str
    caption: str            # English source, QT_TRANSLATE_NOOP("IdentifyMethods", ...)
    screen: str             # the screen that reads this kind of identity
    available: Callable[[object], bool] = lambda ctx: True   # given the AppContext


IDENTIFY_METHODS: dict[str, IdentifyMethod] = {}


def register_identify_method(method: IdentifyMethod) -> None:
    IDENTIFY_METHODS[method.key] = method


# tasks that hand out personal documents: the card alone is not enough, the face must match it
# (人证比对) when the kiosk has face verification
FACE_CHECKED_TASKS = {"print_licences"}


def identified(screen: Screen, identity: Identity) -> None:
    """Record who the citizen is (in the session only) and go on to what they came for."""
    screen.ctx.session.identity = identity
    next_screen = screen.ctx.session.get("after_identify") or "home"
    params = screen.ctx.session.get("after_identify_params") or {}
    continue_to(screen, next_screen, params)


def continue_to(screen: Screen, next_screen: str, params: dict) -> None:
    from screens.base import SCREENS
    ctx = screen.ctx
    if (next_screen in FACE_CHECKED_TASKS and ctx.config.face.enabled and "face_verify" in SCREENS
            and "camera" in ctx.services and not ctx.session.get("face_verified")):
        screen.nav.go("face_verify", next=next_screen, **params)
    else:
        screen.nav.go(next_screen, **params)


@register_screen
class IdentifyScreen(Screen):
    name = "identify"

    def __init__(self, ctx, nav):
        super().__init__(ctx, nav)
        self.intro = label("")
        self.banner = Banner("warn")
        self.grid = QGridLayout()
        self.grid.setSpacing(24)
        self.layout_.addWidget(self.intro)
        self.layout_.addWidget(self.banner)
        self.layout_.addLayout(self.grid)
        self.layout_.addStretch(1)
        self.tiles: list[tuple[Tile, IdentifyMethod]] = []

    def enter(self, next: str = "home", **params) -> None:
        self.ctx.session.put("after_identify", next)
        self.ctx.session.put("after_identify_params", params)
        if self.ctx.session.identity is not None and next != "home":
            continue_to(self, next, params)
            return
        methods = sorted((m for m in IDENTIFY_METHODS.values() if m.available(self.ctx)),
                         key=lambda m: m.order)
        if len(methods) == 1 and next != "home":
            self.nav.go(methods[0].screen)
            return
        for tile, _m in self.tiles:
            self.grid.removeWidget(tile)
            tile.deleteLater()
        self.tiles = []
        for index, method in enumerate(methods):
            tile = Tile(method.icon, lambda s=method.screen: self.nav.go(s))
            tile.setMinimumHeight(360)
            self.tiles.append((tile, method))
            self.grid.addWidget(tile, index // 2, index % 2)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Identify yourself")

    def retranslate(self) -> None:
        self.intro.setText(self.tr("Choose how you want to identify yourself. Your information is "
                                   "used only for this visit and cleared when you finish."))
        for tile, method in self.tiles:
            tile.set_caption(QCoreApplication.translate("IdentifyMethods", method.caption),
                             128 if self.elderly else 104,
                             theme.metrics(self.elderly).tile_pt)
        self.banner.set("warn", "" if self.tiles else
                        self.tr("No identification device is working on this kiosk right now. "
                                "Please ask the staff in the hall for help."))
