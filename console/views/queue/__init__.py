"""The alarm queue window: the list, its filters, service-level figures and alarm actions."""
