"""Reading scanned pages through OCR (文字识别), the optional extra `yaodian[ocr]`.

A page image (a PDF page without a text layer, rendered at `RENDER_DPI`; a photo; a TIFF frame)
is cleaned (red seals removed, uneven lighting flattened), recognised by `ocr_engine` — the
PP-OCRv4 detection and recognition models of the rapidocr-onnxruntime wheel, run on onnxruntime —
and its boxes are put back into lines by `ocr_layout`. Pages are recognised in parallel threads
(`OcrOptions.jobs`): onnxruntime releases the GIL, and the machine's cores are shared out.
"""

from __future__ import annotations

import concurrent.futures as cf
import os
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from yaodian.errors import InputError
from yaodian.reading.layout import Line, drop_furniture, paragraphs
from yaodian.reading.ocr_engine import Engine, model_dir
from yaodian.reading.ocr_layout import PageText, fix_confusions, page_text
from yaodian.reading.ocr_options import INSTALL_HINT, LOW_CONFIDENCE, RENDER_DPI, OcrOptions, PageDone

if TYPE_CHECKING:
    from PIL import Image

__all__ = [
    "INSTALL_HINT",
    "LOW_CONFIDENCE",
    "RENDER_DPI",
    "OcrOptions",
    "OcrPage",
    "OcrSummary",
    "PageDone",
    "available",
    "read_image",
    "recognise_pages",
]


@dataclass(frozen=True, kw_only=True)
class OcrPage:
    """One recognised page: its number in the file (from 1), its lines and mean confidence."""

    number: int
    lines: tuple[Line, ...]
    confidence: float

    @property
    def low(self) -> bool:
        return self.confidence < LOW_CONFIDENCE


@dataclass(frozen=True, kw_only=True)
class OcrSummary:
    """Which pages of a file were recognised, and which of them read with low confidence."""

    pages: tuple[int, ...] = ()
    low_confidence: tuple[int, ...] = ()
    confidence: tuple[float, ...] = ()

    @classmethod
    def of(cls, pages: Sequence[OcrPage]) -> OcrSummary:
        return cls(
            pages=tuple(p.number for p in pages),
            low_confidence=tuple(p.number for p in pages if p.low),
            confidence=tuple(round(p.confidence, 3) for p in pages),
        )


_ENGINES: dict[int, Engine] = {}
_ENGINE_LOCK = threading.Lock()


def engine(name: str, threads: int) -> Engine:
    """The recogniser, loaded once per thread count (loading the models takes ~1 s)."""
    with _ENGINE_LOCK:
        if threads not in _ENGINES:
            _ENGINES[threads] = Engine(_models(name), threads)
        return _ENGINES[threads]


def _models(name: str) -> Path:
    """The model folder, once the extra's libraries are known to import."""
    hint = f"{name}：这是扫描件或图片，识别文字需要 OCR 组件，本机未安装；请运行 {INSTALL_HINT} 后重试。"
    try:
        import numpy  # noqa: F401
        import onnxruntime  # noqa: F401
        import PIL  # noqa: F401
    except ImportError as exc:
        raise InputError(hint) from exc
    folder = model_dir()
    if folder is None:
        raise InputError(hint)
    return folder


def available() -> bool:
    """Whether the OCR extra is installed here."""
    try:
        _models("")
    except InputError:
        return False
    return True


def prepare(image: Image.Image) -> Image.Image:
    """The page as the recogniser wants it: greyscale, red seals whitened, lighting flattened."""
    import numpy as np
    from PIL import Image, ImageFilter

    if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
        # Transparent pixels are paper, not the black their colour values hold.
        rgba = image.convert("RGBA")
        image = Image.alpha_composite(Image.new("RGBA", rgba.size, (255, 255, 255, 255)), rgba).convert("RGB")
    elif image.mode in ("1", "I", "I;16", "F"):
        image = image.convert("L")  # a fax's one-bit pages, 16-bit greyscale scans
    elif image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    if image.mode == "RGB":
        rgb = np.asarray(image, dtype=np.int16)
        r, g, b = rgb[..., 0], rgb[..., 1], rgb[..., 2]
        # A red seal (公章) over the signature: strongly red pixels become paper.
        seal = (r > 120) & (r - g > 50) & (r - b > 50)
        grey = np.asarray(image.convert("L"), dtype=np.float32)
        grey[seal] = 255
    else:
        grey = np.asarray(image, dtype=np.float32)
    # Uneven lighting (a phone photo): divide by the page's background, estimated by blurring a
    # small copy in which the text has been closed over.
    small = Image.fromarray(grey.astype(np.uint8)).reduce(8)
    background = small.filter(ImageFilter.MaxFilter(5)).filter(ImageFilter.GaussianBlur(6))
    bg = np.asarray(background.resize(image.size, Image.Resampling.BILINEAR), dtype=np.float32)
    if float(bg.max() - bg.min()) > 40:
        grey = np.clip(grey / np.maximum(bg, 1) * 245, 0, 255)
    return Image.fromarray(grey.astype(np.uint8), mode="L")


