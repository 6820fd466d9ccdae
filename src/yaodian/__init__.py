"""yaodian（要点）: read Chinese government work-plan notices (工作要点) into who-does-what.

    import yaodian

    notice = yaodian.parse_file("samples/changde-2024.txt")
    for item in notice.items:
        print(item.number, item.title, [o.name for o in item.leads])
    yaodian.write_matrix(notice, "责任矩阵.xlsx")

Everything here is the public API: the model, the entry points of `yaodian.api`, the errors,
and the result types of the analyses (imported when first used, so `import yaodian` stays
cheap for the command line).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from yaodian.api import (
    check,
    diff,
    offices,
    parse_file,
    parse_text,
    to_csv,
    to_json,
    to_markdown,
    write_diff,
    write_matrix,
    write_sheets,
    write_tasks,
)
from yaodian.errors import (
    DecodeError,
    InputError,
    OutputError,
    ParseError,
    UnknownOfficeError,
    UsageError,
    YaodianError,
)
from yaodian.model import (
    LEAD,
    SUPPORT,
    Coverage,
    Deadline,
    Item,
    Notice,
    OfficeRef,
    OfficeSummary,
    ParseWarning,
    Role,
    Section,
    SectionPath,
    Source,
)
from yaodian.version import __version__

if TYPE_CHECKING:
    from yaodian.analysis.assignments import OfficeTasks, Task
    from yaodian.analysis.check import Finding
    from yaodian.analysis.diff import (
        FieldChange,
        ItemChange,
        ItemPart,
        OfficeDelta,
        PlanDiff,
        PlanInfo,
        RoleChange,
        SectionChange,
        TextOp,
    )
    from yaodian.reading.ocr_options import OcrOptions, PageDone

_LAZY = {
    "OcrOptions": "yaodian.reading.ocr_options",
    "PageDone": "yaodian.reading.ocr_options",
    "Finding": "yaodian.analysis.check",
    "OfficeTasks": "yaodian.analysis.assignments",
    "Task": "yaodian.analysis.assignments",
    **{
        name: "yaodian.analysis.diff"
        for name in ("FieldChange", "ItemChange", "ItemPart", "OfficeDelta", "PlanDiff", "PlanInfo",
                     "RoleChange", "SectionChange", "TextOp")
    },
}  # fmt: skip


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'yaodian' has no attribute {name!r}")


__all__ = [
    "LEAD",
    "SUPPORT",
    "Coverage",
    "Deadline",
    "DecodeError",
    "FieldChange",
    "Finding",
    "InputError",
    "Item",
    "ItemChange",
    "ItemPart",
    "Notice",
    "OcrOptions",
    "OfficeDelta",
    "OfficeRef",
    "OfficeSummary",
    "OfficeTasks",
    "OutputError",
    "PageDone",
    "ParseError",
    "ParseWarning",
    "PlanDiff",
    "PlanInfo",
    "Role",
    "RoleChange",
    "Section",
    "SectionChange",
    "SectionPath",
    "Source",
    "Task",
    "TextOp",
    "UnknownOfficeError",
    "UsageError",
    "YaodianError",
    "__version__",
    "check",
    "diff",
    "offices",
    "parse_file",
    "parse_text",
    "to_csv",
    "to_json",
    "to_markdown",
    "write_diff",
    "write_matrix",
    "write_sheets",
    "write_tasks",
]
