"""OCR options and results (识别选项), apart from the recogniser so that reading a text notice
never imports it: `--ocr`, `--jobs`, progress, and which pages were recognised."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from yaodian.reading.layout import Line

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
