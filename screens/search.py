"""Search the catalog as the citizen types: Chinese, full pinyin, pinyin initials or item code."""
from __future__ import annotations

from PySide6.QtWidgets import QBoxLayout, QLineEdit, QVBoxLayout

from screens.base import Screen, register_screen
from screens.catalog import department_titles, offline_banner
from screens.catalog_widgets import ItemList
from screens.keyboard import Keyboard
from screens.widgets import Banner, label

MAX_RESULTS = 200


@register_screen
class SearchScreen(Screen):
    name = "search"

    def __init__(self, ctx, nav):
        super().__init__(ctx, nav)
        self.banner = Banner("info")
        self.field = QLineEdit()
        self.field.textChanged.connect(self._search)
        self.count = label("", "Muted")
        self.results = ItemList(lambda item: self.nav.go("guide", code=item.impl_code))
        self.results.department_title = department_titles(ctx)
        self.keyboard = Keyboard()
        self.keyboard.typed.connect(lambda ch: self.field.insert(ch))
        self.keyboard.backspace.connect(self.field.backspace)
        self.keyboard.cleared.connect(self.field.clear)
        self.layout_.addWidget(self.banner)
        self.layout_.addWidget(self.field)
        # portrait: results above the keyboard; landscape: results beside it
        self.body = QBoxLayout(QBoxLayout.TopToBottom)
        self.body.setSpacing(24)
        column = QVBoxLayout()
        column.addWidget(self.count)
        column.addWidget(self.results, 1)
        self.body.addLayout(column, 1)
        self.body.addWidget(self.keyboard)
        self.layout_.addLayout(self.body, 1)

    def title(self) -> str:
        return self.tr("Search for a service")

    def enter(self, query: str = "", **_params) -> None:
        if query or not self.field.text():
            self.field.setText(query)
        self._search(self.field.text())

    def retranslate(self) -> None:
        self.field.setPlaceholderText(self.tr("e.g. hkqy for 户口迁移"))
        self.keyboard.retranslate()
        offline_banner(self, self.banner)
        self._describe()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.body.setDirection(QBoxLayout.LeftToRight if self.landscape else QBoxLayout.TopToBottom)

    def type_text(self, text: str) -> None:
        """Type as the on-screen keyboard would (walkthrough and tests)."""
        for ch in text:
            self.keyboard.typed.emit(ch)

    def _search(self, text: str) -> None:
        service = self.ctx.services.catalog
        self.hits = service.index.search(text, MAX_RESULTS) if service and text.strip() else []
        self.results.show_items(self.hits, self.tr("Show %1 more"))
        self._describe()

    def _describe(self) -> None:
        text = self.field.text().strip()
        hits = getattr(self, "hits", [])
        if not text:
            self.count.setText(self.tr("Type on the keyboard below: the name in pinyin, its "
                                       "initials, or the item code."))
        elif hits:
            self.count.setText(self.tr("%1 services found").replace("%1", str(len(hits))))
        else:
            self.count.setText(self.tr("Nothing found. Check the letters, or browse by "
                                       "department instead."))
