"""The bundled example sets the app offers: one home for them, read by the app and by
:mod:`ui.serve` (which compares the first one before the server reports itself up)."""
from __future__ import annotations

from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

#: Example sets offered at start-up: (file, label) in order, oldest first.
EXAMPLES: dict[str, list[tuple[str, str]]] = {
    "2008 draft: Rev.1 → Rev.2 (illustrative), French": [
        ("draft-rev1-2008-11-10.fr.md", "Rev.1"),
        ("draft-rev2-illustrative.fr.md", "Rev.2 (illustrative)"),
    ],
    "Adopted: 61/180 → 63/194 (English excerpts)": [
        ("A-RES-61-180.en.md", "61/180"),
        ("A-RES-63-194.en.md", "63/194"),
    ],
    "Lineage: 61/180 → 63/194 → 64/178 (English excerpts)": [
        ("A-RES-61-180.en.md", "61/180"),
        ("A-RES-63-194.en.md", "63/194"),
        ("A-RES-64-178.en.md", "64/178"),
    ],
    "Across languages: 61/180 (en) → Rev.1 (fr) → 63/194 (en)": [
        ("A-RES-61-180.en.md", "61/180"),
        ("draft-rev1-2008-11-10.fr.md", "Rev.1"),
        ("A-RES-63-194.en.md", "63/194"),
    ],
    "Parallel: 70/179 in English and Spanish (excerpts)": [
        ("A-RES-70-179.en.md", "70/179 en"),
        ("A-RES-70-179.es.md", "70/179 es"),
    ],
    "None — only my own versions": [],
}
