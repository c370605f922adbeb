"""Scan clean-up bench: pages/s through border crop + deskew + black-and-white + PDF, against the
baseline of only PDF-encoding the same pages.

  pages     A4 at 200 dpi (1654 x 2339), grey ("L") like a grey scan: Chinese text lines (WenQuanYi
            Micro Hei if installed), each page skewed by a different angle within ±5°, on a dark
            scanner frame. Rendered once, before timing.
  pipeline  hallapp.imaging.processing.clean_page(page, PageMode.BW) for every page (crop_borders,
            deskew, crop_borders, Otsu to 1 bit), then pages_to_pdf(..., PageMode.BW) (CCITT G4)
  baseline  pages_to_pdf(raw pages, PageMode.GREY): JPEG q75 of the pages as scanned, no clean-up
  ratio     pipeline time / baseline time, the figure to compare between machines

    .venv/bin/python bench/scan.py [--pages 8] [--rounds 3] [--json]

Unknown options (e.g. those run_all.py passes to every bench) are ignored.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from hallapp.imaging.pdf import pages_to_pdf  # noqa: E402
from hallapp.imaging.processing import PageMode, clean_page  # noqa: E402

A4_200DPI = (1654, 2339)
FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
LINES = (
    "跨省通办窗口受理材料清单：申请人身份证明、户口簿复印件",
    "社会保障卡申领登记表（一式两份），异地就医备案申请表",
    "本人承诺所提交材料真实有效，如有虚假愿承担相应法律责任。",
    "经办人签字：__________      日期：2026年11月      窗口编号：03",
)


def make_pages(count: int) -> tuple[list[Image.Image], list[float]]:
    font = ImageFont.truetype(str(FONT), 40) if FONT.is_file() else ImageFont.load_default(40)
    text = Image.new("L", A4_200DPI, 250)
    draw = ImageDraw.Draw(text)
    for n, y in enumerate(range(200, A4_200DPI[1] - 250, 92)):
        draw.text((170, y), LINES[n % len(LINES)], fill=20, font=font)
    pages, angles = [], []
    for i in range(count):
        angle = round(-5.0 + 10.0 * i / max(count - 1, 1), 2)
        skewed = text.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=250)
        scan = Image.new("L", (A4_200DPI[0] + 60, A4_200DPI[1] + 80), 15)  # dark lid around the paper
        scan.paste(skewed, (30, 40))
        scan = scan.crop((0, 0, *A4_200DPI))  # the scanner's area is A4: frame on the top and left
        scan.info["dpi"] = (200, 200)
        pages.append(scan)
        angles.append(angle)
    return pages, angles


def timed(rounds: int, work: Callable[[], object]) -> tuple[float, object]:
    times, result = [], None
    for _ in range(rounds):
        started = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args, _ = parser.parse_known_args(argv)
    pages, angles = make_pages(max(args.pages, 1))
    rounds = max(args.rounds, 1)

    def pipeline() -> tuple[bytes, list[float]]:
        cleaned = [clean_page(page, PageMode.BW) for page in pages]
        return pages_to_pdf([c.image for c in cleaned], PageMode.BW), [c.skew for c in cleaned]

    pipeline_s, (bw_pdf, found) = timed(rounds, pipeline)  # type: ignore[misc]
    baseline_s, grey_pdf = timed(rounds, lambda: pages_to_pdf(pages, PageMode.GREY))
    colour_pdf = pages_to_pdf([p.convert("RGB") for p in pages], PageMode.COLOR)
    errors = [abs(f - a) for f, a in zip(found, angles, strict=True)]
    n = len(pages)
    figures = {
        "pages": n,
        "page_size": f"{A4_200DPI[0]}x{A4_200DPI[1]} (A4, 200 dpi)",
        "pipeline_pages_per_s": n / pipeline_s,
        "baseline_pages_per_s": n / baseline_s,
        "pipeline_over_baseline": pipeline_s / baseline_s,
        "pipeline_ms_per_page": pipeline_s / n * 1000,
        "baseline_ms_per_page": baseline_s / n * 1000,
        "deskew_error_max_deg": max(errors),
        "bw_pdf_kib_per_page": len(bw_pdf) / n / 1024,  # type: ignore[arg-type]
        "grey_pdf_kib_per_page": len(grey_pdf) / n / 1024,  # type: ignore[arg-type]
        "colour_pdf_kib_per_page": len(colour_pdf) / n / 1024,
        "rounds": rounds,
    }
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        for key, value in figures.items():
            print(f"{key:26} {value:.3f}" if isinstance(value, float) else f"{key:26} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
