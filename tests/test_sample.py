"""The bundled sample (常德市教育局 2024年工作要点) end to end, in every encoding and width."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from conftest import GOLDEN, check_golden
from yaodian import Notice, parse_file, parse_text
from yaodian.writers.notice_json import to_json

FULL_WIDTH = str.maketrans({",": "，", "(": "（", ")": "）", ":": "：", ";": "；"})


def _facts(notice: Notice) -> dict[str, object]:
    return {
        "title": notice.title,
        "date": notice.date,
        "issuers": notice.issuers,
        "sections": len(notice.sections),
        "items": [(i.number, i.title, [(o.name, o.role) for o in i.offices]) for i in notice.items],
        "offices": [(o.name, len(o.lead), len(o.support)) for o in notice.offices()],
    }


def test_sample_header(sample_notice: Notice) -> None:
    assert sample_notice.title == "中共常德市委教育工作委员会 常德市教育局2024年工作要点"
    assert sample_notice.date == dt.date(2024, 2, 20)
    assert sample_notice.year == 2024
    assert sample_notice.issuers == ("中共常德市委教育工作委员会", "常德市教育局")
    assert len(sample_notice.recipients) == 6
    assert sample_notice.preamble.startswith("2024年,全市教育工作的总体要求是")


def test_sample_structure(sample_notice: Notice) -> None:
    assert len(sample_notice.sections) == 6
    assert len(sample_notice.items) == 35
    assert [i.number for i in sample_notice.items] == [str(k) for k in range(1, 36)]
    assert [len(s.items) for s in sample_notice.sections] == [5, 6, 7, 4, 5, 8]
    assert sample_notice.sections[3].title == "坚持弘扬教育家精神,提升队伍建设水平"


def test_sample_item_one(sample_notice: Notice) -> None:
    first = sample_notice.items[0]
    assert first.title == "坚持和加强党对教育工作的全面领导"
    assert [(o.name, o.role) for o in first.offices] == [
        ("党建指导科", "lead"),
        ("人事科", "support"),
        ("办公室", "support"),
    ]
    assert first.offices[2].raw == "办公室〈秘书科〉"
    assert "排名第一" not in first.text and "责任科室" not in first.text


def test_sample_offices(sample_notice: Notice) -> None:
    offices = {o.name: o for o in sample_notice.offices()}
    assert len(offices) == 25
    assert (len(offices["基教科"].lead), offices["基教科"].total) == (7, 19)
    assert offices["人事科"].spellings == ("人事科〈机关党委〉", "人事科")
    assert not any("下同" in name or "排名" in name for name in offices)
    assert sample_notice.warnings == ()


def test_sample_golden_json(sample_path: Path, update_golden: bool) -> None:
    notice = parse_file(sample_path)
    data = json.loads(to_json(notice))
    data["source"]["path"] = "samples/changde-2024.txt"  # independent of where the tests run
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    check_golden(GOLDEN / "changde-2024.json", text, update_golden)


def test_sample_json_matches_schema(sample_notice: Notice) -> None:
    import importlib.resources

    import jsonschema

    schema = json.loads(
        importlib.resources.files("yaodian").joinpath("notice.schema.json").read_text("utf-8")
    )
    jsonschema.validate(json.loads(to_json(sample_notice)), schema)


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16", "utf-16-le", "utf-8-sig"])
def test_full_width_in_other_encodings(
    tmp_path: Path, sample_path: Path, sample_notice: Notice, encoding: str
) -> None:
    text = sample_path.read_text(encoding="utf-8").translate(FULL_WIDTH).replace("\n", "\r\n")
    path = tmp_path / "notice.txt"
    path.write_bytes(text.encode(encoding))
    again = parse_file(path)
    assert again.source.encoding == encoding
    assert _facts(again) == _facts(sample_notice)


def test_ideographic_indents_and_nbsp(sample_path: Path, sample_notice: Notice) -> None:
    text = "\n".join("\u3000\u3000" + line + "\u00a0" for line in sample_path.read_text("utf-8").splitlines())
    assert _facts(parse_text(text)) == _facts(sample_notice)


def test_fingerprint_is_stable_across_width(sample_path: Path, sample_notice: Notice) -> None:
    again = parse_text(sample_path.read_text("utf-8").translate(FULL_WIDTH))
    assert [i.fingerprint for i in again.items] == [i.fingerprint for i in sample_notice.items]
    assert len({i.fingerprint for i in sample_notice.items}) == 35
