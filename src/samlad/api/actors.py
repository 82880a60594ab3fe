"""/api/v1/actors/: the actor directory. Every actor of the network, its functions, who staffs
them, and the contact points the reader may see (the access policy decides, as on the
directory page); every confidential contact point shown is logged as read."""

from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import generics, serializers
from rest_framework.response import Response

from samlad.actors import selectors
from samlad.actors.models import ActorKind, ContactChannel, FunctionKind, MembershipKind
from samlad.api.rendering import JsonOnly
from samlad.api.schema import problems
from samlad.api.serializers import EnumField
from samlad.core import access
from samlad.core.models import Classification


class StaffSerializer(serializers.Serializer):
    position = serializers.IntegerField(help_text="Call-out order: 1 first, then deputies.")
    name = serializers.CharField()
    title = serializers.CharField()
    phone = serializers.CharField(help_text="Mobile phone, E.164, or empty.")


class FunctionSerializer(serializers.Serializer):
    public_id = serializers.UUIDField()
    kind = EnumField(FunctionKind)
    label = serializers.CharField(source="get_kind_display")
    staffed_around_the_clock = serializers.BooleanField()
    staff = serializers.SerializerMethodField(help_text="Who staffs it, in call-out order.")

    @extend_schema_field(StaffSerializer(many=True))
    def get_staff(self, function) -> list:
        return [
            {
                "position": assignment.position,
                "name": str(assignment.user),
                "title": assignment.user.title,
                "phone": assignment.user.phone.as_e164 if assignment.user.phone else "",
            }
            for assignment in function.assignments.all()
        ]


class ContactPointSerializer(serializers.Serializer):
    public_id = serializers.UUIDField()
    function = EnumField(
        FunctionKind,
        source="function.kind",
        allow_null=True,
        help_text="The function reached, or null for the actor as a whole.",
    )
    channel = EnumField(ContactChannel)
    value = serializers.CharField(help_text="Phone and Rakel numbers in E.164; e-mail addresses.")
    label = serializers.CharField()
    position = serializers.IntegerField()
    classification = EnumField(Classification)
    osl_reference = serializers.CharField(help_text="The secrecy provision, for confidential.")


class ActorSerializer(serializers.Serializer):
    public_id = serializers.UUIDField()
    name = serializers.CharField()
    slug = serializers.CharField(help_text="Short name, as in user names (nacka.kontakt).")
    kind = EnumField(ActorKind)
    kind_label = serializers.CharField(source="get_kind_display")
    membership = EnumField(MembershipKind)
    designated = serializers.BooleanField()
    municipality_code = serializers.CharField()
    description = serializers.CharField()
    is_active = serializers.BooleanField()
    functions = serializers.SerializerMethodField(help_text="The 24/7 contact function first.")
    contact_points = serializers.SerializerMethodField(
        help_text="Those you may see, the 24/7 contact function's first."
    )

    @extend_schema_field(FunctionSerializer(many=True))
    def get_functions(self, actor) -> list:
        return FunctionSerializer(selectors.functions_in_order(actor), many=True).data

    @extend_schema_field(ContactPointSerializer(many=True))
    def get_contact_points(self, actor) -> list:
        points = [row.point for row in selectors.call_out_entry(actor).rows]
        return ContactPointSerializer(points, many=True).data


class ActorFilterSerializer(serializers.Serializer):
    kind = EnumField(ActorKind, required=False, allow_blank=True)
    q = serializers.CharField(
        required=False, allow_blank=True, max_length=100, help_text="Part of a name or short name."
    )


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
