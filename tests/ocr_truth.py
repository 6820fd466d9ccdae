"""A truth file for the corpus scorer (../shared/tools/score_corpus.py) from a notice's own parse.

Used to score a scan of a notice against the text it was printed from: the text's header, items,
numbers and offices are the truth. `python tests/ocr_truth.py TEXT_JSON RAW_NAME > truth.json`.
"""

from __future__ import annotations

import json
import sys
from typing import Any


def truth(parsed: dict[str, Any], raw_name: str) -> dict[str, Any]:
    items = []
    for it in parsed["items"]:
        leads = [o["name"] for o in it["offices"] if o["role"] == "lead"]
        support = [o["name"] for o in it["offices"] if o["role"] != "lead"]
        items.append(
            {
                "number": it["number"],
                "starts": (it["title"] or it["text"])[:12],
                "leads": leads,
                "support": support,
            }
        )
    return {
        "file": raw_name,
        "title": parsed["title"],
        "year": parsed["year"],
        "date": parsed["date"],
        "issuers": parsed["issuers"],
        "complete": True,
        "items": items,
    }


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as f:
        print(json.dumps(truth(json.load(f), sys.argv[2]), ensure_ascii=False, indent=1))
