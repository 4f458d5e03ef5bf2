"""Use cases combining domain rules and storage: ingesting signals, handling alarms, site files."""
