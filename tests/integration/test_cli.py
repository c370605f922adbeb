"""The command line as a technician uses it: real processes, a private home each."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import hallapp

HALLAPP = [sys.executable, "-m", "ui.launcher"]


def run(home: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if k != "HALLAPP_DATABASE_URL"}
    full_env = {**base, "HALLAPP_HOME": str(home), **(env or {})}
    return subprocess.run([*HALLAPP, *args], capture_output=True, text=True, env=full_env, timeout=120)


def test_version(home: Path) -> None:
    result = run(home, "--version")
    assert result.returncode == 0 and result.stdout.strip() == f"hallapp {hallapp.__version__}"


def test_python_m_hallapp_is_the_hallapp_script(home: Path) -> None:
    """Both entry points start the same way (ui.launcher:main): same output, same exit code."""
    script = Path(sys.executable).with_name("hallapp")
    env = {**os.environ, "HALLAPP_HOME": str(home)}
    by_script = subprocess.run([str(script), "--version"], capture_output=True, text=True, env=env, timeout=60)
    by_module = subprocess.run([sys.executable, "-m", "hallapp", "--version"], capture_output=True, text=True,
                               env=env, timeout=60)
    assert by_script.returncode == by_module.returncode == 0, (by_script.stderr, by_module.stderr)
    assert by_module.stdout == by_script.stdout == f"hallapp {hallapp.__version__}\n"
    # A window command goes on to Qt as the script's does (here to a platform plugin that does not exist).
    window = subprocess.run([sys.executable, "-m", "hallapp", "kiosk", "--windowed"], capture_output=True, text=True,
                            env={**env, "QT_QPA_PLATFORM": "no-such-platform"}, timeout=120, preexec_fn=_no_core_file)
    assert window.returncode != 0 and 'platform plugin "no-such-platform"' in window.stderr, window.stderr[-500:]


def _no_core_file() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # Qt aborts without the plugin


def test_without_pyside6_a_window_command_says_so_in_one_line(home: Path) -> None:
    """`python -m hallapp` on a machine without PySide6: the commands run, a window command exits 2 saying why."""
    blocked = "import runpy, sys; sys.modules['PySide6'] = None; runpy.run_module('hallapp', run_name='__main__')"
    env = {**os.environ, "HALLAPP_HOME": str(home)}
    kiosk = subprocess.run([sys.executable, "-c", blocked, "kiosk"], capture_output=True, text=True, env=env, timeout=60)
    assert kiosk.returncode == 2 and kiosk.stderr.count("\n") == 1 and "needs PySide6" in kiosk.stderr, kiosk.stderr
    version = subprocess.run([sys.executable, "-c", blocked, "--version"], capture_output=True, text=True, env=env,
                             timeout=60)
    assert version.returncode == 0 and version.stdout == f"hallapp {hallapp.__version__}\n"


def test_catalog_search_sbk_in_a_fresh_home(home: Path, tmp_path: Path) -> None:
    starter = Path(hallapp.__file__).parents[1] / "resources" / "catalog" / "starter.yaml"
    assert run(home, "catalog", "import", str(starter)).returncode == 0
    result = run(home, "catalog", "search", "sbk")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].split("\t")[:2] == ["社会保障卡申领", "002011004000"]
    assert (home / "hallapp.sqlite3").exists() and (home / "logs" / "hallapp.log").exists()


def test_bad_catalog_is_one_line_exit_2(home: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("version: 1\nitems:\n  - code: \"12\"\n", encoding="utf-8")
    result = run(home, "catalog", "import", str(bad))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "bad.yaml:3: items[0].code:" in result.stderr
    assert "Traceback" not in result.stderr


def test_home_option_and_env_keep_instances_apart(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    assert run(a, "config", "set", "counter.number", "3").returncode == 0
    assert run(a, "--home", str(b), "config", "set", "counter.number", "7").returncode == 0
    assert "counter.number = 3" in run(a, "config", "show").stdout
    assert "counter.number = 7" in run(b, "config", "show").stdout


def test_config_set_refuses_bad_value(home: Path) -> None:
    result = run(home, "config", "set", "security.max_failed_logins", "many")
    assert result.returncode == 2 and "security.max_failed_logins" in result.stderr
    assert "Traceback" not in result.stderr


def test_db_upgrade_on_postgresql_url(home: Path, postgres_cluster) -> None:
    url = postgres_cluster.create_database("cli_upgrade")
    result = run(home, "db", "upgrade", env={"HALLAPP_DATABASE_URL": url})
    assert result.returncode == 0, result.stderr
    assert "postgresql" in result.stdout


def test_unreachable_database_is_one_line(home: Path) -> None:
    result = run(home, "db", "upgrade", env={"HALLAPP_DATABASE_URL": "postgresql+psycopg://x@127.0.0.1:1/none"})
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0


def _seed(plan: str) -> str:
    """One demo case of a 承诺件 (养老保险关系转移接续) in this test's home, decided as ``plan``."""
    from hallapp.bootstrap import open_app
    from hallapp.services import demo

    app = open_app(demo=True)
    try:
        return demo.seed_cases(app, 1, plan=plan, item_code="002011002000")[0]
    finally:
        app.close()


def _pdf_text(path: Path) -> str:
    from tests.documents.pdf_checks import tool

    result = subprocess.run([tool("pdftotext"), "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                            timeout=60)
    return "".join(result.stdout.split())


def test_case_render_notice_of_a_notified_promised_case(home: Path, demo_db, tmp_path: Path) -> None:
    number = _seed("notice")
    out = tmp_path / "notice.pdf"
    result = run(home, "--demo", "case", "render", number, "--doc", "notice", "--out", str(out))
    assert result.returncode == 0, result.stderr
    text = _pdf_text(out)
    assert "一次性告知书" in text and "居民身份证" in text and "参保缴费凭证" in text


def test_case_render_notice_of_a_gap_case_lists_what_is_owed(home: Path, demo_db, tmp_path: Path) -> None:
    number = _seed("gap")
    out = tmp_path / "notice.pdf"
    result = run(home, "--demo", "case", "render", number, "--doc", "notice", "--out", str(out))
    assert result.returncode == 0, result.stderr
    text = _pdf_text(out)
    assert "容缺受理补交材料" in text and "新参保地参保证明" in text and "补交期限" in text


def test_case_render_a_document_the_state_does_not_allow_is_one_english_line(home: Path, demo_db, tmp_path: Path) -> None:
    number = _seed("notice")
    out = tmp_path / "receipt.pdf"
    result = run(home, "--demo", "case", "render", number, "--doc", "receipt", "--out", str(out))
    assert result.returncode == 2 and not out.exists()
    assert result.stderr == ("hallapp: no receipt for a case that is not accepted (one-time notice given); "
                             "documents for this case: notice\n")


def test_case_render_thermal_size_is_for_the_receipt_only(home: Path, demo_db, tmp_path: Path) -> None:
    number = _seed("gap")
    result = run(home, "--demo", "case", "render", number, "--doc", "commitment", "--size", "thermal80",
                 "--out", str(tmp_path / "c.pdf"))
    assert result.returncode == 2 and "--size thermal80 is for the receipt only" in result.stderr
