"""What the site relies on in Material, read from the installed Material (its templates, its minified bundle and
search worker): a Material update that changes one of these fails here, naming it, instead of emptying every
search or breaking the language switcher without a sound. The parts that rely on them: the search worker wrapper
(docs/assets/javascripts/search/worker.js) and overrides/main.html. And the guard the other way: nothing else in
the site patches Material or a browser global."""
import re
from pathlib import Path

import material
import pytest

from kb.search import MATERIAL_WORKERS
from search_helpers import WORKER, worker_protocol

THEME = Path(material.__file__).parent / "templates"
ROOT = Path(__file__).resolve().parents[2]
OVERRIDES = ROOT / "overrides"
SCRIPTS = ROOT / "docs" / "assets" / "javascripts"


def material_file(pattern: str) -> str:
    found = sorted(THEME.glob(pattern))
    assert len(found) == 1, f"Material's files changed: {len(found)} files match {THEME / pattern}"
    return found[0].read_text(encoding="utf-8")


def expect(pattern: str, text: str, what: str, change: str) -> re.Match:
    """The match of `pattern` in Material's code, or a failure saying what in Material changed."""
    match = re.search(pattern, text, re.S)
    assert match, f"Material's {what} changed: {change} (pattern {pattern!r} not found)"
    return match


@pytest.fixture(scope="module")
def worker() -> str:
    return material_file(MATERIAL_WORKERS)  # the glob kb/search.py finds it by in the built site


@pytest.fixture(scope="module")
def bundle() -> str:
    return material_file("assets/javascripts/bundle.*.min.js")


def test_the_worker_message_types_are_the_ones_the_wrapper_declares(worker, bundle):
    ours = worker_protocol()
    handler = expect(r"switch\((\w+)\.type\)\{case (\d+):return yield \w+\(\1\.data\.config\),\w+=new \w+\(\1\.data\),"
                     r"\{type:(\d+)\};case (\d+):.{0,80}?\{type:(\d+),data:", worker, "worker protocol",
                     "its message handler is no longer `switch (type) {SETUP: ... READY; QUERY: ... RESULT}`")
    theirs = dict(zip(["SETUP", "READY", "QUERY", "RESULT"], map(int, handler.groups()[1:]), strict=True))
    assert theirs == ours, f"Material's worker protocol changed: its worker has {theirs}, {WORKER.name} has {ours}"
    # The page's side of the same protocol, in the bundle.
    page = {"SETUP": r"\{type:(\d+),data:\{config:\w+,docs:\w+,options:\{suggest:",
            "READY": r"function \w+\(\w+\)\{return \w+\.type===(\d+)\}function \w+\(\w+\)\{return \w+\.type===\d+\}",
            "RESULT": r"function \w+\(\w+\)\{return \w+\.type===\d+\}function \w+\(\w+\)\{return \w+\.type===(\d+)\}",
            "QUERY": r"\.subscribe\(\(\{value:\w+\}\)=>\w+\.next\(\{type:(\d+),data:\w+\}\)\)"}
    for name, pattern in page.items():
        value = int(expect(pattern, bundle, "worker protocol", f"the page no longer sends or reads {name}").group(1))
        assert value == ours[name], \
            f"Material's worker protocol changed: the page's {name} is {value}, the wrapper's {ours[name]}"


def test_the_worker_takes_messages_with_addEventListener_and_answers_with_postMessage(worker):
    """The wrapper's listener, registered first, hands Material's only its own messages; postMessage is wrapped."""
    expect(r'addEventListener\("message",(\w+)=>\w+\(null,null,function\*\(\)\{'
           r'postMessage\(yield \w+\(\1\.data\)\)\}\)\)', worker, "worker protocol",
           "its worker no longer listens with addEventListener and answers with postMessage")


def test_a_result_is_items_of_located_documents_and_suggestions(worker, bundle):
    expect(r"\{type:(\d+),data:\w+\.search\(\w+\)\}", worker, "worker protocol", "a QUERY is no longer search(query)")
    expect(r"return\s?_\(\{items:\[\.\.\.\w+\.values\(\)\]\},typeof \w+!=\"undefined\"&&\{suggest:\w+\}\)", worker,
           "search results", "a result is no longer {items: [...], suggest}")
    expect(r"s\.push\(B\(_\(\{\},\w+\),\{score:\w+\*\(1\+K\(\w+,2\)\),terms:\w+\}\)\)", worker,
           "search results", "a document of a result no longer has its score and matched terms")
    # The page links a result to its location as given: the worker puts the words to highlight there (?h=).
    expect(r"(\w+)=new URL\((\w+)\.location,\w+\.base\);V\(\"search\.highlight\"\)&&\1\.searchParams\.set\(\"h\"",
           bundle, "search result links", "a result's link is no longer its location, resolved against the base")


