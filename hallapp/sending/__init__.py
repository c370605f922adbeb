"""Sending the outbox to the platform and pulling the platform's status updates back: the engine
(its own thread, or `hallapp sync`), the per-entry sender and the pull-back.

Above hallapp.services: a confirmation or a status update moves a case through
`services.cases.transition_in` / `transition`, the one place the state-and-audit rule lives. Below it
sit hallapp.sync (outbox, records, the platform port and its HTTP client) and hallapp.storage.
"""
