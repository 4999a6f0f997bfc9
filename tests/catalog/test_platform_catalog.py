"""The reference platform's catalog and meta endpoints, over loopback HTTP."""
from __future__ import annotations

from pathlib import Path

import pytest
import requests
import yaml

from reference_platform import demo_data
from reference_platform.routes_catalog import etag_matches, replace_catalog
from reference_platform.server import PlatformServer

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_catalog_has_etag_and_answers_304(platform):
    first = requests.get(platform.url + "/api/v1/catalog", headers=platform.kiosk_headers(), timeout=5)
    assert first.status_code == 200
    etag = first.headers["ETag"]
    body = first.json()
    assert etag == f'"{body["revision"]}"'
    assert len(body["items"]) == len(demo_data.items()) >= 300
    assert [d["name"] for d in body["departments"]][:2] == ["公安局", "人力资源和社会保障局"]

    for header in (etag, "W/" + etag, f'"other", {etag}', "*"):
        again = requests.get(platform.url + "/api/v1/catalog", headers={**platform.kiosk_headers(), "If-None-Match": header},
                             timeout=5)
        assert again.status_code == 304, header
        assert again.content == b"" and again.headers["ETag"] == etag
    stale = requests.get(platform.url + "/api/v1/catalog", headers={**platform.kiosk_headers(), "If-None-Match": '"stale"'},
                         timeout=5)
    assert stale.status_code == 200 and stale.json() == body


def test_etag_changes_when_the_catalog_changes(platform):
    before = requests.get(platform.url + "/api/v1/catalog", headers=platform.kiosk_headers(), timeout=5).headers["ETag"]
    payload = demo_data.payload()
    payload["items"][0]["hours"] = "周一至周日 8:00-20:00"
    replace_catalog(platform.store, payload)
    answer = requests.get(platform.url + "/api/v1/catalog", headers={**platform.kiosk_headers(), "If-None-Match": before},
                          timeout=5)
    assert answer.status_code == 200 and answer.headers["ETag"] != before
    assert answer.json()["items"][0]["hours"] == "周一至周日 8:00-20:00"


def test_item_by_implementation_or_basic_code(platform):
    item = demo_data.items()[0]
    by_impl = requests.get(f"{platform.url}/api/v1/catalog/items/{item['impl_code']}", headers=platform.kiosk_headers(), timeout=5)
    by_basic = requests.get(f"{platform.url}/api/v1/catalog/items/{item['basic_code']}", headers=platform.kiosk_headers(), timeout=5)
    assert by_impl.json() == item == by_basic.json()
    missing = requests.get(f"{platform.url}/api/v1/catalog/items/NOPE", headers=platform.kiosk_headers(), timeout=5)
    assert missing.status_code == 404 and "NOPE" in missing.json()["error"]


def test_guide_page_shows_every_element(platform):
    item = demo_data.items()[0]
    assert item["guide_url"].endswith("/bszn/" + item["impl_code"])
    page = requests.get(f"{platform.url}/bszn/{item['impl_code']}", timeout=5)
    assert page.status_code == 200 and page.headers["Content-Type"].startswith("text/html")
    text = page.text
    for value in (item["name"], item["fee"], item["fee_basis"], item["enquiry_phone"],
                  item["legal_basis"][0], item["conditions"][-1], item["materials"][0]["name"],
                  item["process"][-1]["detail"], item["place"], item["kiosk_note"]):
        assert value in text, value
    assert requests.get(f"{platform.url}/bszn/NOPE", timeout=5).status_code == 404


def test_seeds_only_an_empty_database(tmp_path):
    db = tmp_path / "platform.sqlite3"
    server = PlatformServer(db).start()
    payload = demo_data.payload()
    payload["items"] = payload["items"][:3]
    replace_catalog(server.store, payload)
    server.stop()
    again = PlatformServer(db).start()
    try:
        items = requests.get(again.url + "/api/v1/catalog", headers=again.kiosk_headers(),
                             timeout=5).json()["items"]
        assert [i["impl_code"] for i in items] == [i["impl_code"] for i in payload["items"]]
    finally:
        again.stop()


def test_health(platform):
    answer = requests.get(platform.url + "/api/v1/health", timeout=5)
    assert answer.status_code == 200 and answer.json()["status"] == "ok"
    assert answer.headers["Date"]


def test_served_contract_covers_every_fragment(platform):
    """The served document (generated from the routes) has every path and schema of docs/;
    tests/reference_platform/test_openapi.py compares the two in full."""
    answer = requests.get(platform.url + "/openapi.yaml", timeout=5)
    assert answer.status_code == 200 and answer.headers["Content-Type"].startswith("application/yaml")
    contract = yaml.safe_load(answer.text)
    assert contract["openapi"].startswith("3.")
    assert {"/api/v1/catalog", "/api/v1/catalog/items/{code}", "/api/v1/health",
            "/openapi.yaml", "/bszn/{code}"} <= set(contract["paths"])
    assert "ServiceItem" in contract["components"]["schemas"]
    fragments = sorted(DOCS.glob("platform-api-*.yaml"))
    for fragment in fragments:
        part = yaml.safe_load(fragment.read_text(encoding="utf-8"))
        assert set(part.get("paths") or {}) <= set(contract["paths"]), fragment.name
        schemas = (part.get("components") or {}).get("schemas") or {}
        assert set(schemas) <= set(contract["components"]["schemas"]), fragment.name


def test_served_item_fields_match_the_contract(platform):
    contract = yaml.safe_load(requests.get(platform.url + "/openapi.yaml", timeout=5).text)
    schema = contract["components"]["schemas"]["ServiceItem"]
    item = requests.get(platform.url + "/api/v1/catalog", headers=platform.kiosk_headers(), timeout=5).json()["items"][0]
    assert set(schema["required"]) <= set(item) <= set(schema["properties"])
    assert set(schema["properties"]) - set(schema["required"]) == {"name_en", "identify"}
    ruled = [i for i in requests.get(platform.url + "/api/v1/catalog",
                                     headers=platform.kiosk_headers(), timeout=5).json()["items"]
             if "identify" in i]
    rule = contract["components"]["schemas"]["IdentifyRule"]["properties"]
    assert ruled and all(set(i["identify"]) <= set(rule) for i in ruled)


def test_conflicting_fragments_are_reported(tmp_path):
    from reference_platform.routes_meta import ContractError, merged_contract
    (tmp_path / "platform-api.yaml").write_text((DOCS / "platform-api.yaml").read_text("utf-8"),
                                                encoding="utf-8")
    (tmp_path / "platform-api-x.yaml").write_text(
        "paths:\n  /api/v1/health:\n    get: {summary: something else}\n", encoding="utf-8")
    with pytest.raises(ContractError, match="GET /api/v1/health"):
        merged_contract(tmp_path)


def test_etag_comparison():
    assert etag_matches('"a"', '"a"') and etag_matches('W/"a"', '"a"')
    assert etag_matches('"x", "a"', '"a"') and etag_matches("*", '"a"')
    assert not etag_matches('"b"', '"a"') and not etag_matches(None, '"a"')
