"""Platform metadata: health, and the OpenAPI contract merged from docs/platform-api*.yaml.

docs/platform-api.yaml is the base document (info, servers, shared schemas, the catalog and meta
paths); every other area adds docs/platform-api-<area>.yaml with `paths:` and `components:`. The
served /openapi.yaml is their merge, so the contract stays next to the code that implements it.
"""
from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import yaml

from sync.reference_platform.server import HttpError, Request, Response, Router, Store

SCHEMA_SQL = ""
DOCS = Path(__file__).resolve().parents[2] / "docs"
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


def register(router: Router, store: Store) -> None:
    @router.route("GET", "/api/v1/health")
    def health(request: Request) -> dict:
        store.execute("SELECT 1").fetchone()
        return {"status": "ok", "uptime_s": round(time.time() - STARTED, 1),
                "time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}

    @router.route("GET", "/openapi.yaml")
    def openapi(request: Request) -> Response:
        try:
            contract = merged_contract()
        except (ContractError, yaml.YAMLError, OSError) as exc:
            raise HttpError(500, f"OpenAPI contract cannot be merged: {exc}") from None
        text = yaml.dump(contract, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                         width=100)
        return Response(200, text, content_type="application/yaml; charset=utf-8")
