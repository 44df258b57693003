"""Sentence boundaries: abbreviations, initials, decimals, quotes and brackets."""

from __future__ import annotations

import textwrap

import pytest

import claimkit
from claimkit.language.sentences import split_sentences
from claimkit.readers import read_text_file


def _sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The U.S. military said it struck a target. The Pentagon declined to comment.",
            ["The U.S. military said it struck a target.", "The Pentagon declined to comment."],
            id="U.S. inside a sentence",
        ),
        pytest.param(
            "He was born in the U.S. He moved to France in 1990.",
            ["He was born in the U.S.", "He moved to France in 1990."],
            id="U.S. at the end of a sentence",
        ),
        pytest.param(
            "Sales fell 2.3 percent in the U.S. But exports rose.",
            ["Sales fell 2.3 percent in the U.S.", "But exports rose."],
            id="U.S. then a conjunction",
        ),
        pytest.param(
            "Gen. Mark Milley spoke on Friday. He said little.",
            ["Gen. Mark Milley spoke on Friday.", "He said little."],
            id="Gen.",
        ),
        pytest.param(
            "Mr. Smith arrived. Mrs. Jones left.",
            ["Mr. Smith arrived.", "Mrs. Jones left."],
            id="Mr. and Mrs.",
        ),
        pytest.param(
            "Lt. Col. John A. Smith said so. Others disagreed.",
            ["Lt. Col. John A. Smith said so.", "Others disagreed."],
            id="ranks and a middle initial",
        ),
        pytest.param(
            "Gov. Ron DeSantis signed the bill. It takes effect July 1.",
            ["Gov. Ron DeSantis signed the bill.", "It takes effect July 1."],
            id="Gov.",
        ),
        pytest.param(
            "St. Petersburg is cold. Moscow is colder.",
            ["St. Petersburg is cold.", "Moscow is colder."],
            id="St.",
        ),
        pytest.param(
            "The talks began on Jan. 23 in Geneva. They ended a week later.",
            ["The talks began on Jan. 23 in Geneva.", "They ended a week later."],
            id="Jan. before a day",
        ),
        pytest.param(
            "The vote is set for Jan. 5. The result is due a week later.",
            ["The vote is set for Jan. 5.", "The result is due a week later."],
            id="a date ends the sentence",
        ),
        pytest.param(
            "He was killed on Sept. 11. His family said so.",
            ["He was killed on Sept. 11.", "His family said so."],
            id="Sept.",
        ),
        pytest.param(
            "He said the No. 2 official resigned. The party denied it.",
            ["He said the No. 2 official resigned.", "The party denied it."],
            id="No. before a number",
        ),
        pytest.param(
            "J. K. Rowling wrote the book. It sold well.",
            ["J. K. Rowling wrote the book.", "It sold well."],
            id="initials",
        ),
        pytest.param(
            "They met Dr. Ahmed al-Rashid at 9. Then they left.",
            ["They met Dr. Ahmed al-Rashid at 9.", "Then they left."],
            id="Dr. and a number at the end",
        ),
        pytest.param(
            "The firm, Acme Corp., said it would appeal. Shares fell.",
            ["The firm, Acme Corp., said it would appeal.", "Shares fell."],
            id="Corp. before a comma",
        ),
        pytest.param(
            "He works for Acme Inc. in Ohio. She does not.",
            ["He works for Acme Inc. in Ohio.", "She does not."],
            id="Inc. before a lower-case word",
        ),
        pytest.param(
            "The economy grew 3.5 percent last year. Inflation fell.",
            ["The economy grew 3.5 percent last year.", "Inflation fell."],
            id="a decimal",
        ),
        pytest.param(
            "The rate was 0.5. It rose.",
            ["The rate was 0.5.", "It rose."],
            id="a decimal at the end",
        ),
        pytest.param(
            "It cost $1.2 billion. The deal closed.",
            ["It cost $1.2 billion.", "The deal closed."],
            id="money",
        ),
        pytest.param(
            "The blast hit at 7.45 a.m. local time. Rescuers arrived.",
            ["The blast hit at 7.45 a.m. local time.", "Rescuers arrived."],
            id="a.m. inside a sentence",
        ),
        pytest.param(
            "He left at 10 a.m. The meeting ended.",
            ["He left at 10 a.m.", "The meeting ended."],
            id="a.m. at the end",
        ),
        pytest.param(
            "Prices rose by 2.4% in March! Analysts were surprised? Yes.",
            ["Prices rose by 2.4% in March!", "Analysts were surprised?", "Yes."],
            id="exclamation and question marks",
        ),
        pytest.param(
            '"We will not retreat." The commander then left.',
            ['"We will not retreat."', "The commander then left."],
            id="a closing quote after the full stop",
        ),
        pytest.param(
            '"Are you sure?" he asked. She nodded.',
            ['"Are you sure?" he asked.', "She nodded."],
            id="a question inside quotes, then a lower-case word",
        ),
        pytest.param(
            '"We will win," he said. "We will fight."',
            ['"We will win," he said.', '"We will fight."'],
            id="a quotation opens the next sentence",
        ),
        pytest.param(
            'He asked: "Why now?" Nobody answered.',
            ['He asked: "Why now?"', "Nobody answered."],
            id="a quotation after a colon",
        ),
        pytest.param(
            "He said: 'We are ready.' Then he left.",
            ["He said: 'We are ready.'", "Then he left."],
            id="single quotes",
        ),
        pytest.param(
            "The group (which has 3,000 members.) said no. Others agreed.",
            ["The group (which has 3,000 members.) said no.", "Others agreed."],
            id="a full stop inside brackets before a lower-case word",
        ),
        pytest.param(
            "Troops entered the town. (Reuters could not verify this.) Fighting continued.",
            [
                "Troops entered the town.",
                "(Reuters could not verify this.)",
                "Fighting continued.",
            ],
            id="a bracketed sentence",
        ),
        pytest.param(
            "Violence spread (see map). Police said 14 died.",
            ["Violence spread (see map).", "Police said 14 died."],
            id="brackets before the full stop",
        ),
        pytest.param(
            "The army said so...  The rebels denied it.",
            ["The army said so...", "The rebels denied it."],
            id="an ellipsis",
        ),
        pytest.param(
            "Headline without stop\n\nThe body starts here. It ends here.",
            ["Headline without stop", "The body starts here.", "It ends here."],
            id="a headline ends at the paragraph break",
        ),
        pytest.param(
            "Line one\nLine two continues. Done.",
            ["Line one", "Line two continues.", "Done."],
            id="a line break",
        ),
        pytest.param("", [], id="empty"),
        pytest.param(" \n\n ", [], id="white space only"),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


