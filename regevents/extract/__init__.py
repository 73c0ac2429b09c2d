"""Record extractors. Each reads a :class:`regevents.document.Document` and
returns contract records with evidence in original offsets."""
