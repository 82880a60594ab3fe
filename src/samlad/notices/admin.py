"""The catalogue of notice categories and the feeds Samlad polls are edited by platform
administrators in the admin. Webhook secrets are never shown there."""

from django import forms
from django.contrib import admin

from samlad.notices.models import Category, FeedSource
from samlad.notices.urlcheck import check_outside_url


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name_sv", "name_en", "slug", "cap_category", "is_active"]
    list_filter = ["is_active", "cap_category"]
    prepopulated_fields = {"slug": ["name_sv"]}


class FeedSourceForm(forms.ModelForm):
    class Meta:
        model = FeedSource
        fields = ["name", "url", "actor", "category", "poll_seconds", "is_active"]

    def clean_url(self):
        return check_outside_url(self.cleaned_data["url"])


@admin.register(FeedSource)
class FeedSourceAdmin(admin.ModelAdmin):
    form = FeedSourceForm
    list_display = [
        "name",
        "url",
        "actor",
        "category",
        "is_active",
        "last_polled_at",
        "failing_since",
    ]
    list_filter = ["is_active"]
    readonly_fields = ["last_polled_at", "last_error", "failing_since"]
