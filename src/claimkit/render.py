"""One article as one self-contained HTML page, for a reader rather than a program.

:func:`render_html` shows the article text with every claim's cue and content, the
mentions of the actors, and the quantities and times of the claims marked in place;
a legend; every claim with its speaker, mode, polarity, hedge, time and quantities;
and every dispute as a panel with its kind, point, reason and sides (the positions
grouped by stance). Claims, list entries and dispute panels link to one another by
anchors: ``#claim-<id>`` is the claim in the text, ``#entry-<id>`` its entry in the
list and ``#dispute-<id>`` a dispute's panel.

The page needs nothing but itself: the CSS is inline, there is no script, and a
Content-Security-Policy forbids every load, so opening it never touches the network.
Marks are built from the spans into the text, so nested and crossing spans give
well-formed markup (a mark that crosses another is split in two). Every piece of
text is escaped. The same article always gives the same page, byte for byte.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import Final

import attrs

from claimkit.model import (
    Actor,
    Article,
    Claim,
    Dispute,
    DisputeKind,
    Mode,
    Polarity,
    Quantity,
    Stance,
    TimePrecision,
    TimeRef,
)

__all__ = ["render_html"]

# --- escaping and anchors ---------------------------------------------------------------

#: Code points that cannot be written as UTF-8 (lone surrogates) or that HTML drops (NUL).
_UNWRITABLE: Final = re.compile("[\x00\ud800-\udfff]")
#: Ids used as they are in anchors; any other id is written in hexadecimal after a dot.
_PLAIN_ID: Final = re.compile(r"[A-Za-z0-9_~-]+")


def _text(value: str) -> str:
    """``value`` escaped for HTML text and attributes (one code point stays one)."""
    return html.escape(_UNWRITABLE.sub("\ufffd", value))


def _anchor(prefix: str, value: str) -> str:
    """A valid, unique HTML id for ``value``: ``claim-c1a2``, or ``claim-.<hex>``.

    Plain ids never contain a dot, so the two forms cannot meet.
    """
    if _PLAIN_ID.fullmatch(value):
        return f"{prefix}-{value}"
    return f"{prefix}-.{value.encode('utf-8', 'surrogatepass').hex()}"


def _number(value: float) -> str:
    try:
        number = float(value)
    except OverflowError:
        return "a number too large to show"
    if number.is_integer() and abs(number) < 1e15:
        return str(int(number))
    return repr(number)


# --- what a claim, a quantity, a time and an actor read as ------------------------------


def _bounds(quantity: Quantity) -> str:
    low, high = quantity.low, quantity.high
    if low is not None and high is not None:
        if low == high:
            return f"exactly {_number(low)}"
        return f"{_number(low)} to {_number(high)}"
    if low is not None:
        return f"at least {_number(low)}"
    if high is not None:
        return f"at most {_number(high)}"
    return "not normalized"


def _quantity_summary(quantity: Quantity) -> str:
    parts = [f"“{quantity.text}”", quantity.hedge.value.replace("_", " "), _bounds(quantity)]
    if quantity.counted:
        parts.append(f"counted: {quantity.counted}")
    if quantity.event:
        parts.append(f"event: {quantity.event}")
    return " · ".join(parts)


def _dates(when: TimeRef) -> str:
    if when.precision is TimePrecision.UNRESOLVED or when.start is None or when.end is None:
        return "unresolved"
    if when.precision is TimePrecision.DAY:
        return when.start.isoformat()
    return f"{when.start.isoformat()} to {when.end.isoformat()}"


def _actor_summary(article: Article, actor: Actor) -> str:
    parts = [actor.kind.value.replace("_", " ")]
    if actor.role:
        parts.append(actor.role)
    if actor.affiliation is not None:
        parts.append(f"of {article.actor(actor.affiliation).name}")
    return ", ".join(parts)


def _short(text: str, limit: int = 140) -> str:
    """``text`` cut at a word before ``limit`` characters, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:") + "…"