def test_lunr_reads_its_pipeline_functions_by_name(worker):
    """The wrapper replaces lunr.trimmer, lunr.stopWordFilter and lunr.stemmer, and wraps Index.prototype.query."""
    expect(r'\.version="2\.3\.9"', worker, "lunr", "its worker no longer bundles lunr 2.3.9")
    expect(r"(\w)\.Builder;return \w+\.pipeline\.add\(\1\.trimmer,\1\.stopWordFilter,\1\.stemmer\)", worker, "lunr",
           "lunr's index builder no longer takes lunr.trimmer, stopWordFilter and stemmer at build time")
    expect(r"searchPipeline\.add\(\w\.stemmer\)", worker, "lunr", "lunr's query pipeline no longer uses lunr.stemmer")
    expect(r"\w\.Index\.prototype\.query=function", worker, "lunr", "lunr.Index.prototype.query is gone")
    expect(r"self\.lunr=", worker, "worker", "its worker no longer puts lunr in the global scope")
    expect(r'Re\(\["trimmer","stopWordFilter","stemmer"\],\w+\.pipeline\)', worker, "search index",
           "the index's config.pipeline no longer selects lunr's pipeline functions by name")


def test_the_bundle_starts_on_domcontentloaded_and_reads_the_worker_from_the_config(bundle):
    """Our scripts are deferred after the bundle, so they run before it starts; the config block names the worker."""
    expect(r'\(document,"DOMContentLoaded",\{once:!0\}\)', bundle, "start-up", "the bundle no longer starts on "
           "DOMContentLoaded (search/page.js is deferred to run before it starts)")
    expect(r'JSON\.parse\((\w+)\.textContent\)', bundle, "configuration", "the bundle no longer reads #__config")
    expect(r"let \w+=\w+\(\w+\.search,\w+\)", bundle, "configuration", "the search worker's address is no longer "
           "config.search")


def block(template: str, name: str) -> str:
    pattern = r"\{% block " + name + r" %\}(.*?)\{% endblock %\}"
    return expect(pattern, template, "base.html", f"no {name} block").group(1)


def test_the_config_block_has_materials_keys():
    """overrides/main.html writes Material's configuration itself (for the worker's address): the same keys."""
    keys = re.compile(r'"([\w.]+)":')
    theirs, ours = (set(keys.findall(block(t, "config"))) for t in
                    (material_file("base.html"), (OVERRIDES / "main.html").read_text(encoding="utf-8")))
    assert theirs == ours, f"Material's configuration (base.html, block config) changed: only Material's " \
                           f"{sorted(theirs - ours)}, only ours {sorted(ours - theirs)}"
    assert '"search": "assets/javascripts/workers/search.' in block(material_file("base.html"), "config")


def test_the_scripts_block_is_the_bundle_and_extra_javascript():
    """overrides/main.html writes the block itself, the bundle deferred (its address from hooks/theme.py)."""
    scripts = block(material_file("base.html"), "scripts")
    expect(r"^\s*<script src=\"\{\{ 'assets/javascripts/bundle\.\w+\.min\.js' \| url \}\}\"></script>\s*"
           r"\{% for script in config\.extra_javascript %\}\s*\{\{ script \| script_tag \}\}\s*\{% endfor %\}\s*$",
           scripts, "scripts block", "it is no longer the bundle's tag and the extra_javascript loop")
    ours = block((OVERRIDES / "main.html").read_text(encoding="utf-8"), "scripts")
    assert re.match(r"\s*<script defer src=\"\{\{ material_bundle \| url \}\}\"></script>\s*"
                    r"\{%- for script in config\.extra_javascript %\}\s*\{\{ script \| script_tag \}\}\s*"
                    r"\{%- endfor %\}", ours), "overrides/main.html: the scripts block lost Material's bundle or loop"


