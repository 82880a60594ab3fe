"""The notice pages, under /underrattelser/ (Swedish paths, UUIDs for public ids)."""

from django.urls import path

from samlad.notices.views import feeds, listing, live, outside, publishing, settings

app_name = "notices"

urlpatterns = [
    path("", listing.notice_list, name="list"),
    path("strom/", live.stream, name="stream"),
    path("ny/", publishing.create, name="create"),
    path("<uuid:public_id>/", listing.detail, name="detail"),
    path("<uuid:public_id>/rattelse/", publishing.correct, name="correct"),
    path("<uuid:public_id>/aterkalla/", publishing.withdraw, name="withdraw"),
    path("<uuid:public_id>/till-handelse/", publishing.to_event, name="to_event"),
    path("<uuid:public_id>/efter-havning/", publishing.after_cancel, name="after_cancel"),
    path("handelser/folj/", publishing.follow_picked, name="follow_picked"),
    path("handelser/<uuid:public_id>/folj/", publishing.follow, name="follow"),
    path("handelser/<uuid:public_id>/sluta-folja/", publishing.unfollow, name="unfollow"),
    path("installningar/", settings.my_settings, name="settings"),
    path("installningar/anvandare/", settings.users, name="settings_users"),
    path("installningar/anvandare/<uuid:public_id>/", settings.user_settings, name="user_settings"),
    path("webhooks/", outside.webhook_list, name="webhooks"),
    path("webhooks/<uuid:public_id>/", outside.webhook_detail, name="webhook"),
    path("webhooks/<uuid:public_id>/ta-bort/", outside.webhook_remove, name="webhook_remove"),
    path("flodesnycklar/", outside.feed_token_list, name="feed_tokens"),
    path(
        "flodesnycklar/<uuid:public_id>/aterkalla/",
        outside.feed_token_revoke,
        name="feed_token_revoke",
    ),
    path("cap/importera/", outside.cap_upload, name="cap_import"),
    path("floden/", feeds.feed_sources, name="feed_sources"),
]
