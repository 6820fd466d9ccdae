"""Shared fixtures. Tests never read ../shared: every fixture is in this folder or made here."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import NamedTuple

import pytest

from yaodian.model import LEAD, SUPPORT, Item, Notice, OfficeRef, Section, Source

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOLDEN = Path(__file__).resolve().parent / "golden"


class CliResult(NamedTuple):
    """What one in-process run of the CLI gave; unpacks as (exit_code, stdout, stderr)."""

    exit_code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def run_cli(*args: str | Path, input: bytes | str | None = None) -> CliResult:
    """Run `yaodian ARGS…` in-process with Typer's CliRunner, stdout and stderr apart: the one
    way tests call the CLI (plus one subprocess smoke test for `python -m yaodian`)."""
    from typer.testing import CliRunner

    from yaodian.cli import app

    result = CliRunner().invoke(app, [str(a) for a in args], input=input)
    return CliResult(result.exit_code, result.stdout, result.stderr)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite the golden files")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return SAMPLES / "changde-2024.txt"


@pytest.fixture(scope="session")
def sample_notice(sample_path: Path):  # type: ignore[no-untyped-def]
    from yaodian import parse_file

    return parse_file(sample_path)


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES


def check_golden(path: Path, actual: str, update: bool) -> None:
    """Compare text with a golden file exactly; `pytest --update-golden` rewrites it."""
    if update or not path.exists():
        if not update:
            pytest.fail(f"golden file {path.name} missing: run `make golden` and review it")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"output differs from {path.name}; if intended, run `make golden`"


def soffice_convert(path: Path, fmt: str, outdir: Path) -> Path:
    """Convert a file with LibreOffice, the real client; skip where it is not installed.

    Each call gets its own LibreOffice profile so that parallel test workers do not clash."""
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: the real client cannot be checked here")
    profile = (outdir / "lo-profile").as_uri()
    command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", fmt]
    proc = subprocess.run(
        [*command, "--outdir", str(outdir), str(path)],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    converted = outdir / f"{path.stem}.{fmt.split(':')[0]}"
    assert converted.exists(), proc.stdout + proc.stderr
    return converted


def pdf_pages(pdf: Path) -> list[str]:
    """The text of each page of a PDF, by poppler's `pdftotext -layout`; skip where poppler is
    not installed. Layout spaces are kept; compare with `squeeze` when they do not matter."""
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("poppler (pdftotext) is not installed: the rendered pages cannot be read here")
    proc = subprocess.run(
        [pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, timeout=60, check=True
    )
    pages = proc.stdout.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def squeeze(text: str) -> str:
    """Text without any whitespace: PDF layout puts spaces between CJK and digits, and breaks lines."""
    return "".join(text.split())


# --- the one Notice builder ----------------------------------------------------------------------

# (number, text, offices "甲科、乙科" — the first leads) or with a deadline as a fourth value;
# number "" numbers the item by its place in the notice.
ItemSpec = tuple[str, str, str] | tuple[str, str, str, str | None]
SectionSpec = tuple[str, str, Sequence[ItemSpec]]  # number, title, items


def build_notice(
    sections: Sequence[SectionSpec],
    *,
    title: str = "某局2024年工作要点",
    year: int | None = 2024,
    date: dt.date | None = None,
    issuers: tuple[str, ...] = ("某局",),
    path: str = "plan.txt",
    collective: Collection[str] = (),
) -> Notice:
    """A Notice made by hand, so that analysis and writer tests do not depend on the parser.

    Each item's title is its text's first sentence; offices named in `collective` are
    collective entries (各区教育局)."""
    built: list[Section] = []
    items: list[Item] = []
    for index, (sec_number, sec_title, specs) in enumerate(sections, start=1):
        sec_items: list[Item] = []
        for number, text, offices, *rest in specs:
            names = [n for n in offices.split("、") if n]
            number = number or str(len(items) + 1)
            item = Item(
                number=number,
                marker=f"{number}.",
                ordinal=len(items) + 1,
                section=(sec_number,),
                title=text.split("。", 1)[0],
                text=text,
                offices=tuple(
                    OfficeRef(name=n, raw=n, role=LEAD if k == 0 else SUPPORT, collective=n in collective)
                    for k, n in enumerate(names)
                ),
                deadline=rest[0] if rest else None,
            )
            items.append(item)
            sec_items.append(item)
        built.append(
            Section(level=1, number=sec_number, index=index, marker=f"{sec_number}、", title=sec_title,
                    items=tuple(sec_items))
        )  # fmt: skip
    return Notice(
        source=Source(path=path),
        title=title,
        year=year,
        date=date,
        issuers=issuers,
        sections=tuple(built),
        items=tuple(items),
    )


# The made-up plan most export tests share: (section number, title, [(item title, body,
# offices, deadline)]).
PLAN = [
    (
        "一",
        "加强队伍建设",
        [
            ("健全培训制度", "每学期组织两轮全员轮训。", "人事科、办公室", None),
            ("优化考核办法", "把考核结果与评优挂钩。", "办公室、人事科、财务科", None),
        ],
    ),
    (
        "二",
        "改善办学条件",
        [
            ("推进校舍改造", "完成十所学校的屋面翻新。", "财务科、基建办、各区教育局", None),
            ("完善装备配置", "为实验室补齐器材。", "基建办、财务科", "2024年6月底"),
        ],
    ),
]
COLLECTIVE = {"各区教育局", "各有关单位"}


def make_notice(
    plan: list[tuple[str, str, list[tuple[str, str, str, str | None]]]] = PLAN,
    *,
    title: str = "某市教育局2024年工作要点",
    path: str = "plan.txt",
) -> Notice:
    """The made-up plan (or another in its shape) as a Notice, through `build_notice`."""
    sections: list[SectionSpec] = [
        (number, s_title, [("", f"{t}。{body}", offices, deadline) for t, body, offices, deadline in rows])
        for number, s_title, rows in plan
    ]
    return build_notice(
        sections,
        title=title,
        date=dt.date(2024, 2, 5),
        issuers=("某市教育局",),
        path=path,
        collective=COLLECTIVE,
    )