def test_the_language_selector_fetches_a_sitemap_beside_each_alternate_in_the_page(bundle):
    """Why the heads have no <link rel="alternate">: Material's selector fetches sitemap.xml beside each one
    (every link[rel=alternate] of the document, feeds included), to find the current page in the other language
    when a link into it is clicked. mkdocs-static-i18n's alternates are the page's translations, so those files
    do not exist (a 404 and a console error each); the hreflang alternates are in the site's sitemap.xml instead.
    With no alternate there is nothing to fetch and the click handler finds no site to map a link into: the
    switcher's links (Material's partials/alternate.html, the links relative and marked with their language) are
    followed as they are."""
    expect(r'\w+\("link\[rel=alternate\]"\)\),\w+\(\w+=>new URL\(\w+\.href\)\)', bundle, "language selector",
           "it no longer reads the alternates from link[rel=alternate]; see whether the heads may have them again")
    expect(r'new URL\("sitemap\.xml",\w+\)', bundle, "language selector", "it no longer fetches sitemap.xml")
    expect(r'let \w+=\[\.\.\.(\w+)\]\.find\(\(\[\w+\]\)=>\w+\.href\.startsWith\(`\$\{\w+\}/`\)\);'
           r'if\(typeof \w+=="undefined"\)return \w+;', bundle, "language selector",
           "its click handler no longer lets a link go when no fetched alternate's address starts it")
    # Our partial is Material's but for each link's address (relative to the page) and its lang attribute.
    def lines(text: str) -> list[str]:
        return [line.strip() for line in re.sub(r"^\{#-.*?-#\}\n", "", text, flags=re.S).splitlines()]
    ours = [line.replace("{{ href }}", "{{ alt.link | url }}").replace(' lang="{{ alt.lang }}"', "")
            for line in lines((OVERRIDES / "partials" / "alternate.html").read_text(encoding="utf-8"))
            if not re.match(r"\{%- (set|if) |\{#-", line)]
    assert ours == lines(material_file("partials/alternate.html")), \
        "Material's partials/alternate.html changed: update overrides/partials/alternate.html"


def test_the_site_meta_block_is_materials_without_its_alternates():
    """overrides/main.html writes the block itself: Material's, without its two loops of <link rel="alternate">
    (the page's translations; the rss plugin's feeds, a plugin this site does not use), and with the no-js swap."""
    theirs = block(material_file("base.html"), "site_meta")
    loops = re.compile(r"\s*\{% if (config\.extra\.alternate is iterable|\"rss\" in config\.plugins) %\}"
                       r".*?\{% endif %\}", re.S)
    assert len(loops.findall(theirs)) == 2, "Material's site_meta block changed: its alternates are not two ifs"
    ours = block((OVERRIDES / "main.html").read_text(encoding="utf-8"), "site_meta")
    swap = '\n  <script>document.documentElement.classList.replace("no-js", "js")</script>'
    assert swap in ours, "overrides/main.html: the site_meta block lost the no-js swap"
    assert ours.replace(swap, "").split() == loops.sub("", theirs).split(), \
        "Material's site_meta block (base.html) changed: update overrides/main.html's, without the alternates"
    assert 'rel="alternate"' not in ours


def test_what_the_page_scripts_select_is_in_materials_templates():
    search = material_file("partials/search.html")
    assert 'class="md-search__input"' in search, "Material's search box is no longer input.md-search__input"
    assert 'data-md-component="content"' in material_file("base.html"), "Material's content is no longer marked"


def test_nothing_else_patches_material_or_a_browser_global():
    """No template rewrites Material's blocks or starts its bundle with a second DOMContentLoaded; no script
    patches XMLHttpRequest or fetch, replaces window.Worker or rewrites #__config. The search worker is the one
    place that wraps Material's (its postMessage and lunr's pipeline), in Material's worker's own scope."""
    for path in OVERRIDES.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"super\(\)\s*\|", text), f"{path}: a filter on super() (string surgery on Material)"
        assert not re.search(r"new Event\(|dispatchEvent", text), f"{path}: a script sending an event to Material"
    # Each patch that is left, where it is allowed (the headers of those files say why).
    allowed = {r"XMLHttpRequest\.prototype": set(), r"\bfetch\s*=": set(),
               r"\.prototype\.\w+\s*=": {"worker.js"},  # lunr's Index.query
               r"postMessage\s*=": {"worker.js"},  # Material's worker's answers, rewritten
               r"window\.Worker\s*=": set(), r"\b__config\b": set(), r"addEventListener\s*=": set(),
               r"new Event\(": set()}
    for path in SCRIPTS.rglob("*.js"):
        if "vendor" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        for patch, files in allowed.items():
            assert path.name in files or not re.search(patch, text), f"{path}: {patch}"
