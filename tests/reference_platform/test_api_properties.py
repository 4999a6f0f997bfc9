"""Generated requests against the running platform on 127.0.0.1 (schemathesis, from the document
it serves): no request makes it answer 500, every answer has a documented status, content type
and shape, requests that break the schema are refused, and endpoints behind a credential refuse
requests without it.

The kiosk credential is sent; the admin token is not, so every admin operation is exercised as a
caller without it (and must answer 401), and no generated fault injection can switch the
platform into failing on purpose. Operations are listed from docs/ at collection time (the
served document agrees with it, test_openapi.py) and looked up in the served document per test.
(schemathesis' own pytest plug-in, from_fixture, does not run under pytest 9.)"""
from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode

from reference_platform.routes_meta import merged_contract

EXAMPLES = 12        # per operation and mode: about 30 s for the whole API on two cores
# a schema-breaking request may be refused with any of these (413: over a documented maxItems)
REFUSALS = ["400", "401", "403", "404", "405", "406", "409", "413", "415", "422"]


def _can_break(operation: dict) -> bool:
    """Whether a request to the operation can break its schema at all (a body, or a parameter
    that is more than any string: strings in paths and headers take anything)."""
    limits = {"enum", "pattern", "format", "minLength", "maxLength", "minimum", "maximum"}
    return "requestBody" in operation or any(
        parameter["schema"].get("type") != "string" or limits & set(parameter["schema"])
        for parameter in operation.get("parameters", ()))


CASES = sorted(
    (method.upper(), path, mode)
    for path, operations in merged_contract()["paths"].items()
    for method, operation in operations.items()
    for mode in ([GenerationMode.POSITIVE, GenerationMode.NEGATIVE] if _can_break(operation)
                 else [GenerationMode.POSITIVE]))


@pytest.fixture(scope="module")
def api_schema(shared_platform):
    config = schemathesis.Config.from_dict({"checks": {"negative_data_rejection": {
        "expected-statuses": REFUSALS}}})
    return schemathesis.openapi.from_url(shared_platform.url + "/openapi.yaml", config=config)


@pytest.mark.parametrize("method,path,mode", CASES,
                         ids=[f"{m} {p} {mode.value}" for m, p, mode in CASES])
def test_generated_requests(api_schema, kiosk_headers, method, path, mode):
    strategy = api_schema[path][method].as_strategy(generation_mode=mode)

    @given(case=strategy)
    @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    def check(case):
        case.call_and_validate(headers=kiosk_headers, timeout=10)

    check()
