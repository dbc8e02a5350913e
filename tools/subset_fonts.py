#!/usr/bin/env python3
"""Builds the one font subset relmap bundles: arrows and UI symbols from DejaVu Sans.

The CJK fallback is bundled whole (assets/fonts/DroidSansFallbackFull.ttf, copied from Debian's
fonts-droid-fallback, Apache-2.0): simplified and traditional Han, kana and Hangul. Other scripts
come from the system's fonts at run time (src/fonts/system.rs).
Run: apt-get install fonts-dejavu-core && pip install fonttools && python3 tools/subset_fonts.py
"""
import pathlib, subprocess, sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
# Arrows and UI symbols (→ in "Russia → China", ▸, ☀, ✓) that neither egui's fonts nor Droid
# Sans Fallback carry.
SYM_SRC = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
SYM_OUT = ROOT / "assets" / "fonts" / "DejaVuSans-symbols.ttf"
ranges = ["U+2022", "U+2026", "U+2190-21FF", "U+2300-23FF", "U+25A0-25FF", "U+2600-26FF", "U+2700-27BF", "U+27F0-27FF"]
subprocess.run([sys.executable, "-m", "fontTools.subset", SYM_SRC, f"--unicodes={','.join(ranges)}",
                f"--output-file={SYM_OUT}", "--no-hinting", "--ignore-missing-unicodes"], check=True)
print(f"{SYM_OUT.name}: {SYM_OUT.stat().st_size} bytes")
