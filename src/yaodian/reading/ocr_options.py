"""OCR options and results (识别选项), apart from the recogniser so that reading a text notice
never imports it: `--ocr`, `--jobs`, progress."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

# Resolution a PDF page without text is rendered at: small print (小五) still has ~20 px glyphs.
RENDER_DPI = 200
# A page whose mean confidence is below this is named in the warnings: read it against the paper.
LOW_CONFIDENCE = 0.85
MODES = ("auto", "always", "never")
INSTALL_HINT = "pip install 'yaodian[ocr]'"


@dataclass(frozen=True, kw_only=True)
class PageDone:
    """Progress: one page recognised (第 n 页识别完成)."""

    page: int
    total: int
    confidence: float
    seconds: float


@dataclass(frozen=True, kw_only=True)
class OcrOptions:
    """How to use OCR (识别选项): auto (only pages without text), always, never; pages in parallel."""

    mode: str = "auto"
    jobs: int = 1
    progress: Callable[[PageDone], None] | None = field(default=None, compare=False)
