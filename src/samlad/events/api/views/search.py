"""/api/v1/search/: events, log book entries, published pictures, actor reports, notices and
meetings, as far as the user may see them (confidential hits are logged as read)."""

from drf_spectacular.utils import extend_schema
from rest_framework.response import Response

from samlad.api.schema import problems
from samlad.events import selectors
from samlad.events.api.serializers.search import SearchQuerySerializer, SearchResultsSerializer
from samlad.events.api.views.common import ApiView, checked_query


class Search(ApiView):
    serializer_class = SearchResultsSerializer
    pagination_class = None

    @extend_schema(
        tags=["search"],
        operation_id="search",
        summary="Search events, log books, pictures, actor reports, notices and meetings",
        description="PostgreSQL full-text search with Swedish stemming (a word match on SQLite). "
        "Every word must match. Each kind is read through the access policy; confidential hits "
        "are logged as read.",
        parameters=[SearchQuerySerializer],
        responses={200: SearchResultsSerializer, **problems(400, 401)},
    )
    def get(self, request):
        query = checked_query(SearchQuerySerializer, request)["q"]
        results = selectors.search_everything(request.user, query, via="api")
        return Response(SearchResultsSerializer(results).data)
