"""Shared fixtures. Tests never read ../shared: every fixture is in this folder or made here."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import NamedTuple

import pytest

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
