"""Placeholder conclusions, replaced by the real rules of this part of the Act."""

from aiact.engine import Concl, ConclusionDef, Not, Otherwise, Rule, RuleModule, Tri

gpai_systemic_risk = ConclusionDef(
    id="gpai_systemic_risk",
    title="GPAI model with systemic risk (Art. 51)",
    area="gpai",
    rules=(),
    otherwise=Otherwise("gpai_systemic_risk.not_modelled", "Art. 51", "Not modelled yet.", then=Tri.UNDETERMINED),
)

oss_exemption_gpai = ConclusionDef(
    id="oss_exemption_gpai",
    title="Open-source exemption for GPAI models (Art. 53(2), 54(6))",
    area="gpai",
    rules=(),
    otherwise=Otherwise("oss_exemption_gpai.not_modelled", "Art. 53(2)", "Not modelled yet.", then=Tri.UNDETERMINED),
)

gpai_modifier_is_provider = ConclusionDef(
    id="gpai_modifier_is_provider",
    title="A downstream modifier becomes the provider of the modified GPAI model",
    area="gpai",
    internal=True,
    rules=(
        Rule("art3_63.not_a_model", "Art. 3(63)",
             "Only a general-purpose AI model can be modified into another one.",
             Not(Concl("gpai_model")), Tri.NO),
    ),
    otherwise=Otherwise("gpai_modifier_is_provider.not_modelled", "Art. 3(3)", "Not modelled yet.",
                        then=Tri.UNDETERMINED),
)

MODULE = RuleModule(conclusions=(gpai_systemic_risk, oss_exemption_gpai, gpai_modifier_is_provider))
