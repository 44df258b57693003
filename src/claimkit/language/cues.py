"""Reporting cues as data: one row per verb of saying.

A row says everything the extractor knows of a cue verb: its forms, which of them are
as often nouns or adjectives, whether the cue itself denies or hedges, whether it
inverts ("..., said the ministry"), its participle after a comma (", adding that ..."),
the nouns that make it a possessed cue ("the ministry's statement that ..."), and an
example sentence that the tests read back. A new cue verb is one row.

>>> CUE_LEMMA["disputed"], "dispute" in DENIAL_LEMMAS, "said" in AMBIGUOUS_CUES
('dispute', True, False)
>>> POSSESSED_CUES["statement"]
'state'
"""

from __future__ import annotations

from typing import Final

import attrs

__all__ = [
    "AMBIGUOUS_CUES",
    "APPEAL_LEMMA",
    "CALLING_FORMS",
    "CLAUSAL_CUES",
    "CUE_LEMMA",
    "CUE_VERBS",
    "DENIAL_LEMMAS",
    "DOCUMENT_VERBS",
    "HEDGE_LEMMAS",
    "INVERTING_LEMMAS",
    "LABELLING_FORMS",
    "PARTICIPLE_CUES",
    "POSSESSED_CUES",
    "SOURCE_NOUNS",
    "CueVerb",
]


@attrs.frozen(kw_only=True)
class CueVerb:
    """One verb of saying and how it behaves as a cue."""

    #: The base form, recorded as the claim's cue lemma.
    lemma: str
    #: Every form that is a cue, space-separated in the table.
    forms: tuple[str, ...]
    #: Forms just as often nouns or adjectives ("the reported attack", "a warning"): a cue
    #: only when "that", a colon or a quotation follows, or a subject precedes.
    ambiguous: frozenset[str] = frozenset()
    #: Forms that are cues only before "that", a colon, a quotation or a clause with a
    #: verb: "maintains the report was false", not "maintains a naval base".
    clausal: frozenset[str] = frozenset()
    #: The cue itself denies ("denied", "rejected").
    denies: bool = False
    #: The cue itself marks uncertainty ("suggested"). Not "estimated": an estimate is
    #: approximate, its number says how; not "alleged": the speaker does not doubt it.
    hedges: bool = False
    #: It may come before its speaker: "..., said the ministry".
    inverts: bool = False
    #: Its participle opens a statement after a comma: "..., adding that ...".
    participle: str | None = None
    #: Nouns that make a possessed cue: "the ministry's statement that ...".
    nouns: tuple[str, ...] = ()
    #: Nouns that stand for their own unnamed source when no one owns them: "dismissed
    #: reports that ..." is a claim of "reports", "following a report that ..." of "a report".
    sources: tuple[str, ...] = ()
    #: A cue only when it dismisses what follows as false ("called the claims baseless").
    dismissing: bool = False
    #: A cue only as an appeal: before its object and "to" ("urged both sides to ..."),
    #: and for "call" before "on ... to" or "for" ("called on the army to ...").
    appeals: bool = False
    #: Also a cue when it gives what follows a quoted name ('called the envoy "deranged"'),
    #: read as the cue "label", which neither denies nor hedges.
    labelling: bool = False
    #: A sentence in which it is a cue, read back by the tests.
    example: str


def _row(lemma: str, forms: str, example: str, **flags: object) -> CueVerb:
    ambiguous = frozenset(str(flags.pop("ambiguous", "")).split())
    clausal = frozenset(str(flags.pop("clausal", "")).split())
    nouns = tuple(str(flags.pop("nouns", "")).split())
    sources = tuple(str(flags.pop("sources", "")).split())
    return CueVerb(
        lemma=lemma,
        forms=tuple(forms.split()),
        ambiguous=ambiguous,
        clausal=clausal,
        nouns=nouns,
        sources=sources,
        example=example,
        **flags,  # type: ignore[arg-type]
    )


