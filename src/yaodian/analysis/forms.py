"""Which office gets which rows of the ledger, and under what file name (进展表分发)."""

from __future__ import annotations

from dataclasses import dataclass

from yaodian.filenames import safe_stem, unique_name
from yaodian.ledger_model import Ledger, LedgerRow


@dataclass(frozen=True, kw_only=True)
class FormPlan:
    """One office's form: its file name (without folder) and its rows in ledger order."""

    office: str
    filename: str
    rows: tuple[LedgerRow, ...]


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
