/* Material fetches sitemap.xml beside every hreflang alternate (mkdocs-material#6582); with the per-page
   alternates of a translated site that is a 404 per page and language. The site has one sitemap, with
   every language in it, two folders above this script: send those requests there. From file:// (the
   offline bundle) no request can read a file, and the language links work without the sitemap: answer
   with an empty one. Loaded before Material's bundle. */
(function (sitemap) {
  var open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    if (/\/sitemap\.xml$/.test(String(url))) args[1] = sitemap;
    return open.apply(this, args);
  };
})(location.protocol === "file:"
  ? "data:application/xml," + encodeURIComponent('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>')
  : new URL("../../sitemap.xml", document.currentScript.src).href);
