#!/usr/bin/env python3
"""Builds assets/fonts/DroidSansFallback-subset.ttf: the CJK glyphs relmap bundles.

egui's default fonts have no Chinese glyphs. We subset Debian's fonts-droid-fallback
(Apache-2.0) to the 3,755 most common simplified characters (GB2312 level 1), every CJK
character in the shipped dataset, and CJK punctuation, which keeps the binary small.
Run: apt-get install fonts-droid-fallback && pip install fonttools && python3 tools/subset_cjk_font.py
"""
import pathlib, subprocess, sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SRC = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"
OUT = ROOT / "assets" / "fonts" / "DroidSansFallback-subset.ttf"

chars = set()
for row in range(0xB0, 0xD8):  # GB2312 level 1 rows 16-55
    for col in range(0xA1, 0xFF):
        try:
            chars.add(bytes([row, col]).decode("gb2312"))
        except UnicodeDecodeError:
            pass
text = (ROOT / "assets" / "china-kazakhstan.relmap.json").read_text(encoding="utf-8")
chars |= {c for c in text if 0x2E80 <= ord(c) <= 0x9FFF or 0xF900 <= ord(c) <= 0xFAFF}
chars |= {chr(c) for c in range(0x3000, 0x3040)} | {chr(c) for c in range(0xFF01, 0xFF5F)}
unicodes = ",".join(f"U+{ord(c):04X}" for c in sorted(chars))
subprocess.run([sys.executable, "-m", "fontTools.subset", SRC, f"--unicodes={unicodes}",
                f"--output-file={OUT}", "--no-hinting", "--desubroutinize"], check=True)
print(f"{OUT.name}: {len(chars)} characters, {OUT.stat().st_size} bytes")
