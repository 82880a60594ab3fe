"""The API answers in JSON, also to a browser. DRF's browsable pages are not used: they break the
site's Content-Security-Policy (inline styles); /api/docs/ is the page for people."""

from rest_framework.renderers import JSONRenderer


class JsonOnly:
    """Mixed into every API view of the foundation, before DRF's view class."""

    renderer_classes = [JSONRenderer]
