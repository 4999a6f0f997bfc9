"""The service catalog: items (事项) with their complete guides (办事指南), and ways to browse them.

Plain Python, no Qt: the catalog screens, the printed one-time notice and the tests all read the
same objects. The wire format (GET /api/v1/catalog) is the dict form of these dataclasses, so the
kiosk, the platform and the printed notice show one source (同源发布).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Iterable, Iterator, Mapping

from kiosk.errors import KioskError

CATEGORIES = ("personal", "enterprise")
KIOSK_ACTIONS = ("print", "query", "apply")
MATERIAL_FORMS = ("original", "copy", "original_and_copy", "electronic")

_FORM_LABELS = {"original": "原件", "copy": "复印件", "original_and_copy": "原件及复印件",
                "electronic": "电子材料"}
# Online service depth as the provincial platforms grade it (网上办理深度).
ONLINE_DEPTH_LABELS = {
    1: "一级：网上公开办事指南，可下载申请表格",
    2: "二级：可网上预约、网上咨询",
    3: "三级：可网上申请与预审，窗口核验原件",
    4: "四级：全程网办，无需到现场",
}


class CatalogDataError(KioskError, ValueError):
    """A catalog record from the platform or the cache that does not have the required shape."""

    code = "catalog_bad_data"


@dataclass(frozen=True)
class Material:
    name: str
    form: str            # one of MATERIAL_FORMS
    copies: int          # 0 for electronic or "show only" materials
    notes: str = ""

    @property
    def form_label(self) -> str:
        return _FORM_LABELS[self.form]

    @property
    def copies_label(self) -> str:
        return f"{self.copies}份" if self.copies else "无需留存"


@dataclass(frozen=True)
class ProcessStep:
    name: str            # e.g. 申请, 受理, 审查, 决定, 送达
    detail: str


@dataclass(frozen=True)
class IdentifyRule:
    """An item's own identification policy from the platform (kiosk.flows.identify_policy)."""
    ways: tuple[str, ...] | None = None      # None: the kiosk's ways
    face_check: bool = False                 # the face must match the card or phone code
    face_login: bool = True                  # face login allowed for this item

    @classmethod
    def from_dict(cls, data: Any) -> "IdentifyRule":
        if not isinstance(data, Mapping):
            raise CatalogDataError("identify: expected an object")
        ways = data.get("ways")
        if ways is not None and (not isinstance(ways, list)
                                 or not all(isinstance(w, str) for w in ways)):
            raise CatalogDataError("identify.ways: expected a list of strings")
        for key in ("face_check", "face_login"):
            if not isinstance(data.get(key, False), bool):
                raise CatalogDataError(f"identify.{key}: expected true or false")
        return cls(tuple(ways) if ways is not None else None, data.get("face_check", False),
                   data.get("face_login", True))


