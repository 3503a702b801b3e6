"""The one entry point: builds settings, the fact base and the front-ends, then runs."""
from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path

from bot.core.answers import Answerer
from bot.core.holder import FactBaseHolder
from bot.core.loader import KnowledgeError, load_knowledge
from bot.ingest import commands as ingest_commands
from bot.settings import Settings, SettingsError, load_settings

log = logging.getLogger("talksbot")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="talksbot", description="Answers questions about the US–Ukraine "
                                                                  "peace talks from a sourced fact base.")
    sub = parser.add_subparsers(dest="command", required=True)
    ask = sub.add_parser("ask", help="answer a question (or one per line of stdin)")
    ask.add_argument("question", nargs="*")
    ask.add_argument("--json", action="store_true", help="one JSON object per answer")
    ask.add_argument("--record", action="store_true", help="record the questions in the question log "
                                                           "(batches are not recorded otherwise)")
    sub.add_parser("chat", help="interactive chat in the terminal")
    unanswered = sub.add_parser("unanswered", help="declined questions, grouped, with the best candidate facts")
    unanswered.add_argument("--days", type=int, default=7, help="how far back (default 7)")
    unanswered.add_argument("--json", action="store_true", help="one JSON object per group")
    feedback = sub.add_parser("feedback", help="Helpful / Not helpful votes per fact, least helpful first")
    feedback.add_argument("--json", action="store_true", help="one JSON object per fact")
    teach = sub.add_parser("teach", help="teach a question as a phrasing of a fact (knowledge/local/)")
    teach.add_argument("question")
    teach.add_argument("fact_id")
    teach.add_argument("--article", help="the article id, when the fact id is in several")
    teach.add_argument("--json", action="store_true", help='print {"question", "fact_id", "answered"}')
    sub.add_parser("check", help="validate knowledge/ and list every problem")
    sub.add_parser("timeline", help="every dated fact in order, with its source")
    distill = sub.add_parser("distill", help="write a curated-file draft of an article's machine-distilled facts")
    distill.add_argument("article", type=Path, help="the article file, e.g. seeds/new-article.txt")
    distill.add_argument("--out", type=Path, help="write the draft here instead of standard output")
    ev = sub.add_parser("eval", help="score every question set (../shared/eval and tests/data) in one table")
    ev.add_argument("--show", action="store_true", help="also list every miss")
    ev.add_argument("--set", action="append", default=[], help="only the sets whose name contains this")
    ev.add_argument("--shared", type=Path, help="the shared development sets (default: $TALKSBOT_SHARED_EVAL, "
                                                "else ../shared/eval beside the checkout)")
    ev.add_argument("--no-shared", action="store_true", help="leave the shared development sets out")
    ev.add_argument("--sets", type=Path, default=None,
                    help="our own sets from this directory (YAML files and articles/) instead of tests/data, "
                         "e.g. a held-out batch kept apart")
    ingest_commands.add_parsers(sub)
    sub.add_parser("run", help="serve Slack/Discord when configured, else chat in the terminal")
    sub.add_parser("serve", help="run the configured Slack and Discord front-ends")
    sub.add_parser("discord-sync", help="sync Discord slash commands now")
    bench = sub.add_parser("bench", help="print load time and answer latency p50/p99")
    bench.add_argument("--rounds", type=int, default=50)
    bench.add_argument("--articles", help="comma-separated sizes, e.g. 1,10,100: the seed plus generated articles, "
                                          "each size measured in a fresh process")
    bench.add_argument("--bm25", action="store_true", help="with --articles: the same figures for a BM25 index "
                                                          "(bm25s, a dev dependency) and the ratio ours/BM25")
    return parser


def build_answerer(settings: Settings) -> tuple[FactBaseHolder, Answerer]:
    """The fact base holder and the answerer over it, from the settings."""
    holder = FactBaseHolder(settings.knowledge_dir, settings.seeds_dir, None, settings.max_seed_bytes,
                            settings.max_seed_paragraphs, settings.cache_entries)
    return holder, Answerer(holder, settings.confidence_threshold, settings.public_base_url)


def main(argv: Sequence[str] | None = None) -> int:
    # Before anything slow: a SIGHUP (reload) while starting must not kill the process; serve
    # reloads once it is up. Other commands ignore it.
    hangups: list[int] = []
    previous = signal.signal(signal.SIGHUP, lambda signum, frame: hangups.append(signum))
    try:
        return _main(argv, hangups)
    except BrokenPipeError:  # the reader went away (`talksbot timeline | head`): not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    finally:
        signal.signal(signal.SIGHUP, previous)


