"""/api/v1/search/: events, log book entries and published pictures, as far as the user may
see them."""

from drf_spectacular.utils import extend_schema
from rest_framework.response import Response

from samlad.events import selectors
from samlad.events.api.serializers.search import SearchQuerySerializer, SearchResultsSerializer
from samlad.events.api.views.common import ApiView, checked_query, problems


class Search(ApiView):
    serializer_class = SearchResultsSerializer
    pagination_class = None

    @extend_schema(
        tags=["search"],
        operation_id="search",
        summary="Search events, log books and pictures",
        description="PostgreSQL full-text search with Swedish stemming (a word match on SQLite). "
        "Every word must match.",
        parameters=[SearchQuerySerializer],
        responses={200: SearchResultsSerializer, **problems(400)},
    )
    def get(self, request):
        query = checked_query(SearchQuerySerializer, request)["q"]
        results = selectors.search_everything(request.user, query)
        return Response(SearchResultsSerializer(results).data)
