"""Placeholder conclusions, replaced by the real rules of this part of the Act."""

from aiact.engine import ConclusionDef, Otherwise, RuleModule, Tri

free_open_source_licence = ConclusionDef(
    id="free_open_source_licence",
    title="Free and open-source licence in the Act's sense",
    area="openness",
    rules=(),
    otherwise=Otherwise("free_open_source_licence.not_modelled", "Art. 2(12)", "Not modelled yet.", then=Tri.UNDETERMINED),
)

monetised = ConclusionDef(
    id="monetised",
    title="Provided against a price or otherwise monetised (recital 103)",
    area="openness",
    rules=(),
    otherwise=Otherwise("monetised.not_modelled", "Recital 103", "Not modelled yet.", then=Tri.UNDETERMINED),
)

oss_exemption_ai_system = ConclusionDef(
    id="oss_exemption_ai_system",
    title="Art. 2(12): the open-source AI system is outside the Act",
    area="openness",
    rules=(),
    otherwise=Otherwise("oss_exemption_ai_system.not_modelled", "Art. 2(12)", "Not modelled yet.", then=Tri.UNDETERMINED),
)

MODULE = RuleModule(conclusions=(free_open_source_licence, monetised, oss_exemption_ai_system,))
