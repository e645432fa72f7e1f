"""Placeholder conclusions, replaced by the real rules of this part of the Act."""

from aiact.engine import ConclusionDef, Otherwise, RuleModule, Tri

placed_on_market = ConclusionDef(
    id="placed_on_market",
    title="Placed on the Union market (Art. 3(9))",
    area="market",
    rules=(),
    otherwise=Otherwise("placed_on_market.not_modelled", "Art. 3(9)", "Not modelled yet.", then=Tri.UNDETERMINED),
)

put_into_service = ConclusionDef(
    id="put_into_service",
    title="Put into service in the Union (Art. 3(11))",
    area="market",
    rules=(),
    otherwise=Otherwise("put_into_service.not_modelled", "Art. 3(11)", "Not modelled yet.", then=Tri.UNDETERMINED),
)

MODULE = RuleModule(conclusions=(placed_on_market, put_into_service,))
