"""Compare two OpenAPI documents as contracts: paths, methods, parameters, request bodies,
status codes, response bodies, security and the named schemas.

Schemas are compared after normalising what differs between a hand-written OpenAPI 3.0 document
and a generated 3.1 one without changing the meaning: $refs are resolved, `nullable: true` and
`anyOf: [X, {type: null}]` are the same thing, `const` is a one-value enum, titles, descriptions
and examples are prose. An error answer documented with no body carries the Error object (the
base document says so), so it matches an answer whose body is Error.
"""
from __future__ import annotations

from typing import Any

METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
KEYWORDS = ("format", "pattern", "minimum", "maximum", "minLength", "maxLength", "minItems",
            "maxItems", "default")


def resolve(doc: dict, ref: str) -> dict:
    node: Any = doc
    for part in ref.removeprefix("#/").split("/"):
        node = node[part]
    return node


def schema(doc: dict, value: dict | None, depth: int = 0) -> Any:
    """A comparable form of a schema."""
    if value is None:
        return None
    if depth > 20:
        raise ValueError("schema nesting too deep (a recursive $ref?)")
    if "$ref" in value:
        return schema(doc, resolve(doc, value["$ref"]), depth + 1)
    value = dict(value)
    nullable = bool(value.pop("nullable", False))
    for combinator in ("anyOf", "oneOf"):
        if combinator in value:
            options = value.pop(combinator)
            parts = [p for p in options if p != {"type": "null"}]
            nullable = nullable or len(parts) < len(options)
            if len(parts) == 1:
                base = schema(doc, {**value, **parts[0]}, depth + 1)
                base["nullable"] = base["nullable"] or nullable
                return base
            return {combinator: [schema(doc, p, depth + 1) for p in parts], "nullable": nullable}
    types = value.get("type")
    types = set(types) if isinstance(types, list) else ({types} if types else set())
    if "null" in types:
        nullable = True
        types.discard("null")
    out: dict[str, Any] = {"type": sorted(types), "nullable": nullable}
    enum = value.get("enum")
    if "const" in value:
        enum = [value["const"]]
    if enum is not None:
        if None in enum:
            out["nullable"] = True
        out["enum"] = sorted(str(e) for e in enum if e is not None)
    for key in KEYWORDS:
        if key in value and value[key] is not None:
            out[key] = value[key]
    if "properties" in value or "object" in types:
        out["properties"] = {name: schema(doc, sub, depth + 1)
                             for name, sub in (value.get("properties") or {}).items()}
        out["required"] = sorted(value.get("required") or ())
        extra = value.get("additionalProperties", True)
        out["additionalProperties"] = (extra if isinstance(extra, bool)
                                       else schema(doc, extra, depth + 1))
    if "items" in value:
        out["items"] = schema(doc, value["items"], depth + 1)
    return out


def _parameters(doc: dict, operation: dict) -> dict:
    out = {}
    for parameter in operation.get("parameters") or ():
        if "$ref" in parameter:
            parameter = resolve(doc, parameter["$ref"])
        shape = schema(doc, parameter.get("schema"))
        if not parameter.get("required") and isinstance(shape, dict):
            shape = {**shape, "nullable": False}   # an optional parameter is simply absent
        out[(parameter["in"], parameter["name"])] = {"required": bool(parameter.get("required")),
                                                     "schema": shape}
    return out


def _content(doc: dict, content: dict | None) -> dict:
    return {media.split(";")[0].strip(): schema(doc, (entry or {}).get("schema"))
            for media, entry in (content or {}).items()}


def _security(operation: dict) -> list:
    return sorted(name for requirement in operation.get("security") or () for name in requirement)


def differences(contract: dict, generated: dict) -> list[str]:
    """What differs between the hand-written contract and the generated document (empty when
    they agree)."""
    problems: list[str] = []
    error = {"application/json": schema(contract, {"$ref": "#/components/schemas/Error"})}
    c_paths, g_paths = contract.get("paths") or {}, generated.get("paths") or {}
    for path in sorted(set(c_paths) ^ set(g_paths)):
        side = "docs only" if path in c_paths else "served only"
        problems.append(f"{path}: {side}")
    for path in sorted(set(c_paths) & set(g_paths)):
        c_ops = {m: o for m, o in c_paths[path].items() if m in METHODS}
        g_ops = {m: o for m, o in g_paths[path].items() if m in METHODS}
        for method in sorted(set(c_ops) ^ set(g_ops)):
            side = "docs only" if method in c_ops else "served only"
            problems.append(f"{method.upper()} {path}: {side}")
        for method in sorted(set(c_ops) & set(g_ops)):
            where = f"{method.upper()} {path}"
            c_op, g_op = c_ops[method], g_ops[method]
            if c_op.get("operationId") != g_op.get("operationId"):
                problems.append(f"{where}: operationId {c_op.get('operationId')!r} in docs, "
                                f"{g_op.get('operationId')!r} served")
            if _security(c_op) != _security(g_op):
                problems.append(f"{where}: security {_security(c_op)} in docs, "
                                f"{_security(g_op)} served")
            c_params, g_params = _parameters(contract, c_op), _parameters(generated, g_op)
            if c_params != g_params:
                problems.append(f"{where}: parameters differ:\n  docs   {c_params}\n"
                                f"  served {g_params}")
            c_body, g_body = c_op.get("requestBody") or {}, g_op.get("requestBody") or {}
            if (bool(c_body.get("required")), _content(contract, c_body.get("content"))) != \
                    (bool(g_body.get("required")), _content(generated, g_body.get("content"))):
                problems.append(f"{where}: request bodies differ:\n"
                                f"  docs   {_content(contract, c_body.get('content'))}\n"
                                f"  served {_content(generated, g_body.get('content'))}")
            c_resp, g_resp = c_op.get("responses") or {}, g_op.get("responses") or {}
            if set(map(str, c_resp)) != set(map(str, g_resp)):
                problems.append(f"{where}: status codes {sorted(map(str, c_resp))} in docs, "
                                f"{sorted(map(str, g_resp))} served")
            for status in sorted(set(map(str, c_resp)) & set(map(str, g_resp))):
                c_answer = c_resp.get(status) or c_resp.get(int(status)) or {}
                g_answer = g_resp.get(status) or g_resp.get(int(status)) or {}
                c_content = _content(contract, c_answer.get("content"))
                g_content = _content(generated, g_answer.get("content"))
                if c_content == g_content:
                    continue
                if not c_content and status >= "400" and g_content == error:
                    continue
                problems.append(f"{where} {status}: bodies differ:\n  docs   {c_content}\n"
                                f"  served {g_content}")
    c_schemas = (contract.get("components") or {}).get("schemas") or {}
    g_schemas = (generated.get("components") or {}).get("schemas") or {}
    for name in sorted(c_schemas):
        if name not in g_schemas:
            problems.append(f"schema {name}: docs only")
            continue
        c_shape = schema(contract, c_schemas[name])
        g_shape = schema(generated, g_schemas[name])
        if c_shape != g_shape:
            problems.append(f"schema {name} differs:\n  docs   {c_shape}\n  served {g_shape}")
    c_sec = (contract.get("components") or {}).get("securitySchemes") or {}
    g_sec = (generated.get("components") or {}).get("securitySchemes") or {}
    strip = lambda schemes: {k: {f: v for f, v in s.items() if f != "description"}  # noqa: E731
                             for k, s in schemes.items()}
    if strip(c_sec) != strip(g_sec):
        problems.append(f"securitySchemes differ: docs {strip(c_sec)}, served {strip(g_sec)}")
    return problems
