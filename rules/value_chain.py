"""Responsibilities along the value chain (Art. 25): first cut, refined by its own change."""

from aiact.engine import Concl, ConclusionDef, Fact, Not, Otherwise, Rule, RuleModule, Tri

becomes_provider = ConclusionDef(
    id="becomes_provider",
    title="This operator becomes a provider (Art. 25(1), GPAI modification)",
    area="value_chain",
    rules=(
        Rule("art25_1_a.own_name", "Art. 25(1)(a)",
             "Putting one's name or trademark on a high-risk system already on the market makes one its provider.",
             Fact("value_chain.own_name_on_high_risk_system"), Tri.YES),
        Rule("art25_1_b.substantial_modification", "Art. 25(1)(b)",
             "A substantial modification of a high-risk system that stays high-risk makes one its provider.",
             Fact("value_chain.substantial_modification") & Concl("high_risk"), Tri.YES),
        Rule("art25_1_c.repurposed", "Art. 25(1)(c)",
             "Changing the intended purpose of a system so that it becomes high-risk makes one its provider.",
             Fact("value_chain.repurposed_to_high_risk"), Tri.YES),
        Rule("art3_3.gpai_modification", "Art. 3(3), Art. 3(63)",
             "A modification of a general-purpose AI model large enough to make one its provider.",
             Concl("gpai_modifier_is_provider"), Tri.YES),
        Rule("art25_1.no_trigger", "Art. 25(1)",
             "None of the Art. 25(1) triggers applies and no GPAI model was modified into a new one.",
             Not(Fact("value_chain.own_name_on_high_risk_system"))
             & (Not(Fact("value_chain.substantial_modification")) | Not(Concl("high_risk")))
             & Not(Fact("value_chain.repurposed_to_high_risk"))
             & Not(Concl("gpai_modifier_is_provider")), Tri.NO),
    ),
    otherwise=Otherwise("art25_1.not_established", "Art. 25(1)", "No route to becoming a provider is established."),
)

oss_exemption_component = ConclusionDef(
    id="oss_exemption_component",
    title="Art. 25(4): no written agreement owed for an open-source component",
    area="value_chain",
    rules=(),
    otherwise=Otherwise("oss_exemption_component.not_modelled", "Art. 25(4)", "Not modelled yet.",
                        then=Tri.UNDETERMINED),
)

MODULE = RuleModule(conclusions=(becomes_provider, oss_exemption_component))
