"""The API of an actor's webhooks (its permission administrators'): register (the secret is in
that one response), list, change, remove, and read the delivery log."""

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from samlad.notices.api import serializers as s
from samlad.notices.services import webhooks


def _shown(hook) -> dict:
    hook.failing = webhooks.is_failing(hook)
    return s.WebhookSerializer(hook).data


class WebhookList(APIView):
    @extend_schema(responses=s.WebhookSerializer(many=True), summary="My actor's webhooks")
    def get(self, request):
        return Response([_shown(hook) for hook in webhooks.webhooks_of(request.user)])

    @extend_schema(
        request=s.WebhookSerializer,
        responses={201: s.WebhookCreatedSerializer},
        summary="Register a webhook (the secret is shown only in this response)",
    )
    def post(self, request):
        incoming = s.WebhookSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        hook, secret = webhooks.register_webhook(by=request.user, **incoming.validated_data)
        hook.failing = False
        body = s.WebhookSerializer(hook).data | {"secret": secret}
        return Response(body, status=status.HTTP_201_CREATED)


class WebhookDetail(APIView):
    @extend_schema(responses=s.WebhookSerializer, summary="One of my actor's webhooks")
    def get(self, request, public_id):
        return Response(_shown(webhooks.webhook_for(request.user, public_id)))

    @extend_schema(request=s.WebhookSerializer, responses=s.WebhookSerializer)
    def patch(self, request, public_id):
        hook = webhooks.webhook_for(request.user, public_id)
        incoming = s.WebhookSerializer(data=request.data, partial=True)
        incoming.is_valid(raise_exception=True)
        hook = webhooks.change_webhook(by=request.user, webhook=hook, **incoming.validated_data)
        return Response(_shown(hook))

    @extend_schema(responses={204: None}, summary="Stop sending to a webhook (its log stays)")
    def delete(self, request, public_id):
        hook = webhooks.webhook_for(request.user, public_id)
        webhooks.remove_webhook(by=request.user, webhook=hook)
        return Response(status=status.HTTP_204_NO_CONTENT)


class WebhookDeliveries(GenericAPIView):
    serializer_class = s.DeliverySerializer

    @extend_schema(summary="A webhook's delivery log, newest first")
    def get(self, request, public_id):
        hook = webhooks.webhook_for(request.user, public_id)
        page = self.paginate_queryset(webhooks.deliveries(hook))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)
