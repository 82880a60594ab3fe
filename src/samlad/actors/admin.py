"""Actors, functions and contact points in the technical admin, for looking things up. Changes
are made under /administration/ (services: validated, permission-checked, logged). Contact
points follow the access policy like everywhere else, and confidential ones are left out here:
they are read where the read is logged."""

from django.contrib import admin

from samlad.actors.models import Actor, ContactPoint, Function, FunctionAssignment
from samlad.core import access
from samlad.core.admin import ReadOnlyAdmin
from samlad.core.models import Classification


class FunctionInline(admin.TabularInline):
    model = Function
    fields = ["kind", "staffed_around_the_clock"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Actor)
class ActorAdmin(ReadOnlyAdmin):
    list_display = ["name", "slug", "kind", "membership", "designated", "is_active"]
    list_filter = ["kind", "membership", "designated", "is_active"]
    search_fields = ["name", "slug", "municipality_code"]
    inlines = [FunctionInline]


class AssignmentInline(admin.TabularInline):
    model = FunctionAssignment
    fields = ["position", "user"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Function)
class FunctionAdmin(ReadOnlyAdmin):
    list_display = ["kind", "actor", "staffed_around_the_clock"]
    list_filter = ["kind", "staffed_around_the_clock"]
    search_fields = ["actor__name", "actor__slug"]
    list_select_related = ["actor"]
    inlines = [AssignmentInline]


@admin.register(ContactPoint)
class ContactPointAdmin(ReadOnlyAdmin):
    list_display = ["owner_actor", "function", "channel", "value", "label", "classification"]
    list_filter = ["channel", "classification"]
    search_fields = ["owner_actor__name", "value", "label"]
    list_select_related = ["owner_actor", "function__actor"]
    exclude = ["shared_with"]

    def get_queryset(self, request):
        visible = access.visible_to(super().get_queryset(request), request.user)
        return visible.exclude(classification=Classification.CONFIDENTIAL)
