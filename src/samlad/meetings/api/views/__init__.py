"""The meetings API's views, one module per resource."""
