"""Paging of every API list: ?limit=&offset=, at most 500 items a page."""

from rest_framework.pagination import LimitOffsetPagination


class Pagination(LimitOffsetPagination):
    max_limit = 500
