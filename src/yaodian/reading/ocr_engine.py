"""The recogniser (识别引擎): PP-OCRv4 detection and recognition on onnxruntime, without OpenCV.

The models are the ones the `rapidocr-onnxruntime` wheel ships (found on disk, the package itself
is never imported). Its own pipeline imports OpenCV, whose desktop build — the one rapidocr
requires, and the one pip leaves in place when the headless build is installed beside it —
cannot be imported on a server without libGL. For printed notices the pipeline is small enough
to run on numpy and Pillow alone, in these steps:

1. `_detect`: the page, scaled so its sides suit the detector, gives a text probability map.
2. `_components`: the map's connected regions, labelled run by run, with their moments.
3. The page's slant is the median direction of the long regions; a slanted page and its map are
   turned upright (Pillow), and the regions found again, so every line is an upright box.
4. Each region is grown back to the text's extent (DB's "unclip"), cut from the page, scaled to
   the recogniser's 48 px height, and read in batches; CTC decoding gives text and confidence.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from yaodian.reading.ocr_layout import Box

if TYPE_CHECKING:
    import numpy as np
    from PIL import Image

DET_MODEL = "ch_PP-OCRv4_det_infer.onnx"
REC_MODEL = "ch_PP-OCRv4_rec_infer.onnx"
# Detector input: the short side at least 736 px, the long side at most 1280, multiples of 32.
# rapidocr allows 2000; the detector's memory grows with the area (~600 MB at 2000, ~470 MB at
# 1280, peak of the whole process ~1.7 GB and ~0.75 GB), and at 1280 an A4 page's body text is
# still ~16 px high, which it finds as well (the sample's scan scores the same).
DET_MIN_SIDE, DET_MAX_SIDE = 736, 1280
DET_THRESHOLD = 0.3  # a pixel is text above this probability
BOX_THRESHOLD = 0.5  # a region is text when its mean probability is above this
UNCLIP_RATIO = 1.6  # DB shrinks text regions when training; grown back by area × ratio / perimeter
REC_HEIGHT = 48
REC_BATCH = 6
MIN_SLANT = 0.2  # degrees: below this the page is not turned


@dataclass
class _Region:
    x0: int
    x1: int
    y0: int
    y1: int
    n: float = 0.0
    sx: float = 0.0
    sy: float = 0.0
    sxx: float = 0.0
    syy: float = 0.0
    sxy: float = 0.0

    def angle(self) -> float:
        """The region's main direction in degrees (positive: falling to the right)."""
        mx, my = self.sx / self.n, self.sy / self.n
        cxx = self.sxx / self.n - mx * mx
        cyy = self.syy / self.n - my * my
        cxy = self.sxy / self.n - mx * my
        return math.degrees(0.5 * math.atan2(2 * cxy, cxx - cyy))


def model_dir() -> Path | None:
    """Where the rapidocr-onnxruntime wheel keeps its models, without importing it."""
    import importlib.util

    spec = importlib.util.find_spec("rapidocr_onnxruntime")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "models"
    return folder if (folder / DET_MODEL).exists() and (folder / REC_MODEL).exists() else None


class Engine:
    """Detection and recognition sessions; `__call__` reads one page. Thread-safe."""

    def __init__(self, models: Path, threads: int) -> None:
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        # Every page has its own input shape: an arena kept between runs only grows.
        options.enable_cpu_mem_arena = False
        cpu = ["CPUExecutionProvider"]
        self.det = ort.InferenceSession(str(models / DET_MODEL), options, providers=cpu)
        self.rec = ort.InferenceSession(str(models / REC_MODEL), options, providers=cpu)
        meta = self.rec.get_modelmeta().custom_metadata_map
        self.chars = ["", *meta["character"].splitlines(), " "]  # CTC blank first

    def __call__(self, page: Image.Image) -> list[Box]:
        """The text boxes of one greyscale page, in the page's pixels (turned upright)."""
        import numpy as np

        prob, scale = self._detect(page)
        regions = _components(prob > DET_THRESHOLD)
        slant = _slant(regions)
        if abs(slant) >= MIN_SLANT:
            page = _turn(page, slant, 255)
            prob = np.asarray(_turn(_float_image(prob), slant, 0.0), dtype=np.float32)
            regions = _components(prob > DET_THRESHOLD)
        boxes = [b for r in regions if (b := _grow(r, prob, scale, page.size)) is not None]
        texts = self._recognise([page.crop(b) for b in boxes])
        return [
            Box(text=text, points=((x0, y0), (x1, y0), (x1, y1), (x0, y1)), score=score)
            for (x0, y0, x1, y1), (text, score) in zip(boxes, texts, strict=True)
            if text.strip()
        ]

    def _detect(self, page: Image.Image) -> tuple[np.ndarray, tuple[float, float]]:
        import numpy as np

        w, h = page.size
        ratio = max(1.0, DET_MIN_SIDE / min(w, h))
        ratio = min(ratio, DET_MAX_SIDE / max(w, h))
        rw, rh = (max(32, round(v * ratio / 32) * 32) for v in (w, h))
        small = np.asarray(page.resize((rw, rh)), dtype=np.float32) / 127.5 - 1.0
        batch = np.broadcast_to(small, (1, 3, rh, rw)).astype(np.float32)
        prob = self.det.run(None, {self.det.get_inputs()[0].name: batch})[0][0, 0]
        # DB's 2×2 dilation closes the gaps between characters of a line.
        grown = prob.copy()
        grown[1:, :] = np.maximum(grown[1:, :], prob[:-1, :])
        grown[:, 1:] = np.maximum(grown[:, 1:], grown[:, :-1])
        return grown, (w / rw, h / rh)

    def _recognise(self, crops: list[Image.Image]) -> list[tuple[str, float]]:
        import numpy as np

        out: list[tuple[str, float]] = [("", 0.0)] * len(crops)
        widths = [max(1, round(REC_HEIGHT * c.width / max(1, c.height))) for c in crops]
        order = sorted(range(len(crops)), key=lambda k: widths[k])
        name = self.rec.get_inputs()[0].name
        for start in range(0, len(order), REC_BATCH):
            chunk = order[start : start + REC_BATCH]
            width = max(320, max(widths[k] for k in chunk))
            batch = np.zeros((len(chunk), 3, REC_HEIGHT, width), dtype=np.float32)
            for row, k in enumerate(chunk):
                line = np.asarray(crops[k].resize((widths[k], REC_HEIGHT)), dtype=np.float32) / 127.5 - 1.0
                batch[row, :, :, : widths[k]] = line
            preds = self.rec.run(None, {name: batch})[0]
            for row, k in enumerate(chunk):
                out[k] = self._decode(preds[row])
        return out

    def _decode(self, pred: np.ndarray) -> tuple[str, float]:
        """CTC: best class per step, repeats merged, blanks dropped; score is the kept steps' mean."""
        idx = pred.argmax(axis=1)
        prob = pred.max(axis=1)
        keep = idx != 0
        keep[1:] &= idx[1:] != idx[:-1]
        text = "".join(self.chars[i] for i in idx[keep] if i < len(self.chars))
        return text, float(prob[keep].mean()) if keep.any() else 0.0


