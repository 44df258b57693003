"""``claimkit render`` and :func:`claimkit.render.render_html`.

The page is parsed back to check that every mark covers exactly its span (also for
nested, crossing and empty spans), that all text is escaped, that every link has its
target, and that the output is the same bytes on every run. The browser tests open
the page in a real headless Chromium (Debian's package, installed by ``.ci/run``) and
check what a reader sees: the marks, the dispute panels, the links between them.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import zlib
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

import claimkit
from claimkit import (
    Actor,
    ActorKind,
    Article,
    Claim,
    Dispute,
    DisputeKind,
    Excerpt,
    Hedge,
    Mode,
    Polarity,
    Position,
    Quantity,
    Span,
    Stance,
    TimePrecision,
    TimeRef,
)
from claimkit.cli import main
from claimkit.errors import ValidationError
from claimkit.readers import read_text_file
from claimkit.render import render_html
from claimkit.strategies import articles

ROOT = Path(__file__).resolve().parent.parent
SEED_TEXT = ROOT / "seeds" / "idlib-2020-01-24.txt"
SEED_GOLD = ROOT / "seeds" / "idlib-2020-01-24.json"
GOLD = sorted((ROOT / "gold").glob("*.json"))

_VOID = frozenset({"meta", "br", "hr", "img", "input", "link", "wbr"})

#: One ancestor of a piece of the page: (tag, class, id).
Ancestor = tuple[str, str, str]


class _Page(HTMLParser):
    """A page parsed back: its tree checked, its text and its links with their ancestors."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str]]] = []
        self.misnested: list[str] = []
        self.tags: Counter[str] = Counter()
        self.ids: list[str] = []
        self.links: list[tuple[str, tuple[Ancestor, ...]]] = []
        self.pieces: list[tuple[str, tuple[Ancestor, ...]]] = []
        #: The article text as the page shows it (without claim numbers and dispute labels),
        #: and for each of its characters the marks around it: (kind, data-claim, data-actor).
        self.text: list[str] = []
        self.cover: list[tuple[tuple[str, str, str], ...]] = []
        self.feed(page)
        self.close()
        assert not self.stack, f"unclosed elements: {[tag for tag, _ in self.stack]}"

    def _ancestors(self) -> tuple[Ancestor, ...]:
        return tuple((t, a.get("class", ""), a.get("id", "")) for t, a in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        self.tags[tag] += 1
        if "id" in values:
            self.ids.append(values["id"])
        if tag == "a" and "href" in values:
            self.links.append((values["href"], self._ancestors()))
        if tag not in _VOID:
            self.stack.append((tag, values))

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1][0] != tag:
            self.misnested.append(tag)
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        ancestors = self._ancestors()
        self.pieces.append((data, ancestors))
        in_text = any(t == "div" and a.get("class") == "text" for t, a in self.stack)
        if not in_text or any(t == "a" for t, _ in self.stack):
            return
        marks = tuple(
            (a["class"].split()[1], a.get("data-claim", ""), a.get("data-actor", ""))
            for t, a in self.stack
            if t == "span" and a.get("class", "").startswith("mark ")
        )
        for character in data:
            self.text.append(character)
            self.cover.append(marks)

    def covered(self, kind: str, *, claim: str = "", actor: str = "") -> set[int]:
        """The characters of the text inside a mark of ``kind`` (of one claim or actor)."""
        return {
            i
            for i, marks in enumerate(self.cover)
            for k, c, a in marks
            if k == kind and (not claim or c == claim) and (not actor or a == actor)
        }

    def text_of(self, tag: str, cls: str = "", ident: str = "") -> str:
        """All text inside the elements with this tag, class and id."""
        return "".join(
            data
            for data, ancestors in self.pieces
            if any(
                t == tag and (not cls or cls in c.split()) and (not ident or i == ident)
                for t, c, i in ancestors
            )
        )


def _shown(text: str) -> str:
    """``text`` as the page shows it: a lone surrogate or a NUL becomes U+FFFD."""
    return re.sub("[\x00\ud800-\udfff]", "\ufffd", text)


def _span_set(spans: list[Span]) -> set[int]:
    return {i for span in spans for i in range(span.start, span.end)}


