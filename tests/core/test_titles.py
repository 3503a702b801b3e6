"""Titles and roles: the names a question gives the role it asks about."""
from __future__ import annotations

from bot.core.factbase import FactBase
from bot.core.questions import analyze
from bot.core.titles import role_only


def test_the_names_a_role_is_asked_with_are_its_own_not_what_its_holder_acted_on(base: FactBase) -> None:
    from bot.core.titles import role_qualifiers

    q = analyze("Which US president set a Thanksgiving deadline for Ukraine?", base)
    roles = {t for t in q.terms if t in base.title_terms}
    told = role_qualifiers(q, roles, base)
    assert "usa" in told and not set(base.lexicon.terms("Ukraine")) & set(told)
    q = analyze("who is the president of ukraine?", base)
    assert set(base.lexicon.terms("Ukraine")) <= set(role_qualifiers(q, {t for t in q.terms if t in base.title_terms},
                                                                         base))


def test_a_name_that_is_only_an_office_names_no_one() -> None:
    assert role_only("President of Turkey") and role_only("British Prime Minister")
    assert role_only("US Congressman, Democrat")
    assert not role_only("US Secretary of State Pompeo") and not role_only("President Erdogan of Turkey")
    assert not role_only("Turkey")  # a country may act; it is no office
