"""aiact's engine: the fact model, the rule model and its durable-rules runner.

The engine knows nothing of the EU AI Act itself; the rule base in
``aiact.rules`` declares the law in the engine's condition language.
"""

from .assess import Engine, FactQuestionText, Inference
from .conditions import (
    UNKNOWN,
    All,
    Always,
    Any,
    AsOfOnOrAfter,
    Before,
    Concl,
    ConclIn,
    Empty,
    Equals,
    Fact,
    Greater,
    GreaterThanShare,
    Has,
    HasOtherThan,
    Known,
    LawInForce,
    Not,
    OneOf,
)
from .facts import FactFile
from .loading import FactFileError, load_fact_file, validate
from .result import Assessment
from .rulebase import RuleBase, RuleBaseError
from .rulemodel import (
    Area,
    ConclusionDef,
    DateChoice,
    DutyVersion,
    FineTier,
    LegalQuestion,
    ObligationDef,
    Otherwise,
    Rule,
    RuleModule,
    Source,
)
from .session import EngineError
from .tri import Tri

__all__ = [
    "UNKNOWN", "All", "Always", "Any", "Area", "AsOfOnOrAfter", "Assessment", "Before", "Concl", "ConclIn",
    "ConclusionDef", "DateChoice", "DutyVersion", "Empty", "Engine", "EngineError", "Equals", "Fact",
    "FactFile", "FactFileError", "FactQuestionText", "FineTier", "Greater", "GreaterThanShare", "Has",
    "HasOtherThan", "Inference", "Known", "LawInForce", "LegalQuestion", "Not", "ObligationDef",
    "OneOf", "Otherwise", "Rule", "RuleBase", "RuleBaseError", "RuleModule", "Source", "Tri",
    "load_fact_file", "validate",
]
