"""What the events API reads and writes, one module per resource."""
