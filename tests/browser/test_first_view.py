"""The first view of a page in Chromium on Lighthouse's mobile device and network (slow 4G, 4x slower CPU): nothing
shifts while it loads (fonts, Material's script), and Material's language selector costs no sitemap download."""
import pytest

pytestmark = pytest.mark.browser

PAGES = ["/", "/ar/", "/case-studies/arabic-library-networks-open-ecosystems/",
         "/ar/case-studies/arabic-library-networks-open-ecosystems/"]
# Lighthouse 12's mobile emulation and simulated throttling (Moto G Power, slow 4G).
MOBILE = dict(viewport={"width": 412, "height": 823}, device_scale_factor=1.75, is_mobile=True, has_touch=True)
SLOW_4G = {"offline": False, "latency": 150, "downloadThroughput": 1.6 * 1024 * 1024 / 8,
           "uploadThroughput": 750 * 1024 / 8}
RECORD_SHIFTS = """
window.__shifts = [];
new PerformanceObserver(list => list.getEntries().forEach(e => window.__shifts.push({
  value: e.value, at: Math.round(e.startTime),
  moved: e.sources.map(s => s.node ? s.node.nodeName + "." + (s.node.className || "") : "?")
}))).observe({type: "layout-shift", buffered: true});
"""


@pytest.fixture
def mobile_page(browser):
    context = browser.new_context(**MOBILE)
    pg = context.new_page()
    pg.add_init_script(RECORD_SHIFTS)
    cdp = context.new_cdp_session(pg)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", SLOW_4G)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    pg.requests = []
    pg.on("request", lambda req: pg.requests.append(req.url))
    yield pg
    context.close()


@pytest.mark.parametrize("path", PAGES)
def test_nothing_shifts_while_the_page_loads(mobile_page, server, path):
    mobile_page.goto(server + path, wait_until="networkidle")
    mobile_page.evaluate("document.fonts.ready")
    mobile_page.wait_for_timeout(300)
    shifts = mobile_page.evaluate("window.__shifts")
    assert shifts == [], shifts
    assert mobile_page.evaluate("document.documentElement.classList.contains('js')")


def test_language_selector_fetches_no_sitemap(mobile_page, server):
    mobile_page.goto(server + "/ar/case-studies/arabic-library-networks-open-ecosystems/", wait_until="networkidle")
    assert [u for u in mobile_page.requests if "sitemap.xml" in u] == []


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
