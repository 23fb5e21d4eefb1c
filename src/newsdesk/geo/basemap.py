"""Country outlines for the dashboard's map, from the pinned ``countryinfo`` package (no download)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import countryinfo


@lru_cache(maxsize=1)
def world_outlines() -> dict[str, Any]:
    """A GeoJSON FeatureCollection: one feature per country that has an outline, with its ISO code and name."""
    features = []
    for country in countryinfo.all_countries():
        info = country.info()
        iso = (info.get("ISO") or {}).get("alpha2")
        for feature in (info.get("geoJSON") or {}).get("features", []):
            geometry = feature.get("geometry") or {}
            if geometry.get("type") in ("Polygon", "MultiPolygon"):
                features.append({"type": "Feature", "properties": {"iso": iso, "name": info.get("name")}, "geometry": geometry})
    return {"type": "FeatureCollection", "features": features}
