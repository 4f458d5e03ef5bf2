"""Qt widgets and models of the console. Only this package (and app.py) imports PySide6 widgets."""
