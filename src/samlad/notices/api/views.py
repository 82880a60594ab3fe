"""The notices API: notices (list, publish, correct, withdraw, CAP), CAP import, webhooks and
the user's own notification settings. Thin: parse, call a service or selector, answer."""

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.generics import GenericAPIView
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from samlad.actors.models import Actor
from samlad.api.authentication import SessionAuthentication, TokenAuthentication
from samlad.api.errors import problem_response
from samlad.api.schema import problems
from samlad.core.errors import NotFound
from samlad.events import selectors as event_selectors
from samlad.notices import selectors
from samlad.notices.api import serializers as s
from samlad.notices.api.auth import FeedTokenAuthentication
from samlad.notices.api.parsers import CAP_PARSERS, ContentTooLarge
from samlad.notices.cap.limits import declared_too_large, install_upload_cap
from samlad.notices.cap.parse import ImportRefused
from samlad.notices.models import Category
from samlad.notices.services import cap_import, notices


def _event(user, public_id):
    if public_id is None:
        return None
    try:
        return event_selectors.event_for(user, public_id=public_id)
    except NotFound:
        raise ValidationError({"event": _("No such event.")}) from None


def _content_arguments(user, data: dict) -> dict:
    arguments = dict(data)
    if "event" in arguments:
        arguments["event"] = _event(user, arguments["event"])
    return arguments


FILTERS = [
    OpenApiParameter("category", str, description="A category's slug"),
    OpenApiParameter("actor", str, description="The publishing actor's slug"),
    OpenApiParameter("event", OpenApiTypes.UUID, description="An event's id"),
]


class NoticeList(GenericAPIView):
    serializer_class = s.NoticeSerializer

    def _filters(self) -> dict:
        query = self.request.query_params
        filters = {}
        if query.get("category"):
            filters["category"] = Category.objects.filter(slug=query["category"]).first()
        if query.get("actor"):
            filters["actor"] = Actor.objects.filter(slug=query["actor"]).first()
        if query.get("event"):
            try:
                filters["event"] = event_selectors.event_for(
                    self.request.user, public_id=query["event"]
                )
            except NotFound:
                filters["event"] = None
        return filters

    def get_queryset(self):
        filters = self._filters()
        if any(value is None for value in filters.values()):
            return selectors.visible_notices(self.request.user).none()
        return selectors.visible_notices(self.request.user, **filters).prefetch_related(
            "shared_with", "municipalities", "revisions"
        )

    @extend_schema(
        operation_id="notices_list",
        parameters=FILTERS,
        responses={200: s.NoticeSerializer(many=True), **problems(401)},
        summary="Notices I may see, newest first",
    )
    def get(self, request):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    @extend_schema(
        request=s.NoticeCreateSerializer,
        responses={201: s.NoticeSerializer, **problems(400, 401, 403)},
        summary="Publish a notice for my actor",
    )
    def post(self, request):
        incoming = s.NoticeCreateSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        notice = notices.publish_notice(
            by=request.user, **_content_arguments(request.user, incoming.validated_data)
        )
        notice = _visible(request, notice.public_id)  # as the caller may see it
        return Response(s.NoticeSerializer(notice).data, status=status.HTTP_201_CREATED)


def _visible(request, public_id):
    return selectors.notice_for(request.user, public_id=public_id)


class NoticeDetail(APIView):
    @extend_schema(
        responses={200: s.NoticeSerializer, **problems(401, 404)},
        summary="One notice with its versions",
    )
    def get(self, request, public_id):
        return Response(s.NoticeSerializer(_visible(request, public_id)).data)


class NoticeCorrection(APIView):
    @extend_schema(
        request=s.CorrectionSerializer,
        responses={200: s.NoticeSerializer, **problems(400, 401, 403, 404)},
        summary="Correct a notice (a new version sent to the same recipients)",
    )
    def post(self, request, public_id):
        notice = _visible(request, public_id)
        incoming = s.CorrectionSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        notice = notices.correct_notice(
            by=request.user,
            notice=notice,
            **_content_arguments(request.user, incoming.validated_data),
        )
        return Response(s.NoticeSerializer(_visible(request, notice.public_id)).data)


