"""Where a story's narrative stands, and the dates it gives the acts told without one of their own.

Stories are published on Wednesday 2020-07-08 (the `code` fixture's default): "on Monday" is 07-06.
"""

from datetime import date

import pytest

from parley.events.when import COUNTED, narrative_days, resolve

WEDNESDAY = date(2020, 7, 8)


def only(events, type_):
    found = [e for e in events if e.type == type_]
    assert len(found) == 1, [(e.type, e.trigger) for e in events]
    return found[0]


@pytest.mark.parametrize("text, days", [
    ("The siege ended early Monday.", ("2020-07-06",)),
    ("He was arrested on Sunday.", ("2020-07-05",)),
    ("The army said Tuesday that it had closed the border.", ("2020-07-07",)),
    # a bare day the parser hangs on the object dates the clause: news dates what is done
    ("Rebels attacked a convoy Tuesday in the north.", ("2020-07-07",)),
    ("The minister will travel to Paris on Friday.", ()),  # what is still to come is not where the story stands
    ("Officials welcomed Monday's announcement.", ()),  # a possessive dates its noun, not the telling
    ("Officials met in May.", ("2020-05",)),
    ("In 2018, the two sides signed a truce.", ("2018",)),
])
def test_the_days_a_sentence_stands_at(nlp, text, days):
    assert narrative_days(next(nlp(text).sents), WEDNESDAY) == days


def test_words_that_count_from_the_narrative():
    assert resolve("a day earlier", WEDNESDAY, False) == ("2020-07-07", COUNTED, "day")
    assert resolve("two days later", WEDNESDAY, False)[:2] == ("2020-07-10", COUNTED)
    assert resolve("the next day", WEDNESDAY, False)[:2] == ("2020-07-09", COUNTED)
    assert resolve("hours later", WEDNESDAY, False)[:2] == ("2020-07-08", COUNTED)
    assert resolve("a day after", WEDNESDAY, False) is None  # "a day after the vote" counts from the vote


def test_an_act_told_where_the_narrative_went_back_is_history(code, known):
    text = "Japan signed a trade deal with China on Monday. In 2018, Japan arrested Moon. A court later sentenced Moon."
    told = {e.trigger: (e.status, e.date) for e in code(text, known)}
    assert told["arrested"] == ("historical", "2018")
    assert told["sentenced"] == ("historical", None)  # after 2018, on no day the story gives; not Monday


def test_a_day_given_by_a_clause_that_is_no_event_carries(code, known):
    events = code("Japan published its defence review on Monday. Japan accused China of spying.", known)
    assert only(events, "ACCUSE").date == "2020-07-06"


def test_a_day_carries_only_within_its_thread(code, known):
    text = ("Japan and China met in Seoul on Tuesday. Moon told reporters on Monday that the economy was weak. "
            "Japan praised China for its restraint.")
    assert only(code(text, known), "SUPPORT").date == "2020-07-07"  # not Monday: Moon's day is Moon's


def test_the_lead_gives_the_day_when_nothing_near_does(code, known):
    text = ("Japan and China met in Seoul on Tuesday. The economy was weak. Prices rose. Wages fell. "
            "Japan praised China for its restraint.")
    assert only(code(text, known), "SUPPORT").date == "2020-07-07"


def test_a_day_counted_from_the_narrative_counts_from_its_day(code, known):
    text = "China attacked Japan on Friday. Two days later, Japan imposed sanctions on China."
    assert only(code(text, known), "SANCTION").date == "2020-07-05"
    text = "Japan and China met in Seoul on Tuesday. A day earlier, Japan had accused China of spying."
    e = only(code(text, known), "ACCUSE")
    assert (e.date, e.status) == ("2020-07-06", "reported")  # the past perfect of the news is no history


def test_a_count_from_the_narrative_without_one_stays_before_publication(code, known):
    e = only(code("Japan imposed sanctions on China a day later.", known), "SANCTION")
    assert e.date == "2020-07-08"  # the day after is unknown; told as done, it is no later than the story


def test_the_past_perfect_of_reported_words_is_the_news(code, known):
    # "said that X had sent troops": the tense of the words reported, shifted back, not history
    e = only(code("On Tuesday, Japan said that China had attacked its patrol boats.", known), "ASSAULT")
    assert (e.status, e.date) == ("reported", "2020-07-07")


def test_the_past_perfect_with_no_date_is_history_without_a_day(code, known):
    e = only(code("Lee had visited Japan before the election.", known), "CONSULT")
    assert (e.status, e.date) == ("historical", None)  # never the publication day


def test_a_clause_of_the_same_time_shares_its_date(code, known):
    # "as", "when", "while": one time for both clauses, whichever of them names it
    text = "Japan warned on Monday that it would keep up the pressure, as China rejected its offer."
    assert only(code(text, known), "REJECT").date == "2020-07-06"
    assert only(code("When Lee arrived in Seoul in May, Moon praised Kim.", known), "SUPPORT").date == "2020-05"


