"""/api/v1/actors/: the actor directory. Every actor of the network, its functions, who staffs
them, and the contact points the reader may see (the access policy decides, as on the
directory page); every confidential contact point shown is logged as read.

/api/v1/actors/{id}/contact-points/: an actor's numbers and addresses, kept by its own
permission administrators (and platform administrators). What they see of them is still
decided by the access policy: confidential ones only with the confidential permission.
Writes go through samlad.actors.services; phone numbers are validated and stored as E.164."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, generics, serializers, status
from rest_framework.response import Response

from samlad.actors import rules, selectors, services
from samlad.actors.api.serializers import (
    ActorFilterSerializer,
    ActorSerializer,
    ContactPointWriteSerializer,
    KeptContactPointSerializer,
)
from samlad.actors.models import Actor, ContactPoint, Function
from samlad.api.rendering import JsonOnly
from samlad.api.schema import problems
from samlad.core import access
from samlad.core.errors import NotFound


class ActorListView(JsonOnly, generics.GenericAPIView):
    serializer_class = ActorSerializer

    @extend_schema(
        operation_id="actors_list",
        summary="The actor directory",
        description="Every active actor, in Swedish alphabetical order.",
        parameters=[ActorFilterSerializer],
        responses={200: ActorSerializer(many=True), **problems(400, 401)},
        tags=["actors"],
    )
    def get(self, request):
        filters = ActorFilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        actors = selectors.actors_for(
            request.user,
            search=filters.validated_data.get("q", ""),
            kind=filters.validated_data.get("kind", ""),
        )
        page = self.paginate_queryset(
            sorted(actors, key=lambda actor: selectors.swedish_sort_key(actor.name))
        )
        shown = [point for actor in page for point in actor.visible_contact_points]
        access.note_reads(request.user, shown, via="api")
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


class ActorDetailView(JsonOnly, generics.GenericAPIView):
    serializer_class = ActorSerializer

    @extend_schema(
        operation_id="actors_retrieve",
        summary="One actor",
        responses={200: ActorSerializer, **problems(401, 404)},
        tags=["actors"],
    )
    def get(self, request, public_id):
        actor = selectors.actor_for(request.user, public_id=public_id)
        access.note_reads(request.user, actor.visible_contact_points, via="api")
        return Response(self.get_serializer(actor).data)


def kept_actor(by, actor_id) -> Actor:
    """The actor whose contact points `by` keeps; 403 for anyone else, before any lookup."""
    actor = Actor.objects.filter(public_id=actor_id).first()
    if actor is None:
        raise NotFound
    if not rules.can_administer_users_of(by, actor):
        raise exceptions.PermissionDenied(
            _("Only the actor's permission administrators keep its contact details.")
        )
    return actor


def kept_points(by, actor: Actor):
    """The actor's contact points that `by` may see."""
    points = ContactPoint.objects.filter(owner_actor=actor).select_related("function")
    return (
        access.visible_to(points, by)
        .prefetch_related("shared_with")
        .order_by("position", "channel", "pk")
    )


def kept_point(by, actor: Actor, public_id) -> ContactPoint:
    point = kept_points(by, actor).filter(public_id=public_id).first()
    if point is None:
        raise NotFound
    return point


def _with_function(actor: Actor, fields: dict) -> dict:
    if "function" not in fields or fields["function"] is None:
        return fields
    function = Function.objects.filter(actor=actor, kind=fields["function"]).first()
    if function is None:
        raise serializers.ValidationError({"function": [_("The actor has no such function.")]})
    return {**fields, "function": function}


class ContactPointListView(JsonOnly, generics.GenericAPIView):
    serializer_class = KeptContactPointSerializer

    @extend_schema(
        operation_id="actors_contact_points_list",
        summary="The actor's contact points, to keep",
        responses={200: KeptContactPointSerializer(many=True), **problems(401, 403, 404)},
        tags=["contact points"],
    )
    def get(self, request, actor_id):
        actor = kept_actor(request.user, actor_id)
        page = self.paginate_queryset(kept_points(request.user, actor))
        access.note_reads(request.user, page, via="api")
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    @extend_schema(
        operation_id="actors_contact_points_create",
        summary="Add a contact point",
        request=ContactPointWriteSerializer,
        responses={201: KeptContactPointSerializer, **problems(400, 401, 403, 404)},
        tags=["contact points"],
    )
    def post(self, request, actor_id):
        actor = kept_actor(request.user, actor_id)
        form = ContactPointWriteSerializer(data=request.data, context={"request": request})
        form.is_valid(raise_exception=True)
        fields = _with_function(actor, form.validated_data)
        point = services.add_contact_point(by=request.user, actor=actor, **fields)
        # Shown as written, even where the writer may not see it afterwards (a platform
        # administrator who kept it from their own actor): it holds nothing they did not write.
        return Response(self.get_serializer(point).data, status=status.HTTP_201_CREATED)


class ContactPointDetailView(JsonOnly, generics.GenericAPIView):
    serializer_class = KeptContactPointSerializer

    @extend_schema(
        operation_id="actors_contact_points_retrieve",
        summary="One contact point",
        responses={200: KeptContactPointSerializer, **problems(401, 403, 404)},
        tags=["contact points"],
    )
    def get(self, request, actor_id, public_id):
        point = kept_point(request.user, kept_actor(request.user, actor_id), public_id)
        access.note_reads(request.user, [point], via="api")
        return Response(self.get_serializer(point).data)

    @extend_schema(
        operation_id="actors_contact_points_partial_update",
        summary="Change a contact point",
        request=ContactPointWriteSerializer(partial=True),
        responses={200: KeptContactPointSerializer, **problems(400, 401, 403, 404)},
        tags=["contact points"],
    )
    def patch(self, request, actor_id, public_id):
        actor = kept_actor(request.user, actor_id)
        point = kept_point(request.user, actor, public_id)
        form = ContactPointWriteSerializer(
            data=request.data, partial=True, context={"request": request}
        )
        form.is_valid(raise_exception=True)
        fields = _with_function(actor, form.validated_data)
        point = services.update_contact_point(by=request.user, point=point, **fields)
        return Response(self.get_serializer(point).data)

    @extend_schema(
        operation_id="actors_contact_points_destroy",
        summary="Remove a contact point",
        responses={204: None, **problems(401, 403, 404)},
        tags=["contact points"],
    )
    def delete(self, request, actor_id, public_id):
        point = kept_point(request.user, kept_actor(request.user, actor_id), public_id)
        services.remove_contact_point(by=request.user, point=point)
        return Response(status=status.HTTP_204_NO_CONTENT)
