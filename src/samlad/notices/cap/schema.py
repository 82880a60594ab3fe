"""The CAP 1.2 schema (OASIS's CAP-v1.2.xsd, carried in samlad/notices/data/), loaded once."""

from functools import cache
from pathlib import Path

from lxml import etree

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "data" / "CAP-v1.2.xsd"


@cache
def cap_schema() -> etree.XMLSchema:
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return etree.XMLSchema(etree.parse(str(SCHEMA_PATH), parser))


def schema_errors(document) -> list[str]:
    """What is wrong with `document` (an lxml tree) as a CAP 1.2 alert; empty when it is valid."""
    schema = cap_schema()
    if schema.validate(document):
        return []
    return [f"line {error.line}: {error.message}" for error in schema.error_log]
