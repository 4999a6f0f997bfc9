"""The home screen: big entries for the main tasks, in a grid that fits the orientation."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QGridLayout

from screens import theme
from screens.base import Screen, register_screen
from screens.widgets import Card, Tile, label

# (icon, caption, screen, params); the caption is translated in the "HomeScreen" context
TASKS = (
    ("guide", QT_TRANSLATE_NOOP("HomeScreen", "Find a service"), "catalog", {}),
    ("apply", QT_TRANSLATE_NOOP("HomeScreen", "Apply"), "apply", {}),
    ("qr", QT_TRANSLATE_NOOP("HomeScreen", "Pay"), "pay", {}),
    ("print", QT_TRANSLATE_NOOP("HomeScreen", "Print my licences"), "identify",
     {"next": "print_licences"}),
    ("case", QT_TRANSLATE_NOOP("HomeScreen", "Check my case"), "case", {}),
    ("ticket", QT_TRANSLATE_NOOP("HomeScreen", "Take a number"), "queue_take", {}),
    ("star", QT_TRANSLATE_NOOP("HomeScreen", "Rate a service"), "evaluation", {}),
    ("staff", QT_TRANSLATE_NOOP("HomeScreen", "Ask or complain"), "feedback", {}),
    ("idcard", QT_TRANSLATE_NOOP("HomeScreen", "Identify myself"), "identify", {"next": "home"}),
)


@register_screen
class HomeScreen(Screen):
    name = "home"
    show_back = False
    is_home = True

    def __init__(self, ctx, nav):
        super().__init__(ctx, nav)
        self.greeting = label("", "ScreenTitle")
        self.greeting.setAlignment(Qt.AlignCenter)
        self.hint = label("", "Muted")
        self.hint.setAlignment(Qt.AlignCenter)
        self.layout_.addSpacing(20)
        self.layout_.addWidget(self.greeting)
        self.layout_.addWidget(self.hint)
        self.layout_.addSpacing(20)
        self.grid = QGridLayout()
        self.layout_.addLayout(self.grid, 1)
        self.help = Card()
        self.help_text = label("")
        self.help_text.setAlignment(Qt.AlignCenter)
        self.help.body.addWidget(self.help_text)
        self.layout_.addWidget(self.help)
        self.tiles = []
        for icon_name, _caption, screen, params in TASKS:
            self.tiles.append(Tile(icon_name, lambda s=screen, p=params: self.nav.go(s, **p)))
        self._columns = 0

    def instruction(self) -> str:
        # the home screen has no title bar: its greeting and hint are what voice guidance says
        return " ".join((self.greeting.text(), self.hint.text()))

    def retranslate(self) -> None:
        self.greeting.setText(self.tr("Welcome. What would you like to do?"))
        self.hint.setText(self.tr("Touch a button below. Tap “Large text” at the top for bigger "
                                  "letters."))
        self.help_text.setText(self.tr("Need help? Staff at the help desk will gladly assist you. "
                                       "Government service hotline: 12345"))
        icon_px = 128 if self.elderly else 104
        for tile, (_icon, caption, _s, _p) in zip(self.tiles, TASKS):
            tile.set_caption(QCoreApplication.translate("HomeScreen", caption), icon_px,
                             theme.metrics(self.elderly).tile_pt)
        self._layout_grid()

    def _layout_grid(self) -> None:
        columns = 3 if self.landscape else 2
        if columns == self._columns:
            return
        self._columns = columns
        for tile in self.tiles:
            self.grid.removeWidget(tile)
        gap = theme.metrics(self.elderly).gap_px + 8
        self.grid.setSpacing(gap)
        for index, tile in enumerate(self.tiles):
            self.grid.addWidget(tile, index // columns, index % columns)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._layout_grid()
