/* Arabic text normalisation for search: the JavaScript half of one normaliser (the Python half is
   kb/arabic.py, which documents the rules; both are tested against tests/search/normalise_cases.json).
   Loaded by the search worker (index and queries) and by the page (highlighting); sets self.kbArabic. */
(function (root) {
  "use strict"

  // Tashkeel and Quranic marks (U+0610-061A, U+064B-065F, U+0670, U+06D6-06ED), and tatweel (U+0640).
  var MARKS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed\u0640]/g
  var LETTERS = { "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ک": "ك" }
  var LETTER = /[أإآٱىیک\u0660-\u0669\u06f0-\u06f9]/g
  var FINAL_TA_MARBUTA = /ة(?![\p{L}\p{N}_])/gu
  var ARABIC_LETTER = /[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff]/
  // Whitespace, hyphens and punctuation that never belong inside a word (Arabic ، ؛ ؟ « » ٪ ۔ included).
  var SEPARATOR = "[\\s\\-\\u060c\\u061b\\u061f\\u066a\\u066b\\u066c\\u066d\\u06d4\\u00ab\\u00bb,;:!?()\\[\\]{}\"\\u201c\\u201d]+"
  var SPLIT = new RegExp(SEPARATOR)

  // Clitics, longest first. A prefix is stripped only if at least MIN_AFTER_* letters remain.
  var ARTICLE_PREFIXES = ["وال", "بال", "فال", "كال", "لل", "ال"]
  var LETTER_PREFIXES = "وفبكل"
  var SUFFIXES = ["ها", "هم", "هن", "كم", "ات", "ون", "ين", "يه", "ه", "ي"]
  var MIN_AFTER_ARTICLE = 2
  var MIN_AFTER_LETTER = 3
  var MIN_AFTER_SUFFIX = 3

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

  function stripPrefixes(word) {
    for (;;) {
      var stripped = false
      for (var i = 0; i < ARTICLE_PREFIXES.length; i++) {
        var prefix = ARTICLE_PREFIXES[i]
        if (word.startsWith(prefix) && word.length - prefix.length >= MIN_AFTER_ARTICLE) {
          word = word.slice(prefix.length)
          stripped = true
          break
        }
      }
      if (stripped) continue
      if (word && LETTER_PREFIXES.indexOf(word[0]) >= 0 && word.length - 1 >= MIN_AFTER_LETTER) {
        word = word.slice(1)
        continue
      }
      return word
    }
  }

  function stripSuffixes(word) {
    for (;;) {
      var stripped = false
      for (var i = 0; i < SUFFIXES.length; i++) {
        var suffix = SUFFIXES[i]
        if (word.endsWith(suffix) && word.length - suffix.length >= MIN_AFTER_SUFFIX) {
          word = word.slice(0, -suffix.length)
          stripped = true
          break
        }
      }
      if (!stripped) return word
    }
  }

  function stripClitics(word) {
    word = fold(word)
    return isArabic(word) ? stripPrefixes(word) : word
  }

  function stem(word) {
    word = fold(word)
    return isArabic(word) ? stripSuffixes(stripPrefixes(word)) : word
  }

  function words(text) {
    return text.split(SPLIT).filter(Boolean)
  }

  function terms(text) {
    return words(text).map(stem).filter(Boolean)
  }

  var api = {
    SEPARATOR: SEPARATOR, stripMarks: stripMarks, fold: fold, isArabic: isArabic,
    stripClitics: stripClitics, stem: stem, words: words, terms: terms
  }
  if (typeof module !== "undefined" && module.exports) module.exports = api
  else root.kbArabic = api
})(typeof self !== "undefined" ? self : this)