def _check_page(article: Article, page: str) -> _Page:
    """Everything that holds for the page of any article; returns the parsed page."""
    parsed = _Page(page)
    assert parsed.misnested == []
    assert parsed.tags["script"] == 0
    assert "<script" not in page.lower()
    assert "".join(parsed.text) == _shown(article.text)
    # data-claim and data-actor show the id as text is shown (a NUL becomes U+FFFD).
    for claim in article.claims:
        same = [c for c in article.claims if _shown(c.id) == _shown(claim.id)]
        shown = _shown(claim.id)
        assert parsed.covered("content", claim=shown) == _span_set([c.content.span for c in same])
        assert parsed.covered("cue", claim=shown) == _span_set([c.cue.span for c in same])
    speakers = {c.speaker for c in article.claims}
    for actor in article.actors:
        kind = "speaker" if actor.id in speakers else "actor"
        alike = [a for a in article.actors if _shown(a.id) == _shown(actor.id)]
        mentions = _span_set([m for a in alike if (a.id in speakers) == (kind == "speaker")
                              for m in a.mentions])  # fmt: skip
        assert parsed.covered(kind, actor=_shown(actor.id)) == mentions
    quantities = [q.span for c in article.claims for q in c.quantities]
    assert parsed.covered("quantity") == _span_set(quantities)
    times = [c.when.span for c in article.claims if c.when is not None]
    assert parsed.covered("time") == _span_set(times)
    ids = Counter(parsed.ids)
    assert [i for i, n in ids.items() if n > 1] == []
    assert all(i and not re.search(r"\s", i) for i in ids)
    targets = {href[1:] for href, _ in parsed.links if href.startswith("#")}
    assert targets <= set(ids), f"links without a target: {sorted(targets - set(ids))}"
    claim_ids = [i for i in ids if i.startswith("claim-")]
    assert len(claim_ids) == len(article.claims)
    assert len([i for i in ids if i.startswith("entry-")]) == len(article.claims)
    assert len([i for i in ids if i.startswith("dispute-")]) == len(article.disputes)
    return parsed


def _seed() -> Article:
    return claimkit.from_json(SEED_GOLD.read_bytes())


def _extracted_seed() -> Article:
    source = read_text_file(str(SEED_TEXT))
    return claimkit.extract(source.text, published=source.published)


# --- the marks ----------------------------------------------------------------------------


@pytest.mark.parametrize("path", [SEED_GOLD, *GOLD], ids=lambda p: p.name)
def test_every_mark_covers_exactly_its_span(path: Path) -> None:
    article: Article = claimkit.from_json(path.read_bytes())
    _check_page(article, render_html(article))


def test_the_extracted_seed_is_marked_as_extracted() -> None:
    article = _extracted_seed()
    parsed = _check_page(article, render_html(article))
    said = [i for i in parsed.covered("cue") if i < 50]
    assert "".join(article.text[i] for i in sorted(said)) == "said"
    first = article.claims[0]
    assert "".join(article.text[i] for i in sorted(parsed.covered("time"))[:11]) == "on Thursday"
    assert first.quantities[0].text in {
        article.text[q.span.start : q.span.end] for q in first.quantities
    }


@given(articles(max_claims=5, max_disputes=2))
def test_any_valid_article_gives_a_well_formed_page(article: Article) -> None:
    _check_page(article, render_html(article))


def _crossing() -> Article:
    text = "Alpha Beta said gamma delta epsilon. Then."
    alpha = Actor(name="Alpha Beta", kind=ActorKind.PERSON, mentions=(Span(start=0, end=10),))
    gamma = Actor(name="gamma", kind=ActorKind.PERSON, mentions=(Span(start=16, end=21),))

    def excerpt(start: int, end: int) -> Excerpt:
        return Excerpt(text=text[start:end], span=Span(start=start, end=end))

    one = Claim(speaker=alpha.id, cue=excerpt(11, 15), content=excerpt(6, 21), id="one")
    two = Claim(
        speaker=gamma.id,
        cue=excerpt(22, 27),
        content=excerpt(11, 35),
        polarity=Polarity.DENY,
        when=TimeRef(
            text="epsilon", span=Span(start=28, end=35), precision=TimePrecision.UNRESOLVED
        ),
        id="two",
    )
    empty = Claim(speaker=gamma.id, cue=excerpt(37, 41), content=excerpt(42, 42), id="empty")
    dispute = Dispute(
        kind=DisputeKind.DENIAL,
        point="gamma",
        positions=(
            Position(claim="one", stance=Stance.AFFIRMS),
            Position(claim="two", stance=Stance.DENIES),
        ),
    )
    return Article(text=text, actors=(alpha, gamma), claims=(one, two, empty), disputes=(dispute,))


