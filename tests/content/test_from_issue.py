"""`python -m kb from-issue EVENT_JSON` (kb/from_issue.py), in process, on event JSON as GitHub sends it for the
case-study and initiative-list forms: each answer as `### Label`, a blank line, then the value (`_No response_`
when empty). English and Arabic proposals, empty fields, hostile values: the answers land in the page of their
language as plain text (front matter: YAML strings), the other language keeps the template (a translation to
do), the pages go through the validator, and nothing in the issue runs or reaches a page as markup."""
import json
import re
from pathlib import Path

import yaml

from content_helpers import docs_project, kb
from kb.frontmatter import parse
from kb.validate import validate_tree

FORMS = Path(__file__).resolve().parents[2] / ".github" / "ISSUE_TEMPLATE"
FORM = FORMS / "propose-case-study.yml"
LIST_FORM = FORMS / "propose-initiative-list.yml"


def event(tmp_path: Path, answers: dict, number: int = 7, form: Path = FORM) -> Path:
    """An `issues` `labeled` event whose body is the form's answers as GitHub writes them."""
    fields = [f for f in yaml.safe_load(form.read_text(encoding="utf-8"))["body"] if f.get("id")]
    body = "\n\n".join(f"### {f['attributes']['label']}\n\n{answers.get(f['id']) or '_No response_'}"
                       for f in fields)
    path = tmp_path / "event.json"
    path.write_text(json.dumps({"action": "labeled", "label": {"name": "accepted"},
                                "issue": {"number": number, "title": "Case study: …", "body": body,
                                          "html_url": f"https://github.com/o/r/issues/{number}"}}), encoding="utf-8")
    return path


def section(text: str, anchor: str) -> str:
    return re.search(rf"\{{#{anchor}\}}\n\n(.*?)(?=\n## |\Z)", text, re.S).group(1)


