"""Placeholder conclusions, replaced by the real rules of this part of the Act."""

from aiact.engine import ConclusionDef, Otherwise, RuleModule, Tri

scope_exclusion = ConclusionDef(
    id="scope_exclusion",
    title="Excluded from the Act by Art. 2(3), (4), (6), (8) or (10)",
    area="scope",
    rules=(),
    otherwise=Otherwise("scope_exclusion.not_modelled", "Art. 2", "Not modelled yet.", then=Tri.UNDETERMINED),
)

act_applies = ConclusionDef(
    id="act_applies",
    title="The Regulation applies to this operator for this artefact",
    area="scope",
    rules=(),
    otherwise=Otherwise("act_applies.not_modelled", "Art. 2(1)", "Not modelled yet.", then=Tri.UNDETERMINED),
)

MODULE = RuleModule(conclusions=(scope_exclusion, act_applies,))
