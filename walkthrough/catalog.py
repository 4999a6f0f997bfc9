"""Walkthrough states of finding a service: browse, search by pinyin initials, the guide."""
from __future__ import annotations

from walkthrough.walker import step, tr


def _catalog_ready(w) -> None:
    w.wait_for(lambda: w.ctx.services.catalog is not None and bool(w.ctx.services.catalog.catalog),
               15000)


@step(200, "catalog-by-department", expect=(tr("CatalogScreen", "By department"),
                                           tr("CatalogScreen", "Find a service")))
def by_department(w) -> None:
    _catalog_ready(w)
    w.nav.home()
    w.nav.go("catalog")
    w.shell.current().set_mode("department")
    assert w.shell.current().grid.count() >= 15


@step(210, "catalog-one-thing-themes")
def by_theme(w) -> None:
    w.shell.current().set_mode("theme")
    assert w.shell.current().grid.count() >= 8


@step(220, "service-list", area="catalog")
def service_list(w) -> None:
    catalog = w.ctx.services.catalog.catalog
    w.nav.go("service_list", mode="department", group=catalog.departments()[0])
    assert w.shell.current().list.shown > 0


@step(230, "search-empty", area="catalog",
      expect=(tr("SearchScreen", "Search for a service"),))
def search_empty(w) -> None:
    w.nav.go("search")
    w.shell.current().keyboard.cleared.emit()


@step(240, "search-pinyin-initials-hkqy", area="catalog",
      expect=("XK00101001", "XK00101005"))
def search_hkqy(w) -> None:
    screen = w.shell.current()
    screen.type_text("hkqy")
    names = [item.name for item in screen.hits]
    assert any("户口迁移" in name for name in names), names[:5]


@step(250, "guide", area="catalog", expect=("1199010001XK00101001", "XK00101001"))
def guide(w) -> None:
    first = w.shell.current().hits[0]
    w.nav.go("guide", code=first.impl_code)
    assert w.shell.current().item is not None


@step(255, "guide-scrolled-down", area="catalog")
def guide_scrolled(w) -> None:
    bar = w.shell.current().scroll.verticalScrollBar()
    bar.setValue(bar.maximum())


@step(260, "guide-print-notice", area="catalog")
def guide_print(w) -> None:
    screen = w.shell.current()
    screen.print_button.click()
    w.wait_for(lambda: screen.print_button.isEnabled(), 15000)
    assert screen.print_status.text.text()


@step(262, "guide-notice-rating-offered", area="catalog")
def guide_rating_offered(w) -> None:
    # once the notice is out, the item's rating follows by itself (DB2203/T 8-2024 5.1.3)
    guide = w.shell.current()
    assert guide.name == "guide" and guide.notice.outcome == "completed", guide.notice.outcome
    w.wait_for(lambda: w.shell.current().name == "evaluation", 8000)
    rating = w.shell.current()
    assert rating.offered and rating.evaluation.item_code == guide.item.impl_code
    assert rating.skip_button.isVisible() and rating.rated.text()


@step(264, "guide-notice-rating-offered-other-language", area="catalog")
def guide_rating_other_language(w) -> None:
    w.shell.toggle_language()
    w.settle(100)


@step(266, "guide-after-rating-skipped", area="catalog")
def guide_rating_skipped(w) -> None:
    w.shell.toggle_language()
    w.shell.current().skip_button.click()          # one tap: back to the guide being read
    w.settle(100)
    assert w.shell.current().name == "guide"


@step(1990, "offline-guides-from-cache")
def offline(w) -> None:
    server = w.ctx.embedded_platform
    service = w.ctx.services.catalog
    server.stop()
    service.refresh_now()
    w.nav.home()
    w.nav.go("catalog")
    assert service.offline
    w.settle(1100)   # the header's status refreshes every second
