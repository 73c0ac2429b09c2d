"""regevents: Chinese regional-cooperation news -> evidence-backed structured records.

    >>> import regevents
    >>> article = regevents.parse("5月22日,长三角地区主要领导座谈会在安徽芜湖召开。")
    >>> article.primary().name
    '长三角地区主要领导座谈会'
"""
from .models import (
    Article,
    Attendee,
    CooperationGoal,
    Issue,
    Meeting,
    Role,
    SignedDocument,
    Source,
    Span,
)
from .pipeline import parse
from .validate import validate

__version__ = "0.1.0"
__all__ = [
    "Article",
    "Attendee",
    "CooperationGoal",
    "Issue",
    "Meeting",
    "Role",
    "SignedDocument",
    "Source",
    "Span",
    "parse",
    "validate",
]
