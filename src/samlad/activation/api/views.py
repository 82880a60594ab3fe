"""The activation API's views: thin, they parse, call a selector or service, and serialize.
Errors become problem JSON through the project's exception handler."""

from django.http import Http404
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from samlad.activation import rules, selectors, services
from samlad.activation.api import serializers as s
from samlad.activation.board import board_for
from samlad.activation.models import Recipient
from samlad.api.schema import problems
from samlad.core.errors import NotFound, NotPermitted


class IsNetworkMember(permissions.BasePermission):
    message = "Only members of the network use the activation API."

    def has_permission(self, request, view) -> bool:
        return rules.can_view_activations(request.user)


class ByPublicId:
    lookup_field = "public_id"
    lookup_url_kwarg = "id"
    permission_classes = [permissions.IsAuthenticated, IsNetworkMember]
    selector = None

    def get_object(self):
        try:
            return type(self).selector(self.request.user, public_id=self.kwargs["id"])
        except NotFound:
            raise Http404 from None


@extend_schema_view(
    list=extend_schema(
        summary="The forums, with members and answer requirements",
        responses={200: s.ForumSerializer(many=True), **problems(401, 403)},
    ),
    retrieve=extend_schema(
        summary="One forum", responses={200: s.ForumSerializer, **problems(401, 403, 404)}
    ),
)
class ForumViewSet(ByPublicId, viewsets.ReadOnlyModelViewSet):
    serializer_class = s.ForumSerializer
    selector = selectors.forum_for

    def get_queryset(self):
        return selectors.visible_forums(self.request.user)


@extend_schema_view(
    list=extend_schema(
        summary="Activation requests: all for TiB/RSIB/RKK, else your actor's",
        responses={200: s.ActivationRequestSerializer(many=True), **problems(401, 403)},
    ),
    retrieve=extend_schema(
        summary="One activation request",
        responses={200: s.ActivationRequestSerializer, **problems(401, 403, 404)},
    ),
    create=extend_schema(
        summary="Ask TiB to activate (contact functions); TiB is alerted",
        responses={201: s.ActivationRequestSerializer, **problems(400, 401, 403)},
    ),
)
class ActivationRequestViewSet(
    ByPublicId,
    mixins.CreateModelMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = s.ActivationRequestSerializer
    selector = selectors.request_for

    def get_queryset(self):
        return selectors.visible_requests(self.request.user, status=self.request.GET.get("status"))

    def perform_create(self, serializer):
        serializer.instance = services.file_request(
            by=self.request.user, **serializer.validated_data
        )

    @extend_schema(
        summary="TiB decides: activate (the suggested or another forum) or decline with a reason",
        request=s.DecisionSerializer,
        responses={
            201: OpenApiResponse(s.ActivationSerializer, description="Activated"),
            200: OpenApiResponse(s.ActivationRequestSerializer, description="Declined"),
            **problems(400, 401, 403, 404),
        },
    )
    @action(detail=True, methods=["post"])
    def decide(self, request, id=None):
        activation_request = self.get_object()
        decision = s.DecisionSerializer(data=request.data, context={"request": request})
        decision.is_valid(raise_exception=True)
        data = dict(decision.validated_data)
        if data.pop("decision") == "decline":
            declined = services.decline_request(
                by=request.user, activation_request=activation_request, reason=data["reason"]
            )
            return Response(
                s.ActivationRequestSerializer(declined, context={"request": request}).data
            )
        activation = services.activate_request(
            by=request.user, activation_request=activation_request, **data
        )
        return Response(
            s.ActivationSerializer(activation, context={"request": request}).data,
            status=status.HTTP_201_CREATED,
        )


@extend_schema_view(
    list=extend_schema(
        summary="Activations, newest first (network-wide)",
        responses={200: s.ActivationSerializer(many=True), **problems(401, 403)},
    ),
    retrieve=extend_schema(
        summary="One activation, with the board's figures",
        responses={200: s.ActivationDetailSerializer, **problems(401, 403, 404)},
    ),
    create=extend_schema(
        summary="TiB activates a forum; everyone on its list is called",
        request=s.ActivationInputSerializer,
        responses={201: s.ActivationSerializer, **problems(400, 401, 403)},
    ),
)
class ActivationViewSet(
    ByPublicId,
    mixins.CreateModelMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = s.ActivationSerializer
    selector = selectors.activation_for

    def get_queryset(self):
        return selectors.visible_activations(
            self.request.user, status=self.request.GET.get("status")
        )

    def create(self, request, *args, **kwargs):
        given = s.ActivationInputSerializer(data=request.data, context={"request": request})
        given.is_valid(raise_exception=True)
        activation = services.activate(by=request.user, **given.validated_data)
        return Response(
            s.ActivationSerializer(activation, context={"request": request}).data,
            status=status.HTTP_201_CREATED,
        )

    def retrieve(self, request, *args, **kwargs):
        activation = self.get_object()
        activation.board = board_for(request.user, activation)
        return Response(s.ActivationDetailSerializer(activation).data)

    @extend_schema(
        summary="Who was called, with delivery and answer state (contact details for TiB, "
        "RSIB, RKK and platform administrators only)",
        operation_id="activations_recipients_list",
        responses={200: s.RecipientSerializer(many=True), **problems(401, 403, 404)},
    )
    @action(detail=True, methods=["get"])
    def recipients(self, request, id=None):
        activation = self.get_object()
        board = board_for(request.user, activation)
        rows = [row for actor_row in board.rows for row in actor_row.recipients]
        page = self.paginate_queryset(rows)
        context = {"show_names": rules.can_see_contact_details(request.user)}
        data = s.RecipientSerializer(page, many=True, context=context).data
        return self.get_paginated_response(data)

    @extend_schema(
        summary="TiB registers an answer given by phone (or another way) for one recipient",
        description="Recorded with `answered_via: board` and who registered it; the actor "
        "counts as answered and its escalation stops. A later answer replaces an earlier one.",
        operation_id="activations_recipients_answer",
        request=s.PhoneAnswerSerializer,
        responses={200: s.AnswerSerializer, **problems(400, 401, 403, 404)},
    )
    @action(
        detail=True,
        methods=["post"],
        url_path=r"recipients/(?P<recipient_id>[0-9a-fA-F-]{36})/answer",
    )
    def answer(self, request, id=None, recipient_id=None):
        activation = self.get_object()
        if not rules.can_activate(request.user):
            raise NotPermitted("Only the county board's TiB registers answers for others.")
        recipient = Recipient.objects.filter(activation=activation, public_id=recipient_id).first()
        if recipient is None:
            raise Http404
        given = s.PhoneAnswerSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        recorded = services.record_answer(
            by=request.user,
            recipient=recipient,
            answer=given.validated_data["answer"],
            minutes=given.validated_data.get("minutes"),
        )
        return Response(s.AnswerSerializer(recorded).data)