#: The cue verbs of English news.
CUE_VERBS: Final = (
    _row("say", "say says said saying", "The ministry said the bridge had collapsed.",
         inverts=True, participle="saying"),
    _row("tell", "tell tells told telling", "The mayor told reporters the bridge had collapsed."),
    _row("claim", "claim claims claimed claiming", "The rebels claimed they had taken the town.",
         ambiguous="claim claims", inverts=True, participle="claiming", nouns="claim claims"),
    _row("state", "stated stating", "The ministry stated that the bridge had collapsed.",
         ambiguous="stating", inverts=True, nouns="statement statements"),
    _row("announce", "announce announces announced announcing",
         "The company announced that 200 jobs would go.", inverts=True, nouns="announcement"),
    _row("report", "report reports reported reporting",
         "State television reported that the bridge had collapsed.",
         ambiguous="report reports reporting", inverts=True, nouns="report reports",
         sources="report reports"),
    _row("add", "added adding", "The minister added that the border would stay closed.",
         ambiguous="adding", inverts=True, participle="adding"),
    _row("warn", "warn warns warned warning", "The agency warned that the river would rise.",
         ambiguous="warning", inverts=True, participle="warning", nouns="warning warnings"),
    _row("insist", "insist insists insisted insisting",
         "The coach insisted that the team had done nothing wrong.",
         inverts=True, participle="insisting", nouns="insistence"),
    _row("deny", "deny denies denied denying", "The army denied that it had shelled the town.",
         denies=True, participle="denying", nouns="denial denials"),
    _row("dispute", "dispute disputes disputed disputing",
         "The union disputed the company's figures.", ambiguous="dispute disputes", denies=True),
    _row("challenge", "challenge challenges challenged challenging",
         "The Pentagon challenged reports that its aircraft had struck a wedding party.",
         ambiguous="challenge challenges challenging", denies=True),
    _row("accuse", "accuse accuses accused accusing",
         "The opposition accused the police of beating protesters.",
         nouns="accusation accusations charge charges"),
    _row("blame", "blame blames blamed blaming",
         "The union blamed the company for the fire.", ambiguous="blame",
         participle="blaming"),
    _row("criticize",
         "criticize criticizes criticized criticizing criticise criticises criticised"
         " criticising", "Rights groups criticized the police for using force."),
    _row("attribute", "attributed attributes",
         "The ministry attributed the deaths to the heat."),
    _row("reject", "reject rejects rejected rejecting",
         "The government rejected the report as biased.", denies=True),
    _row("confirm", "confirm confirms confirmed confirming",
         "The hospital confirmed that two patients had died.", inverts=True),
    _row("suggest", "suggest suggests suggested suggesting",
         "Officials suggested that the outbreak was slowing.", hedges=True, inverts=True),
    _row("estimate", "estimated estimating estimates",
         "The charity estimated that 3,000 people had fled.", ambiguous="estimates"),
    _row("allege", "allege alleges alleged alleging",
         "Prosecutors alleged that the founder had diverted the funds.",
         participle="alleging", nouns="allegation allegations"),
    _row("assert", "assert asserts asserted asserting",
         "The envoy asserted that the talks were on track.", nouns="assertion assertions"),
    _row("acknowledge", "acknowledge acknowledges acknowledged acknowledging",
         "The operator acknowledged that the alarm had failed.", inverts=True),
    _row("admit", "admit admits admitted admitting",
         "The club admitted that it had broken the rules.", inverts=True),
    _row("argue", "argue argues argued arguing",
         "The defence argued that the evidence was flawed.", inverts=True, participle="arguing"),
    _row("maintain", "maintain maintains maintained maintaining",
         "The company maintained that the water was safe.", ambiguous="maintaining",
         clausal="maintain maintains maintained"),
    _row("note", "noted noting", "The report noted that prices had doubled.",
         ambiguous="noting", inverts=True, participle="noting"),
    _row("explain", "explained explaining", "The pilot explained that the engine had failed.",
         inverts=True),
    _row("clarify", "clarified clarifying", "The spokesman clarified that the talks would go on.",
         participle="clarifying"),
    _row("stress", "stressed stressing", "The minister stressed that the talks would go on.",
         inverts=True, participle="stressing"),
    _row("declare", "declared declaring", "The judge declared that the vote was void.",
         inverts=True),
    _row("reiterate", "reiterated reiterating",
         "The ministry reiterated that the border would stay closed.", inverts=True),
    _row("dismiss", "dismiss dismisses dismissed dismissing",
         "The ministry dismissed the report as propaganda.", denies=True),
    _row("refute", "refute refutes refuted refuting",
         "The company refuted the claims made by the union.", denies=True),
    _row("predict", "predicted predicting", "Analysts predicted that prices would rise.",
         hedges=True, inverts=True),
    _row("write", "wrote writes", "The minister wrote that the plan had failed.", inverts=True),
    _row("tweet", "tweeted", "The senator tweeted that the vote was rigged.", inverts=True),
    _row("counter", "countered", "The company countered that the strike was illegal.",
         inverts=True),
    _row("contend", "contended contends", "The lawyers contended that the law was void.",
         inverts=True),
    _row("concede", "conceded", "The coach conceded that the team had played badly.",
         inverts=True),
    _row("promise", "promised", "The mayor promised that the road would reopen."),
    _row("vow", "vowed", "The rebels vowed that they would fight on."),
    _row("charge", "charged", "The opposition charged that the count was rigged.",
         ambiguous="charged"),
    _row("call", "called calls calling branded labelled labeled termed",
         "The ministry called the reports baseless.", denies=True, dismissing=True,
         labelling=True, appeals=True),
    _row("urge", "urge urges urged urging", "The envoy urged both sides to show restraint.",
         appeals=True),
    _row("encourage", "encouraged encourages encouraging",
         "The UN encouraged all parties to keep the peace.", appeals=True),
)  # fmt: skip

