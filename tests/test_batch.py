"""`yaodian batch`: every notice under some folders, in parallel; bad files listed, not fatal."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import run_cli
from yaodian.batch import BatchOptions, collect_inputs, plan_jobs, prepare_outdir, run_batch
from yaodian.errors import InputError, OutputError

INPUTS = Path(__file__).resolve().parent / "fixtures" / "inputs"


@pytest.fixture
def folder(tmp_path: Path, sample_path: Path) -> Path:
    """A folder as users have them: notices in several formats, sub-folders, junk and broken files."""
    root = tmp_path / "通知"
    (root / "2024").mkdir(parents=True)
    (root / "2025" / "教育局").mkdir(parents=True)
    shutil.copy(sample_path, root / "2024" / "常德2024.txt")
    shutil.copy(INPUTS / "sample-autonum.docx", root / "2024" / "常德2024自动编号.docx")
    shutil.copy(INPUTS / "sample-page.html", root / "2025" / "网页.html")
    shutil.copy(INPUTS / "task-table.docx", root / "2025" / "教育局" / "分解表.docx")
    shutil.copy(INPUTS / "broken.docx", root / "2025" / "损坏.docx")
    (root / "2025" / "空白.pdf").write_bytes(b"")
    (root / "2025" / "~$分解表.docx").write_bytes(b"lock")  # Word's lock file: skipped
    (root / ".hidden").mkdir()
    (root / ".hidden" / "x.txt").write_text("隐藏", encoding="utf-8")
    (root / "说明.xlsx").write_bytes(b"PK")  # not a notice format: skipped
    return root


def names(paths: list[Path], root: Path) -> list[str]:
    return [p.relative_to(root).as_posix() for p in paths]


def test_collect_inputs(folder: Path) -> None:
    assert names(collect_inputs([folder]), folder) == [
        "2024/常德2024.txt",
        "2024/常德2024自动编号.docx",
        # code-point order: 损 (U+635F) before 教 (U+6559)
        "2025/损坏.docx",
        "2025/教育局/分解表.docx",
        "2025/空白.pdf",
        "2025/网页.html",
    ]


def test_collect_inputs_file_and_folder_without_repeats(folder: Path) -> None:
    files = collect_inputs([folder / "2025" / "网页.html", folder / "2025"])
    assert names(files, folder) == [
        "2025/网页.html",
        "2025/损坏.docx",
        "2025/教育局/分解表.docx",
        "2025/空白.pdf",
    ]


def test_output_folder_inside_input_is_skipped(folder: Path) -> None:
    out = folder / "结果"
    (out / "常德-任务单").mkdir(parents=True)
    (out / "常德-任务单" / "基教科.docx").write_bytes(b"PK")
    files = collect_inputs([folder], exclude=out)
    assert not [f for f in files if "结果" in f.parts]
    assert len(files) == 6


def test_missing_path() -> None:
    with pytest.raises(InputError, match="不存在"):
        collect_inputs(["/nonexistent/通知"])


def test_output_names_unique() -> None:
    files = [
        Path("a/通知.docx"),
        Path("a/通知.pdf"),
        Path("b/通知.docx"),
        Path("c/报告.txt"),
        Path("d/一:二?.txt"),
    ]
    assert [j.stem for j in plan_jobs(files)] == ["通知-docx", "通知-pdf", "通知-docx-2", "报告", "一_二_"]


def test_run_batch_in_parallel(folder: Path, tmp_path: Path) -> None:
    import openpyxl

    out = prepare_outdir(tmp_path / "结果", force=False)
    jobs = plan_jobs(collect_inputs([folder]))
    seen: list[str] = []
    summary = run_batch(
        jobs, out, BatchOptions(), workers=2, on_result=lambda r: seen.append(Path(r.file).name)
    )
    assert (summary.total, summary.succeeded) == (6, 4)
    assert sorted(Path(r.file).name for r in summary.failed) == ["损坏.docx", "空白.pdf"]
    assert sorted(seen) == sorted(Path(j.path).name for j in jobs)

    records = [json.loads(line) for line in (out / "index.jsonl").read_text(encoding="utf-8").splitlines()]
    # In input order, whatever order the workers finished in.
    assert [Path(r["file"]).name for r in records] == [Path(j.path).name for j in jobs]
    first = records[0]
    assert (first["output"], first["year"], first["items"], first["offices"], first["error"]) == (
        "常德2024.json",
        2024,
        35,
        25,
        None,
    )
    assert first["issuers"] == ["中共常德市委教育工作委员会", "常德市教育局"]
    broken = next(r for r in records if r["file"].endswith("损坏.docx"))
    assert broken["output"] == "" and "损坏" in broken["error"]

    notice = json.loads((out / "常德2024自动编号.json").read_text(encoding="utf-8"))
    assert len(notice["items"]) == 35
    assert not (out / "损坏.json").exists()

    index = openpyxl.load_workbook(out / "index.xlsx").active
    assert [c.value for c in index[1]] == [
        "文件",
        "标题",
        "年份",
        "发文机关",
        "条目数",
        "科室数",
        "解析提示",
        "错误",
        "输出",
    ]
    assert index.max_row == 7
    assert index.freeze_panes == "A2"
    row2 = [c.value for c in index[2]]
    assert row2[2:6] == [2024, "中共常德市委教育工作委员会、常德市教育局", 35, 25]

    tasks = openpyxl.load_workbook(out / "tasks.xlsx").active
    # 35 items from each copy of the sample (txt, docx, html) and 3 from the task table.
    assert tasks.max_row == 1 + 35 * 3 + 3
    header = [c.value for c in tasks[1]]
    assert header[:8] == ["文件", "通知标题", "年份", "编号", "所属部分", "条目标题", "工作任务", "牵头科室"]
    row = [c.value for c in tasks[2]]
    assert row[3] == "1"
    assert row[4] == "坚持党建引领,牢牢把握正确方向"
    assert row[7] == "党建指导科"
    assert row[8] == "人事科、办公室"


def test_existing_index_needs_force(tmp_path: Path) -> None:
    out = tmp_path / "结果"
    out.mkdir()
    (out / "index.jsonl").write_text("", encoding="utf-8")
    with pytest.raises(OutputError, match="--force"):
        prepare_outdir(out, force=False)
    assert prepare_outdir(out, force=True) == out


def test_cli_lists_broken_files_and_exits_1(folder: Path, tmp_path: Path) -> None:
    result = run_cli("batch", str(folder), "-o", str(tmp_path / "out"), "--jobs", "2")
    assert result.exit_code == 1
    assert "损坏.docx" in result.stderr and "空白.pdf" in result.stderr
    assert "成功 4" in result.stderr
    assert result.stdout == ""


def test_cli_all_good_with_exports(tmp_path: Path, sample_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(sample_path, src / "常德.txt")
    shutil.copy(INPUTS / "task-table.docx", src / "住建.docx")
    out = tmp_path / "out"
    result = run_cli("batch", str(src), "-o", str(out), "--jobs", "1", "--matrix", "--sheets")
    assert result.exit_code == 0, result.output
    assert (out / "常德-责任矩阵.xlsx").is_file()
    assert (out / "住建-责任矩阵.xlsx").is_file()
    sheets = sorted(p.name for p in (out / "常德-任务单").rglob("*.docx"))
    assert "基教科-2024年工作任务清单.docx" in sheets and len(sheets) == 25
    # A second run refuses to overwrite without --force.
    again = run_cli("batch", str(src), "-o", str(out))
    assert again.exit_code == 1 and "--force" in again.stderr
    assert run_cli("batch", str(src), "-o", str(out), "--force").exit_code == 0


def test_piped_stdout_subprocess(tmp_path: Path, sample_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(sample_path, src / "a.txt")
    shutil.copy(INPUTS / "broken.docx", src / "b.docx")
    proc = subprocess.run(
        [sys.executable, "-m", "yaodian", "batch", str(src), "-o", str(tmp_path / "out"), "-j", "2"],
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode == 1
    assert proc.stdout == b""
    assert "b.docx" in proc.stderr.decode("utf-8")
    assert (tmp_path / "out" / "a.json").is_file()


# --- signals (issue 10): stop the workers, remove every temporary file, one Chinese line ---------


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text()
        found.update(int(c) for c in text.split())
    return found


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    return stat.exists() and stat.read_text().split(") ")[-1][:1] != "Z"


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads child processes from /proc")
@pytest.mark.parametrize(
    ("signum", "code", "words"), [(signal.SIGTERM, 143, "已终止"), (signal.SIGINT, 130, "已中断")]
)
def test_signal_stops_workers_and_leaves_no_temporary_file(
    tmp_path: Path, sample_path: Path, signum: int, code: int, words: str
) -> None:
    notices = tmp_path / "in"
    notices.mkdir()
    for k in range(120):
        shutil.copy(sample_path, notices / f"n{k:03d}.txt")
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [sys.executable, "-m", "yaodian", "batch", str(notices), "-o", str(out), "-j", "2", "--matrix"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list(out.glob("*.json"))) < 3:
        time.sleep(0.05)
    workers = _children(proc.pid)
    assert workers, "the batch should run worker processes"
    proc.send_signal(signum)
    # The workers used to survive and hold these pipes open for a minute or more.
    _, stderr = proc.communicate(timeout=30)
    assert proc.returncode == code
    assert "Traceback" not in stderr
    last = stderr.strip().splitlines()[-1]
    assert last.startswith("yaodian：") and words in last
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(p) for p in workers):
        time.sleep(0.1)
    assert not [p for p in workers if _alive(p)]
    leftovers = [p.name for p in out.rglob("*") if p.name.endswith(".tmp") or p.name.startswith(".")]
    assert leftovers == []
    assert not (out / "tasks.xlsx").exists()
