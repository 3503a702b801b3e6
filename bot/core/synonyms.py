"""General English paraphrases, shared by every article.

Article-specific names and terms belong in the knowledge files' ``synonyms``; this holds
only the everyday ways of saying the same thing that any news question uses.
Keys are canonical words; values are the words and phrases people use instead.
"""
from __future__ import annotations

GENERAL_SYNONYMS: dict[str, list[str]] = {
    # Countries and their adjectives, capitals and governments, as news questions use them.
    "usa": ["america", "american", "americans", "united states", "washington", "u s"],
    "ukrain": ["ukrainian", "ukrainians", "kyiv", "kiev"],
    "russia": ["russian", "russians", "moscow", "kremlin"],
    "turkey": ["turkish", "turkiye", "türkiye", "ankara"],
    "europ": ["european", "europeans", "eu", "european union", "brussels"],
    "poland": ["polish", "warsaw"],
    "franc": ["french", "paris"],
    "german": ["germany", "berlin"],
    "china": ["chinese", "beijing"],
    # News vocabulary.
    "plan": ["proposal", "proposals", "framework", "blueprint", "deal", "roadmap", "draft plan", "peace plan"],
    "deadline": ["ultimatum", "cutoff", "due date", "time limit", "cut off"],
    "continu": ["keep", "keeps", "kept", "still", "carry on", "go on"],
    "post": ["posted", "posts", "tweet", "tweeted", "social media", "truth social", "wrote", "write", "writes"],
    "senator": ["senators"],
    "congress": ["congressman", "congressmen", "congresswoman", "congressional", "legislators", "lawmakers",
                 "lawmaker"],
    "guarant": ["guarantees", "guarantee", "assurances"],
    "provid": ["give", "gives", "giving", "grant", "grants", "offer", "offers", "supply", "supplies", "get", "gets",
               "got", "receive", "receives", "received"],
    "restor": ["bring back", "revive", "reinstate", "resume", "reopen", "restart", "renew"],
    "negotiat": ["talks", "talk", "meeting", "meetings", "meet", "met", "sat down", "summit talks",
                 "discussions", "discussion", "discuss", "discussed", "negotiations", "negotiation"],
    "finaliz": ["final word", "final say", "last word", "finalise", "finalised", "sign off", "approve"],
    "articl": ["story", "piece", "text", "news item", "writeup"],
    "draft": ["authored", "drew up", "came up with", "drawn up"],
    "submit": ["handed over", "hand over", "handed", "passed on", "delivered", "sent"],
    "criticiz": ["criticism", "criticise", "criticised", "critic", "critics", "slammed", "blasted",
                 "attacked", "condemned", "faulted", "complain", "complained", "complaint", "complaints"],
    "delegat": ["delegation", "delegations", "teams", "team", "envoys", "negotiating teams"],
    "thank": ["thanked", "thanks", "gratitude", "grateful", "appreciation", "appreciate", "thankful"],
    "respond": ["response", "responded", "reply", "replied", "react", "reacted", "reaction", "answered"],
    "consult": ["consulted", "consulting", "consultation", "informed", "briefed"],
    "sourc": ["sources", "references", "reference", "cite", "cites", "cited", "credits", "credit", "based on",
              "outlets", "outlet", "news agencies", "agencies", "agency", "wire services", "media outlets"],
    "set": ["chosen", "chose", "choose", "picked", "imposed", "impose", "established", "announced a"],
    "mention": ["bring up", "brought up", "refer to", "referred to", "referring to", "talk about", "talked about"],
    "atmospher": ["mood", "tone", "climate", "spirit", "vibe"],
    "uphold": ["respect", "protect", "preserve", "honor", "honour", "guarantee sovereignty"],
    "weapon": ["weapons", "arms", "missiles", "missile", "weaponry"],
    "sanction": ["sanctions", "penalties", "embargo", "embargoes", "measures"],
    "host": ["hosted", "hosting", "held", "organized", "organised", "staged"],
    "countri": ["country", "countries", "nations", "nation"],
    "leader": ["leadership", "leaders", "government"],
    "quick": ["quickly", "fast", "soon", "rapidly"],
    "want": ["hoping", "hope", "hopes", "wish", "wishes", "seek", "seeks", "aims", "request", "requesting",
             "asking", "ask for"],
    "firm": ["fixed", "rigid", "flexible", "negotiable", "strict", "binding", "set in stone", "hard deadline"],
    "prepar": ["ready", "willing to", "poised"],
    "advanc": ["move forward", "push forward", "move ahead", "progress the"],
    "cautious": ["careful", "caution", "wary", "cautiously"],
    "productiv": ["fruitful", "successful", "constructive talks"],
}

# Words that rarely carry a question's meaning: a question is not declined for containing them.
SOFT_WORDS = frozenset("""
happen happened happening take took place exactly actually really currently now latest recent recently
main new earlier before already still just mention mentioned mentions describe described call called
make made mean meaning people person time times day way ways part story news regarding concerning
view views opinion opinions stance position verdict thought thoughts comment comments remark remarks
assessment detail details specific specifically belong belongs belonged quickly quick fast soon
besides apart except
""".split())
