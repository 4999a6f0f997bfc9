"""Platform metadata: health, and the OpenAPI contract.

GET /openapi.yaml serves the document generated from the routes (reference_platform.openapi).
The hand-written contract a real province platform implements is docs/platform-api.yaml (info,
shared schemas, catalog and meta paths) plus one docs/platform-api-<area>.yaml per area;
merged_contract() merges them, and the contract test holds the two against each other.
"""
from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import yaml
from fastapi import Request
from starlette.responses import Response

from reference_platform.models import Health
from reference_platform.openapi import document

SCHEMA_SQL = ""
DOCS = Path(__file__).resolve().parents[1] / "docs"
STARTED = time.time()


class ContractError(Exception):
    """Two OpenAPI fragments define the same path, method or schema differently."""


def merged_contract(docs: Path = DOCS) -> dict[str, Any]:
    base_path = docs / "platform-api.yaml"
    if not base_path.is_file():
        raise ContractError(f"{base_path} is missing")
    merged = yaml.safe_load(base_path.read_text(encoding="utf-8"))
    merged.setdefault("paths", {})
    merged.setdefault("components", {})
    for fragment_path in sorted(docs.glob("platform-api-*.yaml")):
        fragment = yaml.safe_load(fragment_path.read_text(encoding="utf-8")) or {}
        _merge_paths(merged["paths"], fragment.get("paths") or {}, fragment_path.name)
        for kind, entries in (fragment.get("components") or {}).items():
            target = merged["components"].setdefault(kind, {})
            for name, value in (entries or {}).items():
                if name in target and target[name] != value:
                    raise ContractError(f"{fragment_path.name}: components.{kind}.{name} is "
                                        "already defined differently")
                target[name] = value
        for tag in fragment.get("tags") or ():
            if tag not in merged.setdefault("tags", []):
                merged["tags"].append(tag)
    return merged


def _merge_paths(into: dict[str, Any], paths: dict[str, Any], source: str) -> None:
    for path, operations in paths.items():
        target = into.setdefault(path, {})
        for method, operation in operations.items():
            if method in target and target[method] != operation:
                raise ContractError(f"{source}: {method.upper()} {path} is already defined")
            target[method] = operation


class _Dumper(yaml.SafeDumper):
    """Keeps multi-line descriptions as readable literal blocks."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def as_yaml(contract: dict[str, Any]) -> str:
    return yaml.dump(contract, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


def register(router, store) -> None:
    @router.get("/api/v1/health", tags=["meta"], operation_id="getHealth",
                summary="Liveness of the platform and its database",
                responses={200: {"model": Health, "description": "The platform is up"}})
    def health() -> dict:
        store.execute("SELECT 1").fetchone()
        return {"status": "ok", "uptime_s": round(time.time() - STARTED, 1),
                "time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}

    cached: dict[str, str] = {}

    @router.get("/openapi.yaml", tags=["meta"], operation_id="getOpenApi",
                summary="This contract, generated from the platform's routes",
                response_class=Response,
                responses={200: {"description": "OpenAPI 3 document", "content": {
                    "application/yaml": {"schema": {"type": "object"}}}}})
    def openapi(request: Request) -> Response:
        if "text" not in cached:       # the routes do not change while the platform runs
            cached["text"] = as_yaml(document(request.app))
        return Response(cached["text"], media_type="application/yaml; charset=utf-8")
