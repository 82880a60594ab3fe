"""API routes of this app, mounted under /api/v1/: the SMS providers' webhooks."""

from django.urls import path

from samlad.notify.inbound import webhooks as sms_webhooks

urlpatterns = [
    path("notify/sms/46elks/", sms_webhooks.elks46_inbound, name="notify-sms-46elks"),
    path("notify/sms/46elks/status/", sms_webhooks.elks46_status, name="notify-sms-46elks-status"),
    path("notify/sms/twilio/", sms_webhooks.twilio_inbound, name="notify-sms-twilio"),
    path("notify/sms/twilio/status/", sms_webhooks.twilio_status, name="notify-sms-twilio-status"),
]
