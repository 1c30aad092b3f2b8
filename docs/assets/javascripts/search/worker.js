/* Search worker: wraps Material's worker so search is per-language and Arabic-aware.
   - Loads this page language's index (search/index.<lang>.js, written by hooks/search.py) instead of the
     combined index the page sends, then Material's own worker and its lunr.
   - Replaces lunr's trimmer, stop word filter and stemmer: every Arabic token is indexed as two terms,
     its clitic-free form and its stem (kbArabic); every English token as itself and its Porter stem.
   - Normalises every query the same way before Material's worker sees it, maps matched terms back to the
     reader's words and suggestions to words of the page titles.
   - When the page's language finds nothing, searches the other languages and lists their pages marked
     with the language's name.
   Runs as a real worker, or inside iframe-worker on file:// (where importScripts returns a Promise).
   What it relies on in Material's worker, which runs in this same scope (tests/search/test_material_contract.py
   reads the installed Material and fails when one of these changes):
   - the message protocol below (SETUP, READY, QUERY, RESULT) and the shape of a result;
   - Material's worker takes its messages with addEventListener("message") and answers with the global
     postMessage: this worker's listener, registered first, takes every message from the page and hands
     Material's only the ones it makes (toMaterial); postMessage is wrapped to rewrite the answers;
   - lunr's index builder reads lunr.trimmer, lunr.stopWordFilter and lunr.stemmer, replaced here. */
