"""The events API under /api/v1/: thin views that parse with serializers, read through the
selectors and write through the services."""
