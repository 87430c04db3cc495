"""The actors an event can name: the article's actors, plus groups named by nationality.

The actor layer names people, organisations, countries and the group nouns it knows ("Iraqi
officials"). News also names groups by a nationality word on any noun: "Israeli tanks", "thousands of
Iraqi Kurds", "Palestinian youths". Such a phrase identifies the actor's country, which is what event
coding needs, so the event stage keeps it as a group actor with that country. It has no actor record,
so events carry it by name with no `actor_id` (as the store and story merging already allow).

`EventActors` wraps the article's ArticleActors for one `find_events` call and memoises span look-ups,
which the extractor asks for many times per sentence.
"""

from __future__ import annotations

from dataclasses import replace

from ..actors.index import ArticleActors
from ..actors.lookalikes import names_agents
from ..actors.naming import written_name
from ..ids import actor_id
from ..records import Actor, EventActor
from .lexicon import place_country

# Heads that count members of the group named inside them: "thousands of Iraqi Kurds".
QUANTITY_HEADS = frozenset(
    "thousand hundred dozen million score group number crowd band handful couple few some many".split()
)
# the people who follow or serve a leader or a party: a group of their own ("Assad loyalists", "the
# Trump team"), of one noun for all ("team", "camp") or of a plural
FOLLOWERS = frozenset({"supporter", "loyalist", "follower", "backer", "partisan", "devotee", "aide", "adviser",
                       "advisor", "ally", "team", "camp"})
ENTOURAGES = frozenset({"team", "camp"})
# Nouns a nationality word makes a place or a thing of that country, not an actor.
NOT_AGENTS = frozenset(
    """city town village province region territory border frontier area capital country state soil airspace
    water waters coast port island peninsula part side zone district enclave camp site embassy consulate
    flag currency market economy law constitution language culture history people's interest interests
    policy policies position stance view claim claims""".split()
)
# Military hardware stands for the armed forces that use it ("Israeli tanks shelled ...").
HARDWARE = frozenset(
    "tank aircraft helicopter gunship warship warplane jet plane bomber fighter drone ship boat vessel "
    "artillery submarine frigate destroyer missile battery".split()
)
# Bodies of a state that news names without their state when it is the story's own: "the
# authorities", "police", "a court", "prosecutors".
STATE_BODIES = frozenset("authority police court judge prosecutor government army military".split())
# the services whose "forces" or "sources" news names without their state when it is the story's own:
# "security forces stormed the building", "security sources said" (officials speaking unnamed)
SERVICES = frozenset({"security", "government", "intelligence", "military", "police"})
COUNTRY_TERMS = frozenset({"demonym", "country", "capital"})
# People and bodies that act in politics as a described group: "Western politicians", "Republican
# lawmakers", "European peacekeepers", "press freedom groups". With a describing word below (a region, a
# political camp, a cause) such a phrase names the group as news does, though no state is named.
DESCRIBED_HEADS = frozenset("""politician lawmaker legislator senator congressman parliamentarian official leader minister
    diplomat head chief envoy peacekeeper soldier troop force militant rebel fighter insurgent protester protestor
    demonstrator activist group organization organisation party ally government nation state power""".split())
DESCRIBING_WORDS = frozenset("""european western eastern arab african asian gulf nordic baltic balkan latin islamist jihadist
    republican democratic conservative liberal opposition rights freedom humanitarian""".split())
SECTORS = {"rights": "NGO", "freedom": "NGO", "humanitarian": "NGO", "opposition": "OPP", "republican": "LEG",
           "democratic": "LEG", "peacekeeper": "MIL", "soldier": "MIL", "troop": "MIL", "force": "MIL",
           "militant": "REB", "rebel": "REB", "fighter": "REB", "insurgent": "REB", "jihadist": "REB",
           "islamist": "REB", "protester": "CVL", "protestor": "CVL", "demonstrator": "CVL", "activist": "CVL"}
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod"})
# "protesters in Baghdad", "students from Basra": a group placed in a town of the place table.
PLACING_PREPS = frozenset({"in", "from", "throughout", "across"})


REGION_PARTS = frozenset("latin central sub-saharan".split())
# people who protest, named without a state: of the state of the place they protest in
CROWDS = frozenset("protester protestor demonstrator marcher crowd thousand hundred dozen".split())


