"""Events in the technical admin. The catalogue of event types is kept here (each change is
written to the audit log); events, log books, reports and pictures are only looked up, through
the access policy like everywhere else, with confidential records left out: they are read on the
event pages, where the read is logged."""

from django.contrib import admin
from django.forms.models import model_to_dict

from samlad.core import access, log
from samlad.core.admin import ReadOnlyAdmin
from samlad.core.models import Classification
from samlad.events.models import ActorReport, Event, EventType, LogBookEntry, PictureVersion

EVENT_TYPE_FIELDS = ["slug", "name_sv", "name_en", "is_active"]


@admin.register(EventType)
class EventTypeAdmin(admin.ModelAdmin):
    list_display = ["name_sv", "name_en", "slug", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name_sv", "name_en", "slug"]
    fields = EVENT_TYPE_FIELDS

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # events keep their type; a type no longer used is marked so

    def save_model(self, request, obj, form, change):
        before = (
            model_to_dict(EventType.objects.get(pk=obj.pk), EVENT_TYPE_FIELDS) if change else {}
        )
        super().save_model(request, obj, form, change)
        old, new = log.changes(before, model_to_dict(obj, EVENT_TYPE_FIELDS))
        if new:
            log.record(
                by=request.user,
                action="event_type.updated" if change else "event_type.created",
                target=obj,
                summary=obj.name_sv,
                before=old or None,
                after=new,
            )


def _readable_events(request):
    events = access.visible_to(Event.objects.all(), request.user)
    return events.exclude(classification=Classification.CONFIDENTIAL)


@admin.register(Event)
class EventAdmin(ReadOnlyAdmin):
    list_display = ["title", "event_type", "owner_actor", "status", "mode", "starts_at"]
    list_filter = ["status", "mode", "is_exercise", "classification"]
    search_fields = ["title", "place"]
    list_select_related = ["event_type", "owner_actor"]
    exclude = ["shared_with", "affected_actors", "area"]
    date_hierarchy = "starts_at"

    def get_queryset(self, request):
        return _readable_events(request).select_related("event_type", "owner_actor")


@admin.register(ActorReport)
class ActorReportAdmin(ReadOnlyAdmin):
    list_display = ["event", "owner_actor", "version", "is_current", "created_at"]
    list_filter = ["is_current", "classification"]
    search_fields = ["event__title", "owner_actor__name"]
    list_select_related = ["event", "owner_actor"]
    exclude = ["shared_with"]

    def get_queryset(self, request):
        reports = access.visible_to(super().get_queryset(request), request.user)
        return reports.exclude(classification=Classification.CONFIDENTIAL).filter(
            event__in=_readable_events(request)
        )


@admin.register(LogBookEntry)
class LogBookEntryAdmin(ReadOnlyAdmin):
    list_display = ["event", "number", "at", "kind", "author", "author_actor"]
    list_filter = ["kind"]
    search_fields = ["event__title", "text"]
    list_select_related = ["event", "author", "author_actor"]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(event__in=_readable_events(request))


@admin.register(PictureVersion)
class PictureVersionAdmin(ReadOnlyAdmin):
    list_display = ["event", "number", "published_at", "publishing_actor"]
    search_fields = ["event__title"]
    list_select_related = ["event", "publishing_actor"]
    exclude = ["based_on_reports"]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(event__in=_readable_events(request))