def _float_image(prob: np.ndarray) -> Image.Image:
    from PIL import Image

    return Image.fromarray(prob.astype("float32"), mode="F")


def _turn(image: Image.Image, slant: float, fill: float) -> Image.Image:
    from PIL import Image

    # A line falling to the right by `slant` comes level when the page turns counter-clockwise.
    return image.rotate(slant, resample=Image.Resampling.BILINEAR, expand=False, fillcolor=fill)


def _slant(regions: list[_Region]) -> float:
    """The median direction of long regions (lines), in degrees; 0 when there are none."""
    angles = sorted(r.angle() for r in regions if r.x1 - r.x0 >= 5 * (r.y1 - r.y0 + 1) and r.n >= 50)
    if len(angles) < 3:
        return 0.0
    angle = angles[len(angles) // 2]
    return angle if abs(angle) <= 10 else 0.0


def _components(mask: np.ndarray) -> list[_Region]:
    """Connected regions (8-neighbours) of a boolean map, found by joining runs row by row."""
    import numpy as np

    padded = np.zeros((mask.shape[0], mask.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = mask
    edges = np.diff(padded, axis=1)
    ys, xs = np.nonzero(edges)
    kinds = edges[ys, xs]
    starts = [(int(y), int(x)) for y, x, k in zip(ys, xs, kinds, strict=True) if k == 1]
    ends = [int(x) for x, k in zip(xs, kinds, strict=True) if k == -1]
    runs = [(y, x0, x1) for (y, x0), x1 in zip(starts, ends, strict=True)]  # x1 exclusive
    parent = list(range(len(runs)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    prev: list[int] = []
    current: list[int] = []
    row = -1
    for i, (y, x0, x1) in enumerate(runs):
        if y != row:
            prev = current if y == row + 1 else []
            current, row = [], y
        for j in prev:
            _, p0, p1 = runs[j]
            if p0 <= x1 and x0 <= p1:  # touching, diagonals included
                a, b = root(i), root(j)
                if a != b:
                    parent[a] = b
        current.append(i)
    regions: dict[int, _Region] = {}
    for i, (y, x0, x1) in enumerate(runs):
        r = regions.setdefault(root(i), _Region(x0=x0, x1=x1, y0=y, y1=y))
        r.x0, r.x1, r.y1 = min(r.x0, x0), max(r.x1, x1), max(r.y1, y)
        n = x1 - x0
        sx = (x0 + x1 - 1) * n / 2
        sxx = ((x1 - 1) * x1 * (2 * x1 - 1) - (x0 - 1) * x0 * (2 * x0 - 1)) / 6
        r.n += n
        r.sx += sx
        r.sy += y * n
        r.sxx += sxx
        r.syy += y * y * n
        r.sxy += y * sx
    return list(regions.values())


def _grow(
    r: _Region, prob: np.ndarray, scale: tuple[float, float], size: tuple[int, int]
) -> tuple[int, int, int, int] | None:
    """The region grown back to the text's extent, in page pixels; None for specks and noise."""
    w, h = r.x1 - r.x0, r.y1 - r.y0 + 1
    if min(w, h) < 3 or float(prob[r.y0 : r.y1 + 1, r.x0 : r.x1].mean()) < BOX_THRESHOLD:
        return None
    d = w * h * UNCLIP_RATIO / (2 * (w + h))
    x0, x1 = max(0.0, r.x0 - d), min(prob.shape[1], r.x1 + d)
    y0, y1 = max(0.0, r.y0 - d), min(prob.shape[0], r.y1 + 1 + d)
    if min(x1 - x0, y1 - y0) < 5:
        return None
    sx, sy = scale
    box = (round(x0 * sx), round(y0 * sy), round(x1 * sx), round(y1 * sy))
    return (max(0, box[0]), max(0, box[1]), min(size[0], box[2]), min(size[1], box[3]))
