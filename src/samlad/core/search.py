"""Full-text search over a record's `search_text` column: PostgreSQL full-text search with
Swedish stemming (a GIN index per searchable table), and a plain word match on SQLite."""

import re
from typing import Any, TypeVar

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, Model, Q, QuerySet

SEARCH_CONFIG = "swedish"
WORD = re.compile(r"\w+", re.UNICODE)

M = TypeVar("M", bound=Model)


def search_text(*parts: Any) -> str:
    """The text a record is found by: its parts, case-folded, whitespace collapsed."""
    return " ".join(" ".join(str(part) for part in parts if part).casefold().split())


def words(query: str) -> list[str]:
    return WORD.findall(query.casefold())


def vector() -> SearchVector:
    return SearchVector("search_text", config=SEARCH_CONFIG)


def matching(queryset: QuerySet[M], query: str) -> QuerySet[M]:
    """The records of `queryset` that match every word of `query`, best first."""
    terms = words(query)
    if not terms:
        return queryset.none()
    if connection.vendor == "postgresql":
        search = SearchQuery(" ".join(terms), config=SEARCH_CONFIG, search_type="plain")
        ranked: QuerySet[M] = (
            queryset.annotate(search_vector=vector())
            .filter(search_vector=search)
            .annotate(rank=SearchRank(F("search_vector"), search))
            .order_by("-rank")
        )
        return ranked
    for term in terms:
        queryset = queryset.filter(search_text__contains=term)
    return queryset


def matching_fields(queryset: QuerySet[M], query: str, fields: list[str]) -> QuerySet[M]:
    """Like `matching`, for records with no `search_text` column: every word of `query` in one
    of `fields` (PostgreSQL: full text with Swedish stemming over the fields, unindexed;
    SQLite: a case-insensitive substring of a field)."""
    terms = words(query)
    if not terms:
        return queryset.none()
    if connection.vendor == "postgresql":
        search = SearchQuery(" ".join(terms), config=SEARCH_CONFIG, search_type="plain")
        fields_vector = SearchVector(*fields, config=SEARCH_CONFIG)
        ranked: QuerySet[M] = (
            queryset.annotate(search_vector=fields_vector)
            .filter(search_vector=search)
            .annotate(rank=SearchRank(F("search_vector"), search))
            .order_by("-rank")
        )
        return ranked
    for term in terms:
        anywhere = Q()
        for field in fields:
            anywhere |= Q(**{f"{field}__icontains": term})
        queryset = queryset.filter(anywhere)
    return queryset


def create_gin_index_sql(table: str) -> str:
    """The expression index PostgreSQL uses for `matching` on `table`."""
    return (
        f"CREATE INDEX IF NOT EXISTS {table}_search_gin ON {table} "
        f"USING gin (to_tsvector('{SEARCH_CONFIG}'::regconfig, COALESCE(search_text, '')))"
    )
