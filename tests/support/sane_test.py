"""Support for the scanner tests: SANE's `test` backend for real scans, and rendered text pages.

Debian ships the backend but disables it in /etc/sane.d/dll.conf. `make_config_dir` builds a folder
whose dll.conf enables `test` alone (no real backend is probed, so init takes milliseconds instead
of seconds) with a copy of /etc/sane.d/test.conf beside it. Devices: `test:0`, `test:1`.

When libsane reads SANE_CONFIG_DIR: at the *first* `sane.init()` of a process, and never again
(the list of configuration folders is cached; `sane.exit()` + `sane.init()` does not re-read it).
Our driver runs libsane only in worker processes (drivers/scanner/sane_worker.py), each started
fresh by `SaneScanner.open()`/`devices()` with this process's environment. So:

* `process_env()`: the one configuration of the test process (made and activated at its first
  call, idempotent, so every test module can call it); `make_config_dir` + `activate` for another
  one, which the next scanner worker picks up;
* a subprocess (scanimage, a second interpreter): pass the env as its environment.

The test backend keeps option values (read-return-value, read-delay, ...) across open/close for
the life of its process, i.e. of one opened SaneScanner.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

SYSTEM_TEST_CONF = Path("/etc/sane.d/test.conf")
TEST_DEVICE = "test:0"
# Where Debian and Fedora keep the backend; used only to skip/fail with a clear reason.
_BACKEND_GLOBS = ("/usr/lib/*/sane/libsane-test.so*", "/usr/lib/sane/libsane-test.so*", "/usr/lib64/sane/libsane-test.so*")


def backend_available() -> bool:
    """libsane's `test` backend is installed and python-sane loads (it links libsane.so.1)."""
    import glob

    if not any(glob.glob(pattern) for pattern in _BACKEND_GLOBS):
        return False
    try:
        import _sane  # noqa: F401
    except ImportError:
        return False
    return True


def make_config_dir(root: Path, overrides: dict[str, str] | None = None) -> dict[str, str]:
    """Write `root/dll.conf` (just `test`) and `root/test.conf`; return the environment to use.

    `overrides` replaces lines of test.conf, e.g. {"test-picture": '"Color pattern"'}.
    """
    root.mkdir(parents=True, exist_ok=True)
    (root / "dll.conf").write_text("test\n", encoding="utf-8")
    if SYSTEM_TEST_CONF.is_file():
        shutil.copyfile(SYSTEM_TEST_CONF, root / "test.conf")
    else:
        (root / "test.conf").write_text("number_of_devices 2\n", encoding="utf-8")
    if overrides:
        lines = (root / "test.conf").read_text(encoding="utf-8").splitlines()
        kept = [line for line in lines if line.split(" ", 1)[0] not in overrides]
        kept += [f"{key} {value}" for key, value in overrides.items()]
        (root / "test.conf").write_text("\n".join(kept) + "\n", encoding="utf-8")
    env = dict(os.environ)
    env["SANE_CONFIG_DIR"] = str(root)
    return env


_process_env: dict[str, str] | None = None


def process_env() -> dict[str, str]:
    """The test-backend configuration of this process: made and activated once, removed at exit."""
    global _process_env
    if _process_env is None:
        root = Path(tempfile.mkdtemp(prefix="hallapp-sane-"))
        atexit.register(shutil.rmtree, root, True)
        env = make_config_dir(root)
        activate(env)
        _process_env = env
    return _process_env


def activate(env: dict[str, str]) -> None:
    """Make the scanner workers started from now on use `env`'s SANE_CONFIG_DIR."""
    os.environ["SANE_CONFIG_DIR"] = env["SANE_CONFIG_DIR"]


# --- pages to scan ---------------------------------------------------------------------------------

CJK_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
_LINES = (
    "跨省通办窗口受理材料清单",
    "申请人身份证明、户口簿复印件各一份",
    "社会保障卡申领登记表（一式两份）",
    "异地就医备案申请表及相关证明材料",
    "本人承诺所提交材料真实有效，如有虚假愿承担法律责任。",
    "经办人签字：__________    日期：2026年11月",
)


def text_page(size: tuple[int, int] = (1240, 1754), font_px: int = 34, dpi: int = 150) -> Image.Image:
    """A white "L" page of Chinese text lines (WenQuanYi Micro Hei; Pillow's own font if it is missing)."""
    page = Image.new("L", size, 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(str(CJK_FONT), font_px) if CJK_FONT.is_file() else ImageFont.load_default(font_px)
    lines = _LINES if CJK_FONT.is_file() else tuple(f"Line {n}: materials received at the window" for n in range(6))
    y, n = size[1] // 14, 0
    while y < size[1] - size[1] // 10:
        draw.text((size[0] // 11, y), lines[n % len(lines)], fill=0, font=font)
        y += int(font_px * 2.2)
        n += 1
    page.info["dpi"] = (dpi, dpi)
    return page
