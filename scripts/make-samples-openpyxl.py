#!/usr/bin/env python3
"""Write one sample workbook with openpyxl from a sheet description made by make-samples.ts.

Usage: python3 scripts/make-samples-openpyxl.py SPEC.json OUTPUT.xlsx

The description (JSON) holds every cell's value and style, the merged ranges, column widths,
row heights, hidden rows, the frozen pane and the page setup. This script decides nothing about
the content: make-samples.ts owns the numbers, so samples/expected.json and the workbook cannot
drift apart. It exists so that one sample is really written by openpyxl, as units' Python
scripts write theirs.

Exit codes: 0 written, 2 openpyxl is not installed (the caller falls back to ExcelJS),
1 anything else.
"""
import datetime
import json
import sys

try:
    import openpyxl
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter
except ImportError:  # the caller prints the message and keeps going
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
            vertical="center" if vertical == "middle" else vertical,  # ExcelJS says "middle"
            wrap_text=align.get("wrapText", False),
        )
    if style.get("border"):
        cell.border = BOX
    if style.get("numFmt"):
        cell.number_format = style["numFmt"]


def write_sheet(ws, sheet):
    for spec in sheet["cells"]:
        cell = ws[spec["ref"]]
        value = spec.get("value")
        if isinstance(value, dict):
            # openpyxl cannot store a cached result; the samples only use formulas in ExcelJS files
            cell.value = "=" + value["formula"]
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


def main():
    if len(sys.argv) != 3:
        sys.stderr.write(__doc__)
        return 1
    with open(sys.argv[1], encoding="utf-8") as f:
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
    wb.save(sys.argv[2])
    return 0


if __name__ == "__main__":
    sys.exit(main())
