"""Self-test of the throwaway PostgreSQL helper."""

from __future__ import annotations

import socket
import subprocess

from .postgres import ThrowawayPostgres
from .requirements import find_pg_bin, need


def _port_open(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(1.0)
        return s.connect_ex((host, port)) == 0


def test_throwaway_postgres_lifecycle() -> None:
    need(find_pg_bin("initdb") is not None, "PostgreSQL (initdb)")

    with ThrowawayPostgres() as pg:
        assert pg.port is not None and pg.base_dir is not None
        port, base_dir = pg.port, pg.base_dir
        psql = pg.bin("psql")

        urls = [pg.create_database(name) for name in ("hallapp_a", "hallapp_b")]
        assert urls == [
            f"postgresql+psycopg://postgres@127.0.0.1:{port}/hallapp_a",
            f"postgresql+psycopg://postgres@127.0.0.1:{port}/hallapp_b",
        ]
        for name in ("hallapp_a", "hallapp_b"):
            out = subprocess.run(
                [psql, "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "-d", name,
                 "-Atc", "select 1"],
                capture_output=True, text=True, timeout=30, check=False,
            )  # fmt: skip
            assert out.returncode == 0, out.stderr
            assert out.stdout.strip() == "1"
        assert _port_open("127.0.0.1", port)

    assert pg.base_dir is None and pg.port is None
    assert not _port_open("127.0.0.1", port)
    assert not base_dir.exists()
    pg.stop()  # idempotent