@attrs.frozen(kw_only=True)
class _Index:
    """Numbers and cross references computed once for one article."""

    article: Article
    claim_number: dict[str, int]
    dispute_label: dict[str, str]
    stances: dict[str, tuple[tuple[Dispute, Stance], ...]]
    speakers: frozenset[str]

    @classmethod
    def of(cls, article: Article) -> _Index:
        stances: dict[str, list[tuple[Dispute, Stance]]] = {}
        for dispute in article.disputes:
            for position in dispute.positions:
                stances.setdefault(position.claim, []).append((dispute, position.stance))
        return cls(
            article=article,
            claim_number={c.id: n for n, c in enumerate(article.claims, start=1)},
            dispute_label={d.id: f"D{n}" for n, d in enumerate(article.disputes, start=1)},
            stances={claim: tuple(found) for claim, found in stances.items()},
            speakers=frozenset(c.speaker for c in article.claims),
        )

    def claim_badge(self, claim: Claim, href: str) -> str:
        number = self.claim_number[claim.id]
        return f'<a class="badge" href="#{_anchor(href, claim.id)}">{number}</a>'

    def dispute_marker(self, dispute: Dispute, stance: Stance) -> str:
        label = self.dispute_label[dispute.id]
        title = f"dispute {label} ({dispute.kind.value}): this claim {stance.value}"
        return (
            f'<a class="dmark {stance.value}" href="#{_anchor("dispute", dispute.id)}"'
            f' title="{_text(title)}">{label}</a>'
        )


# --- marks in the text ------------------------------------------------------------------

#: Which mark is outside when two cover the same characters (smaller is outer).
_RANK: Final = {"content": 0, "speaker": 1, "actor": 1, "cue": 2, "time": 3, "quantity": 4}


@attrs.frozen(kw_only=True)
class _Mark:
    """One marked span of the text: ``<span class=...>`` around ``text[start:end]``.

    ``data`` (``data-claim``, ``data-actor``) is on every piece when the mark has to
    be split; ``first`` (the anchor id) and ``prefix`` (markup shown at its start)
    are on the first piece only.
    """

    start: int
    end: int
    kind: str
    classes: str
    title: str
    data: str = ""
    first: str = ""
    prefix: str = ""

    def sort_key(self) -> tuple[int, int, int, str, str, str, str, str]:
        """Start, the longer first, then a total order so that the page is always the same."""
        rank = _RANK[self.kind]
        return (self.start, -self.end, rank, self.classes, self.title, self.data, self.first,
                self.prefix)  # fmt: skip

    def opening(self, *, again: bool) -> str:
        title = f' title="{_text(self.title)}"'
        if again:
            return f'<span class="{self.classes} cont"{self.data}{title}>'
        return f'<span class="{self.classes}"{self.first}{self.data}{title}>'


