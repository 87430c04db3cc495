"""Quotes: direct, partial and indirect quotations, each credited to the speaker the text names.

Three passes over one parsed article:

1. marks: double quotation marks are paired into segments; single-quoted fragments count only in
   body sentences that carry a reporting verb, so headline scare quotes and apostrophes are left alone.
2. direct: a quote is attributed from the words beside it, its neighbours or the clause before it;
   an embedded fragment is a partial quote with the speaker of its sentence.
3. indirect: cues of speech, belief, intention and evidence (data/cues.toml) outside quotes give the
   content they govern.

Speakers resolve through ArticleActors (speakers.py); a pronoun falls back to an earlier speaker or
subject only when gender and number agree, else the speaker is null.
"""

from .extract import FoundQuote, extract_quotes, find_quotes
from .marks import paragraphs_of, quote_segments

__all__ = ["FoundQuote", "extract_quotes", "find_quotes", "paragraphs_of", "quote_segments"]
