"""Document bench: rendering a one-page receipt against a trivial PDF in the same font.

  receipt   render_receipt() of the sample case (A4, and the 80 mm thermal variant): styles,
            tables, Code128, QR, page-number pass, font subsetting
  baseline  render_test_page(): one line of Chinese on an A4 canvas with the same embedded font,
            the floor of any PDF with a subset CJK font; the ratio receipt/baseline is the figure to compare

Median of --rounds renders each, after one warm-up (font registration, imports).

    .venv/bin/python bench/documents.py [--rounds 30] [--json]

Unknown options (e.g. those run_all.py passes to every bench) are ignored.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable

from hallapp.config import DocumentSettings
from hallapp.documents import load_fonts, render_receipt
from hallapp.documents.sample import sample_case
from hallapp.documents.testpage import render_test_page


def median_ms(rounds: int, work: Callable[[], bytes]) -> float:
    work()  # warm-up
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--json", action="store_true")
    args, _unknown = parser.parse_known_args(argv)
    fonts = load_fonts(DocumentSettings().font_paths)
    case = sample_case()
    figures = {
        "font": str(fonts.path),
        "rounds": args.rounds,
        "baseline_ms": median_ms(args.rounds, lambda: render_test_page(fonts)),
        "receipt_a4_ms": median_ms(args.rounds, lambda: render_receipt(case, fonts, size="A4")),
        "receipt_thermal_ms": median_ms(args.rounds, lambda: render_receipt(case, fonts, size="thermal80")),
    }
    figures["ratio_a4"] = figures["receipt_a4_ms"] / figures["baseline_ms"]
    figures["ratio_thermal"] = figures["receipt_thermal_ms"] / figures["baseline_ms"]
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(f"font      {figures['font']}   (median of {args.rounds})")
    print(f"baseline  {figures['baseline_ms']:7.1f} ms  one line of Chinese, same embedded font")
    print(f"A4        {figures['receipt_a4_ms']:7.1f} ms  receipt, ratio {figures['ratio_a4']:.1f}x")
    print(f"thermal   {figures['receipt_thermal_ms']:7.1f} ms  receipt, ratio {figures['ratio_thermal']:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
