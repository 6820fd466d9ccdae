"""The one colour scheme of every workbook and document (配色): 牵头 is the same orange in the
matrix, its chart and the diff; 配合 the same blue; headers, sections and totals one tint each.
A leaf module: colours as RRGGBB hex strings, as openpyxl and python-docx take them."""

from __future__ import annotations

LEAD = "F8CBAD"  # light orange: 牵头 (matrix cells, chart bars, a lead change in the diff)
SUPPORT = "DDEBF7"  # light blue: 配合
LEAD_STRONG = "ED7D31"  # the chart's 牵头 bars: the same orange, strong enough to print
SUPPORT_STRONG = "5B9BD5"  # the chart's 配合 bars
HEADER = "D9E1F2"  # table headers
SECTION = "E7E6E6"  # section rows
TOTAL = "FFF2CC"  # totals
