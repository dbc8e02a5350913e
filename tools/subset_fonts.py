#!/usr/bin/env python3
"""Builds the font subsets relmap bundles: CJK glyphs and a few symbols.

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
# Arrows and a few UI symbols egui's fonts lack (→ in "Russia → China", ▸, ☀, ✓).
chars |= {chr(c) for c in range(0x2190, 0x2200)} | {chr(c) for c in range(0x25A0, 0x2600)}
chars |= {chr(c) for c in range(0x2600, 0x2700)} | {chr(c) for c in range(0x2700, 0x27C0)}
unicodes = ",".join(f"U+{ord(c):04X}" for c in sorted(chars))
subprocess.run([sys.executable, "-m", "fontTools.subset", SRC, f"--unicodes={unicodes}",
                f"--output-file={OUT}", "--no-hinting", "--desubroutinize", "--ignore-missing-unicodes"], check=True)
print(f"{OUT.name}: {len(chars)} characters, {OUT.stat().st_size} bytes")

# A second small subset: arrows and UI symbols from DejaVu Sans (fonts-dejavu-core), which
# neither egui's fonts nor Droid Sans Fallback carry.
SYM_SRC = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
SYM_OUT = ROOT / "assets" / "fonts" / "DejaVuSans-symbols.ttf"
ranges = ["U+2022", "U+2026", "U+2190-21FF", "U+2300-23FF", "U+25A0-25FF", "U+2600-26FF", "U+2700-27BF", "U+27F0-27FF"]
subprocess.run([sys.executable, "-m", "fontTools.subset", SYM_SRC, f"--unicodes={','.join(ranges)}",
                f"--output-file={SYM_OUT}", "--no-hinting", "--ignore-missing-unicodes"], check=True)
print(f"{SYM_OUT.name}: {SYM_OUT.stat().st_size} bytes")
