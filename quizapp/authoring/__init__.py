"""Custom decks: scaffold, draft from a document, import from and export to other tools."""
