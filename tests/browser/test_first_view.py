"""The first view of a page in Chromium on Lighthouse's mobile device (4x slower CPU): Material's script starting
after the first paint shifts nothing and starts on the page's one DOMContentLoaded, only the stylesheets the page
needs block it, a page loads without a failed request or a console message (Material's language selector fetches
no sitemap: the heads have no alternates for it to look beside), and English pages fetch no Arabic font for the
closed language menu."""
import re

import pytest

from bench.serve import serve
from support import watch_csp

pytestmark = pytest.mark.browser

PAGES = ["/", "/ar/", "/case-studies/arabic-library-networks-open-ecosystems/",
         "/ar/case-studies/arabic-library-networks-open-ecosystems/"]
# Lighthouse 12's mobile emulation (Moto G Power). No network throttling here: on slow 4G a late font or a
# half-received page can shift text too, by chance; these tests look at what the page itself does.
MOBILE = dict(viewport={"width": 412, "height": 823}, device_scale_factor=1.75, is_mobile=True, has_touch=True)
RECORD_SHIFTS = """
window.__shifts = [];
const record = entries => entries.forEach(e => window.__shifts.push({
  value: e.value, at: Math.round(e.startTime),
  moved: e.sources.map(s => s.node ? s.node.nodeName + "." + (s.node.className || "") : "?")
}));
window.__shiftObserver = new PerformanceObserver(list => record(list.getEntries()));
window.__shiftObserver.observe({type: "layout-shift", buffered: true});
window.__takeShifts = () => (record(window.__shiftObserver.takeRecords()), window.__shifts);
"""
TAKE_SHIFTS = "window.__takeShifts()"  # the shifts recorded so far, including those not yet delivered
# Two frames rendered: whatever a script started in the last task has been laid out and painted.
NEXT_FRAMES = "new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))"
BUNDLE = "**/assets/javascripts/bundle.*.min.js"
BUNDLE_JS = r"/bundle\.[0-9a-f]+\.min\.js/"  # as a JavaScript literal


@pytest.fixture(scope="module")
def gzip_server(site):
    """The site served as GitHub Pages serves it (gzip): uncompressed, the HTML comes in several round trips
    on slow 4G and the browser paints a half-parsed page, which shifts as the rest arrives."""
    with serve(site) as server:
        yield server.base


@pytest.fixture
def mobile_page(browser):
    context = browser.new_context(**MOBILE)
    violations = watch_csp(context)
    pg = context.new_page()
    pg.add_init_script(RECORD_SHIFTS)
    context.new_cdp_session(pg).send("Emulation.setCPUThrottlingRate", {"rate": 4})
    pg.requests = []
    pg.on("request", lambda req: pg.requests.append(req.url))
    yield pg
    context.close()
    assert violations == [], "Content-Security-Policy violations:\n" + "\n".join(violations)


@pytest.mark.parametrize("path", PAGES)
def test_material_script_starting_after_the_first_paint_shifts_nothing(mobile_page, gzip_server, path):
    """Material's bundle held back until the page has painted: nothing moves when it runs. Something did when
    <html> turned from no-js to js only then: the search button appeared, pushed the language button aside and,
    right to left, the whole body (Lighthouse CLS 0.058 on every Arabic page). The test holds the bundle's
    response itself and releases it once the page has painted with its fonts."""
    held = []
    mobile_page.route(BUNDLE, lambda route: held.append(route))  # answered below, when the test releases it
    with mobile_page.expect_request(BUNDLE):
        mobile_page.goto(gzip_server + path, wait_until="commit")
    mobile_page.wait_for_function("() => performance.getEntriesByName('first-paint').length > 0")
    mobile_page.evaluate("document.fonts.ready.then(() => true)")
    assert len(held) == 1 and not mobile_page.evaluate("typeof window.component$ !== 'undefined'")
    held[0].continue_()
    mobile_page.wait_for_function("() => typeof window.component$ !== 'undefined'")  # Material's bundle has started
    mobile_page.evaluate(NEXT_FRAMES)
    bundle_at = mobile_page.evaluate(
        f"performance.getEntriesByType('resource').find(e => {BUNDLE_JS}.test(e.name)).responseEnd")
    first_paint = mobile_page.evaluate("performance.getEntriesByName('first-paint')[0].startTime")
    assert first_paint < bundle_at
    shifts = mobile_page.evaluate(TAKE_SHIFTS)
    assert [s for s in shifts if s["at"] >= bundle_at] == [], shifts
    assert mobile_page.evaluate("document.documentElement.classList.contains('js')")


