"""Executor tests: a few short made-up articles (written for these tests), as Documents."""

from __future__ import annotations

import pytest

from parley.ids import content_id
from parley.records import Document

ARTICLES = [
    "GENEVA (Reuters) - Foreign Minister Ana Ruiz of Spain met her Moroccan counterpart on Monday and "
    "said the two countries would reopen talks on fishing rights. \"We have a deal in sight,\" Ruiz told "
    "reporters after the meeting.",
    "President Kalinda of Zambia accused neighbouring Malawi of blocking trucks at the border crossing, "
    "and warned that Lusaka could recall its ambassador if the delays continued into next week.",
    "The United Nations Security Council will vote on Thursday on a resolution calling for a ceasefire. "
    "China and Russia have said they may abstain, diplomats said.",
    "Japan and South Korea agreed to resume regular summits, Prime Minister Sato said in Tokyo. The two "
    "leaders last met in 2019.",
    "Protesters gathered outside the French embassy in Bamako on Saturday, demanding the withdrawal of "
    "troops. Mali's interior ministry said the crowd dispersed peacefully.",
    "Secretary of State Daniel Hart arrived in Cairo late on Tuesday for talks with Egyptian officials on "
    "aid for Gaza, a State Department spokesman said.",
    "",
    "Germany pledged 200 million euros in humanitarian aid to Sudan at a donor conference in Paris. "
    "\"This is not enough,\" said the head of the World Food Programme, calling on others to follow.",
    "India and Pakistan exchanged fire across the Line of Control overnight, the Indian army said on "
    "Wednesday. Islamabad denied that its forces had fired first.",
    "Brazil's president Lula will host the leaders of Argentina and Chile next month to discuss a trade "
    "pact, his office said, adding that Uruguay had also been invited.",
    "Ukraine and Russia swapped 90 prisoners of war on Friday in a deal brokered by the United Arab "
    "Emirates, officials in Kyiv and Moscow said.",
]


def make_documents(repeat: int = 1) -> list[Document]:
    docs = []
    for r in range(repeat):
        for n, text in enumerate(ARTICLES):
            docs.append(Document(content_id(f"{r}:{n}:{text}"), f"test/{r}-{n}.txt", "text", text))
    return docs


@pytest.fixture(scope="session")
def documents() -> list[Document]:
    return make_documents()
