"""Quote extraction: quotation marks, attribution cues, speaker resolution, lexicons as data."""

from presswire.quotes.extract import extract_quotes
from presswire.quotes.lexicon import DEFAULT_LEXICON, Lexicon

__all__ = ["DEFAULT_LEXICON", "Lexicon", "extract_quotes"]
