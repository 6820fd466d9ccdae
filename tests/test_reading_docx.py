"""The .docx reader: document order, automatic numbering, tracked changes, fields, tables."""

from __future__ import annotations

import io
import random
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import run_cli
from yaodian import parse_file
from yaodian.errors import InputError
from yaodian.reading import read_path
from yaodian.reading.docx import read_docx
from yaodian.reading.docx.numbering import format_number

INPUTS = Path(__file__).resolve().parent / "fixtures" / "inputs"


def read_lines(name: str) -> list[str]:
    text, detail = read_docx((INPUTS / name).read_bytes(), name)
    assert detail == "docx"
    return text.splitlines()


def sample_lines(sample_path: Path) -> list[str]:
    return [line for line in sample_path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize(
    ("value", "fmt", "expected"),
    [
        (1, "chineseCounting", "一"),
        (9, "chineseCounting", "九"),
        (10, "chineseCounting", "十"),
        (11, "chineseCounting", "十一"),
        (20, "chineseCountingThousand", "二十"),
        (35, "chineseCountingThousand", "三十五"),
        (100, "chineseCounting", "一百"),
        (105, "chineseCounting", "一百零五"),
        (110, "chineseCounting", "一百一十"),
        (3, "chineseLegalSimplified", "叁"),
        (11, "chineseLegalSimplified", "壹拾壹"),
        (10, "ideographDigital", "一〇"),
        (1, "ideographTraditional", "甲"),
        (3, "ideographTraditional", "丙"),
        (10, "ideographTraditional", "癸"),
        (11, "ideographTraditional", "11"),
        (2, "ideographZodiac", "丑"),
        (2, "decimalEnclosedCircle", "②"),
        (12, "decimalEnclosedCircleChinese", "⑫"),
        (3, "decimalEnclosedParen", "⑶"),
        (7, "decimal", "7"),
        (7, "decimalZero", "07"),
        (4, "lowerRoman", "iv"),
        (9, "upperRoman", "IX"),
        (2, "lowerLetter", "b"),
        (28, "upperLetter", "BB"),
        (5, "decimalFullWidth", "５"),
        (1, "bullet", ""),
    ],
)
def test_number_formats(value: int, fmt: str, expected: str) -> None:
    assert format_number(value, fmt) == expected


def test_features_numbering_tracked_changes_fields() -> None:
    assert read_lines("features.docx") == [
        "某县文旅局2025年工作要点",
        # level 0 inherited from the heading style (numeric style id "3", as WPS writes them)
        "一、强化基础工作",
        "（一）完善制度建设",
        # inserted text kept, deleted text dropped, hyperlink and simple field kept, hidden dropped
        "1.修订场馆管理办法。（责任单位：综合股、财务股）",
        # content control kept; complex field: instruction dropped, result kept
        "2.建立巡查台账。（责任单位：市场股）",
        "（二）加强队伍建设",
        # level 2 restarts under a new level 1; a deleted paragraph mark joins two paragraphs
        "1.开展业务培训。（责任单位：人事股）",
        "二、推进重点项目",
        "（一）实施文化惠民工程",
        "1.新建乡村书屋10个。（责任单位：公共服务股）",
        "甲.试点项目一",
        "乙.试点项目二",
        "①第一个子项",
        "②第二个子项",
        # numId 0 switches the style's numbering off; a paragraph of deleted text disappears
        "不编号的段落",
        # a second list on the same abstract list, with startOverride 5
        "五、其他事项",
        "1.新的一条",
    ]


def test_sample_with_typed_numbers_reads_as_the_text(sample_path: Path) -> None:
    assert read_lines("sample-typed.docx") == sample_lines(sample_path)


def test_sample_with_word_numbering_reads_as_the_text(sample_path: Path) -> None:
    # 一、 by direct numPr, 1. through a style inherited two steps: numbers run 1–35.
    assert read_lines("sample-autonum.docx") == sample_lines(sample_path)


@pytest.mark.parametrize("name", ["sample-typed.docx", "sample-autonum.docx"])
def test_sample_docx_parses_like_the_text(name: str, sample_notice) -> None:  # type: ignore[no-untyped-def]
    notice = parse_file(INPUTS / name)
    assert len(notice.items) == 35
    assert notice.items == sample_notice.items
    assert [o.name for o in notice.offices()] == [o.name for o in sample_notice.offices()]
    assert notice.source.format == "docx"


def test_task_table_rows() -> None:
    assert read_lines("task-table.docx") == [
        "某区住建局2025年重点工作任务分解表",
        "序号 | 工作任务 | 牵头单位 | 责任单位 | 完成时限 |",
        "1 | 推进老旧小区改造，完成改造小区20个。 | 城建股 | 物业股、规划股 | 2025年10月底 |",
        "2 | 开展燃气管道安全排查。 | 安监股 | 城建股 | 2025年6月底 |",
        "3 | 完善住房保障档案管理。 | 保障股 | 办公室 | 全年 |",
        "以上任务请各股室按时完成。",
    ]


def test_task_table_parses_into_items() -> None:
    notice = parse_file(INPUTS / "task-table.docx")
    got = [(i.number, [(o.name, o.role) for o in i.offices], i.deadline) for i in notice.items]
    assert got == [
        ("1", [("城建股", "lead"), ("物业股", "support"), ("规划股", "support")], "2025年10月底"),
        ("2", [("安监股", "lead"), ("城建股", "support")], "2025年6月底"),
        ("3", [("保障股", "lead"), ("办公室", "support")], "全年"),
    ]


def test_merged_cells_written_once() -> None:
    assert read_lines("merged-table.docx") == [
        "某镇2025年工作任务分解表",
        # two header rows folded into one: 责任单位 spans 牵头单位 | 配合单位
        "序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限 |",
        "一、农业农村 |",
        "1 | 建设高标准农田3000亩。 | 农业办 | 水利站 | 2025年底 |",
        # 农业办 is one cell merged down two rows: it leads both tasks
        "2 | 推进农村厕所改造。 | 农业办 | 卫生院 | 2025年9月 |",
        "3 | 整治河道两条。 | 水利站 | 林业站、农业办 | 2025年6月 |",
        "二、社会事业 |",
        "4 | 新建村级养老服务站2个。 | 民政办 | 财政所 | 2025年12月 |",
        # one cell across two columns: written once, not twice
        "5 | 开展全民健身活动。 | 文化站 |  | 全年 |",
    ]


def test_merged_table_offices_not_counted_twice() -> None:
    notice = parse_file(INPUTS / "merged-table.docx")
    assert [i.number for i in notice.items] == ["1", "2", "3", "4", "5"]
    assert [(o.name, o.role) for o in notice.items[4].offices] == [("文化站", "lead")]
    summary = {o.name: (len(o.lead), len(o.support)) for o in notice.offices()}
    assert summary["农业办"] == (2, 1)
    assert summary["水利站"] == (1, 1)


def test_damaged_docx_is_an_input_error() -> None:
    with pytest.raises(InputError, match="损坏"):
        read_docx((INPUTS / "broken.docx").read_bytes(), "broken.docx")


def test_not_a_docx() -> None:
    with pytest.raises(InputError, match=r"不是 \.docx"):
        read_docx("这是一段文字".encode(), "fake.docx")


def test_zip_without_word_document() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(InputError, match="没有 Word 正文"):
        read_docx(buf.getvalue(), "book.docx")


def test_zip_bomb_rejected_before_decompressing() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"<w:document>" + b" " * (8 * 1024 * 1024) + b"</w:document>")
    data = buf.getvalue()
    assert len(data) < 100_000
    with pytest.raises(InputError, match="压缩炸弹"):
        read_docx(data, "bomb.docx")