#: Form -> lemma, for every form that is a cue by itself.
CUE_LEMMA: Final[dict[str, str]] = {
    form: verb.lemma
    for verb in CUE_VERBS
    if not (verb.dismissing or verb.appeals)
    for form in verb.forms
}
#: Form -> lemma, for the forms that are cues only as appeals ("urged both sides to");
#: "call" appeals as "call on", which neither denies nor hedges.
APPEAL_LEMMA: Final[dict[str, str]] = {
    form: verb.lemma + " on" if verb.dismissing else verb.lemma
    for verb in CUE_VERBS
    if verb.appeals
    for form in verb.forms
}
#: Forms that are cues only when they dismiss what follows ("called the claims baseless").
CALLING_FORMS: Final = frozenset(f for verb in CUE_VERBS if verb.dismissing for f in verb.forms)
#: Forms that are cues (of "label") when they give what follows a quoted name.
LABELLING_FORMS: Final = frozenset(f for verb in CUE_VERBS if verb.labelling for f in verb.forms)
#: Forms just as often nouns or adjectives.
AMBIGUOUS_CUES: Final = frozenset(f for verb in CUE_VERBS for f in verb.ambiguous)
#: Forms that are cues only before a statement.
CLAUSAL_CUES: Final = frozenset(f for verb in CUE_VERBS for f in verb.clausal)
#: Lemmas whose cue itself denies.
DENIAL_LEMMAS: Final = frozenset(verb.lemma for verb in CUE_VERBS if verb.denies)
#: Lemmas whose cue itself marks uncertainty.
HEDGE_LEMMAS: Final = frozenset(verb.lemma for verb in CUE_VERBS if verb.hedges)
#: Lemmas whose cue may come before its speaker.
INVERTING_LEMMAS: Final = frozenset(verb.lemma for verb in CUE_VERBS if verb.inverts)
#: Participles that open a statement after a comma.
PARTICIPLE_CUES: Final = frozenset(
    verb.participle for verb in CUE_VERBS if verb.participle is not None
)
#: What a document does with what it says, in a relative clause after a noun of saying:
#: "a report by the group that details the killings of ...".
DOCUMENT_VERBS: Final = frozenset(
    """details detailed documents documented describes described says said shows showed
    finds found concludes concluded accuses accused alleges alleged claims claimed states
    stated""".split()
)
#: Nouns of saying that stand for their own unnamed source ("dismissed reports that").
SOURCE_NOUNS: Final = frozenset(noun for verb in CUE_VERBS for noun in verb.sources)
#: Noun -> lemma: "the ministry's statement that ..." is a cue of "state".
POSSESSED_CUES: Final[dict[str, str]] = {
    noun: verb.lemma for verb in CUE_VERBS for noun in verb.nouns
}
