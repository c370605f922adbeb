"""Pages of the main window, one per role area."""
