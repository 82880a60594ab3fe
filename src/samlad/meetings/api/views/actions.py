"""/api/v1/action-items/: what the actors agreed to do in meetings, and its follow-up."""

from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.exceptions import NotFound as ApiNotFound
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from samlad.api.schema import ids, problems
from samlad.core.errors import NotFound
from samlad.meetings import selectors, services
from samlad.meetings.api import serializers as s
from samlad.meetings.api.common import checked, visible_meeting
from samlad.meetings.models import ActionUpdate


def _with_updates(items):
    return items.prefetch_related(
        Prefetch("updates", queryset=ActionUpdate.objects.order_by("at", "id"))
    )


class ActionItemList(GenericAPIView):
    serializer_class = s.ActionItemSerializer

    @extend_schema(
        tags=["action items"],
        operation_id="action_items_list",
        summary="The action items you may see",
        description="Those of the meetings you may see, and your own actor's wherever they were "
        "agreed. `mine=true&open=true` is your actor's open list.",
        parameters=[s.ActionFilterSerializer],
        responses={200: s.ActionItemSerializer(many=True), **problems(400, 401)},
    )
    def get(self, request):
        filters = checked(s.ActionFilterSerializer, request, query=True)
        actor = request.user.actor if filters["mine"] and request.user.actor_id else None
        items = selectors.visible_actions(request.user, actor=actor, open_only=filters["open"])
        if filters["mine"] and actor is None:
            items = items.none()
        if "meeting" in filters:
            items = items.filter(meeting__public_id=filters["meeting"])
        page = self.paginate_queryset(_with_updates(items))
        return self.get_paginated_response(s.ActionItemSerializer(page, many=True).data)

    @extend_schema(
        tags=["action items"],
        operation_id="action_items_create",
        summary="Record what one actor has agreed to do in a meeting",
        request=s.ActionItemWriteSerializer,
        responses={201: s.ActionItemSerializer, **problems(400, 401, 403, 404)},
    )
    def post(self, request):
        data = checked(s.ActionItemWriteSerializer, request)
        meeting = visible_meeting(request, data.pop("meeting"))
        item_id = data.pop("agenda_item")
        agenda_item = selectors.agenda_item(meeting, public_id=item_id) if item_id else None
        item = services.add_action(
            by=request.user, meeting=meeting, agenda_item=agenda_item, **data
        )
        return Response(s.ActionItemSerializer(item).data, status=status.HTTP_201_CREATED)


@ids("action_id")
class ActionItemDetail(GenericAPIView):
    serializer_class = s.ActionItemSerializer

    def _item(self, request, action_id):
        return selectors.action_for(request.user, public_id=action_id)

    @extend_schema(
        tags=["action items"],
        operation_id="action_items_read",
        summary="Read an action item and its follow-up history",
        responses={200: s.ActionItemSerializer, **problems(401, 404)},
    )
    def get(self, request, action_id):
        return Response(s.ActionItemSerializer(self._item(request, action_id)).data)

    @extend_schema(
        tags=["action items"],
        operation_id="action_items_follow_up",
        summary="Follow an item up: in progress, done, cancelled or reopened",
        description="The responsible actor's own users and the minutes writers may.",
        request=s.ActionStatusSerializer,
        responses={200: s.ActionItemSerializer, **problems(400, 401, 403, 404)},
    )
    def patch(self, request, action_id):
        item = self._item(request, action_id)
        data = checked(s.ActionStatusSerializer, request)
        meeting_id = data.pop("at_meeting")
        try:
            at_meeting = (
                selectors.meeting_for(request.user, public_id=meeting_id, via=None)
                if meeting_id
                else None
            )
        except NotFound:
            raise ApiNotFound from None
        item = services.set_action_status(by=request.user, item=item, at_meeting=at_meeting, **data)
        return Response(s.ActionItemSerializer(item).data)