def _marks(index: _Index) -> list[_Mark]:
    article = index.article
    marks: list[_Mark] = []
    spans: dict[tuple[str, int, int], list[str]] = {}  # quantity and time marks, merged
    for claim in article.claims:
        number = index.claim_number[claim.id]
        speaker = article.speaker_of(claim)
        found = index.stances.get(claim.id, ())
        state = "deny" if claim.polarity is Polarity.DENY else "assert"
        prefix = index.claim_badge(claim, "entry") + "".join(
            index.dispute_marker(dispute, stance) for dispute, stance in found
        )
        marks.append(
            _Mark(
                start=claim.content.span.start,
                end=claim.content.span.end,
                kind="content",
                classes=f"mark content {state}" + (" disputed" if found else ""),
                title=f"claim {number}: what {speaker.name} {_verb(claim)}",
                data=f' data-claim="{_text(claim.id)}"',
                first=f' id="{_anchor("claim", claim.id)}"',
                prefix=prefix,
            )
        )
        marks.append(
            _Mark(
                start=claim.cue.span.start,
                end=claim.cue.span.end,
                kind="cue",
                classes="mark cue",
                title=f"claim {number}: cue ({claim.mode.value.replace('_', ' ')})",
                data=f' data-claim="{_text(claim.id)}"',
            )
        )
        for quantity in claim.quantities:
            key = ("quantity", quantity.span.start, quantity.span.end)
            spans.setdefault(key, []).append(f"claim {number}: {_quantity_summary(quantity)}")
        if claim.when is not None:
            key = ("time", claim.when.span.start, claim.when.span.end)
            spans.setdefault(key, []).append(
                f"claim {number}: said {_dates(claim.when)} ({claim.when.precision.value})"
            )
    for (kind, start, end), titles in spans.items():
        marks.append(
            _Mark(start=start, end=end, kind=kind, classes=f"mark {kind}", title="; ".join(titles))
        )
    for actor in article.actors:
        kind = "speaker" if actor.id in index.speakers else "actor"
        title = f"{actor.name} ({_actor_summary(article, actor)})"
        if kind == "speaker":
            said = [str(index.claim_number[c.id]) for c in article.claims if c.speaker == actor.id]
            title += f", speaker of claim{'s' if len(said) > 1 else ''} {', '.join(said)}"
        for mention in actor.mentions:
            marks.append(
                _Mark(
                    start=mention.start,
                    end=mention.end,
                    kind=kind,
                    classes=f"mark {kind}",
                    title=title,
                    data=f' data-actor="{_text(actor.id)}"',
                )
            )
    return sorted(set(marks), key=_Mark.sort_key)


def _verb(claim: Claim) -> str:
    return "denies" if claim.polarity is Polarity.DENY else "claims"


def _markup(text: str, marks: Sequence[_Mark]) -> str:
    """``text`` escaped, with every mark put around its span.

    Marks open in ``marks`` order (sorted by start, the longer first); a mark that
    ends while marks opened inside it are still open closes them, then opens them
    again, so the tags always nest.
    """
    boundaries = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    out: list[str] = []
    stack: list[_Mark] = []
    waiting = list(reversed(marks))
    position = 0
    for boundary in boundaries:
        out.append(_text(text[position:boundary]))
        position = boundary
        ending = [i for i, mark in enumerate(stack) if mark.end == boundary]
        if ending:
            lowest = ending[0]
            reopen = [mark for mark in stack[lowest:] if mark.end != boundary]
            out.append("</span>" * (len(stack) - lowest))
            del stack[lowest:]
            for mark in reopen:
                out.append(mark.opening(again=True))
                stack.append(mark)
        while waiting and waiting[-1].start == boundary:
            mark = waiting.pop()
            out.append(mark.opening(again=False) + mark.prefix)
            if mark.end == boundary:
                out.append("</span>")
            else:
                stack.append(mark)
    out.append("</span>" * len(stack))
    return "".join(out)


# --- the parts of the page --------------------------------------------------------------


def _header(article: Article) -> str:
    title = article.title or "Claims in an article"
    facts = []
    if article.published is not None:
        facts.append(f"published {article.published.isoformat()}")
    if article.source:
        facts.append(article.source)
    counted = (
        (len(article.actors), "actor"),
        (len(article.claims), "claim"),
        (len(article.disputes), "dispute"),
    )
    facts.append(", ".join(f"{n} {word}{'' if n == 1 else 's'}" for n, word in counted))
    lines = [f"<h1>{_text(title)}</h1>", f'<p class="facts">{_text(" · ".join(facts))}</p>']
    if article.url:
        lines.append(f'<p class="facts">from <span class="url">{_text(article.url)}</span></p>')
    return "<header>\n" + "\n".join(lines) + "\n</header>"


_LEGEND: Final = (
    ("mark speaker", "speaker", "an actor who makes a claim, where the text names it"),
    ("mark actor", "actor", "another actor named in the text"),
    ("mark cue", "cue", "the reporting cue: said, denied, according to"),
    ("mark content assert", "content", "what is claimed"),
    ("mark content deny", "denied", "what is denied"),
    ("mark quantity", "quantity", "a number a claim states"),
    ("mark time", "time", "when the claim was made"),
)


