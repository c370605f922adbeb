"""The command functions the CLI wires: one summary line, JSON status, exit codes."""

from __future__ import annotations

import argparse
import json

from hallapp import cli
from hallapp.commands import sync as sync_command
from tests.sync.helpers import make_cases


def test_once_prints_one_line_and_status_is_json(synced_app, capsys) -> None:
    make_cases(synced_app, 2)
    assert sync_command.run(synced_app, argparse.Namespace(once=False, status=True)) == 0
    before = json.loads(capsys.readouterr().out)
    assert before["counts"]["queued"] == 2 and before["oldest_unconfirmed_age_s"] >= 0
    assert sync_command.run(synced_app, argparse.Namespace(once=True, status=False)) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1 and out[0].startswith("sync: sent, 2 confirmed")


def test_configuration_error_is_one_line_exit_1(app, capsys) -> None:
    make_cases(app, 1)
    app.settings.platform.url = ""
    code = cli.guarded(sync_command.run, app, argparse.Namespace(once=True, status=False))
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1 and len(err) == 1 and "platform.url" in err[0]


def test_sync_once_without_key_is_a_configuration_error(app, sim, capsys) -> None:
    app.settings.platform.url = sim.url
    code = cli.guarded(sync_command.run, app, argparse.Namespace(once=True, status=False))
    assert code == 1 and "platform register" in capsys.readouterr().err
