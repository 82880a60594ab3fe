"""CAP 1.2 (OASIS Common Alerting Protocol): notices out as alerts, alerts in as notices."""

NS = "urn:oasis:names:tc:emergency:cap:1.2"
