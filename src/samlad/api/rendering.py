"""The API answers in JSON, also to a browser. DRF's browsable pages are not used: they break the
site's Content-Security-Policy (inline styles); /api/docs/ is the page for people."""

from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.renderers import JSONRenderer


class JsonOnly:
    """Mixed into every API view of the foundation, before DRF's view class."""

    renderer_classes = [JSONRenderer]


class AlwaysJson(DefaultContentNegotiation):
    """JSON whatever the client's Accept header says (a browser asking for text/html gets JSON,
    not 406): the API has one representation."""

    def select_renderer(self, request, renderers, format_suffix=None):
        renderer = renderers[0]
        return renderer, renderer.media_type