@dataclass(frozen=True)
class ServiceItem:
    basic_code: str                      # 基本编码 (opaque string)
    impl_code: str                       # 实施编码 (opaque string)
    name: str
    department: str
    category: str                        # "personal" or "enterprise"
    item_type: str                       # 行政许可, 公共服务, 行政确认 ...
    themes: tuple[str, ...]              # "one thing" (一件事) bundles the item belongs to
    legal_basis: tuple[str, ...]
    conditions: tuple[str, ...]
    materials: tuple[Material, ...]
    process: tuple[ProcessStep, ...]
    promised_days: int                   # 承诺办结时限, working days; 0 = done on the spot (即办件)
    statutory_days: int | None           # 法定办结时限, working days; None = no statutory limit
    fee: str                             # never blank: "不收费" is written out
    fee_basis: str
    place: str
    hours: str
    enquiry_phone: str
    complaint_phone: str
    online_depth: int                    # 1..4, see ONLINE_DEPTH_LABELS
    visits: int                          # 到现场次数 (0 = none)
    kiosk_actions: tuple[str, ...]       # subset of KIOSK_ACTIONS, or ("none",)
    kiosk_note: str                      # what this kiosk can do for the item, in words
    guide_url: str                       # the same guide online (QR code on the guide screen)
    name_en: str = ""                    # English name for the English UI ('' = none)
    identify: IdentifyRule | None = None  # the item's identification policy (None: the kiosk's)

    # -- derived text for screens and the printed notice ---------------------------------------
    @property
    def promised_text(self) -> str:
        return "即办件，当场办结" if self.promised_days == 0 else f"{self.promised_days}个工作日"

    @property
    def statutory_text(self) -> str:
        if self.statutory_days is None:
            return "无法定办结时限"
        return "即办" if self.statutory_days == 0 else f"{self.statutory_days}个工作日"

    @property
    def online_depth_text(self) -> str:
        return ONLINE_DEPTH_LABELS[self.online_depth]

    @property
    def category_text(self) -> str:
        return "个人事项" if self.category == "personal" else "法人事项"

    def title(self, language: str = "zh_CN") -> str:
        """The name to show in `language` ("zh_CN" or "en"); Chinese when there is no English."""
        return self.name_en if language.startswith("en") and self.name_en else self.name

    def can(self, action: str) -> bool:
        """True when the kiosk offers `action` ("print", "query" or "apply") for this item."""
        return action in self.kiosk_actions

    # -- wire format ---------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for key, value in data.items():
            if isinstance(value, tuple):
                data[key] = list(value)
        if self.identify is None:
            del data["identify"]
        elif data["identify"]["ways"] is not None:
            data["identify"]["ways"] = list(data["identify"]["ways"])
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "ServiceItem":
        """Build an item from its wire form, naming the field when something is wrong."""
        try:
            item = cls(
                basic_code=_text(data, "basic_code"),
                impl_code=_text(data, "impl_code"),
                name=_text(data, "name"),
                department=_text(data, "department"),
                category=_text(data, "category"),
                item_type=_text(data, "item_type"),
                themes=tuple(_texts(data, "themes", allow_empty=True)),
                legal_basis=tuple(_texts(data, "legal_basis")),
                conditions=tuple(_texts(data, "conditions")),
                materials=tuple(_material(m) for m in _list(data, "materials")),
                process=tuple(ProcessStep(_text(s, "name"), _text(s, "detail"))
                              for s in _list(data, "process")),
                promised_days=_int(data, "promised_days"),
                statutory_days=None if data.get("statutory_days") is None
                else _int(data, "statutory_days"),
                fee=_text(data, "fee"),
                fee_basis=_text(data, "fee_basis"),
                place=_text(data, "place"),
                hours=_text(data, "hours"),
                enquiry_phone=_text(data, "enquiry_phone"),
                complaint_phone=_text(data, "complaint_phone"),
                online_depth=_int(data, "online_depth"),
                visits=_int(data, "visits"),
                kiosk_actions=tuple(_texts(data, "kiosk_actions")),
                kiosk_note=_text(data, "kiosk_note"),
                guide_url=_text(data, "guide_url"),
                name_en=_optional_text(data, "name_en"),
                identify=IdentifyRule.from_dict(data["identify"]) if data.get("identify")
                is not None else None,
            )
        except CatalogDataError as exc:
            code = data.get("impl_code") if isinstance(data, Mapping) else None
            raise CatalogDataError(f"item {code or '?'}: {exc}") from None
        item._check()
        return item

    def _check(self) -> None:
        problems = []
        if self.category not in CATEGORIES:
            problems.append(f"category {self.category!r} is not one of {CATEGORIES}")
        if self.online_depth not in ONLINE_DEPTH_LABELS:
            problems.append(f"online_depth {self.online_depth!r} is not 1..4")
        if self.kiosk_actions != ("none",) and not set(self.kiosk_actions) <= set(KIOSK_ACTIONS):
            problems.append(f"kiosk_actions {self.kiosk_actions!r}: use {KIOSK_ACTIONS} or ['none']")
        if self.promised_days < 0 or self.statutory_days is not None and self.statutory_days < 0:
            problems.append("time limits cannot be negative")
        if not self.materials:
            problems.append("materials is empty")
        if problems:
            raise CatalogDataError(f"item {self.impl_code}: " + "; ".join(problems))


@dataclass(frozen=True)
class Theme:
    """A "one thing" (一件事) bundle: several items a life event needs, done together."""
    name: str
    summary: str
    category: str
    name_en: str = ""


@dataclass(frozen=True)
class Department:
    name: str
    address: str
    hours: str
    phone: str
    name_en: str = ""


