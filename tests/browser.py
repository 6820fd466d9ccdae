"""A real browser for the report tests: the system's headless Chromium, driven over the DevTools
protocol on a pipe (`--remote-debugging-pipe`: JSON messages ending in NUL on fds 3 and 4).

Standard library only — no websocket client, no Playwright download — because all the tests
need is: open a file, run a line of script, read what the console and the network saw, and take
a screenshot. `CHROMIUM` is None where no browser is installed; the tests skip with the reason.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-extensions",
    "--disable-sync",
    "--no-first-run",
    "--no-default-browser-check",
    "--hide-scrollbars",
    "--remote-debugging-pipe",
)


@dataclass
class PageLog:
    """What one page did while loaded: requests it sent, console messages, uncaught errors."""

    requests: list[str] = field(default_factory=list)
    console: list[tuple[str, str]] = field(default_factory=list)  # (level, text)

    @property
    def errors(self) -> list[str]:
        return [text for level, text in self.console if level in ("error", "assert")]

    @property
    def network(self) -> list[str]:
        """Requests to anything but the file itself (file:, data:, about: are local)."""
        return [u for u in self.requests if not u.startswith(("file:", "data:", "about:"))]


class Browser:
    """One headless Chromium; `open()` a page, `evaluate()` in it, `screenshot()` it."""

    def __init__(self, executable: str) -> None:
        self._profile = tempfile.mkdtemp(prefix="yaodian-chromium-")
        to_browser_r, self._to_browser = _high_pipe()
        self._from_browser, from_browser_w = _high_pipe()

        def wire() -> None:  # in the child: the pipe ends on the fds Chromium reads and writes
            os.dup2(to_browser_r, 3)
            os.dup2(from_browser_w, 4)

        self._proc = subprocess.Popen(
            [executable, *FLAGS, f"--user-data-dir={self._profile}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            pass_fds=(3, 4),
            preexec_fn=wire,
        )
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._buffer = b""
        self._next_id = 0
        self._events: list[dict[str, Any]] = []
        self.session = ""
        self.log = PageLog()

    # --- protocol ---------------------------------------------------------------------------

    def send(self, method: str, params: dict[str, Any] | None = None, *, session: bool = True) -> Any:
        """Send one command and wait for its result (events that arrive meanwhile are kept)."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read(timeout=30)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self._note(reply)

    def _read(self, timeout: float) -> dict[str, Any]:
        import select

        deadline = time.monotonic() + timeout
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._from_browser], [], [], left)[0]:
                raise TimeoutError("Chromium did not answer")
            chunk = os.read(self._from_browser, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium closed the pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)  # type: ignore[no-any-return]

    def _note(self, event: dict[str, Any]) -> None:
        method, params = event.get("method", ""), event.get("params", {})
        if method == "Network.requestWillBeSent":
            self.log.requests.append(params["request"]["url"])
        elif method == "Runtime.consoleAPICalled":
            text = " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", []))
            self.log.console.append((params.get("type", ""), text))
        elif method == "Runtime.exceptionThrown":
            self.log.console.append(("error", json.dumps(params.get("exceptionDetails", {}))[:500]))
        elif method == "Log.entryAdded":
            entry = params["entry"]
            self.log.console.append((entry.get("level", ""), entry.get("text", "")))
        self._events.append(event)

    def _wait_for(self, method: str, timeout: float = 30) -> None:
        while True:
            if any(e.get("method") == method for e in self._events):
                self._events = [e for e in self._events if e.get("method") != method]
                return
            self._note(self._read(timeout))

    # --- pages ------------------------------------------------------------------------------

    def open(self, path: Path, *, width: int = 1366, height: int = 900, javascript: bool = True) -> PageLog:
        """Load a file in a fresh tab of the given viewport (a phone's under 600 px) and wait."""
        if self.session:
            self.send("Target.closeTarget", {"targetId": self._target}, session=False)
        self._target = self.send("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
        self.session = self.send(
            "Target.attachToTarget", {"targetId": self._target, "flatten": True}, session=False
        )["sessionId"]
        self.log = PageLog()
        self._events = []
        for domain in ("Page", "Network", "Runtime", "Log"):
            self.send(f"{domain}.enable")
        mobile = width < 600
        self.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile},
        )
        if not javascript:
            self.send("Emulation.setScriptExecutionDisabled", {"value": True})
        self.send("Page.navigate", {"url": path.resolve().as_uri()})
        self._wait_for("Page.loadEventFired")
        self.evaluate("1")  # let the page's script and any load it caused report first
        return self.log

    def evaluate(self, expression: str) -> Any:
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def screenshot(self, path: Path) -> Path:
        data = self.send("Page.captureScreenshot", {"format": "png"})["data"]
        path.write_bytes(base64.b64decode(data))
        return path

    def close(self) -> None:
        with contextlib.suppress(RuntimeError, TimeoutError, OSError):
            self.send("Browser.close", session=False)
        try:
            self._proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()
        os.close(self._to_browser)
        os.close(self._from_browser)
        shutil.rmtree(self._profile, ignore_errors=True)


def _high_pipe() -> tuple[int, int]:
    """A pipe whose ends are above fd 9, so wiring them onto 3 and 4 cannot overwrite one another."""
    r, w = os.pipe()
    hr, hw = fcntl.fcntl(r, fcntl.F_DUPFD, 10), fcntl.fcntl(w, fcntl.F_DUPFD, 10)
    os.close(r)
    os.close(w)
    return hr, hw