def test_read_path_dispatches_docx() -> None:
    doc = read_path(INPUTS / "task-table.docx")
    assert doc.source.format == "docx"
    assert doc.text.splitlines()[0] == "某区住建局2025年重点工作任务分解表"


@pytest.mark.soffice
def test_text_converted_by_libreoffice(tmp_path: Path, sample_path: Path, sample_notice) -> None:  # type: ignore[no-untyped-def]
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    source = tmp_path / "notice.txt"
    shutil.copy(sample_path, source)
    subprocess.run(
        [soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
         "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(tmp_path), str(source)],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180,
    )  # fmt: skip
    notice = parse_file(tmp_path / "notice.docx")
    assert len(notice.items) == 35
    assert notice.items == sample_notice.items
    assert [o.name for o in notice.offices()] == [o.name for o in sample_notice.offices()]


# --- damaged files (issue 10): one Chinese error, never a traceback ----------------------------


def _central_entry(data: bytes, part: str) -> int:
    """Offset of `part`'s central-directory record."""
    at = data.index(b"PK\x01\x02")
    while True:
        name_len = int.from_bytes(data[at + 28 : at + 30], "little")
        if data[at + 46 : at + 46 + name_len] == part.encode():
            return at
        at = data.index(b"PK\x01\x02", at + 4)


def _corrupt_deflate(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        info = z.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    out = bytearray(data)
    for k in range(start + 40, start + 60):
        out[k] ^= 0x5A
    return bytes(out)


def _version_needed(data: bytes) -> bytes:
    out = bytearray(data)
    at = _central_entry(data, "word/document.xml")
    out[at + 6 : at + 8] = (99).to_bytes(2, "little")  # "version needed to extract" 9.9
    return bytes(out)


def _negative_offset(data: bytes) -> bytes:
    out = bytearray(data)
    at = _central_entry(data, "word/document.xml")
    out[at + 42 : at + 46] = (0xF0000000).to_bytes(4, "little")  # local header far away
    return bytes(out)


@pytest.mark.parametrize("damage", [_corrupt_deflate, _version_needed, _negative_offset])
def test_damaged_docx_is_one_chinese_error(damage: Callable[[bytes], bytes], tmp_path: Path) -> None:
    path = tmp_path / "通知.docx"
    path.write_bytes(damage((INPUTS / "sample-typed.docx").read_bytes()))
    with pytest.raises(InputError, match="已损坏"):
        read_path(path)
    code, out, err = run_cli("parse", path)
    assert code == 1 and not out
    assert err.startswith("yaodian：错误：") and "Traceback" not in err


def _mutate(data: bytes, rng: random.Random) -> bytes:
    b = bytearray(data)
    op = rng.randrange(4)
    if op == 0:
        for _ in range(rng.randint(1, 8)):
            b[rng.randrange(len(b))] = rng.randrange(256)
    elif op == 1:
        del b[rng.randrange(len(b)) :]
    elif op == 2:
        at = rng.randrange(len(b))
        b[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
    else:
        at = rng.randrange(len(b))
        del b[at : at + rng.randint(1, 64)]
    return bytes(b)


@pytest.mark.parametrize("name", ["sample-typed.docx", "features.docx", "task-table.docx"])
def test_fuzzed_docx_raises_only_input_error(name: str) -> None:
    """A bounded fuzz over mutated bytes (a few hundred cases, fixed seed): reading and parsing
    a damaged .docx either works or raises the project's InputError/ParseError."""
    from yaodian import parse_text
    from yaodian.errors import YaodianError
    from yaodian.reading import read_bytes

    data = (INPUTS / name).read_bytes()
    rng = random.Random(f"issue10-{name}")
    for _ in range(300):
        mutated = _mutate(data, rng)
        try:
            doc = read_bytes(mutated, name)
            parse_text(doc.text, source=doc.source)
        except YaodianError:
            pass
