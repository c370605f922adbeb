"""Registering the hall's key with the platform (`hallapp platform register`, and the demo's own
simulator at start): the key pair is made on first use, the platform's keys it answers are pinned."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hallapp.sync import crypto
from hallapp.sync.options import SyncOptions, from_settings
from hallapp.sync.platform_clients import create_adapter, hall_identity
from hallapp.sync.platform_port import Registration

if TYPE_CHECKING:
    from hallapp.sync.hall_context import HallContext


def register(app: HallContext, options: SyncOptions | None = None) -> tuple[Registration, bool]:
    """Create the hall key pair if missing and register its public key; returns the platform's
    answer and whether the key was created now. Blocking (disk and network)."""
    key, created = crypto.load_or_create_key(app.home.keys_dir)
    client = create_adapter(app, options or from_settings(app.settings), key=key)
    try:
        registration = client.register(hall_identity(app.db), key.public_pem)
    finally:
        client.close()
    # the client checked the answer's signature (pinned key, or on first registration the key it names)
    if registration.platform_key_pem:
        crypto.save_platform_key(app.home.keys_dir, registration.platform_key_pem)
    if registration.transport_key:
        crypto.save_transport_key(app.home.keys_dir, registration.transport_key)
    return registration, created
