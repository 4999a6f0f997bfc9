"""The contract is valid OpenAPI 3, as written in docs/ and as the platform serves it, and the two
agree (paths, methods, parameters, bodies, status codes, schemas, security), so the routes and
the hand-written contract a province platform implements cannot drift apart."""
from __future__ import annotations

import copy

import requests
import yaml
from openapi_spec_validator import validate

from reference_platform.routes_meta import DOCS, merged_contract


def served(platform) -> dict:
    answer = requests.get(platform.url + "/openapi.yaml", timeout=5)
    assert answer.status_code == 200
    assert answer.headers["Content-Type"].startswith("application/yaml")
    return yaml.safe_load(answer.text)


def test_the_served_document_is_valid_openapi(shared_platform):
    document = served(shared_platform)
    validate(document)
    assert document["openapi"].startswith("3.")


def test_the_contract_in_docs_is_valid_openapi():
    validate(merged_contract())
    for fragment in sorted(DOCS.glob("platform-api-*.yaml")):
        # each area's fragment is valid on its own once given the base document's header
        part = yaml.safe_load(fragment.read_text(encoding="utf-8"))
        base = yaml.safe_load((DOCS / "platform-api.yaml").read_text(encoding="utf-8"))
        alone = {"openapi": base["openapi"], "info": base["info"], "paths": part["paths"],
                 "components": {**base["components"], **part.get("components", {}),
                                "schemas": {**base["components"]["schemas"],
                                            **part.get("components", {}).get("schemas", {})}}}
        validate(alone)


def test_served_document_and_docs_agree(shared_platform, contract_diff):
    problems = contract_diff.differences(merged_contract(), served(shared_platform))
    assert not problems, "the routes and docs/platform-api*.yaml disagree:\n" + "\n".join(problems)


def test_the_comparison_sees_drift(shared_platform, contract_diff):
    """Each kind of drift the contract test is there to catch is reported."""
    contract, document = merged_contract(), served(shared_platform)
    drifts = []

    def drift(change):
        changed = copy.deepcopy(document)
        change(changed)
        drifts.append(contract_diff.differences(contract, changed))

    paths = "paths"
    drift(lambda d: d[paths].pop("/api/v1/health"))                                  # a path
    drift(lambda d: d[paths]["/api/v1/catalog"].update(post=d[paths]["/api/v1/catalog"]["get"]))
    drift(lambda d: d[paths]["/api/v1/records"]["post"]["responses"].pop("413"))     # a status
    drift(lambda d: d["components"]["schemas"]["ServiceItem"]["properties"].pop("fee"))
    drift(lambda d: d["components"]["schemas"]["ServiceItem"]["required"].remove("fee"))
    drift(lambda d: d["components"]["schemas"]["Record"]["properties"]["key"]
          .update(maxLength=50))                                                    # a limit
    drift(lambda d: d[paths]["/api/v1/admin/received"]["get"].pop("security"))     # auth
    drift(lambda d: d[paths]["/api/v1/documents/verify/{serial}"]["get"]["parameters"].pop())
    assert all(drifts), [i for i, found in enumerate(drifts) if not found]
