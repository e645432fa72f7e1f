"""Placeholder conclusions, replaced by the real rules of this part of the Act."""

from aiact.engine import ConclusionDef, Otherwise, RuleModule, Tri

becomes_provider = ConclusionDef(
    id="becomes_provider",
    title="This operator becomes a provider (Art. 25(1), GPAI modification)",
    area="value_chain",
    rules=(),
    otherwise=Otherwise("becomes_provider.not_modelled", "Art. 25(1)", "Not modelled yet.", then=Tri.UNDETERMINED),
)

oss_exemption_component = ConclusionDef(
    id="oss_exemption_component",
    title="Art. 25(4): no written agreement owed for an open-source component",
    area="value_chain",
    rules=(),
    otherwise=Otherwise("oss_exemption_component.not_modelled", "Art. 25(4)", "Not modelled yet.", then=Tri.UNDETERMINED),
)

MODULE = RuleModule(conclusions=(becomes_provider, oss_exemption_component,))
