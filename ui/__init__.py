"""PySide6 windows: the only package that imports Qt."""