def recognise(image: Image.Image, *, number: int, name: str, threads: int = 0) -> OcrPage:
    """Recognise one page image."""
    boxes = engine(name, threads or os.cpu_count() or 1)(prepare(image))
    found: PageText = page_text(boxes)
    return OcrPage(number=number, lines=found.lines, confidence=found.confidence)


def recognise_pages(
    images: Sequence[tuple[int, Callable[[], Image.Image]]], name: str, options: OcrOptions
) -> list[OcrPage]:
    """Recognise pages given as (page number, loader), `options.jobs` at a time, in page order.

    Loaders run in the calling thread (pdfium is not thread-safe); recognition in the pool."""
    if not images:
        return []
    engine(name, 1)  # fail early, before any page is rendered, when the extra is missing
    jobs = max(1, min(options.jobs, len(images)))
    threads = max(1, (os.cpu_count() or 1) // jobs)
    total = len(images)
    done: dict[int, OcrPage] = {}
    with cf.ThreadPoolExecutor(max_workers=jobs) as pool:
        pending: dict[cf.Future[OcrPage], float] = {}
        queue = list(images)
        while queue or pending:
            while queue and len(pending) < jobs:
                number, load = queue.pop(0)
                image = load()
                pending[pool.submit(recognise, image, number=number, name=name, threads=threads)] = (
                    time.perf_counter()
                )
            finished, _ = cf.wait(pending, return_when=cf.FIRST_COMPLETED)
            for fut in finished:
                started = pending.pop(fut)
                page = fut.result()
                done[page.number] = page
                if options.progress is not None:
                    options.progress(
                        PageDone(
                            page=page.number,
                            total=total,
                            confidence=page.confidence,
                            seconds=time.perf_counter() - started,
                        )
                    )
    return [done[n] for n, _ in images]


def page_paragraphs(pages: list[list[Line]]) -> list[str]:
    """Paragraphs of recognised pages: furniture dropped, soft breaks joined, misreadings fixed."""
    return [fix_confusions(p) for p in paragraphs(drop_furniture(pages))]


def read_image(data: bytes, name: str, *, ocr: OcrOptions | None = None) -> tuple[str, str, OcrSummary]:
    """Text of an image file (.png, .jpg, .tif with one or more pages), recognised page by page."""
    options = ocr or OcrOptions()
    if options.mode == "never":
        raise InputError(f"{name}：这是图片，只能经 OCR 识别文字；请去掉 --ocr never 后重试。")
    frames = _frames(data, name)
    pages = recognise_pages([(k + 1, _loader(f)) for k, f in enumerate(frames)], name, options)
    text = "\n".join(page_paragraphs([list(p.lines) for p in pages]))
    if len(text.strip()) < 10:
        raise InputError(f"{name}：图片中没有识别出文字；请确认图片清晰、是通知的页面。")
    return text + "\n", "ocr", OcrSummary.of(pages)


def _loader(image: Image.Image) -> Callable[[], Image.Image]:
    return lambda: image


def _frames(data: bytes, name: str) -> list[Image.Image]:
    """Every page of the image (a TIFF may hold many), upright by its EXIF orientation."""
    import io

    try:
        from PIL import Image, ImageOps, UnidentifiedImageError
    except ImportError as exc:
        raise InputError(f"{name}：读取图片需要 Pillow；请运行 {INSTALL_HINT} 后重试。") from exc
    try:
        img = Image.open(io.BytesIO(data))
        frames = []
        for k in range(getattr(img, "n_frames", 1)):
            img.seek(k)
            frame = ImageOps.exif_transpose(img.copy()) or img.copy()
            frames.append(frame)
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise InputError(f"{name}：图片已损坏或格式无法识别；请重新扫描或另存为 PNG/JPEG。") from exc
    return frames
