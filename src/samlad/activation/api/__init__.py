"""The activation API under /api/v1/: forums, activation requests, activations, recipients."""
