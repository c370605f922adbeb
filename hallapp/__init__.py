"""hallapp core: domain rules, services, storage, sync and documents. Never imports Qt."""

__version__ = "0.1.0"
