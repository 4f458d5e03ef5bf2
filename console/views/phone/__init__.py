"""The embedded softphone: call list, calls in progress, listen-in, dial pad, password check, settings."""
