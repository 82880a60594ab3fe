from django.contrib import admin

from samlad.meetings.models import ActionItem, Meeting


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["title", "forum", "starts_at", "status", "minutes_state"]
    list_filter = ["forum", "status"]
    readonly_fields = [field.name for field in Meeting._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(ActionItem)
class ActionItemAdmin(admin.ModelAdmin):
    list_display = ["actor", "text", "due_at", "status"]
    list_filter = ["status"]
    readonly_fields = [field.name for field in ActionItem._meta.fields]

    def has_add_permission(self, request):
        return False
