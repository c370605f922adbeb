"""An app in a private home, and the platform simulator on loopback."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support.demo_home import install_demo_database


@pytest.fixture
def app(home: Path, _demo_template: Path) -> Iterator[Any]:
    """The demo hall (copied from the session's template) opened as this home's own database."""

    from hallapp.bootstrap import open_app

    install_demo_database(_demo_template, home)
    context = open_app()
    yield context
    context.close()


@pytest.fixture
def sim(tmp_path: Path) -> Iterator[Any]:
    from hallapp.simulator import server as simulator

    server = simulator.serve(0, data_dir=tmp_path / "platform")
    yield server
    server.close()


@pytest.fixture
def synced_app(app: Any, sim: Any) -> Any:
    """The app registered at the simulator."""
    from tests.sync.helpers import register

    register(app, sim.url)
    return app
