"""Apply (自助申报): the items this kiosk takes applications for, from the platform, by title."""
from __future__ import annotations

from kiosk import i18n, messages
from kiosk.flows.apply_platform import ApplyClient
from screens.base import Screen, register_screen
from screens.tasks import run_in_background
from screens.widgets import Banner, Scroll, Spinner, button, label


def apply_client(ctx) -> ApplyClient | None:
    from kiosk.wiring.platform import platform_client
    try:
        # the forms are kept for offline use beside the catalog cache (no personal data)
        return ApplyClient(platform_client(ctx), ctx.config.data_path("apply-forms.json"))
    except Exception as exc:          # no platform configured or wired on this kiosk
        import logging
        logging.getLogger(__name__).warning("no platform for applications: %s", type(exc).__name__)
        return None


_offered: set[str] | None = None      # the platform's list, asked once per process


def offered_codes(ctx) -> set[str]:
    """Worker: the item codes this kiosk takes applications for (for the guide's "Apply here")."""
    global _offered
    if _offered is None:
        client = apply_client(ctx)
        if client is None:
            return set()
        _offered = {entry["code"] for entry in client.items()}
    return _offered


@register_screen
class ApplyItemsScreen(Screen):
    name = "apply"

    def __init__(self, ctx, nav):
        super().__init__(ctx, nav)
        from PySide6.QtWidgets import QLineEdit

        from screens.keyboard import Keyboard
        self.items: list[dict] | None = None
        self.failed = False
        self.index = None
        self.banner = Banner("info")
        self.spinner = Spinner(64)
        self.scroll = Scroll()
        # searched like the catalog: Chinese, full pinyin, initials or the item code, on the
        # catalog's Latin keyboard (the search matches pinyin itself)
        self.field = QLineEdit()
        self.field.textChanged.connect(lambda _t: self.retranslate())
        self.keyboard = Keyboard()
        self.keyboard.typed.connect(lambda ch: self.field.insert(ch))
        self.keyboard.backspace.connect(self.field.backspace)
        self.keyboard.cleared.connect(self.field.clear)
        self.layout_.addWidget(self.banner)
        self.layout_.addWidget(self.field)
        self.layout_.addWidget(self.spinner)
        self.layout_.addWidget(self.scroll, 1)
        self.layout_.addWidget(self.keyboard)

    def title(self) -> str:
        return self.tr("Apply for a service")

    def enter(self, **_params) -> None:
        self.items, self.failed, self.index = None, False, None
        self.field.clear()
        client = apply_client(self.ctx)
        if client is None:
            self._failed(None)
            return
        self.spinner.start()
        run_in_background(client.items, self._listed, self._failed)
        self.retranslate()

    def _listed(self, items) -> None:
        self.spinner.stop()
        self.items = items
        self.retranslate()

    def _index(self):
        """The search over the offered items, made once the catalog has them (it may still be
        loading when the platform's list comes)."""
        service = self.ctx.services.catalog
        known = [service.catalog.get(e["code"]) for e in self.items or ()] if service else []
        known = [item for item in known if item is not None]
        if self.index is None or len(self.index) != len(known):
            from kiosk.search import SearchIndex
            self.index = SearchIndex(known)
        return self.index

    def type_text(self, text: str) -> None:
        """Type as the on-screen keyboard would (walkthrough and tests)."""
        for ch in text:
            self.keyboard.typed.emit(ch)

    def shown_items(self) -> list[dict]:
        query = self.field.text().strip()
        if not query:
            return list(self.items or ())
        found = {item.impl_code for item in self._index().search(query)}
        return [entry for entry in self.items or () if entry["code"] in found]

    def _failed(self, _exc) -> None:
        self.spinner.stop()
        self.failed = True
        self.retranslate()

    def item_title(self, code: str) -> str:
        service = self.ctx.services.catalog
        item = service.catalog.get(code) if service else None
        return item.title(i18n.current_language()) if item else code

    def retranslate(self) -> None:
        self.scroll.clear()
        self.keyboard.retranslate()
        self.field.setPlaceholderText(self.tr("Search: e.g. gjj for 公积金"))
        self.field.setVisible(bool(self.items))
        self.keyboard.setVisible(bool(self.items))
        if self.failed:
            self.banner.set("error", messages.message("platform_needed"))
            return
        if self.items is None:
            self.banner.set("info", self.tr("Finding the services you can apply for here…"))
            return
        self.banner.set("info", self.tr("Choose what you want to apply for. You will identify "
                                        "yourself first; the form is filled in with what the "
                                        "government already holds."))
        shown = self.shown_items()
        if not shown:
            self.scroll.body.addWidget(label(self.tr("No service you can apply for here matches "
                                                     "this search."), "Heading"))
        for entry in shown:
            code = entry["code"]
            text = self.item_title(code)
            if entry.get("subject") == "enterprise":
                text += " · " + self.tr("for businesses")
            self.scroll.body.addWidget(button(text, "", lambda c=code: self.nav.go(
                "identify", next="apply_form", code=c)))
        self.scroll.body.addWidget(label(self.tr("Other services: see their guide for where to "
                                                 "apply."), "Muted"))
        self.scroll.body.addStretch(1)
