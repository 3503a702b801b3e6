"""`talksbot add`, `articles` and `remove` as real processes, beside the loopback news server."""
from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path

from tests.conftest import ROOT, bot_env
from tests.stand_ins.news_server import DRISCOLL, NewsServer

DRISCOLL_ID = "driscoll-meets-russian-delegation-in-abu-2025-11-25"
# `python -c` running the real entry point, with 127.0.0.2 standing for a public site (a test has no
# internet): what it redirects to is checked as for any site.
PUBLIC_127_0_0_2 = (
    "import sys, bot.ingest.fetch as f; strict = f.address_problem; "
    "f.address_problem = lambda ip: None if str(ip) == '127.0.0.2' else strict(ip); "
    "from bot.cli import main; sys.exit(main(sys.argv[1:]))"
)


async def talksbot(kb_dirs: tuple[Path, Path], cwd: Path, *args: str, allow_private: bool = True,
                   code: str | None = None) -> tuple[int, str, str]:
    """Run `talksbot ARGS` (or ``python -c code ARGS``) on the private copy of knowledge/ and seeds/."""
    env = bot_env(TALKSBOT_KNOWLEDGE_DIR=str(kb_dirs[0]), TALKSBOT_SEEDS_DIR=str(kb_dirs[1]),
                  TALKSBOT_QUESTION_LOG="false", PYTHONPATH=str(ROOT))
    if allow_private:
        env["TALKSBOT_FETCH_ALLOW_PRIVATE"] = "true"
    entry = ["-c", code] if code else ["-m", "bot"]
    proc = await asyncio.create_subprocess_exec(sys.executable, *entry, *args, cwd=cwd, env=env,
                                                stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await asyncio.wait_for(proc.communicate(), 60)
    assert proc.returncode is not None
    return proc.returncode, out.decode(), err.decode()


async def test_add_articles_remove(kb_dirs: tuple[Path, Path], tmp_path: Path, news: NewsServer) -> None:
    status, out, err = await talksbot(kb_dirs, tmp_path, "add", news.url(DRISCOLL.path))
    assert status == 0, err
    assert out.startswith(f"Added “{DRISCOLL.title}” (2025-11-25): 8 paragraphs,") and "You can now ask:" in out
    seed = kb_dirs[1] / f"{DRISCOLL_ID}.txt"
    assert seed.read_text().splitlines()[5:] == list(DRISCOLL.paragraphs)

    status, out, err = await talksbot(kb_dirs, tmp_path, "add", news.url(DRISCOLL.path), "--json")
    assert status == 1
    refused = json.loads(out)
    assert refused["ok"] is False and "already have it" in refused["message"] and DRISCOLL_ID in refused["message"]

    status, out, _ = await talksbot(kb_dirs, tmp_path, "articles", "--json")
    rows = [json.loads(line) for line in out.splitlines()]
    assert status == 0 and [r["id"] for r in rows] == [DRISCOLL_ID, "geneva-talks-2025-11-23"]
    assert rows[0] == {"id": DRISCOLL_ID, "title": DRISCOLL.title, "date": "2025-11-25",
                       "source": news.url(DRISCOLL.path), "facts": rows[0]["facts"]} and rows[0]["facts"] > 0
    status, out, _ = await talksbot(kb_dirs, tmp_path, "articles")
    assert status == 0 and out.splitlines()[0].startswith(f"{DRISCOLL_ID}  2025-11-25")

    # the new article answers, in a fresh process reading the same folders
    status, out, _ = await talksbot(kb_dirs, tmp_path, "ask", "--json", "How many points does the revised "
                                                                         "framework have?")
    answer = json.loads(out)
    assert answer["matched"] and answer["answer"] == "19 points" and answer["source"]["article"] == DRISCOLL_ID

    status, out, err = await talksbot(kb_dirs, tmp_path, "remove", DRISCOLL_ID)
    assert status == 0 and "Removed" in out, err
    assert not seed.exists() and (kb_dirs[1] / "removed" / seed.name).is_file()
    status, out, _ = await talksbot(kb_dirs, tmp_path, "articles", "--json")
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["geneva-talks-2025-11-23"]
    status, _, err = await talksbot(kb_dirs, tmp_path, "remove", DRISCOLL_ID)
    assert status == 1 and "no article has the id" in err


async def test_add_json_and_overrides(kb_dirs: tuple[Path, Path], tmp_path: Path, news: NewsServer) -> None:
    status, out, err = await talksbot(kb_dirs, tmp_path, "add", news.url(DRISCOLL.path), "--json",
                                      "--date", "2025-11-30", "--title", "Talks in Abu Dhabi")
    assert status == 0, err
    added = json.loads(out)
    assert added["ok"] and added["article_id"] == "talks-in-abu-dhabi-2025-11-30" and added["date"] == "2025-11-30"
    assert added["title"] == "Talks in Abu Dhabi" and added["paragraphs"] == 8 and added["facts"] > 0
    assert len(added["questions"]) == 3 and added["url"] == news.url(DRISCOLL.path)
    status, _, err = await talksbot(kb_dirs, tmp_path, "add", news.url(DRISCOLL.path), "--date", "30/11/2025")
    assert status == 2 and "--date" in err


async def test_add_refusals_exit_1(kb_dirs: tuple[Path, Path], tmp_path: Path, news: NewsServer) -> None:
    status, _, err = await talksbot(kb_dirs, tmp_path, "add", news.url("/report.pdf"))
    assert status == 1 and err.splitlines()[-1] == "Not added: not an article (application/pdf)."
    status, _, err = await talksbot(kb_dirs, tmp_path, "add", news.url("/missing"))
    assert status == 1 and err.splitlines()[-1] == "Not added: HTTP 404 Not Found."
    assert sorted(p.name for p in kb_dirs[1].iterdir()) == ["geneva-talks-2025-11-23.txt"]


async def test_add_of_a_page_redirecting_to_loopback_is_refused(kb_dirs: tuple[Path, Path], tmp_path: Path,
                                                                 news: NewsServer) -> None:
    # without TALKSBOT_FETCH_ALLOW_PRIVATE: the page itself is on loopback
    status, _, err = await talksbot(kb_dirs, tmp_path, "add", news.url("/go/loopback"), allow_private=False)
    assert status == 1 and "127.0.0.1 is a loopback address" in err and "TALKSBOT_FETCH_ALLOW_PRIVATE" in err
    assert news.hits == []
    # a "public" page (127.0.0.2) that redirects to http://127.0.0.1/...: the redirect is refused
    status, _, err = await talksbot(kb_dirs, tmp_path, "add", news.url("/go/loopback", host="127.0.0.2"),
                                    allow_private=False, code=PUBLIC_127_0_0_2)
    assert status == 1, err
    assert "127.0.0.1 is a loopback address" in err and "after a redirect" in err
    assert news.hits == ["/go/loopback"]
    assert sorted(p.name for p in kb_dirs[1].iterdir()) == ["geneva-talks-2025-11-23.txt"]
    # with the setting on, the same link is added
    status, out, err = await talksbot(kb_dirs, tmp_path, "add", news.url("/go/loopback", host="127.0.0.2"),
                                      allow_private=True, code=PUBLIC_127_0_0_2)
    assert status == 0 and out.startswith(f"Added “{DRISCOLL.title}”"), err
