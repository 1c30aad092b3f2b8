"""The issue forms a contributor fills in on github.com: valid forms (unique ids, every field labelled), and the
proposal forms (case study, initiative list) and the correction form usable in English or Arabic (each label in
both, as `English · العربية`)."""
import re
from pathlib import Path

import pytest
import yaml

FORMS = Path(__file__).resolve().parents[2] / ".github" / "ISSUE_TEMPLATE"
ARABIC = re.compile(r"[\u0600-\u06ff]")


@pytest.mark.parametrize("form", sorted(p.name for p in FORMS.glob("*.yml") if p.name != "config.yml"))
def test_every_form_is_valid(form):
    data = yaml.safe_load((FORMS / form).read_text(encoding="utf-8"))
    assert data["name"] and data["description"] and data["body"]
    fields = [f for f in data["body"] if f["type"] != "markdown"]
    ids = [f["id"] for f in fields]
    assert len(ids) == len(set(ids)) and all(f["attributes"]["label"].strip() for f in fields)


@pytest.mark.parametrize("form", ["propose-case-study.yml", "propose-initiative-list.yml", "correction.yml"])
def test_the_contribution_forms_speak_both_languages(form):
    data = yaml.safe_load((FORMS / form).read_text(encoding="utf-8"))
    assert ARABIC.search(data["name"]) and ARABIC.search(data["description"])
    for field in data["body"]:
        if field["type"] != "markdown":
            english, arabic = field["attributes"]["label"].split(" · ")
            assert english.isascii() and ARABIC.search(arabic), field["id"]
