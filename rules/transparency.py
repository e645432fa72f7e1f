"""Placeholder conclusions, replaced by the real rules of this part of the Act."""

from aiact.engine import ConclusionDef, Otherwise, RuleModule, Tri

transparency_obligations = ConclusionDef(
    id="transparency_obligations",
    title="A transparency duty of Art. 50 applies",
    area="transparency",
    rules=(),
    otherwise=Otherwise("transparency_obligations.not_modelled", "Art. 50", "Not modelled yet.", then=Tri.UNDETERMINED),
)

MODULE = RuleModule(conclusions=(transparency_obligations,))
