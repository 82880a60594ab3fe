"""API routes of this app, mounted under /api/v1/."""

from rest_framework.routers import SimpleRouter

from samlad.activation.api.views import (
    ActivationRequestViewSet,
    ActivationViewSet,
    ForumViewSet,
)

router = SimpleRouter()
router.register("forums", ForumViewSet, basename="forum")
router.register("activation-requests", ActivationRequestViewSet, basename="activation-request")
router.register("activations", ActivationViewSet, basename="activation")

urlpatterns = router.urls