def test_a_which_clause_told_in_its_noun_takes_the_nouns_date(code, known):
    for text in ("The arrest followed interviews in May, in which Moon accused Japan of spying.",
                 "The charges stem from two interviews in May and June, during which Moon accused Japan of spying."):
        e = only(code(text, known), "ACCUSE")
        assert (e.status, e.date) == ("historical", "2020-05")


def test_a_participle_before_a_name_tells_a_state_an_earlier_act_left(code, known):
    # "the imprisoned activist X" is held now because of an arrest before the news: history, no day
    events = code("The son of imprisoned activist Lee met Abe in Tokyo on Monday.", known, dateline="SEOUL")
    (held,) = [e for e in events if e.type == "COERCE"]
    assert (held.status, held.date) == ("historical", None)


def test_a_narrative_gone_back_dates_the_past_acts_that_follow(code, known):
    text = "Japan and China met on Monday. In 2018, Japan accused China of spying. Japan also sanctioned China."
    assert only(code(text, known), "SANCTION").date == "2018"
    # a present stance is no part of the past narrative: it holds now
    text = "Japan and China met on Monday. In 2018, Japan accused China of spying. Japan opposes China's claims."
    assert [e.date for e in code(text, known) if e.trigger == "opposes"] == ["2020-07-08"]


def test_a_lead_that_recalls_history_gives_no_history_to_acts_far_below(code, known):
    text = ("Two years after Japan seized the islands in 2018, Japan and China met on Monday. The economy was weak. "
            "Prices rose. Wages fell. Growth slowed. Japan sanctioned China.")
    assert only(code(text, known), "SANCTION").date == "2020-07-06"


@pytest.mark.parametrize("text, days", [
    # a participle adjunct has no tense of its own: it tells its act at the time of its clause
    ("Speaking to reporters on Monday, the minister said the talks had failed.", ("2020-07-06",)),
    # a relative clause on a noun is dated for itself: the sentence does not stand at its day
    ("Japan repeated the claim, a charge China rejected on Monday.", ()),
    ("The envoy, who arrived on Monday, said the talks had failed.", ()),
    # a relative clause of a time stands at that time
    ("The ship stayed in port until May 3, when it sailed south.", ()),
    # a document dated a day was issued that day
    ("The senators sent a letter dated May 4 to the minister.", ("2020-05-04",)),
])
def test_clauses_of_no_tense_and_relative_clauses(nlp, text, days):
    assert narrative_days(next(nlp(text).sents), WEDNESDAY) == days


def test_a_participle_adjunct_dates_its_clause_both_ways(code, known):
    e = only(code("Speaking at the council this week, Moon accused Japan of spying.", known), "ACCUSE")
    assert e.date == "2020-07"  # "this week": the month, as precise as the words allow
    e = only(code("Japan said on Monday, accusing China of spying.", known), "ACCUSE")
    assert e.date == "2020-07-06"


def test_a_relative_clause_day_is_its_own(code, known):
    text = "Japan and China met in Seoul on Tuesday. Moon accused Japan of spying, a charge Abe rejected on Monday."
    events = code(text, known)
    assert only(events, "ACCUSE").date == "2020-07-07"  # the narrative's day, not the rejection's
    assert only(events, "REJECT").date == "2020-07-06"


def test_a_letter_dated_a_day_dates_what_it_asks(code, known):
    e = only(code("Japan sent a letter to China dated May 4, urging Beijing to release the sailors.", known), "REQUEST")
    assert (e.status, e.date) == ("historical", "2020-05-04")


def test_a_where_clause_happens_when_its_place_is_named(code, known):
    # "where" is "at which": the clause is within the time of the clause that names its place
    text = "Hope faded after fighting that began on Monday in the northern region, where Japan attacked China."
    assert only(code(text, known), "ASSAULT").date == "2020-07-06"
    # unless it says it came at another time
    e = only(code("Abe was born in 1950 in Osaka, where Japan later attacked China.", known), "ASSAULT")
    assert e.date is None


def test_news_of_the_week_and_an_act_dated_weeks_before_are_two_happenings(code, known):
    text = "Japan and China met in Seoul on Tuesday. Japan accused China of spying. On June 20, Japan accused China of theft."
    assert sorted(e.date for e in code(text, known) if e.type == "ACCUSE") == ["2020-06-20", "2020-07-07"]
    # a day of the story's week is no conflict: the narrative's day may be a day or two off
    text = "Japan and China met in Seoul on Tuesday. Japan accused China of spying. On Monday, Japan accused China of theft."
    assert only(code(text, known), "ACCUSE").date == "2020-07-06"


def test_a_habit_or_a_series_is_background_with_no_day(code, known):
    text = "Japan and China met in Seoul on Tuesday. China routinely denies spying on Japan. Japan has repeatedly accused China of spying."
    told = {e.type: (e.status, e.date) for e in code(text, known)}
    assert told["REJECT"] == ("historical", None)
    assert told["ACCUSE"] == ("historical", None)
    e = only(code("Japan and China met in Seoul on Tuesday. Japan accused China of spying.", known), "ACCUSE")
    assert (e.status, e.date) == ("reported", "2020-07-07")  # one act of the news: the narrative's day
