from __future__ import annotations

from pathlib import Path

from bot.wordnet_table import first_sense_counts, table

LICENSE = "  1 This software and database is being provided to you, the LICENSEE, by  \n"
# Two parts of speech of "sick": the noun's first sense (vomit) is rarely used, the adjective's often.
FILES = {
    "data.noun": LICENSE + "00000001 14 n 02 sick 0 vomit 0 000 | a gloss\n"
                           "00000002 14 n 02 doctor 0 physician 0 000 | a gloss\n",
    "data.verb": LICENSE + "00000003 30 v 02 shut 0 close 0 000 | a gloss\n"
                           "00000004 30 v 02 shut 0 quarantine 0 000 | a rarer sense\n",
    "data.adj": LICENSE + "00000005 00 a 02 sick 0 ill 0 000 | a gloss\n",
    "index.noun": LICENSE + "sick n 1 0 1 0 00000001\ndoctor n 1 0 1 1 00000002\n",
    "index.verb": LICENSE + "shut v 2 0 2 1 00000003 00000004\n",
    "index.adj": LICENSE + "sick a 1 0 1 1 00000005\n",
    "cntlist.rev": "sick%1:14:00:: 1 1\nsick%3:00:01:: 1 8\ndoctor%1:18:00:: 1 20\nshut%2:35:00:: 1 9\n"
                   "shut%2:35:01:: 2 5\n",
}
FREQUENCY = {w: 5000 for w in ("sick", "vomit", "ill", "doctor", "physician", "shut", "close", "quarantine")}


def _wordnet(tmp_path: Path) -> Path:
    for name, text in FILES.items():
        (tmp_path / name).write_text(text, encoding="latin-1")
    return tmp_path


def test_each_word_gets_the_synonyms_of_its_first_sense_in_the_parts_of_speech_it_is_used_as(tmp_path: Path) -> None:
    built = table(_wordnet(tmp_path), FREQUENCY)
    assert built == {"sick": ["ill"], "doctor": ["physician"], "shut": ["close"]}


def test_rare_words_are_left_out(tmp_path: Path) -> None:
    built = table(_wordnet(tmp_path), {**FREQUENCY, "physician": 3})
    assert "doctor" not in built and built["sick"] == ["ill"]


def test_a_satellite_adjective_counts_as_an_adjective() -> None:
    assert first_sense_counts(["sick%5:00:00:ill:01 1 7", "sick%5:00:00:ill:02 2 3"]) == {("sick", "3"): 7}
