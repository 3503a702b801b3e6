"""Synthetic articles for benchmarks: the seed's paragraphs recombined with other names,
places, dates and numbers, so that a fact base can grow to hundreds of articles."""
from __future__ import annotations

import random
from pathlib import Path

SWAPS: dict[str, list[str]] = {
    "Trump": ["Harlow", "Brandt", "Okafor", "Lindqvist", "Moreau", "Castillo", "Nakamura", "Petrov"],
    "Zelensky": ["Kovalenko", "Marchenko", "Bondar", "Tkachenko", "Shevchuk"],
    "Pompeo": ["Whitfield", "Ramirez", "Dubois", "Sato", "Keller"],
    "Rounds": ["Avery", "Hollis", "Prentice", "Garza"], "Vindman": ["Okoro", "Bellamy", "Strand"],
    "Tusk": ["Nowak", "Wiśniewski", "Kowalczyk"], "Erdogan": ["Demir", "Kaya", "Yilmaz"],
    "Putin": ["Volkov", "Sokolov", "Orlov"],
    "Geneva": ["Vienna", "Oslo", "Helsinki", "Doha", "Riyadh", "Budapest", "Lisbon"],
    "Istanbul": ["Antalya", "Izmir", "Baku", "Minsk"], "Canada": ["Mexico", "Norway", "Ireland"],
    "Thanksgiving Day": ["Christmas Eve", "New Year's Day", "Easter Monday", "Labor Day"],
    "November": ["January", "February", "March", "April", "May", "June", "September", "October", "December"],
    "28-point": ["12-point", "15-point", "20-point", "32-point"], "three rounds": ["two rounds", "four rounds"],
    "Black Sea grain": ["Danube shipping", "Azov fishing", "Caspian energy"],
}


def recombine(paragraphs: tuple[str, ...], index: int) -> tuple[str, list[str]]:
    """Article ``index``: a title and paragraphs drawn from the seed with swapped names."""
    rng = random.Random(index)
    chosen = {k: rng.choice(v) for k, v in SWAPS.items()}
    picked = rng.sample(list(paragraphs[:-1]), k=rng.randint(12, min(22, len(paragraphs) - 1)))
    out = []
    for text in picked:
        for old, new in chosen.items():
            text = text.replace(old, new)
        out.append(text)
    return f"Talks in {chosen['Geneva']}: {chosen['Trump']} sets a deadline ({index})", out


def write_articles(seed: Path, out_dir: Path, count: int) -> list[Path]:
    """Write ``count`` generated articles (with a header) into ``out_dir``."""
    from bot.core.loader import read_paragraphs

    paragraphs = read_paragraphs(seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for i in range(count):
        title, body = recombine(paragraphs, i)
        month, day = 1 + i % 12, 1 + i % 28
        path = out_dir / f"generated-{i:04d}.txt"
        # Dated the year before the seed: the seed stays the most recent report on what it covers.
        path.write_text(f"Title: {title}\nDate: 2024-{month:02d}-{day:02d}\n---\n" + "\n".join(body) + "\n",
                        encoding="utf-8")
        written.append(path)
    return written
