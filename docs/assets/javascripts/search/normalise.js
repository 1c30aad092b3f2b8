/* Arabic text normalisation for search: the JavaScript half of one normaliser (the Python half is
   kb/arabic.py, which documents the rules; both are tested against tests/search/normalise_cases.json).
   Loaded by the search worker (index and queries) and by the page (highlighting); sets self.kbArabic.
   The plural table comes from kb/data/plurals.yml: the build writes it in place of the empty one below
   (kb/search.py), so there is one copy of it, the data file. */
(function (root) {
  "use strict"

  // Tashkeel and Quranic marks (U+0610-061A, U+064B-065F, U+0670, U+06D6-06ED), and tatweel (U+0640).
  var MARKS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed\u0640]/g
  var LETTERS = { "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ک": "ك" }
  var LETTER = /[أإآٱىیک\u0660-\u0669\u06f0-\u06f9]/g
  var FINAL_TA_MARBUTA = /ة(?![\p{L}\p{N}_])/gu
  // The letters of the Arabic block (Unicode category Lo), without tatweel.
  var ARABIC_LETTER = /[\u0620-\u063f\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff]/
  // Whitespace, hyphens and punctuation that never belong inside a word (Arabic ، ؛ ؟ « » ٪ ۔ included).
  var SEPARATOR = "[\\s\\-\\u060c\\u061b\\u061f\\u066a\\u066b\\u066c\\u066d\\u06d4\\u00ab\\u00bb,;:!?()\\[\\]{}\"\\u201c\\u201d]+"
  var SPLIT = new RegExp(SEPARATOR)

  // Prefix rules in order, each with the letters that must remain (kb/arabic.py PREFIX_RULES).
  var PREFIX_RULES = [["وبال", 2], ["وكال", 2], ["فبال", 2], ["فكال", 2], ["ولل", 2], ["فلل", 2], ["وال", 2],
                      ["فال", 2], ["بال", 2], ["كال", 2], ["لل", 2], ["ال", 2], ["و", 4]]
  var ONE_LETTER = "بكلوف"
  var SUFFIXES = ["ها", "هم", "هن", "كم", "ات", "ون", "ين", "يه", "ه", "ي"]
  var MIN_AFTER_SUFFIX = 3
  var MIN_AFTER_ALTERNATIVE = 3
  // Folded plural: folded singular.
  var PLURALS = /* kb:plurals */ {}
  var STEMS = new Map()                    // every folded word of the table: its singular's stem
  Object.keys(PLURALS).forEach(function (plural) {
    var base = stripSuffixes(PLURALS[plural])
    STEMS.set(plural, base)
    STEMS.set(PLURALS[plural], base)
  })

  function letter(c) {
    var code = c.charCodeAt(0)
    if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660)
    if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0)
    return LETTERS[c]
  }

  function stripMarks(text) {
    return text.normalize("NFC").replace(MARKS, "")
  }

  function fold(text) {
    return stripMarks(text).replace(LETTER, letter).replace(FINAL_TA_MARBUTA, "ه")
  }

  function isArabic(word) {
    return ARABIC_LETTER.test(word)
  }

  // The folded word and each form left by one more prefix rule; stops at a word of the plural table.
  function prefixSteps(word) {
    var steps = [word]
    for (;;) {
      if (STEMS.has(word)) return steps
      var rule = null
      for (var i = 0; i < PREFIX_RULES.length; i++) {
        var prefix = PREFIX_RULES[i][0]
        if (word.startsWith(prefix) && word.length - prefix.length >= PREFIX_RULES[i][1]) {
          rule = prefix
          break
        }
      }
      if (!rule) return steps
      word = word.slice(rule.length)
      steps.push(word)
    }
  }

  function suffixSteps(word) {
    var steps = [word]
    for (;;) {
      var stripped = false
      for (var i = 0; i < SUFFIXES.length; i++) {
        var suffix = SUFFIXES[i]
        if (word.endsWith(suffix) && word.length - suffix.length >= MIN_AFTER_SUFFIX) {
          word = word.slice(0, -suffix.length)
          steps.push(word)
          stripped = true
          break
        }
      }
      if (!stripped) return steps
    }
  }

  function stripSuffixes(word) {
    var steps = suffixSteps(word)
    return steps[steps.length - 1]
  }

  function stripClitics(word) {
    word = fold(word)
    if (!isArabic(word)) return word
    var steps = prefixSteps(word)
    return steps[steps.length - 1]
  }

  function stem(word) {
    word = stripClitics(word)
    if (!isArabic(word)) return word
    var steps = suffixSteps(word)
    for (var i = 0; i < steps.length; i++) if (STEMS.has(steps[i])) return STEMS.get(steps[i])
    return steps[steps.length - 1]
  }

  // Stems a query word is also searched under (never indexed): without a one-letter prefix the rules keep.
  function alternatives(word) {
    var rest = stripClitics(word)
    if (!isArabic(rest) || STEMS.has(rest) || ONE_LETTER.indexOf(rest[0]) < 0 ||
        rest.length - 1 < MIN_AFTER_ALTERNATIVE) return []
    var found = stem(rest.slice(1))
    return found === rest || found === stem(word) ? [] : [found]
  }

  function words(text) {
    return text.split(SPLIT).filter(Boolean)
  }

  function terms(text) {
    return words(text).map(stem).filter(Boolean)
  }

  var api = {
    SEPARATOR: SEPARATOR, PREFIX_RULES: PREFIX_RULES, stripMarks: stripMarks, fold: fold, isArabic: isArabic,
    stripClitics: stripClitics, stem: stem, alternatives: alternatives, words: words, terms: terms
  }
  if (typeof module !== "undefined" && module.exports) module.exports = api
  else root.kbArabic = api
})(typeof self !== "undefined" ? self : this)
