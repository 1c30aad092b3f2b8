"""The kinds of page, declared once: the folder (section) each kind lives in, relative to the language folder,
and the level-2 sections (explicit ids, the same in both languages) each kind must have. The kinds' labels
are the `kinds` vocabulary of kb/data/vocabularies.yml (a test checks both list the same kinds)."""

SECTIONS = {"case-study": "case-studies", "workshop-kit": "workshops", "initiative-list": "initiatives",
            "event": "events", "organisation": "organisations"}
# The kind of a page that is none of the above (home, about, contributing, glossary ...).
PAGE = "page"
KINDS = (*SECTIONS, PAGE)

REQUIRED_SECTIONS = {
    "case-study": ["context", "what-was-done", "lessons"],
    "workshop-kit": ["about-this-kit", "activities", "facilitator-notes", "key-points", "handout"],
}
# Heading ids the build generates (the Sources section): a page may not write them itself.
GENERATED_IDS = {"sources", "sections", "featured", "recent", "downloads"}


def kind_of_section(section: str) -> str | None:
    """The kind whose pages live in `section` (a folder name), or None."""
    return next((kind for kind, folder in SECTIONS.items() if folder == section), None)
