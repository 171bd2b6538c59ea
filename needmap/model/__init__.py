"""Computations over a loaded study: overlaps, platform advice. Pure: no file I/O here."""

from needmap.model.analysis import OverlapAnalysis, analyse_overlap
from needmap.model.notes import Note
from needmap.model.overlap import KIND_ORDER, Overlap, Region, Similarity, compute_overlap
from needmap.model.platform import PlatformAdvice, PlatformForm, recommend_platform
from needmap.model.units import Unit, choose_units, families_tell_more

__all__ = [
    "KIND_ORDER",
    "Note",
    "Overlap",
    "OverlapAnalysis",
    "PlatformAdvice",
    "PlatformForm",
    "Region",
    "Similarity",
    "Unit",
    "analyse_overlap",
    "choose_units",
    "compute_overlap",
    "families_tell_more",
    "recommend_platform",
]
