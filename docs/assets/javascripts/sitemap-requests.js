/* The one patch of a browser global left (tests/search/test_material_contract.py checks what it rests on).
   Material's language selector (setupAlternate) fetches sitemap.xml beside every <link rel="alternate"> in the
   head, with no way to turn it off. mkdocs-static-i18n's alternates are the page's translations, not language
   roots, so that file does not exist (two or three 404s on every page, each logged as a console error), or is
   the whole site's sitemap, parsed on the main thread (home pages; mkdocs-material#6582). The alternates stay
   in the head for search engines, and the switcher's links are followed as they are (target="_self" in
   overrides/partials/alternate.html keeps Material's handler off them), so those sitemaps serve nothing: the
   requests get an empty one instead, without a request. Deferred, it runs before Material's bundle starts. */
(function () {
  var empty = "data:application/xml," + encodeURIComponent('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>');
  var open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    if (/\/sitemap\.xml$/.test(String(url))) args[1] = empty;
    return open.apply(this, args);
  };
})();
