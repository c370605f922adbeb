"""Probing what is attached, for detection and self-tests: each probe answers a stable cause code.

Codes are those of hallapp.devices.roles.CAUSES ("ok", "port_absent", "port_busy", ...); the words
for people live there. Nothing here imports hallapp or ui, and nothing here logs personal data.
"""
