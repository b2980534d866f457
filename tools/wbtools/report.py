"""The chapter check report (checks.json, chNN --json): its schema and a validator.

The schema is common/checks.schema.json, written once beside the C++ that produces the
report (common/chapter.cpp); this module reads it, so the book and the seed sweep take
kinds and verdicts from the report as is. validate() implements the part of JSON Schema
that file uses (type, const, enum, required, properties, additionalProperties, items,
minimum, $ref to #/$defs), with the standard library only.
"""
import json
from functools import lru_cache
from pathlib import Path

from . import common

SCHEMA_PATH = Path(common.ROOT) / "common" / "checks.schema.json"


@lru_cache(maxsize=None)
def schema():
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def version():
    return schema()["properties"]["version"]["const"]


def kinds():
    return schema()["$defs"]["check"]["properties"]["kind"]["enum"]


def verdicts():
    return schema()["$defs"]["check"]["properties"]["verdict"]["enum"]


_TYPES = {"object": dict, "array": list, "string": str, "boolean": bool, "null": type(None)}


def _is(value, t):
    if t == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if t == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, _TYPES[t])


def _resolve(node, root):
    while "$ref" in node:
        ref = node["$ref"]
        if not ref.startswith("#/"):
            raise ValueError(f"unsupported $ref {ref}")
        target = root
        for part in ref[2:].split("/"):
            target = target[part]
        node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def validate(doc, node=None, where="$", root=None):
    """Problems of `doc` against the schema (or `node` of it), as 'path: message' strings."""
    root = root or schema()
    node = _resolve(root if node is None else node, root)
    out = []
    if "const" in node and doc != node["const"]:
        return [f"{where}: expected {node['const']!r}, got {doc!r}"]
    if "enum" in node and doc not in node["enum"]:
        return [f"{where}: {doc!r} is not one of {node['enum']}"]
    if "type" in node:
        types = node["type"] if isinstance(node["type"], list) else [node["type"]]
        if not any(_is(doc, t) for t in types):
            return [f"{where}: expected {' or '.join(types)}, got {type(doc).__name__}"]
    if "minimum" in node and _is(doc, "number") and doc < node["minimum"]:
        out.append(f"{where}: {doc} is below the minimum {node['minimum']}")
    if isinstance(doc, dict):
        props = node.get("properties", {})
        for key in node.get("required", []):
            if key not in doc:
                out.append(f"{where}: missing '{key}'")
        for key, value in doc.items():
            if key in props:
                out += validate(value, props[key], f"{where}.{key}", root)
            elif node.get("additionalProperties") is False:
                out.append(f"{where}: unexpected field '{key}'")
    if isinstance(doc, list) and "items" in node:
        for i, value in enumerate(doc):
            out += validate(value, node["items"], f"{where}[{i}]", root)
    return out