def against(mod) -> bool:
    """Is the modifier prefixed by "anti" ("anti-Pakistan", "anti Western")?"""
    doc = mod.doc
    before = [doc[i].lower_ for i in range(max(0, mod.left_edge.i - 2), mod.left_edge.i)]
    return mod.lower_.startswith("anti-") or before[-1:] == ["anti"] or before == ["anti", "-"]


def _name_forms(base: ArticleActors) -> dict:
    """Proper-name forms of mentions (one capitalised word or an acronym) -> the one actor they name;
    a form used for two actors names neither."""
    forms: dict = {}
    for m in base.mentions:
        form = m.text
        if m.kind in ("name", "surname") and form and " " not in form and len(form) >= 2 and form[0].isupper() and form.isalpha():
            forms[form] = m.actor_id if forms.get(form, m.actor_id) == m.actor_id else None
    return {f: a for f, a in forms.items() if a is not None}


BACKING = frozenset("backed controlled funded supported allied aligned sponsored led brokered financed armed".split())


def backer(tok) -> bool:
    """Is the token a name hyphened to a backing participle ("China-backed", "Serb-controlled")? It
    modifies another party and is not that party."""
    doc = tok.doc
    nxt = doc[tok.i + 1: tok.i + 3]
    return len(nxt) == 2 and nxt[0].text == "-" and nxt[1].lower_ in BACKING


def home_country(dateline: str | None, actors: ArticleActors) -> str | None:
    """The state a story is about: its dateline's, else the country its actors name most."""
    code = place_country(dateline) if dateline else None
    if code:
        return code
    counts: dict = {}
    for actor in actors.actors:
        if actor.kind == "country" and actor.country and len(actor.country) == 3 and actor.country != "IGO":
            counts[actor.country] = counts.get(actor.country, 0) + max(actor.mentions, 1)
    return max(counts, key=lambda c: (counts[c], c)) if counts else None


