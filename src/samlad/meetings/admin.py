"""Meetings and action items in the technical admin: only looked up, through the access policy
like everywhere else, with confidential meetings (and their action items) left out: they are read
on the meeting pages, where the read is logged. The conference PIN and the secrecy provision are
not shown here either; the meeting page shows them to those who may see them."""

from django.contrib import admin

from samlad.core.admin import ReadOnlyAdmin
from samlad.core.models import Classification
from samlad.meetings import selectors
from samlad.meetings.models import ActionItem, Meeting


def _readable_meetings(request):
    return selectors.visible_meetings(request.user).exclude(
        classification=Classification.CONFIDENTIAL
    )


@admin.register(Meeting)
class MeetingAdmin(ReadOnlyAdmin):
    list_display = ["title", "forum", "starts_at", "status", "minutes_state"]
    list_filter = ["status", "classification", "is_exercise"]
    search_fields = ["title", "place"]
    list_select_related = ["forum"]
    exclude = ["shared_with", "bridge_pin", "osl_reference", "calendar_uid"]
    date_hierarchy = "starts_at"

    def get_queryset(self, request):
        return _readable_meetings(request)


@admin.register(ActionItem)
class ActionItemAdmin(ReadOnlyAdmin):
    list_display = ["actor", "text", "due_at", "status"]
    list_filter = ["status", "kind"]
    search_fields = ["text", "actor__name"]
    list_select_related = ["actor", "meeting"]

    def get_queryset(self, request):
        return selectors.visible_actions(request.user).filter(
            meeting__in=_readable_meetings(request)
        )