def _legend() -> str:
    items = [
        f'<li><span class="{classes}">{_text(sample)}</span> {_text(meaning)}</li>'
        for classes, sample, meaning in _LEGEND
    ]
    items.append('<li><span class="badge">1</span> the claim’s number, linked to its entry</li>')
    items.append(
        '<li><span class="dmark affirms">D1</span><span class="dmark denies">D1</span>'
        " a dispute the claim takes part in (green affirms, red denies), linked to its panel</li>"
    )
    return (
        '<section class="legend" aria-label="legend">\n<h2>Legend</h2>\n<ul>\n'
        + "\n".join(items)
        + "\n</ul>\n</section>"
    )


def _claim_entry(index: _Index, claim: Claim) -> str:
    article = index.article
    speaker = article.speaker_of(claim)
    rows = [
        ("speaker", f"{speaker.name} ({_actor_summary(article, speaker)})"),
        ("cue", f"“{claim.cue.text}”"),
        ("mode", claim.mode.value.replace("_", " ")),
        ("polarity", claim.polarity.value),
        ("hedged", "yes" if claim.hedged else "no"),
        (
            "time",
            "not given"
            if claim.when is None
            else f"“{claim.when.text}”: {_dates(claim.when)} ({claim.when.precision.value})",
        ),
    ]
    if claim.confidence is not None:
        rows.append(("confidence", _number(claim.confidence)))
    cells = [f"<dt>{_text(name)}</dt><dd>{_text(value)}</dd>" for name, value in rows]
    if claim.quantities:
        listed = "".join(f"<li>{_text(_quantity_summary(q))}</li>" for q in claim.quantities)
        cells.append(f"<dt>quantities</dt><dd><ul>{listed}</ul></dd>")
    else:
        cells.append("<dt>quantities</dt><dd>none</dd>")
    found = index.stances.get(claim.id, ())
    if found:
        links = ", ".join(
            f"{index.dispute_marker(dispute, stance)} {_text(stance.value)}"
            for dispute, stance in found
        )
        cells.append(f"<dt>disputes</dt><dd>{links}</dd>")
    state = "deny" if claim.polarity is Polarity.DENY else "assert"
    who = f'<span class="who">{_text(speaker.name)}</span>'
    cue = f'<span class="verb">{_text(claim.cue.text)}</span>'
    content = f'<q class="{state}">{_text(claim.content.text)}</q>'
    said = f"{content}, {cue} {who}" if _cue_first(claim) else f"{who} {cue} {content}"
    return (
        f'<li class="entry" id="{_anchor("entry", claim.id)}">\n'
        f'<p class="said">{index.claim_badge(claim, "claim")} {said}'
        f' <a class="back" href="#{_anchor("claim", claim.id)}">in the text</a></p>\n'
        f"<dl>{''.join(cells)}</dl>\n</li>"
    )


def _cue_first(claim: Claim) -> bool:
    """Whether the cue reads before the speaker ("according to X"), not after ("X said")."""
    return claim.mode is Mode.ACCORDING_TO


def _claims(index: _Index) -> str:
    if not index.article.claims:
        return '<section class="claims">\n<h2>Claims</h2>\n<p>No claims.</p>\n</section>'
    entries = "\n".join(_claim_entry(index, c) for c in index.article.claims)
    return f'<section class="claims">\n<h2>Claims</h2>\n<ol>\n{entries}\n</ol>\n</section>'


#: The order in which the sides of a dispute are shown.
_SIDES: Final = (Stance.AFFIRMS, Stance.DENIES, Stance.OTHER)