class EventActors:
    """The actors of one article as the event extractor sees them."""

    def __init__(self, base: ArticleActors, knowledge, home: str | None = None, text: str = "") -> None:
        self.base = base
        self.text = text
        # a name form the story gave one actor names it wherever it recurs ("NLA" after "the
        # Northern Liberation Army (NLA)"), even where the actor layer left that occurrence unmarked
        self._forms = _name_forms(base)
        self.knowledge = knowledge
        # the state the story is about (see home_country): whose "authorities" and "police" it means
        self.home = home
        # doers of the acts told so far, oldest first (kept by the sentence stage, for pronouns)
        self.recent: list[Actor] = []
        # ids of the actors the current and the previous sentence name (kept by the sentence stage)
        self.near: set = set()
        self._at: dict = {}
        self._groups: dict = {}

    def at(self, start: int, end: int) -> Actor | None:
        key = (start, end)
        if key not in self._at:
            found = self.base.at(start, end)
            if found is None and self.text:
                found = self.base.actor(self._forms.get(self.text[start:end]))
            self._at[key] = found
        return self._at[key]

    def parties(self, start: int, end: int) -> list[Actor]:
        """The named parties a plural reference stands for ("the two sides", "both leaders")."""
        return self.base.parties(start, end)

    def ref(self, actor: Actor | None) -> EventActor | None:
        if actor is None:
            return None
        if self.base.actor(actor.id) is None:
            return EventActor(name=actor.name, actor_id=None, country=actor.country, sector=actor.sector)
        return self.base.ref(actor)

    def named(self, actor: Actor | None, toks) -> EventActor | None:
        """The short form of an actor as the clause names it (see actors/naming.py), for an event's side."""
        ref = self.ref(actor)
        if ref is None or not toks or self.base.actor(actor.id) is None:
            return ref
        start, end = min(t.idx for t in toks), max(t.idx + len(t) for t in toks)
        name = written_name(actor, toks, self.base.mentions_in(start, end))
        return replace(ref, name=name, written=True) if name != ref.name else ref

    def group(self, head) -> Actor | None:
        """A group actor for a noun phrase headed by `head` whose modifiers name a country."""
        if head.i not in self._groups:
            self._groups[head.i] = self._group(head, depth=0)
        return self._groups[head.i]

    def members(self, head, country_actor: Actor) -> Actor | None:
        """'students throughout Indonesia', 'protesters in Baghdad': a group of that country, not the state."""
        if country_actor.kind != "country" or head.pos_ != "NOUN" or not country_actor.country:
            return None
        if head.tag_ != "NNS" and head.lemma_.lower() not in QUANTITY_HEADS:
            return None  # a group is plural: "students", not "the U.S. point man"
        lemma = head.lemma_.lower()
        if lemma in QUANTITY_HEADS:
            of = next((g for p in head.children if p.dep_ == "prep" and p.lower_ == "of"
                       for g in p.children if g.dep_ == "pobj" and g.pos_ == "NOUN"), None)
            return self.members(of, country_actor) if of is not None and of.lemma_.lower() not in QUANTITY_HEADS else None
        if lemma in NOT_AGENTS:
            return None
        return self._make(head, country_actor.country)

    def members_of_each(self, head) -> list:
        """"leaders from the U.S. and China": members of each state listed after the first are a group
        of their own (the first one's members are the phrase's own actor), as (actor, tokens) pairs."""
        out = []
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in ("from", "of")):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                for conj in (c for c in pobj.subtree if c.dep_ == "conj"):
                    state = self.at(conj.idx, conj.idx + len(conj))
                    group = self.members(head, state) if state is not None and state.kind == "country" else None
                    if group is not None:
                        out.append((group, [conj]))
        return out

    def own_group(self, head, code: str) -> Actor:
        """A group of state `code` named by the noun `head` ("soldiers" -> "Somali soldiers")."""
        return self._make(head, code)

    def posted(self, head) -> Actor | None:
        """"his U.N. mission", "Iran's embassy": the post of the possessor's state ("Iranian U.N. mission")."""
        poss = next((c for c in head.children if c.dep_ == "poss"), None)
        owner = self.at(poss.idx, poss.idx + len(poss)) if poss is not None else None
        code = owner.country if owner is not None else None
        if not code or len(code) != 3 or code == "IGO" or self.knowledge is None:
            return None
        words = [t.text for t in head.doc[poss.i + 1:head.i + 1] if t.text not in ("'s", "’s", "'", "’")]
        name = f"{self.knowledge.adjective(code)} {' '.join(words)}"
        return Actor(id=actor_id("group", name), name=name, kind="group", country=code, sector="GOV")

    def counsel(self, head) -> Actor | None:
        """"X's international legal team", "Y's lawyers": the defence of a named actor, a
        group of the owner's country named with the owner's canonical name."""
        poss = next((c for c in head.children if c.dep_ == "poss"), None)
        owner = self.at(poss.idx, poss.idx + len(poss)) if poss is not None else None
        if owner is None or poss.pos_ == "PRON" and owner.kind != "person":
            return None  # ("his lawyers": the person the actor layer says "his" is)
        words = [t.text for t in head.doc[poss.i + 1:head.i + 1] if t.text not in ("'s", "’s", "'", "’")]
        name = f"{owner.name}'s {' '.join(words)}"
        return Actor(id=actor_id("group", name), name=name, kind="group", country=owner.country, sector="JUD")

    def followers(self, head) -> Actor | None:
        """"Assad loyalists", "supporters of Imran Khan", "Khan's supporters": the people who follow a
        leader or a party are a group of their own, of the leader's country, named as written."""
        if head.lemma_.lower() in QUANTITY_HEADS:  # "thousands of Trump supporters"
            head = next((g for p in head.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                         if g.dep_ == "pobj"), head)
        loyal = self._loyal_to(head)
        if loyal is not None:
            return loyal
        if head.pos_ != "NOUN" or head.lemma_.lower() not in FOLLOWERS or \
                head.tag_ != "NNS" and head.lemma_.lower() not in ENTOURAGES:
            return None
        # (the tagger at times makes an adjective of the leader's name: "Assad loyalists")
        leaders = [c for c in head.children if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < head.i
                   and c.is_title and c.pos_ != "PRON"]
        leaders += [g for p in head.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                    if g.dep_ == "pobj" and g.pos_ == "PROPN"]
        for leader in leaders:
            span = list(leader.subtree) if leader.i > head.i else [t for t in leader.subtree if t.i < head.i]
            followed = self.at(span[0].idx, span[-1].idx + len(span[-1]))
            if followed is None or followed.kind == "country":
                continue  # ("Syrian loyalists" are named by a nationality: the group rules read those)
            first, last = min(head.i, span[0].i), max(head.i, span[-1].i)
            words = [t for t in head.doc[first:last + 1]]
            while words and words[0].lower_ in ("the", "a", "an"):
                words.pop(0)
            text = [t.lower_ if t.i == head.i and t.is_sent_start else t.text for t in words]
            name = " ".join(" ".join(text).replace(" 's", "'s").replace(" ’s", "’s").split())
            return Actor(id=actor_id("group", name), name=name, kind="group", country=followed.country)
        return None

    def _loyal_to(self, head) -> Actor | None:
        """"fighters loyal to the former president": people said loyal to a leader are his followers,
        named as written (to the leader's name, not the places after it)."""
        if head.pos_ != "NOUN" or head.tag_ != "NNS":
            return None
        for loyal in (c for c in head.children if c.dep_ == "amod" and c.lower_ == "loyal" and c.i > head.i):
            leader = next((g for p in loyal.children if p.dep_ == "prep" and p.lower_ == "to" for g in p.children
                           if g.dep_ == "pobj"), None)
            if leader is None:
                continue
            followed = self.at(leader.idx, leader.idx + len(leader))
            if followed is not None and followed.kind == "country":
                continue  # ("troops loyal to Ukraine" are its own)
            name = head.doc[head.i:leader.i + 1].text
            return Actor(id=actor_id("group", name), name=name, kind="group",
                         country=followed.country if followed is not None else None)
        return None

    def authorities(self, country: str | None = None) -> Actor | None:
        """A state's authorities (the story's own unless `country` says): who arrests, jails and charges
        when the clause does not say ("a reporter detained over his articles")."""
        country = country if country and len(country) == 3 and country != "IGO" else self.home
        if not country or self.knowledge is None:
            return None
        name = f"{self.knowledge.adjective(country)} authorities"
        return Actor(id=actor_id("group", name), name=name, kind="group", country=country, sector="GOV")

    def located(self, head) -> Actor | None:
        """A group of the country of the place it is in, where the actor layer names no actor for the place.

        The same reading as `members` ("students throughout Indonesia"), for towns the actor layer
        does not make actors of.
        """
        if head.pos_ != "NOUN" or head.tag_ != "NNS" and head.lemma_.lower() not in STATE_BODIES \
                or head.lemma_.lower() in NOT_AGENTS:
            return None  # (a state's body is one: "a court in Minsk")
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in PLACING_PREPS:
                pobj = next((c for c in prep.children if c.dep_ == "pobj" and c.ent_type_ == "GPE"), None)
                if pobj is not None:
                    words = [t for t in pobj.subtree if t.ent_type_ == "GPE"]
                    code = place_country(" ".join(t.text for t in words))
                    if code:
                        return self._make(head, code)
        return None

    def described(self, head) -> Actor | None:
        """A plural group of political people a region, camp or cause describes ("Western politicians",
        "press freedom and rights groups"): an actor of no state, named by its words."""
        if head.pos_ != "NOUN" or head.tag_ != "NNS" or head.lemma_.lower() not in DESCRIBED_HEADS:
            return None
        mods = sorted((t for c in head.children if c.dep_ in MODIFIER_DEPS and c.i < head.i for t in c.subtree),
                      key=lambda t: t.i)
        words = {t.lower_ for t in mods}
        if not words & DESCRIBING_WORDS:
            return None
        # the naming words (a region, camp or cause, and nouns), not the counting or ranking ones
        # ("additional", "top", "nine")
        kept = [t for t in mods if t.pos_ in ("NOUN", "PROPN") or t.lower_ in DESCRIBING_WORDS]
        kept = [t for n, t in enumerate(kept) if not (t.dep_ == "cc" and (n == 0 or n == len(kept) - 1))]
        name = " ".join(t.text for t in [*kept, head])
        sector = next((SECTORS[w] for w in (*sorted(words), head.lemma_.lower()) if w in SECTORS), None)
        return Actor(id=actor_id("group", name), name=name, kind="group", country=None, sector=sector)

    def crowd(self, head, verb) -> Actor | None:
        """"Thousands of protesters marched in Belgrade": protesters named by no state are of the state
        of the place they protest in (the verb's "in" place), else of the story's state."""
        if head.lemma_.lower() not in CROWDS or head.pos_ != "NOUN" or self.base.at(head.idx, head.idx + len(head)):
            return None
        people = head
        if head.lemma_.lower() in QUANTITY_HEADS:
            people = next((g for p in head.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                           if g.dep_ == "pobj"), None)
            if people is None or people.lemma_.lower() not in CROWDS or self.group(people) is not None:
                return None
        places = [g for g in verb.subtree if g.dep_ == "pobj" and g.ent_type_ == "GPE"
                  and g.head.lower_ in ("in", "across", "throughout")]
        code = next((c for g in places if (c := place_country(" ".join(t.text for t in g.subtree if t.ent_type_ == "GPE")))),
                    None) or self.home
        return self._make(people, code) if code else None

    def _make(self, head, code: str) -> Actor:
        lemma = head.lemma_.lower()
        title = self.knowledge.titles.get(head.lower_) if self.knowledge is not None else None
        sector = title.sector if title is not None and title.kind == "group" else ("MIL" if lemma in HARDWARE else None)
        adjective = self.knowledge.adjective(code) if self.knowledge is not None else code
        service = [c.lower_ for c in head.children if c.dep_ == "compound" and c.i == head.i - 1 and c.lower_ in SERVICES]
        name = " ".join([adjective, *service, head.lower_ if head.is_sent_start and head.pos_ == "NOUN" else head.text])
        return Actor(id=actor_id("group", name), name=name, kind="group", country=code, sector=sector)

    def _group(self, head, depth: int) -> Actor | None:
        if self.knowledge is None or head.pos_ not in ("NOUN", "PROPN") or head.ent_type_ in ("PERSON", "ORG"):
            return None
        lemma = head.lemma_.lower()
        if lemma in QUANTITY_HEADS and depth == 0:
            for prep in head.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                    if pobj is not None:
                        return self._group(pobj, depth + 1)
            return None
        if lemma == "state" and self._bare_state(head):
            return self._home_state()  # "if the state did not release them": the story's own state
        if lemma in NOT_AGENTS or head.lower_ in NOT_AGENTS:
            return None
        code = self._country(head)
        state_body = lemma in STATE_BODIES or lemma in ("force", "source") and any(
            c.dep_ == "compound" and c.lower_ in SERVICES for c in head.children)
        if not state_body and lemma not in HARDWARE and not names_agents(head, self.knowledge.titles):
            return None  # "Japanese changes", "American decades": things and times, no actors
        placed = any(p.dep_ == "prep" and p.lower_ in PLACING_PREPS and any(g.ent_type_ == "GPE" for g in p.children)
                     for p in head.children)
        if code is None and self.home and state_body and not placed and not any(
                c.dep_ in MODIFIER_DEPS and c.i < head.i and c.pos_ == "PROPN" for c in head.children):
            code = self.home  # "the authorities arrested him": the story's own state's (not "a court in Minsk")
        return self._make(head, code) if code is not None else None

    def _bare_state(self, head) -> bool:
        """"the state" acting, with no modifier to make it a state of a federation or another country."""
        acting = head.dep_ in ("nsubj", "nsubjpass") or head.dep_ == "pobj" and head.head.dep_ == "agent"
        return acting and [c.lower_ for c in head.children] == ["the"]

    def _home_state(self) -> Actor | None:
        return next((a for a in self.base.actors if a.kind == "country" and a.country == self.home), None) \
            if self.home else None

    def _country(self, head) -> str | None:
        for mod in head.children:
            if mod.dep_ not in MODIFIER_DEPS or mod.i > head.i:
                continue
            words = [t for t in mod.subtree if t.i < head.i]
            if against(mod):
                continue  # "anti-Pakistan fighters" fight Pakistan: the country is their enemy, not theirs
            # "South Korean" as one phrase first, then the word itself (not in a region's name: "Latin
            # American countries" are none of them the United States)
            phrase = " ".join(t.text for t in words)
            for text in (phrase, mod.text) if not {t.lower_ for t in words} & REGION_PARTS else (phrase,):
                term = self.knowledge.lookup(text)
                if term is not None and term.kind in COUNTRY_TERMS and term.country:
                    return term.country
        return None