class NoticeWithdrawal(APIView):
    @extend_schema(
        request=s.WithdrawalSerializer,
        responses={200: s.NoticeSerializer, **problems(400, 401, 403, 404)},
        summary="Withdraw a notice (its recipients are told)",
    )
    def post(self, request, public_id):
        notice = _visible(request, public_id)
        incoming = s.WithdrawalSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        notice = notices.withdraw_notice(by=request.user, notice=notice, **incoming.validated_data)
        return Response(s.NoticeSerializer(_visible(request, notice.public_id)).data)


class NoticeCap(APIView):
    """Also readable with an actor's feed token (?token= or Authorization: Bearer)."""

    authentication_classes = [FeedTokenAuthentication, TokenAuthentication, SessionAuthentication]

    @extend_schema(
        operation_id="notices_cap_retrieve",
        parameters=[OpenApiParameter("version", int, description="A version; default the latest")],
        responses={
            (200, "application/cap+xml"): OpenApiResponse(OpenApiTypes.STR),
            **problems(401, 404, meanings={404: "No such notice or version, or none you may see."}),
        },
        summary="The notice as a CAP 1.2 alert",
    )
    def get(self, request, public_id):
        notice = _visible(request, public_id)
        revisions = selectors.revisions(notice)
        wanted = request.query_params.get("version")
        revision = (
            revisions.filter(number=wanted).first() if str(wanted).isdigit() else revisions.first()
        )
        if revision is None:
            raise NotFound
        return HttpResponse(revision.cap_xml, content_type="application/cap+xml; charset=utf-8")


class CapImport(APIView):
    parser_classes = [*CAP_PARSERS, MultiPartParser]

    def initial(self, request, *args, **kwargs):
        # Before authentication: the session's CSRF check may read a multipart body.
        multipart = request.content_type.startswith("multipart/")
        if declared_too_large(request, multipart=multipart):
            raise ContentTooLarge
        self.upload_cap = install_upload_cap(request._request)
        super().initial(request, *args, **kwargs)

    @extend_schema(
        request={
            "application/cap+xml": OpenApiTypes.BINARY,
            "application/xml": OpenApiTypes.BINARY,
            "multipart/form-data": {
                "type": "object",
                "properties": {"file": {"type": "string", "format": "binary"}},
            },
        },
        responses={
            201: s.ImportResultSerializer,
            200: OpenApiResponse(s.ImportResultSerializer, description="Imported before"),
            **problems(
                400,
                401,
                403,
                409,
                413,
                415,
                422,
                meanings={
                    400: "No alert sent, malformed XML, or a DTD or entities.",
                    409: "Refers to a notice that cannot change.",
                    422: "Not valid CAP 1.2, or an unknown reference.",
                },
            ),
        },
        summary="Import a CAP 1.2 alert as an external notice",
    )
    def post(self, request):
        data = request.data
        if not isinstance(data, bytes):
            if self.upload_cap.exceeded:
                raise ContentTooLarge
            upload = data.get("file")
            data = upload.read() if upload is not None else b""
        if not data:
            return problem_response(400, _("Send a CAP alert as the body, or as the file field."))
        try:
            result = cap_import.import_cap(by=request.user, data=data)
        except ImportRefused as refusal:
            return problem_response(refusal.status, refusal.reason)
        body = {"created": result.created, "notice": s.NoticeSerializer(result.notice).data}
        return Response(body, status=201 if result.created else 200)


class CategoryList(GenericAPIView):
    serializer_class = s.CategorySerializer
    pagination_class = None

    @extend_schema(
        operation_id="notice_categories_list",
        responses={200: s.CategorySerializer(many=True), **problems(401)},
        summary="The categories of notices",
    )
    def get(self, request):
        return Response(self.get_serializer(selectors.categories(), many=True).data)
