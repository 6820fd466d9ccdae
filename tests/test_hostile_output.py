"""Writing on a full disk (issue 10): nothing half-written is ever renamed into place, and the
user sees one Chinese line, not "Exception ignored in ZipFile.__del__" or a traceback."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import SAMPLES, run_cli

# Runs yaodian with a file-size limit: any write past `limit` bytes fails (EFBIG), as on a
# full disk, part-way through the file.
_LIMITED = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
limit = int(sys.argv.pop(1))
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.getrlimit(resource.RLIMIT_FSIZE)[1]))
from yaodian.cli import main
sys.argv[0] = "yaodian"
main()
"""


def _run_limited(limit: int, *args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _LIMITED, str(limit), *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONWARNINGS": "default"},
    )


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.name.endswith(".tmp") or p.name.startswith("."))


def test_disk_full_while_closing_tasks_xlsx_leaves_nothing_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The disk fills up exactly when the zip's directory is written (ZipFile.close): the
    # streaming writer used to rename the broken file into place anyway (0 zip entries).
    real = zipfile.ZipFile._write_end_record  # type: ignore[attr-defined]

    def full(self: zipfile.ZipFile) -> None:
        if "tasks.xlsx" in str(self.filename):
            raise OSError(errno.ENOSPC, "No space left on device")
        real(self)

    monkeypatch.setattr(zipfile.ZipFile, "_write_end_record", full)
    out = tmp_path / "b"
    code, _, err = run_cli("batch", SAMPLES / "shapes", "-o", out, "-j", "1")
    assert code == 1
    assert "tasks.xlsx" in err and "写入失败" in err
    assert not (out / "tasks.xlsx").exists()
    assert not (out / "index.xlsx").exists() and not (out / "index.jsonl").exists()
    assert _leftovers(out) == []


def test_write_failing_part_way_through_batch(tmp_path: Path) -> None:
    notices = tmp_path / "in"
    notices.mkdir()
    text = (SAMPLES / "shapes" / "table_cells.txt").read_text(encoding="utf-8")
    for k in range(40):
        (notices / f"n{k}.txt").write_text(text.replace("工作", f"工作{k}"), encoding="utf-8")
    out = tmp_path / "b"
    proc = _run_limited(6000, "batch", notices, "-o", out, "-j", "1")
    assert proc.returncode == 1
    assert "写入失败" in proc.stderr
    assert "Traceback" not in proc.stderr and "Exception ignored" not in proc.stderr
    assert not (out / "tasks.xlsx").exists()
    assert _leftovers(out) == []


@pytest.mark.parametrize("command", ["matrix", "tasks", "diff"])
def test_write_failing_part_way_through_a_workbook(tmp_path: Path, command: str) -> None:
    sample = SAMPLES / "changde-2024.txt"
    target = tmp_path / "out.xlsx"
    args: list[str | Path] = [command, sample, "-o", target]
    if command == "diff":
        args.insert(1, sample)
    proc = _run_limited(6000, *args)
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr.startswith("yaodian：错误：") and "写入失败" in proc.stderr
    assert "Traceback" not in proc.stderr and "Exception ignored" not in proc.stderr
    assert list(tmp_path.iterdir()) == []


def _mount_small_tmpfs(where: Path) -> bool:
    if shutil.which("mount") is None or os.geteuid() != 0:
        return False
    where.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=200k", "tmpfs", str(where)], capture_output=True
    )
    return done.returncode == 0


def test_batch_on_a_full_tmpfs(tmp_path: Path) -> None:
    """The issue's own reproduction: a 200 KB tmpfs with 170 KB used."""
    fs = tmp_path / "fs"
    if not _mount_small_tmpfs(fs):
        pytest.skip("mounting a tmpfs is not allowed here (the simulated cases above cover it)")
    try:
        (fs / "filler").write_bytes(b"\0" * 170 * 1024)
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "yaodian",
                "batch",
                str(SAMPLES / "shapes"),
                "-o",
                str(fs / "b"),
                "-j",
                "1",
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert "Traceback" not in proc.stderr and "Exception ignored" not in proc.stderr
        tasks = fs / "b" / "tasks.xlsx"
        if tasks.exists():  # written whole, or not at all
            with zipfile.ZipFile(tasks) as z:
                assert "xl/worksheets/sheet1.xml" in z.namelist()
        assert _leftovers(fs / "b") == [] if (fs / "b").exists() else True
    finally:
        subprocess.run(["umount", str(fs)], check=False)
