"""The identify step: the citizen picks how to identify (ID card, social security card, ...).

Device areas register their method with register_identify_method(); the method's own screen renders
its flow (kiosk/flows/identify_*.py), and once the flow has put the identity into the session,
calls go_on(screen) for the step kiosk.flows.identify.next_step names.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGridLayout

from kiosk import messages
from kiosk.flows.identify import FaceCheckSupport, next_step, remember_destination
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


def face_support(ctx) -> FaceCheckSupport:
    """What this kiosk can do for the face check rule (kiosk.flows.face_policy)."""
    return FaceCheckSupport(enabled=bool(ctx.config.face.enabled),
                            has_camera=ctx.services.camera is not None)


def go_on(screen: Screen, task: str | None = None, params: dict | None = None) -> None:
    """After identification: the step the identify flow names (the face check first where the task
    needs it), by default where the citizen was going when asked to identify."""
    step = next_step(screen.ctx.session, face_support(screen.ctx), task, params)
    if step.face_check_first:
        screen.nav.go("face_verify", next=step.task, **step.params)
    else:
        screen.nav.go(step.task, **step.params)


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
        remember_destination(self.ctx.session, next, params)
        if self.ctx.session.identity is not None and next != "home":
            go_on(self, next, params)
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
                        messages.message("no_identify_device"))
