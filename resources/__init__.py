"""Data files of hallapp, installed as the package ``hallapp_resources`` (see pyproject.toml).

Nothing to import: ``hallapp.resources.resource_path`` finds the files through
``importlib.resources``. This file only makes the folder a package that setuptools, an editable
install and a PyInstaller bundle all treat alike.
"""
