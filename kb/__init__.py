"""The knowledge base's own code: content model, validation, catalogues, search text, exports, CLI."""
