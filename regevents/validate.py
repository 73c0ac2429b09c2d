"""Validation layer (placeholder until the validation issue lands)."""
from __future__ import annotations

from typing import Any

from .models import Article, Issue


def check(article: Article, original: str | None = None) -> list[Issue]:
    """Content checks of a parsed article; returns issues (never raises)."""
    return []


def validate(data: Any) -> list[Issue]:
    """Check JSON produced elsewhere (dict, JSON str or Article)."""
    if isinstance(data, Article):
        return check(data)
    if isinstance(data, (str, bytes)):
        return check(Article.model_validate_json(data))
    return check(Article.model_validate(data))
