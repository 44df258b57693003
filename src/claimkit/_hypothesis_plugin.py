"""Registers claimkit's strategies with hypothesis (through its entry point).

Hypothesis imports this module when it starts, so ``st.from_type(Article)``
gives valid articles in any project that has claimkit installed. claimkit
itself never imports hypothesis unless :mod:`claimkit.strategies` is used.
"""

from __future__ import annotations


def _register_strategies() -> None:
    from hypothesis import strategies as st

    from claimkit import strategies

    for cls, strategy in strategies.REGISTERED.items():
        st.register_type_strategy(cls, strategy)