@dataclass
class Catalog:
    """All service items, with the browse orders the screens need. Immutable once built."""

    items: tuple[ServiceItem, ...] = ()
    theme_list: tuple[Theme, ...] = ()
    department_list: tuple[Department, ...] = ()
    revision: str = ""
    _by_code: dict[str, ServiceItem] = field(default_factory=dict, init=False, repr=False)

    categories = CATEGORIES

    def __post_init__(self) -> None:
        impl = {}
        for item in self.items:
            if item.impl_code in impl:
                raise CatalogDataError(f"implementation code {item.impl_code} appears twice")
            impl[item.impl_code] = item
        # A basic code may have several implementations; the first one stands for it.
        for item in self.items:
            self._by_code.setdefault(item.basic_code, item)
        self._by_code.update(impl)

    @classmethod
    def empty(cls) -> "Catalog":
        return cls()

    @classmethod
    def from_payload(cls, payload: Mapping[str, Any]) -> "Catalog":
        """Build from the body of GET /api/v1/catalog (also what the disk cache stores)."""
        if not isinstance(payload, Mapping) or not isinstance(payload.get("items"), list):
            raise CatalogDataError("catalog payload must be an object with an 'items' list")
        items = tuple(ServiceItem.from_dict(d) for d in payload["items"])
        themes = tuple(Theme(_text(t, "name"), str(t.get("summary", "")),
                             str(t.get("category", "personal")), _optional_text(t, "name_en"))
                       for t in payload.get("themes") or ())
        departments = tuple(Department(_text(d, "name"), str(d.get("address", "")),
                                       str(d.get("hours", "")), str(d.get("phone", "")),
                                       _optional_text(d, "name_en"))
                            for d in payload.get("departments") or ())
        return cls(items, themes, departments, str(payload.get("revision", "")))

    def to_payload(self) -> dict[str, Any]:
        return {"revision": self.revision,
                "departments": [asdict(d) for d in self.department_list],
                "themes": [asdict(t) for t in self.theme_list],
                "items": [i.to_dict() for i in self.items]}

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[ServiceItem]:
        return iter(self.items)

    def __bool__(self) -> bool:
        return bool(self.items)

    def get(self, code: str) -> ServiceItem | None:
        """The item with this implementation code, or the first one with this basic code."""
        return self._by_code.get(code.strip().upper()) or self._by_code.get(code.strip())

    def departments(self) -> list[str]:
        """Department names that have items: the platform's order first, then any others."""
        present = dict.fromkeys(i.department for i in self.items)
        ordered = [d.name for d in self.department_list if d.name in present]
        return ordered + [d for d in present if d not in ordered]

    def department(self, name: str) -> Department | None:
        return next((d for d in self.department_list if d.name == name), None)

    def themes(self) -> list[str]:
        """Theme names that have items: the platform's order first, then any others."""
        present = dict.fromkeys(t for i in self.items for t in i.themes)
        ordered = [t.name for t in self.theme_list if t.name in present]
        return ordered + [t for t in present if t not in ordered]

    def theme(self, name: str) -> Theme | None:
        return next((t for t in self.theme_list if t.name == name), None)

    def department_title(self, name: str, language: str = "zh_CN") -> str:
        """A department's name to show in `language`; Chinese when there is no English."""
        found = self.department(name)
        return found.name_en if found and found.name_en and language.startswith("en") else name

    def theme_title(self, name: str, language: str = "zh_CN") -> str:
        """A theme's name to show in `language`; Chinese when there is no English."""
        found = self.theme(name)
        return found.name_en if found and found.name_en and language.startswith("en") else name

    def by_department(self, name: str) -> list[ServiceItem]:
        return [i for i in self.items if i.department == name]

    def by_theme(self, name: str) -> list[ServiceItem]:
        return [i for i in self.items if name in i.themes]

    def by_category(self, category: str) -> list[ServiceItem]:
        if category not in CATEGORIES:
            raise ValueError(f"category must be one of {CATEGORIES}, got {category!r}")
        return [i for i in self.items if i.category == category]


# -- field readers that name what is wrong -----------------------------------------------------

def _text(data: Any, key: str) -> str:
    value = data.get(key) if isinstance(data, Mapping) else None
    if not isinstance(value, str) or not value.strip():
        raise CatalogDataError(f"{key} must be a non-empty string, got {value!r}")
    return value


def _optional_text(data: Mapping[str, Any], key: str) -> str:
    value = data.get(key, "")
    if not isinstance(value, str):
        raise CatalogDataError(f"{key} must be a string, got {value!r}")
    return value


def _int(data: Mapping[str, Any], key: str) -> int:
    value = data.get(key)
    if not isinstance(value, int) or isinstance(value, bool):
        raise CatalogDataError(f"{key} must be an integer, got {value!r}")
    return value


def _list(data: Mapping[str, Any], key: str) -> list[Any]:
    value = data.get(key)
    if not isinstance(value, list) or not value:
        raise CatalogDataError(f"{key} must be a non-empty list, got {value!r}")
    return value


def _texts(data: Mapping[str, Any], key: str, allow_empty: bool = False) -> Iterable[str]:
    value = data.get(key)
    if not isinstance(value, list) or (not value and not allow_empty):
        raise CatalogDataError(f"{key} must be a {'' if allow_empty else 'non-empty '}list")
    for entry in value:
        if not isinstance(entry, str) or not entry.strip():
            raise CatalogDataError(f"{key} entries must be non-empty strings, got {entry!r}")
    return value


def _material(data: Any) -> Material:
    name = _text(data, "name")
    form = _text(data, "form")
    if form not in MATERIAL_FORMS:
        raise CatalogDataError(f"material {name}: form {form!r} is not one of {MATERIAL_FORMS}")
    copies = _int(data, "copies")
    notes = data.get("notes", "")
    if not isinstance(notes, str):
        raise CatalogDataError(f"material {name}: notes must be a string")
    return Material(name, form, copies, notes)


def open_cache(cfg, client):
    """The on-disk catalog cache (sync.catalog_cache.CatalogCache) holding Catalog objects.

    `client` is a sync.client.PlatformClient, or None when no platform is configured (the cache
    then only serves what is on disk and reports offline)."""
    from sync.catalog_cache import CatalogCache
    return CatalogCache.from_config(cfg, client, Catalog.from_payload, Catalog.empty)
