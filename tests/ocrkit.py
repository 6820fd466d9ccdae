"""Make scanned notices for the OCR tests and the benchmark: text → page images → damage.

Pages are laid out as a printed notice is (title centred, body paragraphs indented two
characters and wrapped at the text width, `— 3 —` at the foot, a running head on later pages),
drawn with Pillow and a CJK font installed on the machine, then damaged as a scanner or a phone
camera does: a slight rotation, blur, JPEG compression, uneven lighting.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import Image

# (file, face index of Simplified Chinese in the collection)
FONTS = (
    ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2),
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
)

A4_MM = (210, 297)


def cjk_font() -> tuple[str, int] | None:
    """A CJK font on this machine, or None (the OCR tests then skip)."""
    return next(((f, i) for f, i in FONTS if Path(f).exists()), None)


def _wrap(text: str, font: object, width: int, indent: str) -> list[str]:
    from PIL import ImageFont

    assert isinstance(font, ImageFont.FreeTypeFont)
    lines: list[str] = []
    line = indent
    for ch in text:
        if font.getlength(line + ch) > width:
            lines.append(line)
            line = ""
        line += ch
    if line.strip():
        lines.append(line)
    return lines


def render_pages(
    text: str,
    *,
    dpi: int = 150,
    font_pt: float = 11,
    pages: int | None = None,
    head: str | None = None,
    centred: Sequence[str] = (),
) -> list[Image.Image]:
    """Lay out `text` (one paragraph a line) on A4 pages; lines in `centred` are centred.

    `pages`, when given, is the most pages wanted: the font shrinks until the text fits."""
    from PIL import Image, ImageDraw, ImageFont

    found = cjk_font()
    assert found is not None, "no CJK font"
    while True:
        size = round(font_pt * dpi / 72)
        font = ImageFont.truetype(found[0], size, index=found[1])
        w, h = (round(mm / 25.4 * dpi) for mm in A4_MM)
        left, top = round(w * 0.12), round(h * 0.09)
        width, step = w - 2 * left, round(size * 1.55)
        per_page = (h - 2 * top - 2 * step) // step
        rows: list[tuple[str, bool]] = []
        for para in text.splitlines():
            if not para.strip():
                continue
            if para.strip() in centred:
                rows.append((para.strip(), True))
            else:
                rows.extend((ln, False) for ln in _wrap(para.strip(), font, width, "\u3000\u3000"))
        needed = -(-len(rows) // per_page)
        if pages is None or needed <= pages or font_pt < 7:
            break
        font_pt -= 0.25
    images: list[Image.Image] = []
    for p in range(needed):
        img = Image.new("L", (w, h), 255)
        draw = ImageDraw.Draw(img)
        if head and p > 0:
            draw.text((left, top - 2 * step), head, font=font, fill=0)
        for k, (ln, centre) in enumerate(rows[p * per_page : (p + 1) * per_page]):
            x = (w - font.getlength(ln)) / 2 if centre else left
            draw.text((x, top + k * step), ln, font=font, fill=0)
        foot = f"— {p + 1} —"
        draw.text(((w - font.getlength(foot)) / 2, h - top + step), foot, font=font, fill=0)
        images.append(img)
    return images


def scanned(img: Image.Image, *, angle: float = 0.6, blur: float = 0.6) -> Image.Image:
    """A flat-bed scan: slightly rotated and soft."""
    from PIL import Image, ImageFilter

    out = img.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
    return out.filter(ImageFilter.GaussianBlur(blur))


def photographed(img: Image.Image, *, angle: float = 2.0) -> Image.Image:
    """A phone photo of the paper: rotated, lit unevenly from one corner, in colour, JPEG."""
    from PIL import Image, ImageChops, ImageFilter

    out = img.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=235)
    out = out.filter(ImageFilter.GaussianBlur(0.8))
    w, h = out.size
    light = Image.linear_gradient("L").resize((w, h)).rotate(35, expand=False, fillcolor=255)
    light = light.point(lambda v: 150 + v * 105 // 255)  # 150 (shadow) .. 255 (lit)
    shaded = ImageChops.multiply(out, light)
    warm = Image.merge(
        "RGB", (shaded, shaded.point(lambda v: v * 96 // 100), shaded.point(lambda v: v * 88 // 100))
    )
    return jpeg(warm, quality=70)


def jpeg(img: Image.Image, *, quality: int = 70) -> Image.Image:
    """The image after a round trip through JPEG at `quality`."""
    from PIL import Image

    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality)
    buf.seek(0)
    return Image.open(buf).copy()


def to_bytes(img: Image.Image, fmt: str, **options: object) -> bytes:
    buf = io.BytesIO()
    img.save(buf, fmt, **options)
    return buf.getvalue()


def pdf_bytes(images: Sequence[Image.Image], *, dpi: int = 150) -> bytes:
    """A PDF of page images only: no text layer, as a scanner writes it."""
    buf = io.BytesIO()
    images[0].save(buf, "PDF", save_all=True, append_images=list(images[1:]), resolution=dpi)
    return buf.getvalue()


def tiff_bytes(images: Sequence[Image.Image], *, dpi: int = 150) -> bytes:
    """A multi-page TIFF, as a fax or a document scanner writes it."""
    buf = io.BytesIO()
    images[0].save(
        buf, "TIFF", save_all=True, append_images=list(images[1:]), compression="tiff_deflate", dpi=(dpi, dpi)
    )
    return buf.getvalue()
