"""What a contributor's Markdown may put into a page, as an allow-list: raw HTML tags and attributes, the URLs
of links and resources (HTML's and Markdown's), and attr_list's `{...}` attributes. Anything not listed is
rejected at its line. Character references are decoded, and tabs and newlines dropped from URLs, as the
browser does, before anything is judged.

Python's HTML parser finds and names each tag (it knows lines); nh3 (ammonia, an HTML5 parser like the
browser's) applies the same rules to the same text, and where it keeps something else, the markup reads
differently to a browser than to us and is rejected too: the rules are trusted only where both agree."""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import nh3

# Tag -> its own attributes; GLOBAL ones are allowed on every tag. What md_in_html, details and figures need,
# and inline semantics; nothing that runs, loads, embeds, submits, positions or hides.
GLOBAL = frozenset({"title", "lang", "dir"})
TAGS: dict[str, frozenset] = {t: frozenset(a) for t, a in {
    "a": {"href"}, "abbr": (), "b": (), "bdi": (), "blockquote": (), "br": (), "cite": (), "code": (), "dd": (),
    "del": (), "details": {"open", "markdown"}, "dfn": (), "div": {"class", "markdown"}, "dl": (), "dt": (),
    "em": (), "figcaption": {"markdown"}, "figure": {"markdown"}, "hr": (), "i": (),
    "img": {"src", "alt", "width", "height"}, "ins": (), "kbd": (), "li": (), "mark": (), "ol": {"start"},
    "p": (), "q": (), "s": (), "samp": (), "small": (), "span": {"class", "markdown"}, "strong": (), "sub": (),
    "summary": {"markdown"}, "sup": (), "u": (), "ul": (), "var": ()}.items()}
CLASSES = frozenset({"grid", "cards"})  # Material's card grid; its md-* classes would restyle the site
LINK_SCHEMES = frozenset({"http", "https", "mailto"})
_ENUMS = {"dir": {"ltr", "rtl", "auto"}, "markdown": {"", "1", "block", "span"}}
_NUMBERS = {"width", "height", "start"}

_HINT_TAG = "allowed: " + ", ".join(sorted(TAGS))
_HINT_LINK = "link to a page, an https:// address or mailto:"
_HINT_RESOURCE = ("images and other files come from this site, or every reader's browser asks another site for "
                  "them: put the file beside the page and use a relative path")
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")


def url_problem(url: str, resource: bool) -> tuple[str, str] | None:
    """Why a decoded URL may not be a link (resource=False) or a resource's address, or None."""
    url = re.sub(r"[\t\n\r]|^[\x00-\x20]+|[\x00-\x20]+$", "", url)  # as the browser's URL parser reads it
    scheme = _SCHEME.match(url)
    if resource and (scheme or url.replace("\\", "/").startswith("//")):
        return "from another site", _HINT_RESOURCE
    if scheme and scheme.group(1).lower() not in LINK_SCHEMES:
        return f"a {scheme.group(1).lower()}: URL", _HINT_LINK
    return None


def attribute_problem(tag: str, name: str, value: str) -> tuple[str, str] | None:
    """Why name="value" (decoded) may not be on <tag>, or None. tag "{}" is attr_list's `{...}`."""
    own = TAGS.get(tag, frozenset({"id", "class"}) if tag == "{}" else frozenset())
    if name not in GLOBAL and name not in own:
        allowed = ", ".join(sorted(GLOBAL | own))
        hint = "styles belong to the site's stylesheet" if name == "style" else f"allowed on {_tag(tag)}: {allowed}"
        return "", hint
    if name in _ENUMS and value.lower() not in _ENUMS[name]:
        return f"the value '{_short(value)}'", "use one of: " + ", ".join(f'"{v}"' for v in sorted(_ENUMS[name]))
    if name in _NUMBERS and not value.isdigit():
        return f"the value '{_short(value)}'", "write a whole number"
    if name == "class":
        bad = [c for c in value.split() if c not in CLASSES]
        if bad:
            return f"the class '{_short(bad[0])}'", "allowed classes: " + ", ".join(sorted(CLASSES))
    if name == "id" and value.startswith("__"):
        return "the theme's ids start with __", "choose another id"
    if name in ("href", "src"):
        return url_problem(value, resource=name == "src")
    return None


def _hint(reason: str, hint: str) -> str:
    return f"{reason}: {hint}" if reason else hint


def _tag(tag: str) -> str:
    return "{ }" if tag == "{}" else f"<{tag}>"


def _short(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[:n - 1] + "…"


# ── Raw HTML ────────────────────────────────────────────────────────────────────────────────────────

class _Tags(HTMLParser):
    """The start tags of a text, with their lines and decoded attributes; declarations and processing
    instructions as tags named '!' and '?'."""

    def __init__(self, first_line: int = 1):
        super().__init__(convert_charrefs=True)
        self.first_line, self.found = first_line, []

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0] + self.first_line - 1
        self.found.append((line, tag, tuple((k, v or "") for k, v in attrs)))

    def handle_decl(self, decl):
        self.handle_starttag("!", [])

    unknown_decl = handle_decl

    def handle_pi(self, data):
        self.handle_starttag("?", [])


def _start_tags(text: str, first_line: int = 1) -> list:
    parser = _Tags(first_line)
    parser.feed(text)
    parser.close()
    return parser.found


def _keep(tag, name, value):
    return None if attribute_problem(tag, name, value) else value


def _sanitise(text: str) -> str:
    return nh3.clean(text, tags=set(TAGS), attributes={t: set(a | GLOBAL) for t, a in TAGS.items()},
                     url_schemes=set(LINK_SCHEMES), link_rel=None, attribute_filter=_keep)