def test_an_english_proposal(tmp_path):
    project = docs_project(tmp_path / "p")
    path = event(tmp_path, {"title": "Two libraries share a service", "partners": "Qatar National Library (host)",
                            "year": "2024", "sources": "A report (2024)", "why": "Start small.\n\nShare early."})
    result = kb(project, "from-issue", str(path), "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    rel = "case-studies/two-libraries-share-a-service.md"
    assert result.stdout.split() == [f"docs/en/{rel}", f"docs/ar/{rel}"]
    en = (project / "docs/en" / rel).read_text(encoding="utf-8")
    ar = (project / "docs/ar" / rel).read_text(encoding="utf-8")
    assert "# Two libraries share a service\n" in en and "# Two libraries share a service\n" in ar
    assert section(en, "context").startswith("Partners and their roles: Qatar National Library \\(host\\)\n\n"
                                              "Year or date \\(only if the source states it\\): 2024")
    assert section(en, "lessons").strip() == "Start small\\.\n\nShare early\\."
    assert "الدروس التي ينقلها المصدر نفسه" in section(ar, "lessons")        # the Arabic: a translation to do
    assert "translation:" not in ar and "sources: [source-to-add]" in en
    out = tmp_path / "out"
    assert (out / "branch").read_text() == "case-study/two-libraries-share-a-service"
    assert (out / "title").read_text() == "Case study: Two libraries share a service"
    body = (out / "body.md").read_text(encoding="utf-8")
    assert "Closes #7." in body and "A report \\(2024\\)" in body
    # the same validator as any page: what is left to do is listed in the body
    _, problems = validate_tree(project / "docs", project)
    mine = [str(p) for p in problems if rel in p.path]
    assert mine and all(line in body for line in mine)
    assert any("unknown source 'source-to-add'" in line for line in mine)
    # the answered sections are no longer the template's; the unanswered one still is
    reported = {int(p.line) for p in problems if p.path == f"docs/en/{rel}" and p.field == "placeholder"}
    lines = en.split("\n")
    where = {name: lines.index(next(x for x in lines if x.endswith(f"{{#{name}}}"))) + 1
             for name in ("context", "what-was-done", "lessons")}
    assert not {n for n in reported if where["context"] < n < where["what-was-done"] or n > where["lessons"]}
    assert {n for n in reported if where["what-was-done"] < n < where["lessons"]}


def test_an_arabic_proposal_with_empty_answers(tmp_path):
    project = docs_project(tmp_path / "p")
    path = event(tmp_path, {"title": "شراكة بين مكتبتين", "partners": "مكتبة قطر الوطنية (مضيفة)",
                            "year": "2024"}, number=12)
    result = kb(project, "from-issue", str(path))
    assert result.returncode == 0, result.stderr
    rel = "case-studies/proposal-12.md"
    ar = (project / "docs/ar" / rel).read_text(encoding="utf-8")
    en = (project / "docs/en" / rel).read_text(encoding="utf-8")
    # the form's bilingual labels, in the page's language
    assert section(ar, "context").strip() == ("الشركاء وأدوارهم: مكتبة قطر الوطنية \\(مضيفة\\)\n\n"
                                              "السنة أو التاريخ \\(إن ذكره المصدر فقط\\): 2024")
    assert parse(ar, "ar.md")[0].meta["title"] == "شراكة بين مكتبتين"
    # _No response_ leaves the template's text, which the check then reports
    assert "No response" not in ar and "الدروس التي ينقلها المصدر نفسه" in section(ar, "lessons")
    assert "Who the partners are" in section(en, "context")
    # a second proposal with the same title gets its own slug
    assert kb(project, "from-issue", str(path)).stdout.split()[0] == "docs/en/case-studies/proposal-12-2.md"


def test_hostile_answers_reach_the_pages_as_plain_text_and_run_nothing(tmp_path):
    project = docs_project(tmp_path / "p")
    marker = tmp_path / "ran"
    hostile = (f"$(touch {marker}) `touch {marker}` <script>alert(1)</script> [x](javascript:alert(1)) "
               "![i](https://evil.example/p.png) {#context} \u202eevil\u202c &amp;")
    path = event(tmp_path, {"title": f"A title {hostile}", "partners": f"---\n# Heading\n{hostile}",
                            "why": f"<iframe src=https://evil.example></iframe>\n!!! danger\n{hostile}"})
    result = kb(project, "from-issue", str(path))
    assert result.returncode == 0, result.stderr
    assert not marker.exists()
    rel = result.stdout.split()[0]
    text = (project / rel).read_text(encoding="utf-8")
    page, problems = parse(text, rel)
    assert page is not None and not problems
    assert page.meta["title"].startswith("A title $(touch") and "\u202e" not in page.meta["title"]
    body = page.body
    assert "\u202e" not in body and "\u202c" not in body
    # every markup character escaped: no tag, link, image, attribute list, entity, admonition or heading of theirs
    for raw in ("<script", "<iframe", "](javascript", "![i](", "{#context} ", "&amp;", "!!! danger"):
        assert not re.search(r"(?<!\\)" + re.escape(raw), body), raw
    assert not re.search(r"^(---|# Heading)", body, re.M)
    assert "\\<script\\>alert\\(1\\)\\</script\\>" in body and "\\!\\!\\! danger" in body
    assert body.count("{#context}") == 1      # only the template's own anchor
    # the title's markup is refused by the same validator as any page (the pull request's body lists it)
    _, found = validate_tree(project / "docs", project)
    assert any(p.path == rel and p.line == 3 and "markup is not allowed" in p.message for p in found)  # title:


def test_an_event_that_is_not_a_proposal(tmp_path):
    project = docs_project(tmp_path / "p")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    result = kb(project, "from-issue", str(bad))
    assert result.returncode == 2 and result.stderr.startswith(f"kb from-issue: {bad}: not an issues event")
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"issue": {"number": 3, "body": "### Something else\n\nhello"}}), encoding="utf-8")
    result = kb(project, "from-issue", str(other))
    assert result.returncode == 2 and ("issue 3: no answer to 'Working title · العنوان المقترح' or "
                                       "'Title of the list · عنوان القائمة'") in result.stderr
    assert not list((project / "docs/en/case-studies").glob("proposal-*"))