@pytest.mark.parametrize("path", PAGES[:2])
def test_material_bundle_starts_on_the_one_domcontentloaded(mobile_page, gzip_server, path):
    """Material's scripts block as Material writes it: the bundle starts on the document's own DOMContentLoaded
    (no loader sends a second one) and works: the search box gets its dialog."""
    mobile_page.add_init_script("window.__loaded = 0; document.addEventListener('DOMContentLoaded', () => __loaded++)")
    mobile_page.goto(gzip_server + path, wait_until="networkidle")
    mobile_page.wait_for_function("() => typeof window.component$ !== 'undefined'")  # Material's bundle has started
    mobile_page.locator("label[for='__search']").first.click()
    mobile_page.wait_for_function("() => document.activeElement && document.activeElement.matches('.md-search__input')")
    assert mobile_page.evaluate("window.__loaded") == 1


@pytest.mark.parametrize("path", [*PAGES, "/workshops/", "/ar/case-studies/",
                                  "/ar/workshops/building-collaborative-arabic-library-networks/"])
def test_a_page_loads_without_a_failed_request_or_a_console_message(mobile_page, gzip_server, path):
    """Once Material's bundle has started (its language selector reads the head's alternates then) and the network
    is idle: every request answered below 400, none failed, nothing in the console, no sitemap fetched (with a
    <link rel="alternate"> in the head, Material fetches sitemap.xml beside it: a 404 for a translation's)."""
    problems = []
    mobile_page.on("console", lambda m: m.type in ("error", "warning") and problems.append(f"{m.type}: {m.text}"))
    mobile_page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    mobile_page.on("requestfailed", lambda req: problems.append(f"failed: {req.url} {req.failure}"))
    mobile_page.on("response", lambda r: r.status >= 400 and problems.append(f"{r.status}: {r.url}"))
    mobile_page.goto(gzip_server + path, wait_until="networkidle")
    mobile_page.wait_for_function("() => typeof window.component$ !== 'undefined'")  # Material's bundle has started
    mobile_page.wait_for_load_state("networkidle")
    assert problems == []
    assert [u for u in mobile_page.requests if "sitemap" in u] == []
    assert mobile_page.locator("link[rel=alternate]").count() == 0


@pytest.mark.parametrize("start, other", [("/about/", "/ar/about/"), ("/ar/", "/")])
def test_language_link_goes_straight_to_the_translation(page, server, start, other):
    """The switcher's link is followed as it is: no detour through Material's handler, no redirect."""
    page.goto(server + start, wait_until="networkidle")
    statuses = []
    page.on("response", lambda r: r.request.resource_type == "document" and statuses.append((r.status, r.url)))
    lang = "ar" if other.startswith("/ar/") else "en"
    page.locator(f".md-select__link[hreflang='{lang}']").first.dispatch_event("click")
    page.wait_for_url(server + other)
    page.wait_for_load_state("load")
    assert statuses == [(200, server + other)]


def test_stylesheets_before_the_first_paint_are_material_main_and_ours(site):
    """No palette.css (theme.palette is unset; kb.css holds the colours): one render-blocking request fewer."""
    html = (site / "ar" / "index.html").read_text(encoding="utf-8")
    head = html[:html.index("</head>")]
    sheets = [href.rsplit("/", 1)[-1] for href in re.findall(r'<link rel="stylesheet" href="([^"]+)"', head)]
    assert [re.sub(r"\.[0-9a-f]{8}\.min", "", s) for s in sheets] == ["main.css", "fonts.css", "kb.css"], sheets


def test_english_first_view_fetches_no_arabic_font_until_the_language_menu_opens(page, server):
    page.goto(server + "/", wait_until="networkidle")
    assert [u for u in page.requests if "naskh" in u] == []
    page.hover(".md-select")
    page.wait_for_function("() => [...document.fonts].some(f => f.family.includes('Naskh') && f.status === 'loaded')")
    assert page.evaluate("getComputedStyle(document.querySelector('.md-select__inner')).display") == "block"
