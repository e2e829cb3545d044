"""Statements and their speakers: what each person said, quoted or reported, and who said it.

:func:`extract_quotes` reads an article's paragraphs; the lexicons it reads them with are data
(:class:`Lexicon`, extended by plugins). The data flow, paragraph by paragraph, each step a
module of this package::

    paragraph text
      │ marks: quotation spans (curly, straight, guillemets, '' pairs); quotations.cut_unclosed
      │        ends an unclosed one at the attribution inside it
      │ tokens, sentences: the words outside the quotations, one placeholder per quotation;
      │        where sentences start
      ├─> quotations: each quotation's cue (cues: the frames around it, read with the grammar
      │        of speaker phrases in phrases and grammar) and speaker (resolve) ─> fragments
      ├─> reported: each sentence's reported speech (its own frames, the same phrases and
      │        resolve) ─> statements of one or more fragments
      └─> assemble: quotations that go on after their attribution or are listed under one cue
               joined; quotations inside a reported clause made part of it (mixed); the
               confidence of each (confidence) and the floor ─> Quote objects

Speakers resolve against the people of the whole article (:mod:`.speakers` indexes the names
of the body, title, lead and captions). Everything is linear in the text.
"""

from presswire.quotes.extract import extract_quotes
from presswire.quotes.lexicon import DEFAULT_LEXICON, Lexicon

__all__ = ["DEFAULT_LEXICON", "Lexicon", "extract_quotes"]
