"""The event pages, one module per page or resource."""