def _main(argv: Sequence[str] | None, hangups: list[int]) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = load_settings()
        settings.check_front_ends()
    except SettingsError as exc:
        print(f"talksbot: {exc}", file=sys.stderr)
        return 2
    logging.basicConfig(level=settings.log_level, stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if args.command == "check":
        return _check(settings)
    if args.command == "distill":
        return _distill(args.article, args.out)
    if args.command == "eval":
        return _eval(args.show, args.set, args.shared, args.sets, args.no_shared)
    if args.command == "serve" or (args.command == "run" and (settings.slack_configured
                                                                or settings.discord_configured)):
        from bot.serve import serve

        return serve(settings, early_hangup=bool(hangups))
    signal.signal(signal.SIGHUP, signal.SIG_DFL)  # a closed terminal ends a chat, as it always has
    try:
        holder, answerer = build_answerer(settings)
    except KnowledgeError as exc:
        print("talksbot: the fact base cannot be loaded:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    if args.command in ingest_commands.COMMANDS:
        return ingest_commands.run(args, settings, holder, answerer)
    from bot import admin
    from bot.frontends import terminal
    from bot.questionlog import Asked, NullLog, open_log, record_answer

    logged = args.command in ("chat", "run", "unanswered", "feedback") or (args.command == "ask" and args.record)
    qlog = open_log(settings) if logged else NullLog()
    asker = Asked("chat", "chat", str(os.getuid()) if hasattr(os, "getuid") else None)
    try:
        record = (lambda answer: record_answer(qlog, answer, asker)) if logged else None
        if args.command == "ask":
            questions = [" ".join(args.question)] if args.question else terminal.stdin_lines()
            return terminal.ask(answerer, questions, sys.stdout, args.json, record)
        if args.command == "unanswered":
            return admin.unanswered_command(qlog, answerer, args.days, args.json)
        if args.command == "feedback":
            return admin.feedback_command(qlog, args.json)
        if args.command == "chat" or (args.command == "run" and not (settings.slack_configured
                                                                     or settings.discord_configured)):
            return terminal.chat(answerer, holder, sys.stdin, sys.stdout, record=record)
    finally:
        qlog.close()
    if args.command == "teach":
        return admin.teach_command(settings, holder, answerer, args.question, args.fact_id, args.article, args.json)
    if args.command == "timeline":
        print(terminal.render_timeline(holder.current))
        return 0
    if args.command == "bench":
        from bot.bench import run_bench, run_sizes

        if args.articles:
            return run_sizes(settings, [int(x) for x in args.articles.split(",")], args.rounds, args.bm25)
        return run_bench(settings, args.rounds)
    from bot.serve import discord_sync

    return discord_sync(settings, answerer, holder)


def _distill(article: Path, out: Path | None) -> int:
    """The draft: what the loader distils on its own, as YAML for an admin to review."""
    import yaml

    from bot.core.distill import article_date, distill, slug
    from bot.core.loader import read_seed

    if not article.is_file():
        print(f"talksbot: no such article file: {article}", file=sys.stderr)
        return 1
    meta, paragraphs = read_seed(article)
    kf = distill(slug(article.stem), article.name, meta, paragraphs, article_date(article))
    header = (f"# Draft distilled from {article.name} by `talksbot distill`. Review every fact: correct the\n"
              f"# short answers (a name, date, number or phrase), add question phrasings, then set\n"
              f"# `distilled: false` on the facts you have checked and save it in knowledge/.\n")
    text = header + yaml.safe_dump(kf.model_dump(mode="json", exclude_defaults=True), sort_keys=False,
                                   allow_unicode=True, width=120)
    if out:
        out.write_text(text, encoding="utf-8")
        print(f"wrote {len(kf.facts)} facts and {len(kf.entities)} entities to {out}")
    else:
        print(text, end="")
    return 0


def _eval(show: bool, only: list[str], shared: Path | None = None, own: Path | None = None,
          no_shared: bool = False) -> int:
    """The table over every set; without the shared sets, ours alone and a note saying so. ``own``
    replaces tests/data as the directory of our sets; ``no_shared`` leaves the shared ones out."""
    from bot import evaluation

    shared_dir = shared if shared is not None else evaluation.shared_eval_dir()
    note = None if no_shared else evaluation.missing_shared_note(shared_dir)
    if note:
        print(f"note: {note}. Scoring our own sets in {own or 'tests/data'} only.", file=sys.stderr)
    own_dir = own if own is not None else evaluation.OWN_SETS
    sets = [s for s in evaluation.discover(shared_dir, own_dir, shared=not no_shared)
            if not only or any(o in s.name for o in only)]
    print(evaluation.run(sets, show))
    return 0


def _check(settings: Settings) -> int:
    try:
        base = load_knowledge(settings.knowledge_dir, settings.seeds_dir, settings.max_seed_bytes,
                              settings.max_seed_paragraphs)
    except KnowledgeError as exc:
        print(f"{len(exc.problems)} problem(s) in {settings.knowledge_dir}:")
        for problem in exc.problems:
            print(f"  {problem}")
        return 1
    print(f"OK: {len(base.articles)} article(s), {len(base.facts)} facts, {len(base.entities)} entities "
          f"(version {base.version})")
    return 0
