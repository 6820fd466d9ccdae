"""The status report as JSON and Markdown (督办进度)."""

from __future__ import annotations

import json

from yaodian.analysis.status import StatusReport
from yaodian.writers.status_labels import (
    OFFICE_HEADERS,
    OVERDUE_HEADERS,
    office_cells,
    overdue_cells,
    summary_sentence,
)


def to_json(report: StatusReport) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _md_table(headers: tuple[str, ...], rows: list[tuple[str, ...]]) -> list[str]:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(_md_escape(c) for c in row) + " |" for row in rows]
    return lines


def to_markdown(report: StatusReport) -> str:
    lines = [f"# {report.title} 督办进度", "", summary_sentence(report), "", "## 各科室进度", ""]
    lines += _md_table(OFFICE_HEADERS, office_cells(report))
    lines += ["", "## 逾期任务", ""]
    lines += _md_table(OVERDUE_HEADERS, overdue_cells(report)) if report.overdue else ["（无）"]
    return "\n".join(lines) + "\n"
