"""What every app's Django admin builds on (the admin itself is samlad.administration's)."""

from django.contrib import admin


class ReadOnlyAdmin(admin.ModelAdmin):
    """For looking records up. Changes go through Samlad's pages and services, which check
    permissions, validate and write the audit log; the admin would bypass all three."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
