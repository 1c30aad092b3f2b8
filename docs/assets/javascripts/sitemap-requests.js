/* Material's language selector (setupAlternate) fetches sitemap.xml beside every hreflang alternate in the
   head, parses it and, on a click on a link into an alternate, redirects to the same path under that
   alternate. mkdocs-static-i18n's alternates are per page (not language roots), so that path never exists:
   Material sends the reader to the alternate's URL without its trailing slash (one more redirect), after
   parsing the whole sitemap (every page of both languages) once per alternate on every page load, which is
   main-thread time that grows with the site (mkdocs-material#6582). The switcher's links already point to
   the page's translation, so: Material's sitemap requests get an empty sitemap (no request, nothing to
   parse; from file:// no request could read a file anyway), and clicks on the switcher's links go to their
   own href without reaching Material's handler on the body. Loaded before Material's bundle. */
(function () {
  var empty = "data:application/xml," + encodeURIComponent('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>');
  var open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    if (/\/sitemap\.xml$/.test(String(url))) args[1] = empty;
    return open.apply(this, args);
  };
  document.addEventListener("click", function (ev) {
    if (ev.target instanceof Element && ev.target.closest(".md-select a[hreflang]")) ev.stopPropagation();
  }, true);
})();
