"""Document templates: one JSON file per kind in printing/templates/, so a new kind is a file.

A template names its title and a list of blocks:
  {"type": "fields", "heading": H, "columns": N, "fields": [{"label", "value", "span"?, "mask"?, "format"?}]}
  {"type": "table",  "heading": H, "rows": PATH, "columns": [{"label", "value", "width"?, "mask"?,
                      "format"?, "align"?}]}
  {"type": "text",   "text": "... {holder.name} ..."}
`value` and `rows` are dotted paths into the platform's document data (holder.*, issuer.*, rows.*).
The frame every page shares (seal, watermark, serial, QR, print time, kiosk id, page x of y) is the
renderer's, not the template's, so no kind can leave it out.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from printing.errors import DocumentDataError, TemplateError

TEMPLATE_DIR = Path(__file__).with_name("templates")
FORMATS = ("text", "money")
_PLACEHOLDER = re.compile(r"\{([A-Za-z0-9_.]+)\}")


@dataclass(frozen=True)
class Template:
    kind: str
    title: str
    title_en: str
    blocks: tuple[dict[str, Any], ...]
    source: Path

    def paths(self) -> set[str]:
        """Every data path the template reads (for checking a document before rendering)."""
        found: set[str] = set()
        for block in self.blocks:
            if block["type"] == "fields":
                found.update(f["value"] for f in block["fields"])
            elif block["type"] == "table":
                found.add(block["rows"])
            else:
                found.update(_PLACEHOLDER.findall(block["text"]))
        return found


def load(path: Path) -> Template:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise TemplateError(f"{path.name}: cannot read: {exc}") from None
    return parse(raw, path)


def parse(raw: Any, path: Path) -> Template:
    where = path.name
    if not isinstance(raw, dict):
        raise TemplateError(f"{where}: must be a JSON object")
    for key in ("kind", "title", "blocks"):
        if key not in raw:
            raise TemplateError(f"{where}: missing {key!r}")
    if not re.fullmatch(r"[a-z][a-z0-9_]{1,48}", str(raw["kind"])):
        raise TemplateError(f"{where}: kind {raw['kind']!r} must be lower_snake_case")
    if not isinstance(raw["blocks"], list) or not raw["blocks"]:
        raise TemplateError(f"{where}: blocks must be a non-empty list")
    for i, block in enumerate(raw["blocks"]):
        _check_block(block, f"{where} block {i}")
    return Template(kind=raw["kind"], title=str(raw["title"]), title_en=str(raw.get("title_en", "")),
                    blocks=tuple(raw["blocks"]), source=path)


def _check_block(block: Any, where: str) -> None:
    if not isinstance(block, dict) or block.get("type") not in ("fields", "table", "text"):
        raise TemplateError(f"{where}: type must be 'fields', 'table' or 'text'")
    kind = block["type"]
    if kind == "text":
        if not isinstance(block.get("text"), str):
            raise TemplateError(f"{where}: text block needs 'text'")
        return
    items = block.get("fields" if kind == "fields" else "columns")
    if not isinstance(items, list) or not items:
        raise TemplateError(f"{where}: needs a non-empty {'fields' if kind == 'fields' else 'columns'} list")
    if kind == "table" and not isinstance(block.get("rows"), str):
        raise TemplateError(f"{where}: table block needs 'rows' (a data path)")
    if kind == "fields" and not 1 <= int(block.get("columns", 2)) <= 3:
        raise TemplateError(f"{where}: columns must be 1, 2 or 3")
    for j, item in enumerate(items):
        if not isinstance(item, dict) or not isinstance(item.get("label"), str) \
                or not isinstance(item.get("value"), str):
            raise TemplateError(f"{where} item {j}: needs string 'label' and 'value'")
        if item.get("format", "text") not in FORMATS:
            raise TemplateError(f"{where} item {j}: format must be one of {', '.join(FORMATS)}")


def catalog(directory: Path = TEMPLATE_DIR) -> dict[str, Template]:
    """All templates by kind; a duplicate kind is an error rather than a silent override."""
    found: dict[str, Template] = {}
    for path in sorted(directory.glob("*.json")):
        template = load(path)
        if template.kind in found:
            raise TemplateError(f"{path.name}: kind {template.kind!r} already defined in "
                                f"{found[template.kind].source.name}")
        found[template.kind] = template
    return found


def get(kind: str, directory: Path = TEMPLATE_DIR) -> Template:
    templates = catalog(directory)
    if kind not in templates:
        raise TemplateError(f"no template for kind {kind!r} (have: {', '.join(sorted(templates))})",
                            code="template_missing")
    return templates[kind]


def lookup(data: dict[str, Any], path: str, where: str = "document") -> Any:
    node: Any = data
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            raise DocumentDataError(f"{where} has no {path!r}")
        node = node[part]
    return node


def fill(text: str, data: dict[str, Any]) -> str:
    return _PLACEHOLDER.sub(lambda m: str(lookup(data, m.group(1))), text)


def kinds(directory: Path = TEMPLATE_DIR) -> Iterable[str]:
    return sorted(catalog(directory))
