"""Placeholder conclusions, replaced by the real rules of this part of the Act."""

from aiact.engine import ConclusionDef, Otherwise, RuleModule, Tri

high_risk = ConclusionDef(
    id="high_risk",
    title="High-risk AI system (Art. 6)",
    area="high_risk",
    rules=(),
    otherwise=Otherwise("high_risk.not_modelled", "Art. 6", "Not modelled yet.", then=Tri.UNDETERMINED),
)

art_6_3_derogation = ConclusionDef(
    id="art_6_3_derogation",
    title="Art. 6(3) derogation for an Annex III system",
    area="high_risk",
    rules=(),
    otherwise=Otherwise("art_6_3_derogation.not_modelled", "Art. 6(3)", "Not modelled yet.", then=Tri.UNDETERMINED),
)

MODULE = RuleModule(conclusions=(high_risk, art_6_3_derogation,))
