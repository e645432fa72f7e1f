"""Dates are data: the versions of the law and the application dates they set.

One table holds every date the rule base uses, each with its source, so that
an amendment is a data change. A date is looked up *as the law stood on the
assessment date*: before Regulation (EU) 2026/1744 was in force (27 July
2026), the dates as adopted apply; from then on, the amended ones.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from .record import record
from .rulemodel import Source


@record
class LawVersion:
    """A state of the Regulation: as adopted, or as amended by a later act."""

    key: str
    title: str
    in_force_from: date
    source: Source


@record
class ApplicationDate:
    """From when a group of provisions applies, under one version of the law."""

    key: str
    day: date
    citation: str
    law: str
    note: str = ""


class DateTable:
    """Law versions and application dates, looked up as of an assessment date."""

    def __init__(self, versions: Iterable[LawVersion], dates: Iterable[ApplicationDate]) -> None:
        self.versions = {v.key: v for v in versions}
        self.dates: dict[str, list[ApplicationDate]] = {}
        for entry in dates:
            if entry.law not in self.versions:
                raise ValueError(f"date {entry.key}: unknown law version {entry.law!r}")
            self.dates.setdefault(entry.key, []).append(entry)
        for entries in self.dates.values():
            entries.sort(key=lambda e: self.versions[e.law].in_force_from)

    def law_in_force(self, version: str, as_of: date) -> bool:
        return as_of >= self.versions[version].in_force_from

    def versions_in_force(self, as_of: date) -> list[LawVersion]:
        return [v for v in self.versions.values() if as_of >= v.in_force_from]

    def lookup(self, key: str, as_of: date) -> ApplicationDate:
        """The date for ``key`` under the latest version of the law in force on ``as_of``.

        A date that only an amendment introduced is still returned before that
        amendment is in force (its rules are gated by ``LawInForce`` instead).
        """
        entries = self.dates[key]
        current = [e for e in entries if self.law_in_force(e.law, as_of)]
        return current[-1] if current else entries[0]


ADOPTED = "adopted"
OMNIBUS = "omnibus_2026"

LAW_VERSIONS = (
    LawVersion(ADOPTED, "Regulation (EU) 2024/1689 as adopted", date(2024, 8, 1), Source.OJ),
    LawVersion(
        OMNIBUS,
        "as amended by Regulation (EU) 2026/1744 (digital omnibus on AI), as reported",
        date(2026, 7, 27),
        Source.SECONDARY,
    ),
)

APPLICATION_DATES = (
    ApplicationDate("general", date(2026, 8, 2), "Art. 113, second paragraph", ADOPTED,
                    "General date of application."),
    ApplicationDate("chapters_i_ii", date(2025, 2, 2), "Art. 113, point (a)", ADOPTED,
                    "Chapters I and II: general provisions (incl. Art. 4) and the Art. 5 prohibitions."),
    ApplicationDate("art_5_new_points", date(2026, 12, 2),
                    "Art. 113 as amended by Regulation (EU) 2026/1744", OMNIBUS,
                    "Art. 5(1)(ba) and (bb), inserted by the amendment."),
    ApplicationDate("chapter_v", date(2025, 8, 2), "Art. 113, point (b)", ADOPTED,
                    "Chapter V: general-purpose AI models."),
    ApplicationDate("gpai_legacy", date(2027, 8, 2), "Art. 111(3)", ADOPTED,
                    "GPAI models placed on the market before 2 August 2025."),
    ApplicationDate("penalties", date(2025, 8, 2), "Art. 113, point (b)", ADOPTED,
                    "Chapter XII: penalties under Art. 99 and 100 (Art. 101 excepted)."),
    ApplicationDate("gpai_fines", date(2026, 8, 2), "Art. 113, point (b) (Art. 101 excepted)", ADOPTED,
                    "Fines on GPAI providers, Art. 101: Chapter XII applies from 2 August 2025 except "
                    "Art. 101, which follows the general date."),
    ApplicationDate("annex_iii_high_risk", date(2026, 8, 2), "Art. 113, second paragraph", ADOPTED,
                    "High-risk systems under Art. 6(2) and Annex III."),
    ApplicationDate("annex_iii_high_risk", date(2027, 12, 2),
                    "Art. 113, point (c), as replaced by Regulation (EU) 2026/1744", OMNIBUS,
                    "High-risk systems under Art. 6(2) and Annex III, as amended."),
    ApplicationDate("annex_i_high_risk", date(2027, 8, 2), "Art. 113, point (c)", ADOPTED,
                    "High-risk systems under Art. 6(1) and Annex I."),
    ApplicationDate("annex_i_high_risk", date(2028, 8, 2),
                    "Art. 113, point (c), as replaced by Regulation (EU) 2026/1744", OMNIBUS,
                    "High-risk systems under Art. 6(1) and Annex I, as amended."),
    ApplicationDate("art_50_2_legacy", date(2026, 12, 2),
                    "Art. 111(4), inserted by Regulation (EU) 2026/1744", OMNIBUS,
                    "Art. 50(2) for generative systems placed on the market before 2 August 2026."),
    ApplicationDate("public_authority_legacy", date(2030, 8, 2), "Art. 111(2)", ADOPTED,
                    "High-risk systems already placed and intended for use by public authorities."),
)

DATE_TABLE = DateTable(LAW_VERSIONS, APPLICATION_DATES)