def test_an_english_initiative_list(tmp_path):
    project = docs_project(tmp_path / "p")
    path = event(tmp_path, {"title": "Five ways to reach readers", "description": "What libraries can do\nnext.",
                            "initiatives": "Open late\nKeep the doors open after work.\n\nGo out\n\nLend kits",
                            "sources": "Slides (2024)"}, number=21, form=LIST_FORM)
    result = kb(project, "from-issue", str(path), "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    rel = "initiatives/five-ways-to-reach-readers.md"
    assert result.stdout.split() == [f"docs/en/{rel}", f"docs/ar/{rel}"]
    en, _ = parse((project / "docs/en" / rel).read_text(encoding="utf-8"), "en.md")
    ar, _ = parse((project / "docs/ar" / rel).read_text(encoding="utf-8"), "ar.md")
    assert en.meta["kind"] == "initiative-list" and en.meta["description"] == "What libraries can do next."
    # a paragraph an initiative; "Go out" is followed by a blank line, so it has no explanation of its own
    assert [(i["title"], i["description"]) for i in en.meta["initiatives"]] == [
        ("Open late", "Keep the doors open after work."), ("Go out", "A short explanation in your own words."),
        ("Lend kits", "A short explanation in your own words.")]
    # the Arabic: the template's initiative as many times, a translation to do, and no translation record
    assert [i["title"] for i in ar.meta["initiatives"]] == [
        "المبادرة بصياغة المصدر نفسها أو بترجمتها، دون علامات تنصيص (تعرضها البطاقة بينها)"] * 3
    assert ar.meta["title"] == "Five ways to reach readers" and "translation" not in ar.meta
    out = tmp_path / "out"
    assert (out / "branch").read_text() == "initiative-list/five-ways-to-reach-readers"
    assert (out / "title").read_text() == "Initiative list: Five ways to reach readers"
    body = (out / "body.md").read_text(encoding="utf-8")
    assert "Closes #21." in body and "Slides \\(2024\\)" in body and "`area`" in body
    # the same validator as any page: the placeholders left are reported, the pair agrees with itself
    _, problems = validate_tree(project / "docs", project)
    mine = [p for p in problems if rel in p.path]
    assert all(str(p) in body for p in mine)
    assert any(p.field == "placeholder" and p.path == f"docs/en/{rel}" for p in mine)
    assert not [p for p in mine if "differs from its translation" in p.message]


def test_an_arabic_initiative_list(tmp_path):
    project = docs_project(tmp_path / "p")
    path = event(tmp_path, {"title": "مبادرات المكتبات مع مجتمعاتها",
                            "initiatives": "تطوير المجموعات الهجينة\nالجمع بين المجموعات المطبوعة والرقمية.",
                            "sources": "شرائح العرض"}, number=22, form=LIST_FORM)
    result = kb(project, "from-issue", str(path))
    assert result.returncode == 0, result.stderr
    rel = "initiatives/proposal-22.md"
    ar, _ = parse((project / "docs/ar" / rel).read_text(encoding="utf-8"), "ar.md")
    en, _ = parse((project / "docs/en" / rel).read_text(encoding="utf-8"), "en.md")
    assert ar.meta["initiatives"] == [{"title": "تطوير المجموعات الهجينة",
                                       "description": "الجمع بين المجموعات المطبوعة والرقمية."}]
    # the unanswered description keeps the template's, which the check reports
    assert ar.meta["description"] == "جملة واحدة عمّا يجمع بين هذه المبادرات."
    assert en.meta["initiatives"][0]["title"].startswith("The initiative in the source's own words")


def test_a_hostile_initiative_list_stays_data(tmp_path):
    project = docs_project(tmp_path / "p")
    marker = tmp_path / "ran"
    hostile = f"$(touch {marker}) <script>alert(1)</script> \u202eevil\u202c"
    path = event(tmp_path, {"title": "A list", "description": f"x\nkind: workshop-kit\n{hostile}",
                            "initiatives": f"- title: injected\n  status: done\n{hostile}\n\n"
                                           f"\"quoted\": {{a: b}} # [x](javascript:alert(1))\n---\nsources: []",
                            "sources": "s"}, form=LIST_FORM)
    result = kb(project, "from-issue", str(path))
    assert result.returncode == 0, result.stderr
    assert not marker.exists()
    rel = result.stdout.split()[0]
    page, problems = parse((project / rel).read_text(encoding="utf-8"), rel)
    assert page is not None and not problems
    # the answers are strings in the front matter: no key, list item or document of theirs
    assert page.meta["kind"] == "initiative-list" and page.meta["sources"] == ["source-to-add"]
    assert page.meta["description"].startswith("x kind: workshop-kit $(touch")
    first, second = page.meta["initiatives"]
    assert set(first) == {"title", "description"} and first["title"] == "- title: injected"
    assert first["description"].startswith("status: done $(touch") and "\u202e" not in first["description"]
    assert second == {"title": '"quoted": {a: b} # [x](javascript:alert(1))', "description": "--- sources: []"}
    # and their markup is refused by the same validator as any page
    _, found = validate_tree(project / "docs", project)
    assert any(p.path == rel and "markup is not allowed" in p.message for p in found)