def test_crossing_nested_and_empty_spans_render_as_split_marks() -> None:
    article = _crossing()
    page = render_html(article)
    parsed = _check_page(article, page)
    # Claim one's content [6, 21) crosses the mention [0, 10) and claim two's content
    # [11, 35): each crossing mark is closed and opened again, marked as a continuation.
    assert parsed.covered("content", claim="one") & parsed.covered("content", claim="two") == set(
        range(11, 21)
    )
    assert parsed.covered("speaker", actor="alpha-beta") & parsed.covered("content") == set(
        range(6, 10)
    )
    assert re.search(r'class="mark content [^"]* cont" data-claim="one"', page)
    assert re.search(r'class="mark content [^"]* cont" data-claim="two"', page)
    # The empty content is an empty mark with its anchor and its number, at its place.
    assert re.search(
        r'<span class="mark content assert" id="claim-empty"[^>]*><a class="badge"', page
    )
    assert page.count('id="claim-one"') == 1


# --- escaping -------------------------------------------------------------------------------


def _hostile() -> Article:
    text = (
        'The <b>Army</b> & Co said that <script>alert("&amp;")</script> killed 3 men.'
        " Rebels denied that 3 men died on Monday."
    )

    def excerpt(part: str, after: int = 0) -> Excerpt:
        start = text.index(part, after)
        return Excerpt(text=part, span=Span(start=start, end=start + len(part)))

    army = Actor(
        name="<b>Army</b> & Co",
        kind=ActorKind.MILITARY,
        role='"chief" <i>',
        mentions=(excerpt("<b>Army</b> & Co").span,),
        id='army"><script>',
    )
    rebels = Actor(name="Rebels", kind=ActorKind.ARMED_GROUP, mentions=(excerpt("Rebels").span,))
    three = excerpt("3 men")
    one = Claim(
        speaker=army.id,
        cue=excerpt("said"),
        content=excerpt('<script>alert("&amp;")</script> killed 3 men'),
        quantities=(
            Quantity(
                text="3",
                span=Span(start=three.span.start, end=three.span.start + 1),
                hedge=Hedge.EXACT,
                low=3,
                high=3,
                counted="<men>",
            ),
        ),
        id="a b<c>",
    )
    monday = excerpt("on Monday")
    two = Claim(
        speaker=rebels.id,
        cue=excerpt("denied"),
        content=excerpt("3 men died", text.index("Rebels")),
        polarity=Polarity.DENY,
        when=TimeRef(text=monday.text, span=monday.span, precision=TimePrecision.UNRESOLVED),
        mode=Mode.INDIRECT,
    )
    dispute = Dispute(
        kind=DisputeKind.DENIAL,
        point='<i>3</i> men & "died"',
        reason="<img src=x onerror=alert(1)>",
        note="</section><script>",
        positions=(
            Position(claim=one.id, stance=Stance.AFFIRMS),
            Position(claim=two.id, stance=Stance.DENIES),
        ),
        id="<d>",
    )
    return Article(
        text=text,
        title="<title>&</title>",
        source="A&B <Press>",
        url="javascript:alert(1)",
        language='en" onload="alert(1)',
        actors=(army, rebels),
        claims=(one, two),
        disputes=(dispute,),
    )


def test_all_text_is_escaped() -> None:
    article = _hostile()
    page = render_html(article)
    parsed = _check_page(article, page)
    assert "&lt;script&gt;alert(&quot;&amp;amp;&quot;)&lt;/script&gt;" in page
    assert "&lt;b&gt;Army&lt;/b&gt; &amp; Co" in page
    assert parsed.tags["img"] == 0
    assert parsed.tags["b"] == 0
    assert parsed.tags["i"] == 0
    assert 'onload="' not in page
    assert 'href="javascript' not in page
    assert parsed.text_of("title") == "<title>&</title>"
    assert parsed.text_of("h1") == "<title>&</title>"
    panel = parsed.text_of("section", "dispute")
    assert '<i>3</i> men & "died"' in panel
    assert "<img src=x onerror=alert(1)>" in panel
    assert "</section><script>" in panel


def test_ids_that_are_not_plain_still_give_valid_anchors() -> None:
    article = _hostile()
    parsed = _check_page(article, render_html(article))
    odd = "claim-." + b"a b<c>".hex()
    assert odd in parsed.ids
    assert "dispute-." + b"<d>".hex() in parsed.ids
    assert ("#" + odd) in {href for href, _ in parsed.links}