def _dispute_panel(index: _Index, dispute: Dispute) -> str:
    article = index.article
    label = index.dispute_label[dispute.id]
    facts = [("point", dispute.point)]
    if dispute.reason:
        facts.append(("reason", dispute.reason))
    if dispute.note:
        facts.append(("note", dispute.note))
    sides = []
    for stance in _SIDES:
        members = [p.claim for p in dispute.positions if p.stance is stance]
        if not members:
            continue
        items = []
        for claim_id in members:
            claim = article.claim(claim_id)
            name = article.speaker_of(claim).name
            said = f"{claim.cue.text} {name}" if _cue_first(claim) else f"{name} {claim.cue.text}"
            numbers = ""
            if dispute.kind is DisputeKind.NUMERIC and claim.quantities:
                numbers = " (" + ", ".join(q.text for q in claim.quantities) + ")"
            items.append(
                f'<li>{index.claim_badge(claim, "claim")} <span class="who">{_text(said)}</span>'
                f" <q>{_text(_short(claim.content.text))}</q>{_text(numbers)}</li>"
            )
        sides.append(
            f'<div class="side {stance.value}">\n<h4>{_text(stance.value)} ({len(members)})</h4>\n'
            f"<ul>{''.join(items)}</ul>\n</div>"
        )
    described = "".join(
        f'<p class="{name}"><span class="key">{name}</span> {_text(value)}</p>'
        for name, value in facts
    )
    return (
        f'<section class="dispute {dispute.kind.value}" id="{_anchor("dispute", dispute.id)}">\n'
        f'<h3><span class="dlabel">{label}</span> {_text(dispute.kind.value)}</h3>\n'
        f"{described}\n" + "\n".join(sides) + "\n</section>"
    )


def _disputes(index: _Index) -> str:
    panels = [_dispute_panel(index, d) for d in index.article.disputes] or ["<p>No disputes.</p>"]
    return '<aside class="disputes">\n<h2>Disputes</h2>\n' + "\n".join(panels) + "\n</aside>"


# Inline only: the page must read the same with no network and no script.
_CSS: Final = """
:root { --ink: #1d232b; --muted: #5b6572; --rule: #d9dee5; --paper: #ffffff; }
* { box-sizing: border-box; }
body { margin: 0; padding: 24px 28px 48px; color: var(--ink); background: var(--paper);
  font: 15px/1.5 "DejaVu Sans", "Liberation Sans", Arial, sans-serif; }
header h1 { margin: 0 0 4px; font-size: 24px; }
.facts { margin: 0; color: var(--muted); }
.url { overflow-wrap: anywhere; }
h2 { font-size: 17px; margin: 0 0 10px; }
.layout { display: grid; grid-template-columns: minmax(0, 1.55fr) minmax(0, 1fr);
  gap: 28px; margin-top: 18px; align-items: start; }
@media (max-width: 860px) { .layout { grid-template-columns: minmax(0, 1fr); } }
.legend ul { display: flex; flex-wrap: wrap; gap: 6px 18px; padding: 0; margin: 0 0 16px;
  list-style: none; color: var(--muted); font-size: 13px; }
.text { white-space: pre-wrap; overflow-wrap: break-word; margin: 0;
  font: 17px/1.9 "DejaVu Serif", "Liberation Serif", Georgia, serif; }
.mark { box-decoration-break: clone; -webkit-box-decoration-break: clone; }
.content { background: #fff2b3; border-radius: 2px; }
.content.deny { background: #ffd9d4; }
.cue { font-weight: 700; color: #123f8c; background: #d3e4ff; border-bottom: 2px solid #2f6fd6; }
.speaker { background: #d2f0d4; border-bottom: 2px solid #2e8b3d; }
.actor { border-bottom: 2px dotted #2e8b3d; }
.quantity { background: #e9dcff; outline: 1px solid #7b3fe4; border-radius: 2px; }
.time { background: #cdf1f1; border-bottom: 2px dashed #0f7f7f; }
.badge, .dmark { display: inline-block; min-width: 1.5em; margin: 0 2px; padding: 0 4px;
  border-radius: 9px; font: 700 11px/1.6 "DejaVu Sans", Arial, sans-serif;
  text-align: center; text-decoration: none; vertical-align: 0.35em; white-space: nowrap; }
.badge { color: #fff; background: #4b5563; }
.dmark { color: #fff; background: #8a5a00; }
.dmark.affirms { background: #2e7d32; }
.dmark.denies { background: #c62828; }
:target { outline: 3px solid #f0a500; outline-offset: 2px; }
.content, .entry, .dispute { scroll-margin-top: 24px; }
.disputes .dispute { border: 1px solid var(--rule); border-left: 5px solid #c62828;
  border-radius: 6px; padding: 10px 14px; margin: 0 0 14px; background: #fcfcfd; }
.dispute.numeric { border-left-color: #7b3fe4; }
.dispute.contradiction { border-left-color: #8a5a00; }
.dispute h3 { margin: 0 0 6px; font-size: 16px; text-transform: capitalize; }
.dlabel { color: #fff; background: var(--ink); border-radius: 4px; padding: 0 6px;
  margin-right: 4px; text-transform: none; }
.dispute p { margin: 0 0 6px; }
.key { display: inline-block; min-width: 4.2em; color: var(--muted); font-size: 12px;
  text-transform: uppercase; letter-spacing: 0.04em; }
.side { margin-top: 8px; }
.side h4 { margin: 0 0 4px; font-size: 13px; text-transform: uppercase; letter-spacing: 0.05em; }
.side.affirms h4 { color: #2e7d32; }
.side.denies h4 { color: #c62828; }
.side.other h4 { color: #7b3fe4; }
.side ul { margin: 0; padding-left: 0; list-style: none; font-size: 14px; }
.side li { margin: 0 0 5px; }
.who { font-weight: 700; }
.claims { margin-top: 28px; border-top: 1px solid var(--rule); padding-top: 16px; }
.claims ol { list-style: none; padding: 0; margin: 0;
  display: grid; grid-template-columns: repeat(auto-fill, minmax(340px, 1fr)); gap: 12px; }
.entry { border: 1px solid var(--rule); border-radius: 6px; padding: 10px 12px; }
.said { margin: 0 0 6px; }
.said q.deny { background: #ffd9d4; }
.said q.assert { background: #fff2b3; }
.back { font-size: 12px; color: var(--muted); }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 0;
  font-size: 13px; }
dt { color: var(--muted); }
dd { margin: 0; }
dd ul { margin: 0; padding-left: 16px; }
"""

