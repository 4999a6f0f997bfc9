"""The reference photo endpoint on the real reference platform, and its documented contract."""
from __future__ import annotations

from pathlib import Path

import requests
import yaml

DOCS = Path(__file__).resolve().parents[2] / "docs"
URL = "/api/v1/persons/photo"


def test_photo_for_a_demo_identity_only(platform):
    person = platform.citizen_headers("990100199001011234")
    ok = requests.post(platform.url + URL, json={"id_number": "990100199001011234"},
                       headers=person, timeout=5)
    assert ok.status_code == 200 and ok.headers["Content-Type"] == "image/jpeg"
    assert ok.headers["Cache-Control"] == "no-store" and ok.content[:2] == b"\xff\xd8"
    unknown = requests.post(platform.url + URL, json={"id_number": "00000019900101123X"},
                            headers=platform.citizen_headers("00000019900101123X"), timeout=5)
    assert unknown.status_code == 404
    for body in ({}, {"id_number": "12345"}, {"id_number": "99010019900101123Z"}):
        assert requests.post(platform.url + URL, json=body, headers=person,
                             timeout=5).status_code == 400
    # the ID number never goes in a URL
    assert requests.get(platform.url + "/api/v1/persons/990100199001011234/photo",
                        timeout=5).status_code == 404


def test_contract_documents_what_is_served(platform):
    fragment = yaml.safe_load((DOCS / "platform-api-person.yaml").read_text(encoding="utf-8"))
    assert set(fragment["paths"]) == {URL}
    assert set(fragment["paths"][URL]) == {"post"}
    responses = fragment["paths"][URL]["post"]["responses"]
    assert {"200", "400", "404"} <= set(responses)
    served = yaml.safe_load(requests.get(platform.url + "/openapi.yaml", timeout=5).text)
    assert "PersonPhotoRequest" in served["components"]["schemas"] and URL in served["paths"]
