"""Placeholder conclusions, replaced by the real rules of this part of the Act."""

from aiact.engine import ConclusionDef, Otherwise, RuleModule, Tri

prohibited_practice = ConclusionDef(
    id="prohibited_practice",
    title="Prohibited AI practice (Art. 5)",
    area="prohibited",
    rules=(),
    otherwise=Otherwise("prohibited_practice.not_modelled", "Art. 5(1)", "Not modelled yet.", then=Tri.UNDETERMINED),
)

MODULE = RuleModule(conclusions=(prohibited_practice,))
