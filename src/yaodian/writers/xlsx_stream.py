"""One-sheet table workbooks written row by row (`yaodian batch`'s index.xlsx and tasks.xlsx).

tasks.xlsx holds every item of every notice: tens of thousands of rows for a large folder,
written by the parent process while the workers parse. Measured on 20 000 rows × 12 cells
(2-core VM): this writer 0.25 s, openpyxl's write-only mode 1.25 s, XlsxWriter (constant
memory) 1.05 s. At 1,000 notices the difference is about a third of the whole run, so these
plain tables are written here directly as SpreadsheetML into the zip entry: constant memory,
about 1 µs a cell. Every string still goes through the project's sanitiser (`clean_text`) and
formula-like text gets `quotePrefix`, as in the openpyxl writers. Richer workbooks (the matrix, the task lists, the diff) use openpyxl.
"""

from __future__ import annotations

import contextlib
import zipfile
from collections.abc import Sequence
from pathlib import Path
from string import ascii_uppercase
from typing import Any

from yaodian.output import atomic_output
from yaodian.writers.sanitise import clean_text, looks_like_formula
from yaodian.writers.xlsx_common import display_width, safe_sheet_name

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
    "</Relationships>"
)
# Cell formats: 0 plain (wrapped), 1 bold header, 2 text that looks like a formula (quotePrefix).
_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<fonts count="2"><font><sz val="11"/><name val="等线"/></font><font><b/><sz val="11"/><name val="等线"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">'
    '<alignment wrapText="1" vertical="top"/></xf>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1" applyAlignment="1">'
    '<alignment wrapText="1" vertical="top"/></xf></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)
_TYPICAL_WIDTH = {"文件": 36, "标题": 40, "通知标题": 30, "工作任务": 60, "条目标题": 30, "错误": 50,
                  "发文机关": 24, "所属部分": 24, "牵头科室": 16, "配合科室": 24}  # fmt: skip


# A4 landscape, one page wide, `第 1 页 共 3 页` in the footer (the workbooks' PAGE_FOOTER).
_PRINT = (
    '<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>'
    '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>'
    "<headerFooter><oddFooter>&amp;C第 &amp;P 页 共 &amp;N 页</oddFooter></headerFooter>"
)


def _xml_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class XlsxStream:
    """A one-sheet workbook written row by row into its zip entry, saved atomically when the
    block ends without error."""

    def __init__(self, path: Path, title: str, header: Sequence[str], *, force: bool) -> None:
        self.path = path
        self.force = force
        self.title = safe_sheet_name(title)
        self.header = tuple(header)
        # Plain tables of a dozen columns: A–Z is all they need (openpyxl's import, for its
        # get_column_letter, would cost the parent process ~0.1 s).
        if len(header) > len(ascii_uppercase):
            raise ValueError("a streamed table has at most 26 columns")
        self.letters = list(ascii_uppercase[: len(header)])
        self._rows = 0
        self._buffer: list[str] = []
        self._atomic: Any = None
        self._zip: Any = None
        self._sheet: Any = None

    def __enter__(self) -> XlsxStream:
        self._atomic = atomic_output(self.path, force=self.force)
        tmp = self._atomic.__enter__()
        self._zip = zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=1)
        self._sheet = self._zip.open("xl/worksheets/sheet1.xml", "w", force_zip64=True)
        cols = "".join(
            f'<col min="{k}" max="{k}" width="{_TYPICAL_WIDTH.get(name, max(8, display_width(name) + 2))}" customWidth="1"/>'
            for k, name in enumerate(self.header, start=1)
        )
        self._sheet.write(
            (
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'
                '<sheetViews><sheetView workbookViewId="0">'
                '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
                "</sheetView></sheetViews>"
                f'<sheetFormatPr defaultRowHeight="15"/><cols>{cols}</cols><sheetData>'
            ).encode()
        )
        self.append(self.header, bold=True)
        return self

    def append(self, values: Sequence[Any], *, bold: bool = False) -> None:
        """One row; strings pass the project's sanitiser, formula-like text gets quotePrefix."""
        self._rows += 1
        r = self._rows
        cells: list[str] = []
        for letter, value in zip(self.letters, values, strict=False):
            if value is None or value == "":
                continue
            if isinstance(value, bool) or not isinstance(value, int | float):
                text = clean_text(str(value))
                style = ' s="1"' if bold else (' s="2"' if looks_like_formula(text) else "")
                space = ' xml:space="preserve"' if text != text.strip() else ""
                cells.append(
                    f'<c r="{letter}{r}" t="inlineStr"{style}><is><t{space}>{_xml_text(text)}</t></is></c>'
                )
            else:
                cells.append(f'<c r="{letter}{r}"><v>{value}</v></c>')
        self._buffer.append(f'<row r="{r}">{"".join(cells)}</row>')
        if len(self._buffer) >= 256:
            self._flush()

    def _flush(self) -> None:
        self._sheet.write("".join(self._buffer).encode("utf-8"))
        self._buffer.clear()

    def __exit__(self, kind: Any, exc: Any, tb: Any) -> None:
        """Finish the zip and rename it into place; on any error (in the block, or closing the
        zip on a full disk) abandon it: the temporary file is removed, never renamed."""
        if kind is None:
            try:
                self._finish()
            except BaseException as error:
                self._abandon()
                # Raises OutputError for an OSError (disk full), else returns and we re-raise.
                self._atomic.__exit__(type(error), error, error.__traceback__)
                raise
            self._atomic.__exit__(None, None, None)
            return
        self._abandon()
        self._atomic.__exit__(kind, exc, tb)

    def _finish(self) -> None:
        self._flush()
        last = f"{self.letters[-1]}{max(self._rows, 1)}"
        self._sheet.write(f'</sheetData><autoFilter ref="A1:{last}"/>{_PRINT}</worksheet>'.encode())
        self._sheet.close()
        name = _xml_text(self.title).replace('"', "&quot;")
        quoted = "'" + self.title.replace("'", "''") + "'"
        workbook = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            f'<sheets><sheet name="{name}" sheetId="1" r:id="rId1"/></sheets>'
            '<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'
            f"{_xml_text(quoted)}!$A$1:${self.letters[-1]}${max(self._rows, 1)}</definedName>"
            f"{_print_titles(quoted)}</definedNames>"
            "</workbook>"
        )
        for part, text in (
            ("[Content_Types].xml", _CONTENT_TYPES),
            ("_rels/.rels", _ROOT_RELS),
            ("xl/workbook.xml", workbook),
            ("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS),
            ("xl/styles.xml", _STYLES),
        ):
            self._zip.writestr(part, text)
        self._zip.close()

    def _abandon(self) -> None:
        """Close what is open without letting a second failure escape: a ZipFile whose close
        failed would try again in `__del__` and print "Exception ignored … OSError"."""
        with contextlib.suppress(Exception):
            self._sheet.close()
        with contextlib.suppress(Exception):
            self._zip.close()
        fp, self._zip.fp = self._zip.fp, None
        if fp is not None:
            with contextlib.suppress(Exception):
                fp.close()


def _print_titles(quoted: str) -> str:
    """The header row repeated on every printed page."""
    return f'<definedName name="_xlnm.Print_Titles" localSheetId="0">{_xml_text(quoted)}!$1:$1</definedName>'
