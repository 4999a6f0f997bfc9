"""Find a service: browse by department, "one thing" theme, or personal / enterprise category;
or open search. Shows when guides come from the offline cache."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QWidget

from kiosk import i18n, messages
from screens.base import Screen, register_screen
from screens.catalog_widgets import ItemList
from screens.widgets import Banner, Scroll, button, label

MODES = (
    ("department", QT_TRANSLATE_NOOP("CatalogScreen", "By department")),
    ("theme", QT_TRANSLATE_NOOP("CatalogScreen", "\"One thing\" bundles")),
    ("personal", QT_TRANSLATE_NOOP("CatalogScreen", "For individuals")),
    ("enterprise", QT_TRANSLATE_NOOP("CatalogScreen", "For businesses")),
)


def offline_banner(screen: Screen, banner: Banner) -> None:
    """The shared offline / empty-catalog message of the catalog screens."""
    service = screen.ctx.services.catalog
    if service is None or not service.catalog:
        banner.set("error", messages.message("catalog_unavailable"))
    elif service.offline:
        banner.set("warn", QCoreApplication.translate(
            "CatalogScreen", "Offline: showing the guides as of %1. Some information may have "
            "changed since.").replace("%1", service.as_of_text()))
    else:
        banner.set("info", "")


def groups_for(catalog, mode: str) -> list[tuple[str, int]]:
    """(group name, item count) for a browse mode."""
    if mode == "theme":
        return [(t, len(catalog.by_theme(t))) for t in catalog.themes()]
    items = catalog.items if mode == "department" else catalog.by_category(mode)
    counts: dict[str, int] = {}
    for item in items:
        counts[item.department] = counts.get(item.department, 0) + 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def titled(catalog, mode: str, group: str) -> str:
    """A department or theme name in the current language (Chinese when there is no English)."""
    language = i18n.current_language()
    return (catalog.theme_title(group, language) if mode == "theme"
            else catalog.department_title(group, language))


def department_titles(ctx):
    service = ctx.services.catalog
    return lambda item: (service.catalog.department_title(item.department, i18n.current_language())
                         if service else item.department)


@register_screen
class CatalogScreen(Screen):
    name = "catalog"

    def __init__(self, ctx, nav):
        super().__init__(ctx, nav)
        self.mode = "department"
        self.banner = Banner("info")
        self.search_button = button("", "primary", lambda: self.nav.go("search"), "search")
        self.search_button.setStyleSheet("text-align: left; padding-left: 24px;")
        modes = QHBoxLayout()
        modes.setSpacing(12)
        self.mode_buttons = {}
        for key, _caption in MODES:
            btn = button("", "chip", lambda k=key: self.set_mode(k))
            btn.setCheckable(True)
            self.mode_buttons[key] = btn
            modes.addWidget(btn)
        self._tiles: list = []           # group tiles, reused from one mode to the next
        self._tile_groups: list[str] = []
        self.groups = Scroll()
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setSpacing(14)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.groups.body.addWidget(self.grid_host)
        self.groups.body.addStretch(1)
        for w in (self.banner, self.search_button):
            self.layout_.addWidget(w)
        self.layout_.addLayout(modes)
        self.layout_.addWidget(self.groups, 1)

    def title(self) -> str:
        return self.tr("Find a service")

    def enter(self, **_params) -> None:
        self.set_mode(self.mode)

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        for key, btn in self.mode_buttons.items():
            btn.setChecked(key == mode)
        self._render_groups()

    def retranslate(self) -> None:
        self.search_button.setText(self.tr("Search: type a name, pinyin initials or an item code"))
        for key, caption in MODES:
            self.mode_buttons[key].setText(QCoreApplication.translate("CatalogScreen", caption))
        offline_banner(self, self.banner)
        self._render_groups()

    def _render_groups(self) -> None:
        for tile in self._tiles:
            self.grid.removeWidget(tile)
            tile.hide()
        service = self.ctx.services.catalog
        if service is None:
            return
        columns = 3 if self.landscape else 2
        groups = groups_for(service.catalog, self.mode)
        self._tile_groups = [group for group, _count in groups]
        for index, (group, count) in enumerate(groups):
            title = titled(service.catalog, self.mode, group)
            tile = self._tile(index)
            tile.setText(f"{title}\n" + self.tr("%1 services").replace("%1", str(count)))
            self.grid.addWidget(tile, index // columns, index % columns)
            tile.show()

    def _tile(self, index: int):
        while len(self._tiles) <= index:
            at = len(self._tiles)
            tile = button("", "tile", lambda i=at: self._open_group(i))
            tile.setMinimumHeight(120)
            self._tiles.append(tile)
        return self._tiles[index]

    def _open_group(self, index: int) -> None:
        self.nav.go("service_list", mode=self.mode, group=self._tile_groups[index])


@register_screen
class ServiceListScreen(Screen):
    name = "service_list"

    def __init__(self, ctx, nav):
        super().__init__(ctx, nav)
        self.mode, self.group = "department", ""
        self.banner = Banner("info")
        self.summary = label("", "Muted")
        self.list = ItemList(lambda item: self.nav.go("guide", code=item.impl_code))
        self.list.department_title = department_titles(ctx)
        self.layout_.addWidget(self.banner)
        self.layout_.addWidget(self.summary)
        self.layout_.addWidget(self.list, 1)

    def title(self) -> str:
        service = self.ctx.services.catalog
        return titled(service.catalog, self.mode, self.group) if service else self.group

    def enter(self, mode: str = "department", group: str = "", **_params) -> None:
        self.mode, self.group = mode, group
        service = self.ctx.services.catalog
        catalog = service.catalog if service else None
        if catalog is None:
            items = []
        elif mode == "theme":
            items = catalog.by_theme(group)
        else:
            items = [i for i in catalog.by_department(group)
                     if mode == "department" or i.category == mode]
        self.items = items
        self.retranslate()
        self.list.show_items(items, self.tr("Show %1 more"))

    def retranslate(self) -> None:
        offline_banner(self, self.banner)
        service = self.ctx.services.catalog
        theme = service.catalog.theme(self.group) if service and self.mode == "theme" else None
        count = self.tr("%1 services").replace("%1", str(len(getattr(self, "items", []))))
        self.summary.setText(f"{theme.summary}  ·  {count}" if theme else count)
