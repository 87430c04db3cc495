"""Lines an outlet repeats on its pages, found across documents and dropped from each."""

from __future__ import annotations

from parley.clean import clean_document, outlet_boilerplate
from parley.clean.boilerplate import boilerplate_key
from parley.ids import content_id
from parley.options import Options
from parley.records import Document

CHROME_TOP = ["Zambezi Ledger", "Get the Ledger morning brief on your phone"]
CHROME_END = ["Ledger readers can send news tips to the basin desk by email at any hour of the day."]


def story(n: int) -> list[str]:
    return [
        f"Talks round {n} ends without a deal",
        "Published 8 May 2024",
        f"Delegates from the two states met for round {n} of talks on Wednesday and argued over how much water "
        "each may draw from the shared reservoir during the dry season, officials said.",
        f"The chair said a draft text for round {n + 1} would be sent to both capitals before the next meeting, "
        "which is expected to take place at the end of the month.",
    ]


def page(n: int) -> str:
    return "\n\n".join([*CHROME_TOP, *story(n), *CHROME_END])


def test_lines_on_most_pages_are_boilerplate():
    found = outlet_boilerplate([page(n) for n in range(1, 5)])
    assert boilerplate_key("Get the Ledger morning brief on your phone") in found
    assert boilerplate_key(CHROME_END[0]) in found
    assert boilerplate_key("Published 8 May 2024") in found  # same day for all: repeated, but it is metadata
    assert not any("round" in key for key in found)


def test_too_few_pages_or_one_page_twice_find_nothing():
    assert outlet_boilerplate([page(1), page(2)]) == frozenset()
    assert outlet_boilerplate([page(1)] * 5) == frozenset()


def test_documents_as_lists_of_lines():
    docs = [[*CHROME_TOP, *story(n)] for n in range(1, 4)]
    assert boilerplate_key(CHROME_TOP[1]) in outlet_boilerplate(docs)


def test_known_clutter_is_removed_but_metadata_lines_keep_their_role():
    known = outlet_boilerplate([page(n) for n in range(1, 5)])
    text = page(7)
    doc = Document(content_id(text), "p.txt", "text", text)
    plain = clean_document(doc, Options())
    cleaned = clean_document(doc, Options(), known_clutter=known)
    assert CHROME_END[0] in plain.body  # one page alone cannot tell this line from the story
    assert CHROME_END[0] not in cleaned.body and CHROME_END[0] in cleaned.removed
    assert cleaned.published == plain.published == "2024-05-08"
    assert cleaned.headline == "Talks round 7 ends without a deal"
