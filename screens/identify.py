"""The identify step: the citizen picks how to identify (ID card, social security card, the
phone's code, face login).

Each way registers itself with register_identify_method(); the identify screen offers the ways the
task's policy allows (kiosk.flows.identify_policy: config [identify] and the item's own rule) and
this kiosk has. The way's own screen renders its flow (kiosk/flows/identify_*.py) and, once the
flow has put the identity into the session, calls go_on(screen) for the step
kiosk.flows.identify.next_step names.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGridLayout

from kiosk import messages
from kiosk.flows.identify import FaceCheckSupport, destination, next_step, remember_destination
from kiosk.flows.identify_policy import IdentifyDefaults, IdentifyPolicy, policy_for
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
    params: tuple[tuple[str, str], ...] = ()                 # passed to that screen


IDENTIFY_METHODS: dict[str, IdentifyMethod] = {}


def register_identify_method(method: IdentifyMethod) -> None:
    IDENTIFY_METHODS[method.key] = method


def face_support(ctx) -> FaceCheckSupport:
    """What this kiosk can do for the face check rule (kiosk.flows.face_policy)."""
    return FaceCheckSupport(enabled=bool(ctx.config.face.enabled),
                            has_camera=ctx.services.camera is not None,
                            tasks=frozenset(ctx.config.identify.face_check_tasks))


def identify_policy(ctx, task: str, params: dict) -> IdentifyPolicy:
    """The ways and the face check for `task` (and the catalogue item in params["code"])."""
    catalog = ctx.services.catalog
    lookup = catalog.catalog.get if catalog is not None else None
    return policy_for(task, params, IdentifyDefaults.from_config(ctx.config.identify), lookup)


def go_on(screen: Screen, task: str | None = None, params: dict | None = None) -> None:
    """After identification: the step the identify flow names (the face check first where the task
    or its item needs it), by default where the citizen was going when asked to identify."""
    if task is None:
        task, remembered = destination(screen.ctx.session)
        params = remembered if params is None else params
    params = dict(params or {})
    policy = identify_policy(screen.ctx, task, params)
    step = next_step(screen.ctx.session, face_support(screen.ctx), task, params,
                     item_asks=policy.face_check)
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
        present = [m.key for m in IDENTIFY_METHODS.values() if m.available(self.ctx)]
        offered = set(identify_policy(self.ctx, next, params).offered(present))
        methods = sorted((m for m in IDENTIFY_METHODS.values() if m.key in offered),
                         key=lambda m: m.order)
        if len(methods) == 1 and next != "home":
            self.nav.go(methods[0].screen, **dict(methods[0].params))
            return
        if [m for _t, m in self.tiles] != methods:      # the same ways as last time: same tiles
            for tile, _m in self.tiles:
                self.grid.removeWidget(tile)
                tile.hide()                     # gone now, not when the deferred delete runs
                tile.deleteLater()
            self.tiles = []
            for index, method in enumerate(methods):
                tile = Tile(method.icon, lambda m=method: self.nav.go(m.screen, **dict(m.params)))
                tile.setMinimumHeight(360)
                self.tiles.append((tile, method))
                self.grid.addWidget(tile, index // 2, index % 2)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Identify yourself")

    def instruction(self) -> str:
        return self.intro.text()

    def retranslate(self) -> None:
        self.intro.setText(self.tr("Choose how you want to identify yourself. Your information is "
                                   "used only for this visit and cleared when you finish."))
        for tile, method in self.tiles:
            tile.set_caption(QCoreApplication.translate("IdentifyMethods", method.caption),
                             128 if self.elderly else 104,
                             theme.metrics(self.elderly).tile_pt)
        self.banner.set("warn", "" if self.tiles else
                        messages.message("no_identify_device"))
