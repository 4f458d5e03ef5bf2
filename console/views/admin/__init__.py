"""The administration window: sites, transmitters, call lists, procedures (issue 12)."""
