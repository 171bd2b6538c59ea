"""The overlap as plain JSON data: the stable shape documented in docs/json-output.md."""

from __future__ import annotations

from typing import Any

from needmap.model.analysis import OverlapAnalysis
from needmap.reports.i18n import note_text

__all__ = ["overlap_to_json"]


def _round(value: float) -> float:
    return round(value, 4)


def overlap_to_json(analysis: OverlapAnalysis) -> dict[str, Any]:
    """Everything ``needmap overlap --json`` prints. Numbers are rounded to 4 decimals."""
    study, overlap, advice = analysis.study, analysis.overlap, analysis.advice
    region_of = overlap.region_of
    shared = set(advice.shared_needs)
    return {
        "study": study.settings.name,
        "organisation": study.settings.organisation,
        "by": "family" if overlap.by_family else "group",
        "weighting": overlap.weighting,
        "weighting_note": note_text(overlap.weighting_note, "en") if overlap.weighting_note else "",
        "units": [
            {
                "id": u.id,
                "letter": u.letter,
                "name": u.name,
                "kind": u.kind,
                "groups": list(u.groups),
                "headcount": u.headcount,
                "needs": len(overlap.unit_needs(u.id)),
                "unique_needs": list(overlap.unique(u.id)),
            }
            for u in overlap.units
        ],
        "regions": [
            {
                "code": r.code,
                "units": list(r.units),
                "degree": r.degree,
                "count": len(r.needs),
                "needs": list(r.needs),
                "demand": _round(r.demand),
                "share": _round(r.share),
            }
            for r in overlap.regions
        ],
        "core": list(overlap.core.needs) if overlap.core else [],
        "similarity": [
            {
                "a": s.a,
                "b": s.b,
                "jaccard": _round(s.jaccard),
                "weighted_jaccard": _round(s.weighted_jaccard),
            }
            for s in overlap.similarity
        ],
        "platform": {
            "form": advice.form,
            "shared_share": _round(advice.shared_share),
            "rule": {
                "shared_from": study.settings.platform.shared_from,
                "shared_min_units": advice.shared_min_units,
                "universal_from": advice.universal_from,
                "landscape_below": advice.landscape_below,
            },
            "shared_needs": len(advice.shared_needs),
            "specific_needs": len(advice.specific_needs),
        },
        "needs": {
            n: {
                "title": study.need_by_id[n].title,
                "kind": study.need_by_id[n].kind,
                "region": region_of[n].code,
                "importance": dict(overlap.importance[n]),
                "demand": _round(overlap.demand[n]),
                "placement": "shared" if n in shared else "specific",
            }
            for n in overlap.needs
        },
    }