def test_offsets_exclude_the_space_between_sentences() -> None:
    text = "  Leading space. Trailing space.  \n\nNew paragraph."
    assert split_sentences(text) == [(2, 16), (17, 32), (36, 50)]


def test_hard_wrapped_text_reads_as_the_same_sentences() -> None:
    seed = read_text_file("seeds/idlib-2020-01-24.txt")
    paragraphs = seed.text.split("\n\n") if "\n\n" in seed.text else seed.text.split("\n")
    wrapped = "\n\n".join(textwrap.fill(p, 72) for p in paragraphs)
    assert wrapped.count("\n") > 2 * seed.text.count("\n")
    plain = claimkit.extract(seed.text, published=seed.published)
    folded = claimkit.extract(wrapped, published=seed.published)

    def reading(article: claimkit.Article) -> list[tuple[str, str, str, list[str]]]:
        return [
            (
                article.speaker_of(c).name,
                c.polarity.value,
                " ".join(c.content.text.split()),
                [" ".join(q.text.split()) for q in c.quantities],
            )
            for c in article.claims
        ]

    assert reading(folded) == reading(plain)
    assert len(folded.disputes) == len(plain.disputes)


def test_lines_of_one_paragraph_each_are_not_taken_for_wrapped_text() -> None:
    text = "Headline of the story\nThe ministry said two soldiers died.\nRebels denied it."
    assert len(split_sentences(text)) == 3
