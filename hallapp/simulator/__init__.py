"""The platform simulator: docs/platform-api.md served on loopback, for the demo, training, tests and
bench/. `server` is the HTTP side, `store` its SQLite state, `catalog` and `licences` the sample
items and 电子证照 it serves, `tls` a throw-away CA for HTTPS, `args` its command-line options.

It ships with hallapp (`hallapp --demo` starts it when no platform is configured) but no runtime
code imports it except the two places that start it: the demo's ui/sync_runner.py and
`hallapp platform-sim` (an import-linter contract in pyproject.toml).
"""
