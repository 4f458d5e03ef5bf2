"""The site window (second screen): details, floor plans with the alarm path, procedure, dispatch."""
