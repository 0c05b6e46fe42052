#!/usr/bin/env python3
"""Write or read back one "everyday template" workbook for make-everyday-samples.ts.

  python3 scripts/make-everyday-samples-openpyxl.py write SPEC.json OUTPUT.xlsx
  python3 scripts/make-everyday-samples-openpyxl.py read  INPUT.xlsx   (prints JSON on stdout)

write: the description (JSON) holds every cell's value and style, merged ranges, column widths,
hidden rows and columns, the frozen pane and the page setup. This script decides nothing about
the content: make-everyday-samples.ts owns the numbers. Formulas are written as openpyxl writes
them, without a cached result (a Python-made report has none until someone opens it in Excel).

read: an independent reader for the check after writing. For every sheet it prints each
non-empty cell as openpyxl sees it twice: the stored value (formulas as "=...") and the cached
value (data_only=True), plus merged ranges, hidden rows and hidden columns.

Exit codes: 0 done, 2 openpyxl is not installed, 1 anything else.
"""
import datetime
import json
import sys

try:
    import openpyxl
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter
except ImportError:
    sys.stderr.write("openpyxl is not installed for %s\n" % sys.executable)
    sys.exit(2)

THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def apply_style(cell, style):
    if not style:
        return
    font = style.get("font") or {}
    cell.font = Font(
        name=font.get("name", "Times New Roman"),
        size=font.get("size", 12),
        bold=font.get("bold", False),
        italic=font.get("italic", False),
        underline="single" if font.get("underline") else None,
    )
    align = style.get("alignment") or {}
    if align:
        vertical = align.get("vertical")
        cell.alignment = Alignment(
            horizontal=align.get("horizontal"),
            vertical="center" if vertical == "middle" else vertical,
            wrap_text=align.get("wrapText", False),
        )
    if style.get("border"):
        cell.border = BOX
    if style.get("numFmt"):
        cell.number_format = style["numFmt"]


def write_sheet(ws, sheet):
    for spec in sheet["cells"]:
        cell = ws[spec["ref"]]
        if "value" in spec:
            value = spec["value"]
            if isinstance(value, dict) and "formula" in value:
                cell.value = "=" + value["formula"]
            elif isinstance(value, dict) and "error" in value:
                cell.value = value["error"]  # openpyxl stores a known error code as an error cell
            else:
                cell.value = value
        apply_style(cell, spec.get("style"))
    for ref in sheet.get("merges", []):
        ws.merge_cells(ref)
    for index, width in enumerate(sheet.get("widths", []), start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    for row, height in sheet.get("heights", {}).items():
        ws.row_dimensions[int(row)].height = height
    for row in sheet.get("hiddenRows", []):
        ws.row_dimensions[int(row)].hidden = True
    for col in sheet.get("hiddenCols", []):
        ws.column_dimensions[get_column_letter(int(col))].hidden = True
    if sheet.get("freeze"):
        ws.freeze_panes = sheet["freeze"]
    page = sheet.get("page") or {}
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = page.get("orientation", "portrait")
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    if page.get("printTitleRows"):
        ws.print_title_rows = page["printTitleRows"]


def write(spec_file, out):
    with open(spec_file, encoding="utf-8") as f:
        spec = json.load(f)
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for sheet in spec["sheets"]:
        write_sheet(wb.create_sheet(sheet["name"]), sheet)
    props = spec.get("properties") or {}
    wb.properties.creator = props.get("creator", "")
    wb.properties.title = props.get("title", "")
    if props.get("created"):
        stamp = datetime.datetime.strptime(props["created"], "%Y-%m-%dT%H:%M:%SZ")
        wb.properties.created = stamp
        wb.properties.modified = stamp
    if spec.get("activeSheet") is not None:
        wb.active = spec["activeSheet"]
    wb.save(out)


def plain(v):
    if isinstance(v, (datetime.datetime, datetime.date)):
        return v.isoformat()
    return v


def read(path):
    stored = openpyxl.load_workbook(path)
    cached = openpyxl.load_workbook(path, data_only=True)
    out = {}
    for ws in stored.worksheets:
        wc = cached[ws.title]
        cells = {}
        for row in ws.iter_rows():
            for c in row:
                if c.value is None:
                    continue
                cells[c.coordinate] = {"stored": plain(c.value), "cached": plain(wc[c.coordinate].value), "type": c.data_type}
        hidden_cols = []
        for key, dim in ws.column_dimensions.items():
            if dim.hidden:
                lo, hi = dim.min or openpyxl.utils.column_index_from_string(key), dim.max or openpyxl.utils.column_index_from_string(key)
                hidden_cols.extend(range(lo, hi + 1))
        out[ws.title] = {
            "cells": cells,
            "merges": [str(r) for r in ws.merged_cells.ranges],
            "hiddenRows": [r for r, d in ws.row_dimensions.items() if d.hidden],
            "hiddenCols": sorted(set(hidden_cols)),
        }
    json.dump(out, sys.stdout, ensure_ascii=False)


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "write":
        write(sys.argv[2], sys.argv[3])
        return 0
    if len(sys.argv) == 3 and sys.argv[1] == "read":
        read(sys.argv[2])
        return 0
    sys.stderr.write(__doc__)
    return 1


if __name__ == "__main__":
    sys.exit(main())
