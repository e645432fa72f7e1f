"""The assessment result, version 1 (the public output contract, spec/check-output.md).

One object feeds every output: ``aiact check`` prints it as JSON, the memo is
rendered from it, the interview reads its open questions. Fields beyond the
spec are additions (never renames), so ``model_dump(mode="json", by_alias=True)``
is a valid ``aiact-result/1`` document.

List defaults are written ``= []``: pydantic copies a mutable default for each
instance, and ``default_factory=list`` made it parse ``list``'s text signature
with :mod:`tokenize` on every start-up (~7 ms).
"""


from collections.abc import Mapping
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

RESULT_SCHEMA: Literal["aiact-result/1"] = "aiact-result/1"
Status = Literal["yes", "no", "undetermined"]
Detail = Literal["full", "brief"]
DETAILS: tuple[Detail, ...] = ("full", "brief")
"""How much a result carries: ``full`` (reasons, texts, what each answer would change) or ``brief``
(statuses, dates and the ids of open questions with what they affect: an inventory's line)."""


class _Value(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Reason(_Value):
    """One rule on the way to a conclusion."""

    rule: str
    citation: str
    says: str
    outcome: Literal["holds", "undetermined", "otherwise"] = Field(
        description="holds: the rule's condition is met; undetermined: it turns on unknown "
        "facts; otherwise: none of the conclusion's rules applies."
    )
    conclusion: str = Field(description="The conclusion this rule decides.")
    source: Literal["OJ", "GL", "SEC"] = "OJ"
    reading: str | None = Field(default=None, description="Legal open question whose working reading it takes.")


class Conclusion(_Value):
    status: Status
    because: list[Reason]
    facts: list[str]
    title: str = ""
    rests_on: list[str] = Field(
        default=[],
        description="Open legal questions whose working reading this conclusion rests on.",
    )


class Obligation(_Value):
    id: str
    citation: str
    role: str
    applies_from: str
    in_force: bool
    status: Literal["yes", "undetermined"]
    exempted_by: str | None
    duty: str = ""
    may_be_exempted_by: list[str] = []
    date_source: str = ""
    applies_from_alternatives: list[str] = Field(
        default=[],
        description="Later dates that apply instead if unknown facts (e.g. first placing) point that way.",
    )
    max_fine: str | None = None
    source: Literal["OJ", "GL", "SEC"] = "OJ"
    concerns: Literal["model", "system"] = Field(
        "system", description="model: a duty about a general-purpose AI model (Chapter V); system: about an AI "
        "system. Lets a reader keep a model's duties and a system's duties apart.",
    )
    entails: str = Field("", description="What the operator has to produce or do, in plain sentences.")
    fine_tier: str | None = Field(
        None, description="The penalty tier a breach falls under: Art. 99(3), 99(4), 99(5), 101(1), or 99(1) "
        "(penalties left to the Member States).",
    )
    fine_tier_maximum: str | None = Field(None, description="The tier's ceiling, the same for every duty in it.")
    fines_from: str | None = Field(
        None, description="From when a breach can be fined: the later of applies_from and the tier's own date "
        "(Art. 113; Art. 101 from 2026-08-02).",
    )
    part_of: str | None = Field(
        None, description="The umbrella obligation this finer duty details (e.g. art_16_high_risk_provider).",
    )


class Openness(_Value):
    gradient: Literal[
        "fully_closed", "gradual_staged", "hosted", "api", "downloadable", "fully_open", "undetermined"
    ]
    osaid: Status
    act_open_source: Status
    missing_for_osaid: list[str]
    unknown_for_osaid: list[str] = []
    missing_for_act: list[str] = []
    unknown_for_act: list[str] = []


class OpenQuestion(_Value):
    id: str
    kind: Literal["fact", "legal"]
    question: str
    affects: list[str]
    citations: list[str]
    if_: dict[str, str] | None = Field(default=None, alias="if")
    path: str | None = None
    help: str | None = None
    why: str | None = None
    readings: list[str] | None = None
    working_reading: str | None = None
    weight: int = 0


class InferredFact(_Value):
    path: str
    value: bool | str | float | list[str]
    because: str


class LawInForce(_Value):
    key: str
    title: str
    in_force_from: str
    source: Literal["OJ", "GL", "SEC"]


class Assessment(_Value):
    schema_: Literal["aiact-result/1"] = Field(RESULT_SCHEMA, alias="schema")
    detail: Detail = Field(
        default="full",
        description="full: everything below; brief: statuses, obligations' dates and open questions' ids only.",
    )
    subject: str
    as_of: str
    conclusions: dict[str, Conclusion]
    obligations: list[Obligation]
    openness: Openness
    open_questions: list[OpenQuestion]
    law: list[LawInForce] = []
    inferred_facts: list[InferredFact] = []
    disclaimer: str = (
        "Decision support, not legal advice: a reasoned reading of Regulation (EU) 2024/1689 "
        "as amended, for review by a qualified lawyer."
    )

    def to_json_dict(self) -> dict[str, object]:
        """The public JSON form (``schema``, ``if`` spelled as in the spec); a brief result keeps only its part."""
        if self.detail == "brief":
            return self._brief_json_dict()
        data = self.model_dump(mode="json", by_alias=True)
        data["open_questions"] = [
            {key: value for key, value in question.items() if value is not None}
            for question in data["open_questions"]
        ]
        return data

    def _brief_json_dict(self) -> dict[str, object]:
        """The brief form: what an inventory line needs, with the same keys and shapes as the full form.

        Written out by hand rather than through ``model_dump(include=...)``: the brief form exists to be
        cheap, and every value here is already a JSON type.
        """
        return {
            "schema": self.schema_,
            "detail": self.detail,
            "subject": self.subject,
            "as_of": self.as_of,
            "conclusions": {cid: {"status": c.status} for cid, c in self.conclusions.items()},
            "obligations": [
                {
                    "id": o.id, "status": o.status, "applies_from": o.applies_from,
                    "applies_from_alternatives": list(o.applies_from_alternatives), "in_force": o.in_force,
                    "exempted_by": o.exempted_by, "may_be_exempted_by": list(o.may_be_exempted_by),
                }
                for o in self.obligations
            ],
            "openness": self.openness.model_dump(mode="json"),
            "open_questions": [
                {"id": q.id, "kind": q.kind, "affects": _brief_affects(q.affects, self.conclusions)}
                for q in self.open_questions
            ],
            "disclaimer": self.disclaimer,
        }


def _brief_affects(affects: list[str], conclusions: Mapping[str, Conclusion]) -> list[str]:
    """The conclusions a question affects; for one that moves only obligations (a date, an exemption), those.

    The obligations follow from the conclusions, and listing them for every question would more than
    double a brief result (an inventory line); the full result lists both.
    """
    return [nid for nid in affects if nid in conclusions] or list(affects)
