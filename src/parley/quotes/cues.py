"""The cue lexicon (data/cues.toml): which words introduce an attribution and where its content is."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Mapping


@dataclass(frozen=True)
class Lexicon:
    direct: frozenset  # verbs that attribute a direct quote beside them
    speech: frozenset  # verbs of speech, for a reporting clause before a quote
    fragment: frozenset  # verbs whose subject owns a quoted fragment in their object
    complements: Mapping  # verb lemma -> frozenset of dependency labels holding the content
    prepositions: Mapping  # verb lemma -> frozenset of prepositions introducing the content
    speech_nouns: frozenset
    cue_nouns: frozenset  # speech and thought nouns
    light_verbs: frozenset
    masculine: frozenset  # pronouns
    feminine: frozenset
    plural: frozenset
    masculine_words: frozenset  # titles and nouns
    feminine_words: frozenset
    colon_sources: frozenset  # labels that speak in 'Poll: ...'


def _words(value) -> frozenset:
    return frozenset(value.split() if isinstance(value, str) else value)


@cache
def load_cues() -> Lexicon:
    """The lexicon, read once per process (it is immutable)."""
    data = tomllib.loads(resources.files(__package__).joinpath("data/cues.toml").read_text(encoding="utf-8"))
    verbs = data["verbs"]
    complements: dict[str, set] = {}
    for group in verbs.values():
        for lemma in _words(group["lemmas"]):
            complements.setdefault(lemma, set()).update(group["complements"])
    speech = _words(verbs["speech"]["lemmas"])
    direct = speech | _words(verbs["direct_only"]["lemmas"])
    pronouns, nouns = data["pronouns"], data["nouns"]
    return Lexicon(
        direct=direct,
        speech=speech,
        fragment=direct | _words(verbs["fragment"]["lemmas"]),
        complements=MappingProxyType({k: frozenset(v) for k, v in complements.items() if v}),
        prepositions=MappingProxyType({k: frozenset(v) for k, v in data["prepositions"].items()}),
        speech_nouns=_words(nouns["speech"]),
        cue_nouns=_words(nouns["speech"]) | _words(nouns["thought"]),
        light_verbs=_words(nouns["light_verbs"]),
        masculine=_words(pronouns["masculine"]),
        feminine=_words(pronouns["feminine"]),
        plural=_words(pronouns["plural"]),
        masculine_words=_words(pronouns["masculine_words"]),
        feminine_words=_words(pronouns["feminine_words"]),
        colon_sources=_words(data["colon"]["sources"]),
    )
