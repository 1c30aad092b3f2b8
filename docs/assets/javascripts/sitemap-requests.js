/* Material fetches sitemap.xml beside every hreflang alternate (mkdocs-material#6582); with the per-page
   alternates of a translated site that is a 404 per page and language. The site has one sitemap, with
   every language in it, two folders above this script: send those requests there. Loaded before
   Material's bundle. */
(function (sitemap) {
  var open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    if (/\/sitemap\.xml$/.test(String(url))) args[1] = sitemap;
    return open.apply(this, args);
  };
})(new URL("../../sitemap.xml", document.currentScript.src).href);
