"""Catalog endpoints: the full service catalog (with ETag) and single items.

Items are stored as JSON documents keyed by implementation code; the catalog revision is a hash of
the served payload, so any change to any row (a re-seed, a test editing an item) changes the ETag.
"""
from __future__ import annotations

import hashlib
import json

from sync.reference_platform import demo_data
from sync.reference_platform.server import HttpError, Request, Response, Router, Store

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


def register(router: Router, store: Store) -> None:
    @router.route("GET", "/api/v1/catalog")
    def get_catalog(request: Request) -> Response:
        body, etag = catalog_body(store)
        headers = {"ETag": etag, "Cache-Control": "no-cache"}
        if etag_matches(request.headers.get("if-none-match"), etag):
            return Response(304, None, headers)
        return Response(200, body, headers)

    @router.route("GET", "/api/v1/catalog/items/{code}")
    def get_item(request: Request) -> dict:
        code = request.params["code"]
        row = store.execute("SELECT data FROM catalog_items WHERE impl_code = ? OR basic_code = ? "
                            "ORDER BY impl_code = ? DESC, position LIMIT 1",
                            (code, code, code)).fetchone()
        if row is None:
            raise HttpError(404, f"no service item with code {code}")
        return json.loads(row[0])
