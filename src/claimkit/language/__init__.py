"""The language layer: what claimkit knows of English news, in one place.

Word lists and tables (:mod:`~claimkit.language.lexicon`, :mod:`~claimkit.language.events`),
text utilities (:mod:`~claimkit.language.text`, :mod:`~claimkit.language.tokens`,
:mod:`~claimkit.language.sentences`, :mod:`~claimkit.language.times`) and the meaning of
counts (:mod:`~claimkit.language.counts`). The extractor, the comparison API, actor
identity, evaluation and the corpus all read them from here; none of them imports another's
internals. See ``docs/language.md``.
"""
