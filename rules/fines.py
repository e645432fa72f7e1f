"""The tiers of penalties (Art. 99-101), one record each, for every obligation to name.

A breach of a duty falls under one tier; the tier gives the ceiling and from
when a fine can be imposed. Chapter XII applies from 2 August 2025 (Art. 113(b)),
except Art. 101 (fines on providers of general-purpose AI models, imposed by the
Commission), which applies from the general date, 2 August 2026. So a duty in
force earlier (Art. 5 from 2 February 2025, Chapter V from 2 August 2025) could
not be fined under these tiers before those dates.

Art. 99(6): for SMEs, start-ups included, each ceiling of Art. 99(3)-(5) is the
*lower* of the amount and the percentage. Regulation (EU) 2026/1744 reportedly
adds Art. 99(6a), extending that to small mid-caps for the 99(4) and 99(5) tiers
only, not for Art. 5 (secondary sources; noted, not computed).
"""

from aiact.engine import FineTier

SME = " (for SMEs and start-ups, whichever is lower, Art. 99(6))"

PROHIBITED_PRACTICES = FineTier(
    "Art. 99(3)",
    "up to EUR 35 million or 7 % of total worldwide annual turnover, whichever is higher" + SME,
    "penalties",
)
OPERATOR_DUTIES = FineTier(
    "Art. 99(4)",
    "up to EUR 15 million or 3 % of total worldwide annual turnover, whichever is higher" + SME,
    "penalties",
)
INCORRECT_INFORMATION = FineTier(
    "Art. 99(5)",
    "up to EUR 7.5 million or 1 % of total worldwide annual turnover, whichever is higher" + SME,
    "penalties",
)
GPAI_PROVIDERS = FineTier(
    "Art. 101(1)",
    "up to EUR 15 million or 3 % of annual total worldwide turnover, whichever is higher, imposed by the "
    "Commission",
    "gpai_fines",
)
MEMBER_STATES = FineTier(
    "Art. 99(1)",
    "penalties laid down by each Member State (effective, proportionate and dissuasive); the Act sets no "
    "ceiling for this duty",
    "penalties",
)

TIERS = (PROHIBITED_PRACTICES, OPERATOR_DUTIES, INCORRECT_INFORMATION, GPAI_PROVIDERS, MEMBER_STATES)
