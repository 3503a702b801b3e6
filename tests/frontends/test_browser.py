"""A real headless Chromium opens a source page at #p8: paragraph 8 is highlighted and in view.

Chromium is driven over the DevTools protocol with aiohttp; ``make test`` installs Debian's
chromium where it is missing. The screenshot is kept at build/screenshots/article-p8.png.
"""
from __future__ import annotations

import asyncio
import base64
import itertools
import json
import os
import shutil
import tempfile
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp import web

from bot.core.holder import FactBaseHolder
from bot.frontends.web import add_routes
from tests.conftest import ROOT
from tests.stand_ins import serve_on_loopback

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--remote-debugging-port=0", "--window-size=412,915", "about:blank"]

if CHROMIUM is None and os.environ.get("CI"):
    raise RuntimeError("chromium is missing: `make test` installs it (apt-get install chromium)")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (make test installs it)")


class DevTools:
    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.ws = ws
        self.ids = itertools.count(1)

    async def call(self, method: str, **params: Any) -> dict[str, Any]:
        call_id = next(self.ids)
        await self.ws.send_str(json.dumps({"id": call_id, "method": method, "params": params}))
        while True:
            msg = json.loads((await self.ws.receive(timeout=20)).data)
            if msg.get("id") == call_id:
                if "error" in msg:
                    raise RuntimeError(msg["error"])
                return msg["result"]  # type: ignore[no-any-return]

    async def wait_event(self, name: str) -> None:
        while json.loads((await self.ws.receive(timeout=20)).data).get("method") != name:
            pass


@pytest.fixture()
async def pages(kb_dirs: tuple[Path, Path]) -> AsyncIterator[str]:
    app = web.Application()
    add_routes(app, FactBaseHolder(*kb_dirs))
    runner, port = await serve_on_loopback(app)
    yield f"http://127.0.0.1:{port}"
    await runner.cleanup()


@pytest.fixture()
async def browser() -> AsyncIterator[DevTools]:
    assert CHROMIUM is not None
    profile = tempfile.mkdtemp(prefix="talksbot-chromium-")
    proc = await asyncio.create_subprocess_exec(CHROMIUM, f"--user-data-dir={profile}", *FLAGS,
                                                stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL)
    try:
        port_file = Path(profile) / "DevToolsActivePort"
        for _ in range(300):
            if port_file.exists() and port_file.read_text().strip():
                break
            await asyncio.sleep(0.05)
        port = port_file.read_text().split()[0]
        async with aiohttp.ClientSession() as session:
            async with session.get(f"http://127.0.0.1:{port}/json/list") as resp:
                target = next(t for t in await resp.json() if t["type"] == "page")
            async with session.ws_connect(target["webSocketDebuggerUrl"], max_msg_size=0) as ws:
                yield DevTools(ws)
    finally:
        proc.kill()
        await proc.wait()
        shutil.rmtree(profile, ignore_errors=True)


async def test_paragraph_8_is_highlighted_and_in_view(pages: str, browser: DevTools) -> None:
    await browser.call("Page.enable")
    await browser.call("Page.navigate", url=f"{pages}/articles/geneva-talks-2025-11-23#p8")
    await browser.wait_event("Page.loadEventFired")
    await asyncio.sleep(0.3)
    script = """JSON.stringify((() => {
        const p = n => document.getElementById('p' + n);
        const r = p(8).getBoundingClientRect();
        return {target: document.querySelector(':target')?.id, bg8: getComputedStyle(p(8)).backgroundColor,
                bg7: getComputedStyle(p(7)).backgroundColor, top: r.top, bottom: r.bottom,
                height: window.innerHeight, text: p(8).innerText};
    })())"""
    result = await browser.call("Runtime.evaluate", expression=script, returnByValue=True)
    seen = json.loads(result["result"]["value"])
    assert seen["target"] == "p8"
    assert seen["bg8"] == "rgb(255, 243, 191)" and seen["bg7"] != seen["bg8"]
    assert 0 <= seen["top"] < seen["height"], seen
    assert "initially set Thanksgiving Day" in seen["text"]
    shot = await browser.call("Page.captureScreenshot", format="png")
    out = ROOT / "build" / "screenshots" / "article-p8.png"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(base64.b64decode(shot["data"]))
    assert out.stat().st_size > 1000
