"""Every change to notices, settings, webhooks and imports: split by concept."""
