"""The platform's side of the hall, low enough for services to call: the outbox and its records
(written inside the caller's transaction), the platform port (`platform_port`) and the clients that
implement it (`platform_clients`, `http_client`), crypto, TLS and the removable-media bundle.

Modules stay small and never import Qt, SQLAlchemy or hallapp.services: the database is reached
through `db.unit_of_work()` and `uow.outbox`. The engine that sends lives above services, in
hallapp.sending; the commands in hallapp.commands; the simulator in hallapp.simulator.
"""
