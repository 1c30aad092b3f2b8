/* Search on the page, beside Material's bundle (deferred, after it; nothing here patches Material or a browser
   global, and Material's configuration points its worker at search/worker.js at build time, overrides/main.html):
   - Asks the worker to load the index when the search box gets focus, so that it is ready, or nearly, when the
     first word is typed (the worker loads nothing before: most readers never search). The request goes over a
     BroadcastChannel, as the page has no handle on the worker Material starts.
   - Highlights a search result's words on the page it opens (the ?h= parameter the worker adds to each result's
     link; Material's own highlighting, search.highlight, is off): Material's highlighter matches raw prefixes,
     which misses Arabic words with clitics, diacritics or other letter forms; this one compares normalised
     words (kbArabic, normalise.js beside this file, loaded only then: most pages are not opened from a result,
     and the normaliser with its plural table is most of the search code a page would parse at start-up). */
(function () {
  "use strict"

  var lang = document.documentElement.lang || "en"
  var box = document.querySelector("input.md-search__input")
  var channel
  if (box && self.BroadcastChannel) box.addEventListener("focus", function () {
    try {
      channel = channel || new BroadcastChannel("kb-search")
      channel.postMessage({ type: "kb-preload", lang: lang })
    } catch (error) {}                     // where a channel cannot be opened, the first query loads the index
  })

  var url = new URL(location.href)
  var query = url.searchParams.get("h")
  if (!query) return
  // The address without ?h=, as the reader would share it.
  url.searchParams.delete("h")
  history.replaceState(history.state, "", url.href)
  // Added before the page's load event, which waits for it (and for the words marked).
  var normaliser = document.createElement("script")
  normaliser.src = new URL("normalise.js", document.currentScript.src).href
  normaliser.onload = function () {
    highlight(document.querySelector("[data-md-component=content]") || document.body, query)
  }
  document.head.appendChild(normaliser)

  function highlight(root, query) {
    var ar = self.kbArabic
    var terms = ar.words(query.toLowerCase()).map(ar.fold)
    if (!terms.length) return
    var matches = function (word) {
      var w = word.toLowerCase()
      var forms = ar.isArabic(w) ? [ar.stripClitics(w), ar.stem(w)] : [ar.fold(w)]
      return terms.some(function (t) {
        return forms.some(function (f) { return f && f.startsWith(t) })
      })
    }
    var split = new RegExp("(" + ar.SEPARATOR + ")")
    var EDGES = /^([^\p{L}\p{M}\p{N}]*)(.*?)([^\p{L}\p{M}\p{N}]*)$/u
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        return node.parentElement.closest("script, style, mark, .md-search") || !node.nodeValue.trim()
          ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT
      }
    })
    var nodes = []
    for (var node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node)
    nodes.forEach(function (node) {
      var parts = node.nodeValue.split(split)
      if (!parts.some(function (p, i) { return i % 2 === 0 && p && matches(p) })) return
      var fragment = document.createDocumentFragment()
      parts.forEach(function (part, i) {
        // Mark the word itself, not the punctuation around it ("المؤسسة." marks "المؤسسة").
        var word = i % 2 === 0 && part && EDGES.exec(part)
        if (word && word[2] && matches(word[2])) {
          var mark = document.createElement("mark")
          mark.setAttribute("data-md-highlight", "")
          mark.textContent = word[2]
          if (word[1]) fragment.appendChild(document.createTextNode(word[1]))
          fragment.appendChild(mark)
          if (word[3]) fragment.appendChild(document.createTextNode(word[3]))
        } else if (part) {
          fragment.appendChild(document.createTextNode(part))
        }
      })
      node.parentNode.replaceChild(fragment, node)
    })
  }
})()
