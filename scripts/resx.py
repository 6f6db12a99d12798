#!/usr/bin/env python3
"""Generates the .resx resource files from src/MotCua.Web/Resources/Strings.tsv (key, vi, en, id).

The TSV is the one place translators edit; the .resx files are what .NET reads (Vietnamese is the neutral
language). Run after editing the TSV: python3 scripts/resx.py
"""
import html, os, sys

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "MotCua.Web", "Resources")
rows = []
with open(os.path.join(root, "Strings.tsv"), encoding="utf-8") as f:
    for n, line in enumerate(f, 1):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 4:
            sys.exit(f"Strings.tsv line {n}: expected 4 tab-separated columns, got {len(parts)}")
        rows.append(parts)

keys = [r[0] for r in rows]
dupes = {k for k in keys if keys.count(k) > 1}
if dupes:
    sys.exit(f"duplicate keys: {sorted(dupes)}")

header = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""
for suffix, col in (("", 1), (".en", 2), (".id", 3)):
    with open(os.path.join(root, f"Strings{suffix}.resx"), "w", encoding="utf-8", newline="\n") as out:
        out.write(header)
        for r in rows:
            value = r[col] if r[col] else r[1]
            out.write(f'  <data name="{html.escape(r[0])}" xml:space="preserve"><value>{html.escape(value, quote=False)}</value></data>\n')
        out.write("</root>\n")
print(f"{len(rows)} strings written to Strings.resx, Strings.en.resx, Strings.id.resx")
