"""The OpenAPI document the platform serves, generated from its routes and models.

Routes read their JSON bodies themselves (so each refusal keeps its documented status: 400, 413
or 422), so FastAPI does not see the request models; a route names its body with body(Model) and
the model's schema is added to the components here. FastAPI's own validation answer (422 with
HTTPValidationError) is dropped from the document: no route lets FastAPI validate anything, and
a refusal always carries {"error": ...}.
"""
from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel

INFO = {
    "title": "Government service platform, kiosk contract",
    "version": "1.0",
    "description": (
        "The endpoints a hall kiosk uses on the central service platform, as served by the "
        "reference platform (reference_platform/). The hand-written contract is docs/"
        "platform-api*.yaml; tests/reference_platform/test_contract.py holds this generated "
        "document against it. Errors carry {\"error\": \"<message>\"}. Every answer has a Date "
        "header (the kiosk uses it to detect clock skew)."),
    "openapi_tags": [
        {"name": "catalog", "description": "Service items and their guides (办事指南)"},
        {"name": "meta", "description": "Health and this contract"},
        {"name": "sync", "description": "Provisioning, record intake, heartbeat, commands"},
        {"name": "documents", "description": "Documents and e-licences, seals, verification"},
        {"name": "persons", "description": "Reference photos for face verification"},
        {"name": "admin", "description": "Reference platform only: counts, commands, faults"},
    ],
}

_BODY_MODELS: dict[str, type[BaseModel]] = {}
_REF = "#/components/schemas/{model}"


def body(model: type[BaseModel], required: bool = True) -> dict[str, Any]:
    """openapi_extra for a route that reads a JSON body of this model."""
    _BODY_MODELS[model.__name__] = model
    return {"requestBody": {"required": required, "content": {"application/json": {
        "schema": {"$ref": _REF.format(model=model.__name__)}}}}}


def error(description: str, model: type[BaseModel] | None = None) -> dict[str, Any]:
    """A documented refusal: its description and the Error body (or another model)."""
    from reference_platform.models import Error
    return {"description": description, "model": model or Error}


def binary(media_type: str, description: str, fmt: str | None = "binary",
           headers: dict[str, Any] | None = None) -> dict[str, Any]:
    """A documented 200 with a non-JSON body."""
    schema: dict[str, Any] = {"type": "string"}
    if fmt:
        schema["format"] = fmt
    answer: dict[str, Any] = {"description": description,
                              "content": {media_type: {"schema": schema}}}
    if headers:
        answer["headers"] = headers
    return answer


def document(app: FastAPI) -> dict[str, Any]:
    doc = get_openapi(title=app.title, version=app.version, description=app.description,
                      routes=app.routes, tags=app.openapi_tags)
    schemas = doc.setdefault("components", {}).setdefault("schemas", {})
    for model in _BODY_MODELS.values():
        schema = model.model_json_schema(ref_template=_REF, mode="validation")
        for name, sub in schema.pop("$defs", {}).items():
            schemas.setdefault(name, sub)
        schemas.setdefault(model.__name__, schema)
    for operations in doc.get("paths", {}).values():
        for operation in operations.values():
            answers = operation.get("responses", {})
            if "HTTPValidationError" in str(answers.get("422", {}).get("content")):
                del answers["422"]
            for answer in answers.values():
                # JsonAnswer's media type carries its charset; the contract names the type only
                content = answer.get("content") or {}
                for media in [m for m in content if ";" in m]:
                    content.setdefault(media.split(";")[0].strip(), content.pop(media))
    for name in ("HTTPValidationError", "ValidationError"):
        schemas.pop(name, None)
    return doc
