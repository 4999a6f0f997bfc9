"""Catalog endpoints: the full service catalog (with ETag) and single items.

Items are stored as JSON documents keyed by implementation code; the catalog revision is a hash of
the served payload, so any change to any row (a re-seed, a test editing an item) changes the ETag.
"""
from __future__ import annotations

import hashlib
import html
import json
from typing import TYPE_CHECKING

from fastapi import Depends, Header, Path
from starlette.responses import Response

from reference_platform import demo_data
from reference_platform.auth import kiosk_refusal, require_kiosk
from reference_platform.models import Catalog, ServiceItem
from reference_platform.openapi import binary, error
from reference_platform.web import HttpError, JsonAnswer

if TYPE_CHECKING:
    from reference_platform.server import Store

SCHEMA_SQL = """
CREATE TABLE IF NOT EXISTS catalog_items (
    impl_code  TEXT PRIMARY KEY,
    basic_code TEXT NOT NULL,
    position   INTEGER NOT NULL,
    data       TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS catalog_items_basic ON catalog_items(basic_code);
CREATE TABLE IF NOT EXISTS catalog_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""


def seed(store: Store) -> None:
    """Fill the demo catalog into an empty database; an existing catalog is left alone."""
    with store.lock:
        if store.execute("SELECT 1 FROM catalog_items LIMIT 1").fetchone():
            return
        replace_catalog(store, demo_data.payload())


def replace_catalog(store: Store, payload: dict) -> None:
    """Swap the whole catalog in one transaction (seeding, tests, `kiosk platform serve`)."""
    conn = store.conn()
    with store.lock:
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute("DELETE FROM catalog_items")
            conn.executemany(
                "INSERT INTO catalog_items(impl_code, basic_code, position, data) VALUES (?,?,?,?)",
                [(item["impl_code"], item["basic_code"], n, json.dumps(item, ensure_ascii=False))
                 for n, item in enumerate(payload["items"])])
            for key in ("departments", "themes"):
                conn.execute("INSERT OR REPLACE INTO catalog_meta(key, value) VALUES (?, ?)",
                             (key, json.dumps(payload.get(key, []), ensure_ascii=False)))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise


def catalog_body(store: Store) -> tuple[bytes, str]:
    """The served body and its ETag. Built per request: it is a string join and one hash (about a
    millisecond for the demo catalog), and it can never serve a stale revision."""
    rows = store.execute("SELECT data FROM catalog_items ORDER BY position").fetchall()
    meta = dict(store.execute("SELECT key, value FROM catalog_meta").fetchall())
    items = ",".join(r[0] for r in rows)
    core = (f'"departments":{meta.get("departments", "[]")},'
            f'"themes":{meta.get("themes", "[]")},"items":[{items}]')
    revision = hashlib.sha256(core.encode("utf-8")).hexdigest()[:32]
    return ('{"revision":"' + revision + '",' + core + "}").encode("utf-8"), f'"{revision}"'


def etag_matches(if_none_match: str | None, etag: str) -> bool:
    """RFC 9110 weak comparison against an If-None-Match header value."""
    if not if_none_match:
        return False
    if if_none_match.strip() == "*":
        return True
    bare = etag.removeprefix("W/")
    return any(tag.strip().removeprefix("W/") == bare for tag in if_none_match.split(","))


def register(router, store: Store) -> None:
    not_found = {404: error("No item has this code")}

    @router.get("/api/v1/catalog", tags=["catalog"], operation_id="getCatalog",
                summary="The whole service catalog with every guide",
                responses={200: {"model": Catalog, "description": "The catalog",
                                 "headers": {"ETag": {"schema": {"type": "string"}},
                                             "Cache-Control": {"schema": {"type": "string"}}}},
                           304: {"description": "Unchanged since the ETag in If-None-Match"},
                           **kiosk_refusal()},
                dependencies=[Depends(require_kiosk)])
    def get_catalog(if_none_match: str | None = Header(
            None, alias="If-None-Match",
            description="The ETag of the catalog the kiosk holds")) -> Response:
        body, etag = catalog_body(store)
        headers = {"ETag": etag, "Cache-Control": "no-cache"}
        if etag_matches(if_none_match, etag):
            return Response(status_code=304, headers=headers)
        return Response(body, headers=headers, media_type=JsonAnswer.media_type)

    def find_json(code: str) -> str:
        row = store.execute("SELECT data FROM catalog_items WHERE impl_code = ? OR basic_code = ? "
                            "ORDER BY impl_code = ? DESC, position LIMIT 1",
                            (code, code, code)).fetchone()
        if row is None:
            raise HttpError(404, f"no service item with code {code}")
        return row[0]

    @router.get("/api/v1/catalog/items/{code}", tags=["catalog"], operation_id="getCatalogItem",
                summary="One service item with its guide",
                responses={200: {"model": ServiceItem, "description": "The item"}, **not_found,
                           **kiosk_refusal()},
                dependencies=[Depends(require_kiosk)])
    def get_item(code: str = Path(description="Implementation code (实施编码) or basic code "
                                              "(基本编码)")) -> Response:
        return Response(find_json(code).encode("utf-8"), media_type=JsonAnswer.media_type)

    @router.get("/bszn/{code}", tags=["catalog"], operation_id="getGuidePage",
                summary="The guide as a web page (what a phone opens from the kiosk's QR code)",
                response_class=Response,
                responses={200: binary("text/html", "HTML page with every guide element",
                                       fmt=None), **not_found})
    def guide_page(code: str) -> Response:
        return Response(guide_html(json.loads(find_json(code))), media_type="text/html; charset=utf-8")


_FORMS = {"original": "原件", "copy": "复印件", "original_and_copy": "原件及复印件",
          "electronic": "电子材料"}


def guide_html(item: dict) -> str:
    """One item's guide (办事指南) as a small self-contained HTML page, from the same record the
    kiosk shows (同源发布)."""
    e = html.escape

    def items(values: list[str]) -> str:
        return "<ol>" + "".join(f"<li>{e(v)}</li>" for v in values) + "</ol>"

    materials = "".join(
        f"<tr><td>{e(m['name'])}</td><td>{_FORMS.get(m['form'], e(m['form']))}</td>"
        f"<td>{m['copies'] or '—'}</td><td>{e(m.get('notes', ''))}</td></tr>"
        for m in item["materials"])
    steps = "".join(f"<li><b>{e(s['name'])}</b>：{e(s['detail'])}</li>" for s in item["process"])
    statutory = ("无法定办结时限" if item["statutory_days"] is None
                 else f"{item['statutory_days']}个工作日")
    promised = "即办" if item["promised_days"] == 0 else f"{item['promised_days']}个工作日"
    rows = [("事项编码", f"{item['basic_code']}（实施编码 {item['impl_code']}）"),
            ("实施部门", item["department"]), ("事项类型", item["item_type"]),
            ("承诺时限", promised), ("法定时限", statutory),
            ("收费标准", item["fee"]), ("收费依据", item["fee_basis"]),
            ("办理地点", item["place"]), ("办理时间", item["hours"]),
            ("咨询电话", item["enquiry_phone"]), ("投诉电话", item["complaint_phone"]),
            ("到现场次数", f"{item['visits']}次"), ("自助终端", item["kiosk_note"])]
    table = "".join(f"<tr><th>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in rows)
    return f"""<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(item['name'])} - 办事指南</title>
<style>body{{font:17px/1.6 sans-serif;margin:1em;max-width:46em}}th{{text-align:left;
white-space:nowrap;vertical-align:top;padding-right:1em}}table{{border-collapse:collapse}}
td,th{{border-bottom:1px solid #ddd;padding:.3em}}h1{{font-size:1.5em}}</style></head><body>
<h1>{e(item['name'])}</h1>
<table>{table}</table>
<h2>设定依据</h2>{items(item['legal_basis'])}
<h2>受理条件</h2>{items(item['conditions'])}
<h2>申请材料</h2><table><tr><th>材料名称</th><th>形式</th><th>份数</th><th>说明</th></tr>{materials}</table>
<h2>办理流程</h2><ol>{steps}</ol>
</body></html>
"""