def test_a_nul_is_shown_as_a_replacement_character() -> None:
    # A lone surrogate cannot reach the page: the model refuses it.
    with pytest.raises(ValidationError, match="lone surrogate"):
        Article(text="Ruined \ud800 text.", id="a1")
    page = render_html(Article(text="Ruined text\x00.", id="a1"))
    page.encode("utf-8")
    assert "Ruined text\ufffd." in page


def test_an_article_without_claims_says_so() -> None:
    article = Article(text="Nothing was said.")
    parsed = _check_page(article, render_html(article))
    assert "No claims." in parsed.text_of("section", "claims")
    assert "No disputes." in parsed.text_of("aside", "disputes")


# --- what the page lists -------------------------------------------------------------------


def test_every_claim_is_listed_with_its_speaker_mode_polarity_hedge_time_and_quantities() -> None:
    article = _extracted_seed()
    parsed = _Page(render_html(article))
    for claim in article.claims:
        entry = parsed.text_of("li", "entry", f"entry-{claim.id}")
        speaker = article.speaker_of(claim)
        assert speaker.name in entry
        assert f"mode{claim.mode.value.replace('_', ' ')}" in entry
        assert f"polarity{claim.polarity.value}" in entry
        assert f"hedged{'yes' if claim.hedged else 'no'}" in entry
        assert claim.content.text in entry
        if claim.when is None:
            assert "timenot given" in entry
        else:
            assert f"time“{claim.when.text}”" in entry
        for quantity in claim.quantities:
            assert f"“{quantity.text}” · {quantity.hedge.value.replace('_', ' ')}" in entry
    first = parsed.text_of("li", "entry", f"entry-{article.claims[0].id}")
    assert "time“on Thursday”: 2020-01-23 (day)" in first
    assert "“up to 40” · up to · at most 40 · counted: Syrian soldiers · event: killed" in first


def test_each_dispute_panel_groups_its_positions_by_stance() -> None:
    article = _seed()
    parsed = _Page(render_html(article))
    assert article.disputes
    for dispute in article.disputes:
        panel = f"dispute-{dispute.id}"
        text = parsed.text_of("section", "dispute", panel)
        assert dispute.kind.value in text
        assert dispute.point in text
        if dispute.reason:
            assert dispute.reason in text
        for stance in Stance:
            wanted = [f"#claim-{p.claim}" for p in dispute.positions if p.stance is stance]
            shown = [
                href
                for href, ancestors in parsed.links
                if any(i == panel for _, _, i in ancestors)
                and any(c == f"side {stance.value}" for _, c, _ in ancestors)
            ]
            assert shown == wanted
            if wanted:
                assert f"{stance.value} ({len(wanted)})" in text


def test_numeric_disputes_show_the_numbers_of_each_side() -> None:
    cyclone = ROOT / "gold" / "003-cyclone-death-toll.json"
    article: Article = claimkit.from_json(cyclone.read_bytes())
    numeric = [d for d in article.disputes if d.kind is DisputeKind.NUMERIC]
    assert numeric
    parsed = _Page(render_html(article))
    for dispute in numeric:
        text = parsed.text_of("section", "dispute", f"dispute-{dispute.id}")
        for position in dispute.positions:
            for quantity in article.claim(position.claim).quantities:
                assert quantity.text in text


def test_claims_disputes_and_entries_link_both_ways() -> None:
    article = _seed()
    parsed = _Page(render_html(article))
    by_place: dict[str, set[str]] = {}
    for href, ancestors in parsed.links:
        for _, _, ident in ancestors:
            if ident:
                by_place.setdefault(ident, set()).add(href)
    for claim in article.claims:
        # The claim in the text links to its entry and to its disputes; the entry back.
        in_text = by_place[f"claim-{claim.id}"]
        assert f"#entry-{claim.id}" in in_text
        assert f"#claim-{claim.id}" in by_place[f"entry-{claim.id}"]
        for dispute in article.disputes:
            if any(p.claim == claim.id for p in dispute.positions):
                assert f"#dispute-{dispute.id}" in in_text
                assert f"#claim-{claim.id}" in by_place[f"dispute-{dispute.id}"]


