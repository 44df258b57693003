"""Registers claimkit's strategies with hypothesis (through its entry point).

Hypothesis imports this module when it starts, so ``st.from_type(Article)``
gives valid articles in any project that has claimkit installed. claimkit
itself never imports hypothesis unless :mod:`claimkit.strategies` is used.

Each registered strategy is deferred: :mod:`claimkit.strategies` is imported
at the first draw, not here. Hypothesis runs this hook while it is itself
being imported, which may be in the middle of importing
:mod:`claimkit.strategies` (when a user imports that module first).
"""

from __future__ import annotations

from typing import Any


def _register_strategies() -> None:
    import attrs
    from hypothesis import strategies as st

    # The model only: importing hypothesis must not load the extractor or the serializers.
    from claimkit import model

    def registered(cls: type) -> st.SearchStrategy[Any]:
        def resolve() -> st.SearchStrategy[Any]:
            from claimkit import strategies

            return strategies.REGISTERED[cls]

        return st.deferred(resolve)

    for value in vars(model).values():
        if isinstance(value, type) and attrs.has(value) and value.__module__ == model.__name__:
            st.register_type_strategy(value, registered(value))
