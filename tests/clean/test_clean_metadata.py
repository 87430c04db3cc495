from __future__ import annotations

import pytest

from parley.clean.lang import detect_language
from parley.clean.metadata import parse_byline, split_authors


@pytest.mark.parametrize(
    "line, authors, agency",
    [
        ("By Choi Ye-rin", ("Choi Ye-rin",), None),
        ("By Choi Ye-rin (yrchoi@heraldcorp.com)", ("Choi Ye-rin",), None),
        ("By Yonhap", (), "Yonhap"),
        ("By MARTA GILLESPIE and EMRE AKSOY", ("Marta Gillespie", "Emre Aksoy"), None),
        ("By Jane Roe, Staff Reporter", ("Jane Roe",), None),
        ("By Jane Roe and Reuters", ("Jane Roe",), "Reuters"),
    ],
)
def test_bylines(line, authors, agency):
    byline = parse_byline(line)
    assert (byline.authors, byline.agency) == (authors, agency)


@pytest.mark.parametrize("line", ["By the end of the week, talks had collapsed and both sides left.", "Bystanders"])
def test_not_bylines(line):
    assert parse_byline(line) is None


def test_split_authors():
    assert split_authors(["Jane Roe", "John Doe"]) == ["Jane Roe", "John Doe"]
    assert split_authors("By Jane Roe; John Doe") == ["Jane Roe", "John Doe"]


@pytest.mark.parametrize(
    "text, lang",
    [("The ministers met in Geneva and said that the talks would resume with the mediator.", "en"),
     ("Die Minister trafen sich in Genf und sagten, dass die Gespräche mit dem Vermittler fortgesetzt werden.", "de"),
     ("Los ministros se reunieron en Ginebra y dijeron que las conversaciones con el mediador se reanudarán.", "es"),
     ("Министры встретились в Женеве и заявили, что переговоры будут продолжены.", "ru")],
)
def test_language(text, lang):
    assert detect_language(text) == lang