#: Nothing may be loaded: not a font, an image, a style sheet or a script.
_POLICY: Final = (
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
)


def render_html(article: Article) -> str:
    """``article`` as one self-contained HTML page, to be written as UTF-8.

    The page shows the text with the claims' cues and contents, the actors'
    mentions, and the claims' quantities and times marked; a legend; every claim
    with its speaker, mode, polarity, hedge, time and quantities; and every dispute
    with its kind, point, reason and sides. Claims in the text are ``#claim-<id>``
    (ids that are not plain letters, digits, ``_``, ``~`` and ``-`` are written in
    hexadecimal), their entries ``#entry-<id>`` and disputes ``#dispute-<id>``.

    >>> import claimkit
    >>> article = claimkit.extract("Russia said that 40 soldiers were killed.")
    >>> page = render_html(article)
    >>> page.startswith("<!DOCTYPE html>")
    True
    >>> f'id="claim-{article.claims[0].id}"' in page
    True
    >>> page == render_html(article)
    True
    """
    index = _Index.of(article)
    title = article.title or "Claims in an article"
    body = _markup(article.text, _marks(index))
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{_text(article.language)}">',
            "<head>",
            '<meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{_POLICY}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<meta name="generator" content="claimkit">',
            f"<title>{_text(title)}</title>",
            f"<style>{_CSS}</style>",
            "</head>",
            "<body>",
            _header(article),
            '<div class="layout">',
            "<main>",
            _legend(),
            "<h2>Text</h2>",
            f'<div class="text" lang="{_text(article.language)}">{body}</div>',
            "</main>",
            _disputes(index),
            "</div>",
            _claims(index),
            "</body>",
            "</html>",
            "",
        ]
    )
