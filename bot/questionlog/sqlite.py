"""The question log in an embedded SQLite database (standard library; WAL mode).

One writer thread owns the writing connection and drains a queue, committing in batches, so a
front-end's ``record`` never waits on the disk; ``close`` (and ``flush``) wait until everything
queued is stored, so a clean shutdown loses nothing. Reads use their own connection: with WAL
they never wait for the writer. The schema is versioned with ``PRAGMA user_version`` and
migrated on open; a file that is not a database, or one another process holds locked, raises
``LogUnavailable`` naming the path, and the caller runs with ``NullLog`` instead.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import logging
import queue
import secrets
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path

from bot.questionlog.store import Asked, Day, Helpfulness, Logged, Status, new_answer_id

log = logging.getLogger("talksbot.questionlog")

SCHEMA_VERSION = 1
BATCH = 500  # writes per transaction at most
PRUNE_EVERY_S = 86_400.0
LOCK_TIMEOUT_S = 2.0  # how long opening waits for another process's lock before giving up

_MIGRATIONS: dict[int, str] = {
    1: """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE questions (
        id INTEGER PRIMARY KEY,
        answer_id TEXT NOT NULL UNIQUE,
        asked_at REAL NOT NULL,
        platform TEXT NOT NULL,
        kind TEXT NOT NULL,
        question TEXT NOT NULL,
        answered INTEGER NOT NULL,
        fact_id TEXT,
        article TEXT,
        confidence REAL NOT NULL,
        asker TEXT
    );
    CREATE INDEX questions_asked_at ON questions (asked_at);
    CREATE TABLE votes (
        answer_id TEXT NOT NULL,
        asker TEXT NOT NULL,
        helpful INTEGER NOT NULL,
        voted_at REAL NOT NULL,
        PRIMARY KEY (answer_id, asker)
    );
    CREATE TABLE dismissed (question TEXT PRIMARY KEY, dismissed_at REAL NOT NULL);
    """,
}


class LogUnavailable(Exception):
    """The database cannot be opened or migrated; the message names the file and the reason."""


Write = tuple[str, tuple[object, ...]]


class SqliteLog:
    """The question log in one SQLite file (see the module docstring)."""

    def __init__(self, path: Path, keep_days: int = 90) -> None:
        self.path = path
        self.keep_days = keep_days
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._reader = self._connect()
            self._salt = self._migrate(self._reader)
            self._writer = self._connect()
        except (sqlite3.Error, OSError) as exc:
            raise LogUnavailable(f"question log {path}: {exc}") from exc
        self.status = Status(True, "on", str(path))
        self._read_lock = threading.Lock()
        self._queue: queue.Queue[Write | Callable[[], None] | None] = queue.Queue()
        self._pruned = 0.0
        self._thread = threading.Thread(target=self._run, name="question-log-writer", daemon=True)
        self._thread.start()
        self._queue.put(self._prune)

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=LOCK_TIMEOUT_S, check_same_thread=False, isolation_level=None)
        conn.execute(f"PRAGMA busy_timeout = {int(LOCK_TIMEOUT_S * 1000)}")
        return conn

    def _migrate(self, conn: sqlite3.Connection) -> str:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise sqlite3.DatabaseError(f"schema version {version} is newer than this talksbot's {SCHEMA_VERSION}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("BEGIN IMMEDIATE")  # fails fast on a file another process holds locked
        try:
            for v in range(version + 1, SCHEMA_VERSION + 1):
                for statement in _MIGRATIONS[v].split(";"):
                    if statement.strip():
                        conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {v}")
            row = conn.execute("SELECT value FROM meta WHERE key = 'salt'").fetchone()
            salt = row[0] if row else secrets.token_hex(16)
            if not row:
                conn.execute("INSERT INTO meta (key, value) VALUES ('salt', ?)", (salt,))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return str(salt)

    def _asker(self, asked: Asked) -> str | None:
        if not asked.user:
            return None
        return hashlib.sha256(f"{self._salt}:{asked.platform}:{asked.user}".encode()).hexdigest()[:24]

    # --- writes (queued) -------------------------------------------------------------------

    def record(self, question: str, answered: bool, fact_id: str | None, article: str | None,
               confidence: float, kind: str, asked: Asked, answer_id: str | None = None) -> str:
        answer_id = answer_id or new_answer_id()
        self._queue.put(("INSERT OR IGNORE INTO questions (answer_id, asked_at, platform, kind, question, answered, "
                         "fact_id, article, confidence, asker) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         (answer_id, time.time(), asked.platform, asked.kind, question[:1000], int(answered),
                          fact_id, article, float(confidence), self._asker(asked))))
        return answer_id

    def vote(self, answer_id: str, asked: Asked, helpful: bool) -> None:
        asker = self._asker(asked) or "anonymous"
        self._queue.put(("INSERT INTO votes (answer_id, asker, helpful, voted_at) VALUES (?, ?, ?, ?) "
                         "ON CONFLICT (answer_id, asker) DO UPDATE SET helpful = excluded.helpful, "
                         "voted_at = excluded.voted_at", (answer_id, asker, int(helpful), time.time())))

    def dismiss(self, question: str) -> None:
        self._queue.put(("INSERT OR REPLACE INTO dismissed (question, dismissed_at) VALUES (?, ?)",
                         (question, time.time())))

    def flush(self) -> None:
        if self._thread.is_alive():
            self._queue.join()

    def close(self) -> None:
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()
        for conn in (self._writer, self._reader):
            conn.close()

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            batch = [item]
            while item is not None and len(batch) < BATCH:
                try:
                    item = self._queue.get_nowait()
                except queue.Empty:
                    break
                batch.append(item)
            self._write([b for b in batch if b is not None])
            for _ in batch:
                self._queue.task_done()
            if None in batch:
                return
            if time.monotonic() - self._pruned > PRUNE_EVERY_S:
                self._prune()

    def _write(self, batch: list[Write | Callable[[], None]]) -> None:
        writes = [b for b in batch if isinstance(b, tuple)]
        for call in (b for b in batch if not isinstance(b, tuple)):
            call()
        if not writes:
            return
        try:
            self._writer.execute("BEGIN")
            for sql, params in writes:
                self._writer.execute(sql, params)
            self._writer.execute("COMMIT")
        except sqlite3.Error as exc:
            self._writer.execute("ROLLBACK") if self._writer.in_transaction else None
            self.status.dropped += len(writes)
            self.status.detail = f"on, but {self.status.dropped} record(s) could not be written: {exc}"
            log.error("question log %s: %d record(s) not written: %s", self.path, len(writes), exc)

    def _prune(self) -> None:
        self._pruned = time.monotonic()
        cutoff = time.time() - self.keep_days * 86_400
        try:
            self._writer.execute("DELETE FROM votes WHERE voted_at < ?", (cutoff,))
            self._writer.execute("DELETE FROM questions WHERE asked_at < ?", (cutoff,))
            self._writer.execute("DELETE FROM dismissed WHERE dismissed_at < ?", (cutoff,))
        except sqlite3.Error as exc:
            log.error("question log %s: pruning failed: %s", self.path, exc)

    # --- reads -----------------------------------------------------------------------------

    def _query(self, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
        with self._read_lock:
            return self._reader.execute(sql, params).fetchall()

    def declined(self, days: int) -> list[Logged]:
        since = time.time() - days * 86_400
        rows = self._query("SELECT answer_id, question, platform, kind, answered, fact_id, article, confidence, "
                           "asked_at, asker FROM questions WHERE answered = 0 AND asked_at >= ? AND question NOT IN "
                           "(SELECT question FROM dismissed) ORDER BY asked_at DESC", (since,))
        return [Logged(str(r[0]), str(r[1]), str(r[2]), str(r[3]), bool(r[4]), r[5], r[6],  # type: ignore[arg-type]
                       float(r[7]), dt.datetime.fromtimestamp(float(r[8]), dt.UTC),  # type: ignore[arg-type]
                       r[9]) for r in rows]  # type: ignore[arg-type]

    def dismissed(self) -> set[str]:
        return {str(r[0]) for r in self._query("SELECT question FROM dismissed")}

    def feedback(self) -> list[Helpfulness]:
        rows = self._query(
            "SELECT q.fact_id, (SELECT q2.question FROM votes v2 JOIN questions q2 ON q2.answer_id = v2.answer_id "
            "WHERE q2.fact_id = q.fact_id ORDER BY v2.voted_at DESC LIMIT 1), SUM(v.helpful), SUM(1 - v.helpful) "
            "FROM votes v "
            "JOIN questions q ON q.answer_id = v.answer_id WHERE q.fact_id IS NOT NULL GROUP BY q.fact_id "
            "ORDER BY SUM(1 - v.helpful) - SUM(v.helpful) DESC, q.fact_id")
        return [Helpfulness(str(r[0]), str(r[1]), int(r[2]), int(r[3])) for r in rows]  # type: ignore[call-overload]

    def per_day(self, days: int) -> list[Day]:
        since = time.time() - days * 86_400
        rows = self._query("SELECT date(asked_at, 'unixepoch'), SUM(answered), SUM(1 - answered) FROM questions "
                           "WHERE asked_at >= ? GROUP BY 1 ORDER BY 1", (since,))
        return [Day(dt.date.fromisoformat(str(r[0])), int(r[1]), int(r[2])) for r in rows]  # type: ignore[call-overload]
