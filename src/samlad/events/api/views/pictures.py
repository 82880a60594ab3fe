"""/api/v1/events/{id}/pictures/: the consolidated picture (samlad lägesbild). Everyone who sees
the event reads its published versions (full, or short for communicators); TiB and RSIB edit
the draft, with its revision guarding against silent overwrites, and publish it."""

from django.http import JsonResponse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from drf_spectacular.utils import PolymorphicProxySerializer, extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response

from samlad.api.errors import PROBLEM_JSON, problem_response
from samlad.api.schema import ids, problems
from samlad.core.errors import NotPermitted
from samlad.events import diff, rules, selectors, services
from samlad.events.api.serializers.pictures import (
    AudienceSerializer,
    CompareSerializer,
    ComparisonSerializer,
    DraftConflictSerializer,
    PictureDraftSerializer,
    PictureDraftWriteSerializer,
    PictureVersionSerializer,
    PictureVersionSummarySerializer,
    PublishSerializer,
    ShortPictureVersionSerializer,
)
from samlad.events.api.views.common import ApiView, checked_query, visible_event
from samlad.events.models import PICTURE_FIELDS, PictureDraft
from samlad.events.services.pictures import DRAFT_FIELDS

TAGS = ["consolidated picture"]
CONFLICT = {(409, PROBLEM_JSON): DraftConflictSerializer}


def _full(request, version) -> dict:
    """A version in full; its source reports only as far as the reader may see them."""
    version.visible_sources = selectors.reports_behind(request.user, version)
    return PictureVersionSerializer(version).data


def _shown(value):
    if hasattr(value, "isoformat"):
        return serializers.DateTimeField().to_representation(value)
    return value


def _conflict(conflict: services.DraftConflict) -> JsonResponse:
    """409 as a problem document: what the draft holds now beside what was sent, field by field."""
    draft = conflict.draft
    return problem_response(
        409,
        str(conflict),
        revision=draft.revision,
        changes=[
            {
                "field": name,
                "label": capfirst(PictureDraft._meta.get_field(name).verbose_name),
                "theirs": _shown(getattr(draft, name)),
                "yours": _shown(conflict.submitted.get(name)),
            }
            for name in conflict.changed
        ],
        draft=PictureDraftSerializer(draft).data,
    )


def _compiled_event(request, event_id):
    event = visible_event(request, event_id)
    if not rules.can_compile_picture(request.user, event):
        raise NotPermitted(_("Only TiB and RSIB compile the consolidated picture."))
    return event


@ids("event_id")
class PictureList(ApiView):
    serializer_class = PictureVersionSummarySerializer

    @extend_schema(
        tags=TAGS,
        operation_id="pictures_list",
        summary="The published versions, newest first",
        responses={200: PictureVersionSummarySerializer(many=True), **problems(401, 404)},
    )
    def get(self, request, event_id):
        event = visible_event(request, event_id)
        page = self.paginate_queryset(selectors.picture_versions(event))
        return self.get_paginated_response(PictureVersionSummarySerializer(page, many=True).data)

    @extend_schema(
        tags=TAGS,
        operation_id="pictures_publish",
        summary="Publish the draft as the next numbered version (TiB, RSIB)",
        description="Publishes the draft as it stands at `revision`; a published version never "
        "changes. If the draft was saved since, nothing is published (409).",
        request=PublishSerializer,
        responses={201: PictureVersionSerializer, **CONFLICT, **problems(400, 401, 403, 404)},
    )
    def post(self, request, event_id):
        event = _compiled_event(request, event_id)
        data = PublishSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            version = services.publish_picture(
                by=request.user, event=event, revision=data.validated_data["revision"]
            )
        except services.DraftConflict as conflict:
            return _conflict(conflict)
        return Response(_full(request, version), status=status.HTTP_201_CREATED)