def test_the_same_article_gives_the_same_bytes() -> None:
    article = _extracted_seed()
    page = render_html(article).encode("utf-8")
    assert page == render_html(_extracted_seed()).encode("utf-8")
    script = (
        "import hashlib, sys, claimkit\n"
        "from claimkit.render import render_html\n"
        "from claimkit.readers import read_text_file\n"
        "source = read_text_file(sys.argv[1])\n"
        "article = claimkit.extract(source.text, published=source.published)\n"
        "print(hashlib.sha256(render_html(article).encode('utf-8')).hexdigest())\n"
    )
    digests = set()
    for seed in ("0", "4242"):
        done = subprocess.run(
            [sys.executable, "-c", script, str(SEED_TEXT)],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        )
        digests.add(done.stdout.strip())
    assert digests == {hashlib.sha256(page).hexdigest()}


def test_the_page_is_self_contained() -> None:
    page = render_html(_seed())
    assert "default-src 'none'" in page
    assert not re.search(r"""(src|href)=["']?(https?:|//|data:|file:)""", page, re.IGNORECASE)
    assert not re.search(r"@import|url\(", page)
    assert page.count("<style>") == 1


# --- the command line ---------------------------------------------------------------------


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_render_text_extracts_it_first(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "page.html"
    assert _run(capsys, "render", str(SEED_TEXT), "-o", str(out)) == (0, "", "")
    assert out.read_text(encoding="utf-8") == render_html(_extracted_seed())


def test_render_json_shows_the_article_as_it_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    extracted = tmp_path / "seed.json"
    assert main(["extract", str(SEED_TEXT), "-o", str(extracted)]) == 0
    out = tmp_path / "page.html"
    assert _run(capsys, "render", str(extracted), "-o", str(out))[0] == 0
    assert out.read_bytes() == render_html(claimkit.from_json(extracted.read_bytes())).encode()
    gold = tmp_path / "gold.html"
    assert _run(capsys, "render", str(SEED_GOLD), "-o", str(gold))[0] == 0
    assert gold.read_text(encoding="utf-8") == render_html(_seed())


def test_render_without_output_writes_standard_output(
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    assert main(["render", str(SEED_GOLD)]) == 0
    out, err = capsysbinary.readouterr()
    assert out == render_html(_seed()).encode("utf-8")
    assert err == b""


def test_render_plain_text_with_a_date(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text("Russia said on Thursday that two soldiers had died.", encoding="utf-8")
    out = tmp_path / "page.html"
    assert _run(capsys, "render", "--published", "2020-01-24", str(plain), "-o", str(out))[0] == 0
    parsed = _Page(out.read_text(encoding="utf-8"))
    assert "2020-01-23 (day)" in parsed.text_of("section", "claims")


def _bad_input(tmp: Path, which: str) -> Path:
    """A file that ``claimkit render`` cannot show."""
    compact = SEED_GOLD.read_bytes().replace(b"\n", b"") + b"\n"
    contents = {
        "two.jsonl": compact * 2,
        "bad.json": SEED_GOLD.read_bytes().replace(b'"said"', b"7", 1),
        "latin.txt": "Café".encode("latin-1"),
    }
    path = tmp / which
    if which in contents:
        path.write_bytes(contents[which])
    return path


@pytest.mark.parametrize(
    ("which", "message"),
    [
        ("missing.json", "missing.json: cannot read: No such file or directory"),
        ("two.jsonl", "two.jsonl: expected one article, found 2"),
        ("bad.json", "bad.json:"),
        ("latin.txt", "latin.txt:1: not UTF-8"),
    ],
)
def test_render_errors_are_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], which: str, message: str
) -> None:
    name = _bad_input(tmp_path, which)
    code, out, err = _run(capsys, "render", str(name), "-o", str(tmp_path / "page.html"))
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("claimkit: ")
    assert message in err
    assert not (tmp_path / "page.html").exists()


def test_render_to_a_directory_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(capsys, "render", str(SEED_GOLD), "-o", str(tmp_path))
    assert code == 2
    assert err == f"claimkit: {tmp_path}: cannot write: Is a directory\n"


def test_render_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["render", "--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert "ARTICLE" in out
    assert "-o OUT, --output OUT" in out
    assert "claimkit render seeds/idlib-2020-01-24.txt -o page.html" in " ".join(out.split())


# --- in a real browser ----------------------------------------------------------------------

_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)


@pytest.fixture
def chromium() -> str:
    """The headless browser, Debian's ``chromium`` package."""
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip(
        "no chromium binary on PATH, so the page cannot be opened in a real browser:"
        " install Debian's package (apt-get install chromium), as .ci/run does"
    )


def _browse(chromium: str, tmp_path: Path, page: str, *arguments: str) -> str:
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    command = [chromium, *_FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *arguments]
    done = subprocess.run(
        [*command, path.as_uri()], capture_output=True, text=True, timeout=180, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


#: Put before the page's own Content-Security-Policy (which forbids every script, so it
#: applies to what follows it only): reports what the browser shows, as JSON in the DOM.
_PROBE = """<script>
document.addEventListener("DOMContentLoaded", () => {
  const seen = (el) => {
    if (!el) return false;
    const box = el.getBoundingClientRect(), style = getComputedStyle(el);
    return box.width > 0 && box.height > 0 && style.visibility === "visible"
      && style.display !== "none" && parseFloat(style.opacity) > 0;
  };
  const words = (el) => {
    const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let out = "";
    for (let node = walk.nextNode(); node; node = walk.nextNode())
      if (!node.parentElement.closest(".badge, .dmark")) out += node.data;
    return out;
  };
  const marks = [...document.querySelectorAll(".text .mark")].map((el) => ({
    kind: el.classList[1], claim: el.dataset.claim || "", actor: el.dataset.actor || "",
    id: el.id, text: words(el), visible: seen(el),
    background: getComputedStyle(el).backgroundColor,
    underline: getComputedStyle(el).borderBottomStyle,
  }));
  const disputes = [...document.querySelectorAll(".dispute")].map((el) => ({
    id: el.id, visible: seen(el), text: el.innerText,
    sides: [...el.querySelectorAll(".side")].map((side) => ({
      heading: side.querySelector("h4").innerText,
      visible: seen(side),
      links: [...side.querySelectorAll("a[href^='#']")].map((a) => {
        const target = document.getElementById(a.getAttribute("href").slice(1));
        return { href: a.getAttribute("href"), visible: seen(a),
                 target: target ? words(target) : null };
      }),
    })),
  }));
  const links = [...document.querySelectorAll(".dispute a[href^='#claim-']")];
  const last = links[links.length - 1];
  const target = document.getElementById(last.getAttribute("href").slice(1));
  const inView = () => {
    const box = target.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= innerHeight;
  };
  const before = inView();
  location.hash = last.getAttribute("href");
  const jump = { href: last.getAttribute("href"), before, after: inView(),
                 target: (document.querySelector(":target") || {}).id || "",
                 outline: getComputedStyle(target).outlineStyle };
  const probe = document.createElement("pre");
  probe.id = "probe";
  probe.textContent = JSON.stringify({
    scripts: document.scripts.length,
    loaded: performance.getEntriesByType("resource").length,
    text: words(document.querySelector(".text")),
    legend: seen(document.querySelector(".legend")),
    legendText: document.querySelector(".legend").innerText,
    marks, disputes, jump,
  });
  document.body.appendChild(probe);
});
</script>"""


def _probe(chromium: str, tmp_path: Path, page: str) -> dict[str, Any]:
    assert page.count("<head>\n") == 1
    probed = page.replace("<head>\n", "<head>\n" + _PROBE + "\n", 1)
    dom = _browse(chromium, tmp_path, probed, "--window-size=1000,700", "--dump-dom")
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.DOTALL)
    assert found, f"the probe did not run: {dom[-500:]}"
    result: dict[str, Any] = json.loads(html.unescape(found.group(1)))
    return result


def test_the_browser_reads_the_page_without_any_script(chromium: str, tmp_path: Path) -> None:
    article = _hostile()
    dom = _browse(chromium, tmp_path, render_html(article), "--dump-dom")
    parsed = _check_page(article, dom)  # the DOM the browser built: same marks, same text
    assert parsed.tags["script"] == 0
    assert "<script>" in "".join(parsed.text)
    assert parsed.text_of("section", "dispute").count("</section><script>") == 1


def test_a_reader_sees_the_marks_and_the_dispute_panels(chromium: str, tmp_path: Path) -> None:
    article = _seed()
    seen = _probe(chromium, tmp_path, render_html(article))
    assert seen["scripts"] == 1  # the probe itself: the page has none
    assert seen["loaded"] == 0  # nothing fetched
    assert seen["text"] == article.text
    assert seen["legend"]
    for word in ("speaker", "cue", "content", "denied", "quantity", "time", "dispute"):
        assert word in seen["legendText"]

    marks = seen["marks"]
    assert all(mark["visible"] for mark in marks)
    transparent = "rgba(0, 0, 0, 0)"
    for kind in ("content", "cue", "speaker", "quantity", "time"):
        backgrounds = {m["background"] for m in marks if m["kind"] == kind}
        assert backgrounds, kind
        assert transparent not in backgrounds, kind
    assert {m["underline"] for m in marks if m["kind"] == "actor"} == {"dotted"}
    assert len({m["background"] for m in marks if m["kind"] != "actor"}) >= 5
    for claim in article.claims:
        pieces = [m for m in marks if m["kind"] == "content" and m["claim"] == claim.id]
        anchored = [m for m in pieces if m["id"] == f"claim-{claim.id}"]
        assert len(anchored) == 1
        assert claim.content.text.startswith(anchored[0]["text"])
        cue = [m["text"] for m in marks if m["kind"] == "cue" and m["claim"] == claim.id]
        assert cue == [claim.cue.text]
    for actor in article.actors:
        shown = [m["text"] for m in marks if m["actor"] == actor.id]
        assert shown == [m.of(article.text) for m in actor.mentions]
    quantities = {m["text"] for m in marks if m["kind"] == "quantity"}
    assert quantities == {q.text for c in article.claims for q in c.quantities}

    assert len(seen["disputes"]) == len(article.disputes)
    for dispute, panel in zip(article.disputes, seen["disputes"], strict=True):
        assert panel["visible"]
        assert panel["id"] == f"dispute-{dispute.id}"
        assert dispute.point in panel["text"]
        assert "Denial" in panel["text"]  # capitalized by the style sheet
        headings = [side["heading"] for side in panel["sides"]]
        stances = [s for s in Stance if any(p.stance is s for p in dispute.positions)]
        assert headings == [
            f"{s.value.upper()} ({sum(p.stance is s for p in dispute.positions)})" for s in stances
        ]
        for side, stance in zip(panel["sides"], stances, strict=True):
            claims = [p.claim for p in dispute.positions if p.stance is stance]
            assert [link["href"] for link in side["links"]] == [f"#claim-{c}" for c in claims]
            assert all(link["visible"] for link in side["links"])
            for link, claim_id in zip(side["links"], claims, strict=True):
                assert article.claim(claim_id).content.text.startswith(link["target"])

    jump = seen["jump"]
    assert jump["before"] is False  # the last claim of the last dispute is below the fold
    assert jump["after"] is True
    assert jump["target"] == jump["href"][1:]
    assert jump["outline"] == "solid"


def _png_pixels(data: bytes) -> tuple[int, int, Counter[tuple[int, int, int]]]:
    """Width, height and a count of the colours of an 8-bit RGB or RGBA PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, chunks, header = 8, [], b""
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            chunks.append(body)
        position += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert (depth, interlace) == (8, 0)
    channels = {2: 3, 6: 4}[colour]
    raw = zlib.decompress(b"".join(chunks))
    stride = width * channels
    previous = bytearray(stride)
    colours: Counter[tuple[int, int, int]] = Counter()
    for row in range(height):
        start = row * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                guess = left + up - corner
                a, b, c = abs(guess - left), abs(guess - up), abs(guess - corner)
                best = left if a <= b and a <= c else up if b <= c else corner
                line[i] = (line[i] + best) & 0xFF
        for i in range(0, stride, channels):
            colours[(line[i], line[i + 1], line[i + 2])] += 1
        previous = line
    return width, height, colours


def test_a_screenshot_shows_the_colours_of_the_legend(chromium: str, tmp_path: Path) -> None:
    shot = tmp_path / "page.png"
    _browse(
        chromium,
        tmp_path,
        render_html(_seed()),
        f"--screenshot={shot}",
        "--window-size=1200,1600",
    )
    width, height, colours = _png_pixels(shot.read_bytes())
    assert (width, height) == (1200, 1600)
    painted = {
        "content": (0xFF, 0xF2, 0xB3),
        "denied content": (0xFF, 0xD9, 0xD4),
        "cue": (0xD3, 0xE4, 0xFF),
        "speaker": (0xD2, 0xF0, 0xD4),
        "quantity": (0xE9, 0xDC, 0xFF),
        "time": (0xCD, 0xF1, 0xF1),
    }
    for what, colour in painted.items():
        assert colours[colour] > 200, f"{what} is not painted"
