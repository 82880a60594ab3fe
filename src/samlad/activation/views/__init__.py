"""The activation pages, one module per page or resource."""
