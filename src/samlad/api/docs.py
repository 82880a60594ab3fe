"""/api/docs/: the API's reference (Swagger UI) from the OpenAPI schema. Everything it needs is
served from here (drf-spectacular-sidecar), so it works offline, and under the site's strict
Content-Security-Policy: no inline script or style."""

import json

from drf_spectacular.settings import spectacular_settings
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularSwaggerSplitView

# Swagger UI would ask validator.swagger.io about the schema: never leave the site.
SWAGGER_UI_SETTINGS = {**spectacular_settings.SWAGGER_UI_SETTINGS, "validatorUrl": None}


class DocsView(SpectacularSwaggerSplitView):
    template_name = "api/swagger_ui.html"
    authentication_classes = []  # the docs and the schema are public: nothing to sign in for
    title = "Samlad API"

    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if "settings" in response.data:
            response.data["settings"] = json.dumps(SWAGGER_UI_SETTINGS)
        return response
