"""The parts of the Act, in the order the rule book and the memo present them."""

from aiact.engine import Area

AREAS = (
    Area("definitions", "Definitions: AI system and general-purpose AI model (Art. 3)"),
    Area("scope", "Scope (Art. 2)"),
    Area("market", "Placing on the market and putting into service (Art. 3(9)-(11))"),
    Area("openness", "Openness and the licence (Art. 2(12), 53(2), 54(6); recitals 102-104)"),
    Area("gpai", "General-purpose AI models (Chapter V, Art. 51-55)"),
    Area("prohibited", "Prohibited practices (Art. 5)"),
    Area("high_risk", "High-risk AI systems (Art. 6, Annex I, Annex III)"),
    Area("transparency", "Transparency obligations (Art. 50)"),
    Area("value_chain", "Responsibilities along the value chain (Art. 25)"),
    Area("obligations", "Obligations of operators"),
)