(function () {
  "use strict"

  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3   // Material's SearchMessageType
  var PRELOAD = "kb-preload"               // from page.js, not Material: start loading the index now

  // This script's URL: the worker's location, or under iframe-worker this script's element in the frame.
  var here = typeof document !== "undefined" && document.currentScript
    ? document.currentScript.src : self.location.href
  var lang = (/[?&]lang=([\w-]+)/.exec(here) || [null, "en"])[1]
  var root = new URL("../../../", here)   // this file is assets/javascripts/search/worker.js

  var pending = []                         // queries sent to Material, oldest first
  var index, titleWords, ar
  var send = self.postMessage.bind ? self.postMessage.bind(self) : self.postMessage

  // The index, lunr and Material's worker load when the reader focuses the search box (page.js sends
  // PRELOAD) or with the first query, not with every page: they are most of a page's weight (the
  // first-view budget, tests/quality/test_budget.py).
  var setup                                // Material's SETUP message, kept until the first query
  var materialReady                        // resolves Material's SETUP when its worker answers READY
  var ready
  function load() {
    return ready || (ready = (async function () {
      await importScripts(new URL("assets/javascripts/search/normalise.js", root).href,
                          new URL("search/index." + lang + ".js", root).href)
      ar = self.kbArabic
      index = self.__kbSearchIndex
      await importScripts(new URL(index.worker, root).href)   // Material's worker: its listener comes after ours
      setupPipeline(self.lunr)
      titleWords = collectTitleWords(index.docs)
      // Material's worker with lang "en" loads no lunr-languages script: the pipeline above does it all.
      var config = Object.assign({}, index.config, {
        lang: ["en"], pipeline: ["trimmer", "stopWordFilter", "stemmer"]
      })
      await new Promise(function (resolve) {
        materialReady = resolve
        toMaterial({ type: SETUP, data: { config: config, docs: index.docs, options: setup.data.options } })
      })
      vocabulary = collectVocabulary()
    })())
  }

  /* ---- lunr pipeline ---------------------------------------------------------------------------- */

  var TRIM = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu
  var LUNR_SYNTAX = /[:^~+*\\]/g
  // Arabic function words, folded; not indexed, dropped from queries of more than one word.
  var AR_STOP = {}
  var ENGLISH = {}

  function setupPipeline(lunr) {
    ENGLISH.stop = lunr.stopWordFilter
    ENGLISH.stem = lunr.stemmer
    // Not على: folded, it is the name علي.
    ;("في من الى عن مع ان او ثم ما لا لم لن قد كما هذا هذه ذلك تلك التي الذي الذين هو هي " +
      "هم كان كانت بين عند حتى اذا كل وفي ومن والى وعن ومع وان").split(" ").forEach(function (w) {
      AR_STOP[ar.fold(w)] = true
    })
    lunr.trimmer = function (token) {
      return token.update(function (s) { return s.replace(TRIM, "") })
    }
    lunr.stopWordFilter = function (token) {
      var s = String(token)
      if (ar.isArabic(s) ? !AR_STOP[ar.fold(s)] : ENGLISH.stop(s)) return token
    }
    lunr.stemmer = function (token) {
      var forms = variants(String(token))
      return forms.map(function (form) { return token.clone(function () { return form }) })
    }
    ;[lunr.trimmer, lunr.stopWordFilter, lunr.stemmer].forEach(function (fn, i) {
      lunr.Pipeline.registerFunction(fn, "kb-" + ["trimmer", "stopWordFilter", "stemmer"][i])
    })
    // A word's two terms share its position: report it once, or Material highlights the word twice.
    var query = lunr.Index.prototype.query
    lunr.Index.prototype.query = function (fn) {
      var results = query.call(this, fn)
      results.forEach(function (result) { dedupePositions(result.matchData.metadata) })
      return results
    }
  }

  function dedupePositions(metadata) {
    var seen = {}
    Object.keys(metadata).forEach(function (term) {
      Object.keys(metadata[term]).forEach(function (field) {
        var data = metadata[term][field]
        if (!data.position) return
        var set = seen[field] || (seen[field] = new Set())
        data.position = data.position.filter(function (p) { return !set.has(p) && set.add(p) })
      })
    })
  }

  // The terms a word is indexed (and searched) under; memoised, since words repeat.
  var memo = new Map()
  function variants(word) {
    var forms = memo.get(word)
    if (forms) return forms
    var a, b
    if (ar.isArabic(word)) {
      a = ar.stripClitics(word)
      b = ar.stem(word)
    } else {
      a = word
      b = ENGLISH.stem(new self.lunr.Token(word)).toString()
    }
    forms = a === b || !b ? [a] : [a, b]
    memo.set(word, forms)
    return forms
  }

  /* ---- queries ---------------------------------------------------------------------------------- */

  // One entry per word the reader typed: its terms in the index, and whether it is a stop word.
  function parse(query) {
    var words = ar.words(query.toLowerCase()).map(function (w) {
      return w.replace(LUNR_SYNTAX, "").replace(TRIM, "")
    }).filter(Boolean)
    var parsed = words.map(function (w) {
      var stop = ar.isArabic(w) ? AR_STOP[ar.fold(w)] : !ENGLISH.stop(w)
      var terms = variants(w).map(function (t) { return t.replace(LUNR_SYNTAX, "") })
      // Every term that starts with the word's form starts with its stem too: the stem alone will do.
      if (terms.length === 2 && terms[0].startsWith(terms[1])) terms = [terms[1]]
      // Also searched without a one-letter prefix the stemmer keeps, if what remains is a term of the index
      // (لإفلا as إفلا, but كتاب not as تاب); first, since Material suggests completions of the last term.
      if (ar.isArabic(w)) terms = ar.alternatives(w).filter(function (t) { return vocabulary.has(t) }).concat(terms)
      return { word: w, stop: !!stop, terms: terms }
    })
    var content = parsed.filter(function (p) { return !p.stop })
    return content.length ? content : parsed
  }

  // Every term of the index: the forms variants() gave the words Material indexed (memo holds them all once
  // the index is built; query words are added to it after).
  var vocabulary = new Set()
  function collectVocabulary() {
    var all = new Set()
    memo.forEach(function (forms) { forms.forEach(function (form) { all.add(form) }) })
    return all
  }

  function queryString(words) {
    var terms = []
    words.forEach(function (w) { terms.push.apply(terms, w.terms) })
    return terms.join(" ")
  }

  // Material reports terms per query clause; report them per word the reader typed.
  function rewriteTerms(terms, words) {
    var result = {}
    words.forEach(function (w) {
      var hit = w.terms.filter(function (t) { return terms[t] })
      if (hit.length) hit.forEach(function (t) { result[t] = true })
      else result[w.word] = false
    })
    return result
  }

  // Material suggests index terms (stems); the search box completes the typed word only with a word
  // that starts with it, so suggest a word of a page title that does.
  function rewriteSuggest(suggest, typed) {
    if (!suggest) return suggest
    var last = typed.split(/[\s-]+/).pop()
    if (!last) return []
    var start = last.toLowerCase()
    for (var i = suggest.length - 1; i >= 0; i--) {
      var words = titleWords.get(suggest[i]) || []
      for (var j = 0; j < words.length; j++)
        if (words[j].startsWith(start) && words[j] !== start) return [last + words[j].slice(start.length)]
    }
    return []
  }

  function collectTitleWords(docs) {
    var map = new Map()
    docs.forEach(function (doc) {
      ar.words(doc.title.replace(/<[^>]*>/g, " ").toLowerCase()).forEach(function (w) {
        w = ar.stripMarks(w).replace(TRIM, "")
        if (!w) return
        variants(w).forEach(function (term) {
          var list = map.get(term)
          if (!list) map.set(term, list = [])
          if (list.indexOf(w) < 0) list.push(w)
        })
      })
    })
    return map
  }

  /* ---- messages --------------------------------------------------------------------------------- */

  // Messages for Material's listener: dispatched on this scope, let through by ours (see the listener below).
  var forMaterial = new WeakSet()
  function toMaterial(message) {
    var ev = new MessageEvent("message", { data: message })
    forMaterial.add(ev)
    self.dispatchEvent(ev)
  }

  // Material's highlighting (search.highlight) is off: a result's link carries the words to mark on the page it
  // opens (search/page.js), the matched terms as Material's would.
  function withHighlight(location, terms) {
    var words = Object.keys(terms || {}).filter(function (t) { return terms[t] })
    if (!words.length) return location
    var hash = location.indexOf("#")
    var path = hash < 0 ? location : location.slice(0, hash)
    return path + (path.indexOf("?") < 0 ? "?" : "&") + "h=" + encodeURIComponent(words.join(" ")) +
      (hash < 0 ? "" : location.slice(hash))
  }

  // Material's listener answers through the global postMessage: rewrite its results on the way out, in
  // order (a result that waits for the other language's index holds back the ones after it).
  var outbox = Promise.resolve()
  self.postMessage = function (message) {
    if (message && message.type === READY && materialReady) {
      materialReady()                      // the page was told READY at SETUP already
      materialReady = null
      return
    }
    if (message && message.type === RESULT) {
      var query = pending.shift()
      var data = message.data
      data.items.forEach(function (group) {
        group.forEach(function (item) {
          item.terms = rewriteTerms(item.terms, query.words)
          item.location = withHighlight(item.location, item.terms)
        })
      })
      if ("suggest" in data) data.suggest = rewriteSuggest(data.suggest, query.typed)
      if (!data.items.length && query.words.length) {
        outbox = outbox.then(function () { return otherLanguages(query.words) }).then(function (items) {
          data.items = items
          send(message)
        }, function (error) {
          console.error("search: other languages", error)
          send(message)
        })
        return
      }
    }
    outbox = outbox.then(function () { send(message) })
  }

  /* ---- other languages -------------------------------------------------------------------------- */

  // When the page's language finds nothing, the other languages are searched (their index loads then),
  // and their pages are listed marked with their language's name: whole pages, titles only.
  var others = {}
  function otherLanguages(words) {
    var query = words.map(function (w) {
      return w.terms.map(function (t) { return t + "*" }).join(" ")
    }).join(" ")
    return (index.others || []).reduce(function (chain, other) {
      return chain.then(function (items) {
        return loadOther(other).then(function (loaded) {
          return items.concat(loaded.index.search(query).slice(0, 10).map(function (result) {
            var page = loaded.pages.get(result.ref)
            return [{
              location: page.location, score: result.score, terms: {}, text: "",
              title: "<span lang=\"" + other.lang + "\">" + other.name + "</span> · <span lang=\"" +
                other.lang + "\">" + page.title + "</span>"
            }]
          }))
        })
      })
    }, Promise.resolve([]))
  }

  function loadOther(other) {
    if (others[other.lang]) return others[other.lang]
    return others[other.lang] = (async function () {
      await importScripts(new URL("search/index." + other.lang + ".js", root).href)
      var docs = self.__kbSearchIndex.docs
      self.__kbSearchIndex = index
      // One document per page: its title, and the text of all its sections.
      var pages = new Map()
      docs.forEach(function (doc) {
        var path = doc.location.split("#")[0]
        var page = pages.get(path)
        if (!page) pages.set(path, page = { location: path, title: doc.title, text: [] })
        if (doc.location === path) page.title = doc.title   // the page's own entry, not a section's
        page.text.push(doc.title, doc.text)
      })
      var lunr = self.lunr
      var built = lunr(function () {
        this.ref("location")
        this.field("title", { boost: 1000 })
        this.field("text")
        pages.forEach(function (page) {
          this.add({ location: page.location, title: page.title, text: page.text.join(" ").replace(/<[^>]*>/g, " ") })
        }, this)
      })
      return { index: built, pages: pages }
    })()
  }

  // page.js asks for the index when the search box gets focus, over a channel (it has no handle on this worker).
  var preload = false
  function onPreload() {
    preload = true
    if (setup) load().catch(function () {})   // reported by the query that waits for it
  }
  try {
    new BroadcastChannel("kb-search").onmessage = function (ev) {
      if (ev.data && ev.data.type === PRELOAD && ev.data.lang === lang) onPreload()
    }
  } catch (error) {}                       // no channel (an opaque origin): the first query loads the index

  // Registered before Material's worker is imported, so it runs first: every message from the page is this
  // worker's to answer; Material's listener gets only what toMaterial dispatches.
  self.addEventListener("message", async function (ev) {
    if (forMaterial.has(ev)) return
    ev.stopImmediatePropagation()
    var message = ev.data
    if (message.type === SETUP) {
      setup = message
      send({ type: READY })
      if (preload) load().catch(function () {})
    } else if (message.type === QUERY && !ready && !String(message.data).trim()) {
      send({ type: RESULT, data: { items: [] } })   // Material's empty query after READY: nothing to load yet
    } else if (message.type === QUERY) {
      try {
        await load()
      } catch (error) {                      // e.g. a missing index script: answer, so the box is not stuck
        console.error("search: the index for '" + lang + "' did not load", error)
        send({ type: RESULT, data: { items: [] } })
        return
      }
      var words = parse(message.data)
      pending.push({ typed: message.data, words: words })
      toMaterial({ type: QUERY, data: queryString(words) })
    }
  })
})()
