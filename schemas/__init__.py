"""JSON Schemas (2020-12) of the four topics' payloads, versioned by folder, and validators for them.

The `.schema.json` files are the contract for consumers in any language; this module is a
convenience for Python tests and tools. Cross-file `$ref`s (the alert CloudEvent refers to
`alert.schema.json`) resolve through a local registry, never over the network.

>>> validate("article", {"id": "a1", "text": "Armenia accused Azerbaijan of shelling."})
>>> errors("article", {"id": "", "text": 3})[:1]
["$.id: '' should be non-empty"]
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from referencing import Registry, Resource

SCHEMA_DIR = Path(__file__).resolve().parent
CURRENT = "v1"

#: Topic suffix (after the prefix, e.g. `flashpoint.`) → schema name.
TOPIC_SCHEMAS = {
    "articles": "article",
    "events": "event",
    "alerts": "alert.cloudevent",
    "deadletter": "deadletter",
}


def schema_paths(version: str = CURRENT) -> list[Path]:
    """Every schema file of one version, sorted."""
    return sorted((SCHEMA_DIR / version).glob("*.schema.json"))


@lru_cache(maxsize=8)
def registry(version: str = CURRENT) -> Registry:
    """All schemas of one version, addressable by their `$id`."""
    resources = []
    for path in schema_paths(version):
        doc = json.loads(path.read_text(encoding="utf-8"))
        resources.append((doc["$id"], Resource.from_contents(doc)))
    return Registry().with_resources(resources)


@lru_cache(maxsize=32)
def validator(name: str, version: str = CURRENT) -> Draft202012Validator:
    """A validator for `<name>.schema.json` (e.g. `event`, `alert.cloudevent`), formats checked."""
    path = SCHEMA_DIR / version / f"{name}.schema.json"
    if not path.is_file():
        raise KeyError(f"no schema {name!r} in {version}: {[p.name for p in schema_paths(version)]}")
    schema = json.loads(path.read_text(encoding="utf-8"))
    return Draft202012Validator(schema, registry=registry(version), format_checker=Draft202012Validator.FORMAT_CHECKER)


def validate(name: str, instance: Any, version: str = CURRENT) -> None:
    """Raise `jsonschema.ValidationError` (the most relevant error) if `instance` breaks the schema."""
    validator(name, version).validate(instance)


def errors(name: str, instance: Any, version: str = CURRENT) -> list[str]:
    """Every violation as `<json path>: <message>`; empty when the instance is valid."""
    found = sorted(validator(name, version).iter_errors(instance), key=lambda e: list(e.absolute_path))
    return [f"{e.json_path}: {e.message}" for e in found]


def validate_message(topic_suffix: str, value: bytes | str | dict, version: str = CURRENT) -> dict:
    """Parse (if needed) and validate one message value of `articles|events|alerts|deadletter`."""
    doc = json.loads(value) if isinstance(value, (bytes, str)) else value
    validate(TOPIC_SCHEMAS[topic_suffix], doc, version)
    return doc
