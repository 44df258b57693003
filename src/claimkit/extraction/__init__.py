"""The parts of the extractor, one concept a module.

:func:`claimkit.extract` is the public entry point; these modules are
internal and may change between releases.
"""
