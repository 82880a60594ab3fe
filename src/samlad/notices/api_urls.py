"""API routes of this app, mounted under /api/v1/."""

from django.urls import path

from samlad.notices.api import feed, settings, views, webhooks

app_name = "notices-api"

urlpatterns = [
    path("notices/", views.NoticeList.as_view(), name="notices"),
    path("notices/feed.atom", feed.NoticeFeed(), name="feed"),
    path("notices/<uuid:public_id>/", views.NoticeDetail.as_view(), name="notice"),
    path("notices/<uuid:public_id>/correct/", views.NoticeCorrection.as_view(), name="correct"),
    path("notices/<uuid:public_id>/withdraw/", views.NoticeWithdrawal.as_view(), name="withdraw"),
    path("notices/<uuid:public_id>/cap.xml", views.NoticeCap.as_view(), name="cap"),
    path("notice-categories/", views.CategoryList.as_view(), name="categories"),
    path("cap/import/", views.CapImport.as_view(), name="cap-import"),
    path("webhooks/", webhooks.WebhookList.as_view(), name="webhooks"),
    path("webhooks/<uuid:public_id>/", webhooks.WebhookDetail.as_view(), name="webhook"),
    path(
        "webhooks/<uuid:public_id>/deliveries/",
        webhooks.WebhookDeliveries.as_view(),
        name="webhook-deliveries",
    ),
    path(
        "me/notification-settings/",
        settings.MyNotificationSettings.as_view(),
        name="my-settings",
    ),
    path(
        "users/<uuid:public_id>/notification-settings/",
        settings.UserNotificationSettings.as_view(),
        name="user-settings",
    ),
]
