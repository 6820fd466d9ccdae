"""The notice as JSON (the model's `to_dict`, schema in `notice.schema.json`)."""

from __future__ import annotations

import json

from yaodian.model import Notice


def to_json(notice: Notice) -> str:
    """Pretty, stable JSON with Chinese kept readable (no \\u escapes)."""
    return json.dumps(notice.to_dict(), ensure_ascii=False, indent=2) + "\n"
