"""The events API's views, one module per resource."""