@ids("event_id")
class PictureDraftView(ApiView):
    serializer_class = PictureDraftSerializer

    @extend_schema(
        tags=TAGS,
        operation_id="picture_draft_read",
        summary="Read the draft (TiB, RSIB)",
        description="Never saved: revision 0 and empty fields.",
        responses={200: PictureDraftSerializer, **problems(401, 403, 404)},
    )
    def get(self, request, event_id):
        event = _compiled_event(request, event_id)
        draft = selectors.picture_draft(event) or PictureDraft(event=event)
        return Response(PictureDraftSerializer(draft).data)

    @extend_schema(
        tags=TAGS,
        operation_id="picture_draft_replace",
        summary="Save the whole draft (TiB, RSIB)",
        description="Replaces every field (those not sent become empty). Refused with 409, and "
        "what changed, if someone saved the draft after `revision`.",
        request=PictureDraftWriteSerializer,
        responses={200: PictureDraftSerializer, **CONFLICT, **problems(400, 401, 403, 404)},
    )
    def put(self, request, event_id):
        return self._save(request, event_id, partial=False)

    @extend_schema(
        tags=TAGS,
        operation_id="picture_draft_update",
        summary="Change parts of the draft (TiB, RSIB)",
        description="Only the fields sent change. Refused with 409, and what changed, if "
        "someone saved the draft after `revision`.",
        request=PictureDraftWriteSerializer,
        responses={200: PictureDraftSerializer, **CONFLICT, **problems(400, 401, 403, 404)},
    )
    def patch(self, request, event_id):
        return self._save(request, event_id, partial=True)

    def _save(self, request, event_id, *, partial: bool) -> Response:
        event = _compiled_event(request, event_id)
        data = PictureDraftWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        revision = fields.pop("revision")
        if not partial:
            fields = {name: "" for name in PICTURE_FIELDS} | {"next_update_at": None} | fields
        try:
            draft = services.save_picture_draft(
                by=request.user,
                event=event,
                revision=revision,
                **{name: fields[name] for name in DRAFT_FIELDS if name in fields},
            )
        except services.DraftConflict as conflict:
            return _conflict(conflict)
        return Response(PictureDraftSerializer(draft).data)


@ids("event_id")
class PictureVersionDetail(ApiView):
    serializer_class = PictureVersionSerializer

    @extend_schema(
        tags=TAGS,
        operation_id="pictures_read",
        summary="Read a published version",
        description="`audience=full` (default): everything, for the network. `audience=short`: "
        "the short version for communicators, only what may be passed on.",
        parameters=[AudienceSerializer],
        responses={
            200: PolymorphicProxySerializer(
                component_name="PictureVersionForAudience",
                serializers={
                    "full": PictureVersionSerializer,
                    "short": ShortPictureVersionSerializer,
                },
                resource_type_field_name="audience",
            ),
            **problems(400, 401, 404),
        },
    )
    def get(self, request, event_id, number):
        event = visible_event(request, event_id)
        audience = checked_query(AudienceSerializer, request)["audience"]
        version = selectors.picture_version(event, number=number)
        version.event = event  # already read: the reference needs no second query
        if audience == "short":
            return Response(ShortPictureVersionSerializer(version).data)
        return Response(_full(request, version))


@ids("event_id")
class PictureComparison(ApiView):
    serializer_class = ComparisonSerializer

    @extend_schema(
        tags=TAGS,
        operation_id="pictures_compare",
        summary="What changed between two published versions",
        parameters=[CompareSerializer],
        responses={200: ComparisonSerializer, **problems(400, 401, 404)},
    )
    def get(self, request, event_id):
        event = visible_event(request, event_id)
        numbers = checked_query(CompareSerializer, request)
        old = selectors.picture_version(event, number=numbers["from"])
        new = selectors.picture_version(event, number=numbers["to"])
        changes = [
            {"field": change.field, "label": change.label, "pieces": change.pieces}
            for change in diff.compare(old, new)
        ]
        return Response(
            ComparisonSerializer({"from": old.number, "to": new.number, "changes": changes}).data
        )
