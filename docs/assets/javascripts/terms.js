/* Glossary term tooltips (kb/glossary/link.py writes each term link with its definition as its title): the
   definition shown under the link while it is hovered or has the focus, drawn with Material's tooltip classes and
   variables (md-tooltip2), so it looks as Material's content.tooltips drew it. Set up on the first hover or focus,
   not for every [title] of the page at start-up: with content.tooltips, Material's start-up took about 10 ms more
   of the main thread on an Arabic kit page (a quarter of its script time there). Loaded only on pages with term
   links (overrides/main.html). Escape hides it (WCAG 1.4.13); a tap follows the link to its glossary entry. */
(function () {
  "use strict"

  var tip, inner, host

  function show(link) {
    if (host === link) return
    hide()
    if (!tip) {
      tip = document.createElement("div")
      tip.className = "md-tooltip2 md-tooltip2--bottom"
      tip.id = "kb-term-tooltip"
      tip.setAttribute("role", "tooltip")
      inner = document.createElement("div")
      inner.className = "md-tooltip2__inner md-typeset"
      tip.appendChild(inner)
      document.body.appendChild(tip)
    }
    host = link
    inner.textContent = link.title
    link.removeAttribute("title")            // no second, native tooltip over this one
    link.setAttribute("aria-describedby", tip.id)
    var box = link.getBoundingClientRect()
    var set = function (name, px) { tip.style.setProperty(name, px + "px") }
    set("--md-tooltip-host-x", box.left + scrollX)
    set("--md-tooltip-host-y", box.top + scrollY)
    set("--md-tooltip-x", box.width / 2)
    set("--md-tooltip-y", 8 + box.height)
    set("--md-tooltip-tail", 0)
    tip.style.removeProperty("--md-tooltip-width")
    set("--md-tooltip-width", inner.offsetWidth)
    tip.classList.add("md-tooltip2--active")
  }

  function hide() {
    if (!host) return
    host.title = inner.textContent
    host.removeAttribute("aria-describedby")
    tip.classList.remove("md-tooltip2--active")
    host = null
  }

  function term(node) {
    return node instanceof Element ? node.closest("a.kb-term[title], a.kb-term[aria-describedby]") : null
  }

  document.addEventListener("focusin", function (event) {
    var link = term(event.target)
    link ? show(link) : hide()
  })
  document.addEventListener("focusout", function (event) {
    if (term(event.target) === host && !term(event.relatedTarget)) hide()
  })
  document.addEventListener("mouseover", function (event) {
    var link = term(event.target)
    if (link) show(link)
  })
  document.addEventListener("mouseout", function (event) {
    // Kept while the pointer moves from the link onto the tooltip, or back (WCAG 1.4.13: hoverable).
    var to = event.relatedTarget
    if (host && !(to instanceof Node && (host.contains(to) || tip.contains(to))) &&
        (host.contains(event.target) || tip.contains(event.target)) && document.activeElement !== host) hide()
  })
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hide()
  })
  addEventListener("resize", hide)
})()
