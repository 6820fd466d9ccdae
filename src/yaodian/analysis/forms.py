"""Which office gets which rows of the ledger, under what file name and title, and what the form
says above its table (进展表分发); the xlsx and docx form writers both take their words from here."""

from __future__ import annotations

from dataclasses import dataclass

from yaodian.filenames import safe_stem, unique_name
from yaodian.ledger_model import EDITABLE, Ledger, LedgerRow


@dataclass(frozen=True, kw_only=True)
class FormPlan:
    """One office's form: its file name (without folder) and its rows in ledger order."""

    office: str
    filename: str
    rows: tuple[LedgerRow, ...]


def form_title(ledger: Ledger, office: str) -> str:
    """`基教科2024年工作任务进展表`: the form's title and, with a dash, its file name."""
    year = f"{ledger.year}年" if ledger.year else ""
    return f"{office}{year}工作任务进展表"


def form_note(ledger: Ledger, office: str) -> str:
    """The line under the title: the identity `collect` checks, and what to fill in."""
    return (
        f"台账标识：{ledger.ident}　科室：{office}　"
        f"请只填写{'、'.join(EDITABLE)}四列（状态从下拉列表选择，日期如 2024-07-01），不要改动编号。"
    )


def plan_forms(ledger: Ledger, *, suffix: str) -> tuple[tuple[FormPlan, ...], tuple[LedgerRow, ...]]:
    """One form per office (`基教科-2024年工作任务进展表.xlsx`); and the rows with no office,
    which no form carries (the CLI says so)."""
    year = f"{ledger.year}年" if ledger.year else ""
    taken: list[str] = []
    plans: list[FormPlan] = []
    for office in ledger.offices():
        if not office:
            continue
        name = unique_name(safe_stem(f"{office}-{year}工作任务进展表", fallback="科室"), taken, suffix)
        taken.append(name)
        plans.append(
            FormPlan(office=office, filename=name, rows=tuple(r for r in ledger.rows if r.office == office))
        )
    return tuple(plans), tuple(r for r in ledger.rows if not r.office)