def html_problems(text: str, first_line: int) -> list[tuple[int, str, str, str]]:
    """(line, field, message, hint) for each tag or attribute of the raw HTML in `text` (Markdown with code
    already blanked) that the allow-list does not have."""
    out, expected = [], []
    found = _start_tags(text, first_line)
    for line, tag, attrs in found:
        if tag not in TAGS:
            out.append((line, "html", f"<{tag}> is not allowed", _HINT_TAG))
            continue
        kept = []
        for name, value in attrs:
            problem = attribute_problem(tag, name, value)
            if problem:
                shown = f'{name}="{_short(value)}"' if value else name
                out.append((line, "html", f"<{tag} {shown}> is not allowed", _hint(*problem)))
            else:
                kept.append((name, value))
        expected.append((tag, tuple(sorted(dict(reversed(kept)).items()))))
    if not out and found:
        browser = [(tag, tuple(sorted(attrs))) for _, tag, attrs in _start_tags(_sanitise(text))]
        if browser != expected:
            pairs = zip(expected, browser, strict=False)
            at = next((i for i, (a, b) in enumerate(pairs) if a != b), min(len(expected), len(browser)))
            allowed = [f for f in found if f[1] in TAGS]
            line = allowed[min(at, len(allowed) - 1)][0] if allowed else found[0][0]
            out.append((line, "html", "a browser reads this markup differently",
                        "write plain tags with quoted attributes, closed in the order they are opened"))
    return out


# ── Markdown's own URLs and attributes ──────────────────────────────────────────────────────────────

_AUTOLINK = re.compile(r"<((?:https?|ftp)://[^<>\s]*|(?:mailto:)?[^<> !]+@[^@<> ]+)>", re.I)
_LINK = re.compile(r"(!?)\[((?:[^\[\]\\\n]|\\.|\[[^\]\n]*\])*)\]\(\s*(<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)")
_REF_DEF = re.compile(r"^ {0,3}\[([^\]^\n][^\]\n]*)\]:[ \t]*(<[^>\n]*>|\S+)", re.M)
_REF_IMAGE = re.compile(r"!\[([^\]\n]*)\](?:[ ]?\[([^\]\n]*)\])?")
# attr_list: at the end of a line (headings, blocks), or straight after an inline element.
_ATTR_LIST = re.compile(r"(?:^|(?<=[\s)\]*_`>]))\{:?[ ]*([^}\n ][^}\n]*?)[ ]*\}(?=[ \t]*$)"
                        r"|(?<=[)\]*_`>])\{:?[ ]*([^}\n ][^}\n]*?)[ ]*\}", re.M)
_ATTR_TOKEN = re.compile(r"""([^\s=}]+)=(?:"([^"]*)"|'([^']*)'|(\S+))|(\S+)""")


def _attr_lists(text: str):
    """_ATTR_LIST.finditer(text), tried only at each '{' (a search would try the lookbehinds everywhere)."""
    pos, end = text.find("{"), 0
    while pos >= 0:
        m = _ATTR_LIST.match(text, pos) if pos >= end else None
        if m:
            yield m
            end = m.end()
        pos = text.find("{", max(pos + 1, end))


def _ref(label: str) -> str:
    return " ".join(label.lower().split())


def markdown_problems(text: str, first_line: int) -> list[tuple[int, str, str, str]]:
    """Links, images and reference definitions whose URL the rules refuse, and attr_list attributes."""
    out = []

    def line_at(pos):
        return first_line + text.count("\n", 0, pos)

    def judge(pos, field, url, resource):
        url = html.unescape(url.strip("<>"))
        problem = url_problem(url, resource)
        if problem:
            out.append((line_at(pos), field, f"{_short(url)} is not allowed", _hint(*problem)))

    # Each pattern runs only on a text holding its literal part (most pages have no autolink or definition).
    for m in _AUTOLINK.finditer(text) if "<" in text else ():
        if "://" in m.group(1):
            judge(m.start(), "link", m.group(1), False)
    for m in _LINK.finditer(text) if "](" in text else ():
        judge(m.start(), "image" if m.group(1) else "link", m.group(3), bool(m.group(1)))
    if "]:" in text:
        images = {_ref(m.group(2) or m.group(1)) for m in _REF_IMAGE.finditer(text)} if "![" in text else set()
        for m in _REF_DEF.finditer(text):
            image = _ref(m.group(1)) in images
            judge(m.start(), "image" if image else "link", m.group(2), image)
    for m in _attr_lists(text):
        for t in _ATTR_TOKEN.finditer(m.group(1) or m.group(2)):
            word = t.group(5)
            if word is not None:  # .class, #id, or a bare word (attr_list makes it word="word")
                name, value = {".": ("class", word[1:]), "#": ("id", word[1:])}.get(word[0], (word, word))
            else:
                name, value = t.group(1), next(v for v in t.group(2, 3, 4) if v is not None)
            problem = attribute_problem("{}", name, html.unescape(value))
            if problem:
                out.append((line_at(m.start()), "html", f"{{: {_short(t.group(0))} }} is not allowed", _hint(*problem)))
    return out


def mask_autolinks(text: str) -> str:
    """`text` with Markdown's autolinks and escaped '<' blanked: they are not HTML."""
    text = text.replace("\\<", "  ")
    return _AUTOLINK.sub(lambda m: " " * len(m.group(0)), text)


def problems(text: str, first_line: int) -> list[tuple[int, str, str, str]]:
    """Everything the allow-list refuses in a page's body (`text`, code blanked, starting at `first_line`)."""
    if "<" not in text and "](" not in text and "]:" not in text and "{" not in text:
        return []
    return markdown_problems(text, first_line) + (
        html_problems(mask_autolinks(text), first_line) if "<" in text else [])
