"""Accounts in the technical admin: for looking people up across actors. Accounts are created,
changed and deactivated under /administration/, where the audit log is written."""

from django.contrib import admin
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from samlad.accounts.models import User
from samlad.actors.models import FunctionAssignment
from samlad.core.admin import ReadOnlyAdmin

# Rights follow functions (samlad.actors), not Django groups.
admin.site.unregister(Group)


class FunctionAssignmentInline(admin.TabularInline):
    model = FunctionAssignment
    fields = ["function", "position"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(User)
class UserAdmin(ReadOnlyAdmin):
    list_display = [
        "username",
        "get_full_name",
        "actor",
        "is_active",
        "is_superuser",
        "last_login",
        "administer",
    ]
    list_filter = [
        "is_active",
        "is_superuser",
        "is_security_officer",
        "can_read_confidential",
        "actor",
    ]
    search_fields = ["username", "first_name", "last_name", "email", "title"]
    list_select_related = ["actor"]
    fields = [
        "username",
        "first_name",
        "last_name",
        "email",
        "phone",
        "title",
        "actor",
        "can_read_confidential",
        "is_active",
        "is_superuser",
        "is_security_officer",
        "last_login",
        "date_joined",
    ]
    inlines = [FunctionAssignmentInline]

    @admin.display(description=_("Administration"))
    def administer(self, user: User) -> str:
        if user.actor_id is None:
            return ""
        url = reverse(
            "administration:user",
            kwargs={"actor_id": user.actor.public_id, "user_id": user.public_id},
        )
        return format_html('<a href="{}">{}</a>', url, _("Change"))
