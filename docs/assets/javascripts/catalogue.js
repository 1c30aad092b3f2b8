/* A section catalogue's filters (kb/cards.py writes the cards, the filters and their data at build time): a card
   is shown when, in every facet with a ticked option, it has one of the ticked terms (a duration: it is no
   longer). The ticked options live in the address (?theme=a&theme=b&region=mena): shareable, Back and Forward
   restore the view, and it works from file:// (only the query changes). The count is said in a status region;
   each option's count is what ticking it would show. Without this script every card is listed. */
(() => {
  "use strict";
  const panel = document.querySelector("[data-kb-filters]");
  const status = document.querySelector("[data-kb-status]");
  if (!panel || !status) return;
  const cards = [...document.querySelectorAll("[data-kb-card]")];
  const reset = document.querySelector("[data-kb-reset]");
  const facets = [...panel.querySelectorAll("fieldset[data-kb-facet]")].map(set => ({
    name: set.dataset.kbFacet,
    atMost: set.dataset.kbMatch === "at-most",
    boxes: [...set.querySelectorAll("input[type=checkbox]")],
  }));
  const terms = (card, facet) => (card.getAttribute("data-kb-" + facet.name) || "").split(" ").filter(Boolean);
  const has = (card, facet, term) =>
    facet.atMost ? terms(card, facet).some(v => Number(v) <= Number(term)) : terms(card, facet).includes(term);
  const ticked = facet => facet.boxes.filter(box => box.checked).map(box => box.value);
  const passes = (card, facet, chosen) => !chosen.length || chosen.some(term => has(card, facet, term));

  function render() {
    const chosen = facets.map(ticked);
    let shown = 0;
    for (const card of cards) {
      card.hidden = !facets.every((facet, i) => passes(card, facet, chosen[i]));
      shown += card.hidden ? 0 : 1;
    }
    facets.forEach((facet, i) => {
      const others = cards.filter(card => facets.every((other, j) => j === i || passes(card, other, chosen[j])));
      for (const box of facet.boxes) {
        const n = others.filter(card => has(card, facet, box.value)).length;
        box.closest("label").querySelector("[data-kb-count]").textContent = String(n);
        box.disabled = n === 0 && !box.checked;
      }
    });
    status.textContent = status.dataset.kbTemplate.replace("{n}", shown).replace("{total}", cards.length);
    reset.hidden = !chosen.some(list => list.length);
  }

  // The page as built is the unfiltered view (every card, each option's count): at start-up, with no filter in
  // the address and none ticked, there is nothing to redraw.
  function fromAddress(event) {
    const query = new URLSearchParams(location.search);
    let changed = false;
    for (const facet of facets) {
      const wanted = query.getAll(facet.name);
      for (const box of facet.boxes) {
        if (box.checked !== wanted.includes(box.value)) changed = true;
        box.checked = wanted.includes(box.value);
      }
    }
    if (changed || event) render();
  }

  function toAddress() {
    const query = new URLSearchParams(location.search);
    for (const facet of facets) {
      query.delete(facet.name);
      for (const term of ticked(facet)) query.append(facet.name, term);
    }
    const search = query.toString();
    history.pushState(null, "", location.pathname + (search ? "?" + search : "") + location.hash);
  }

  panel.addEventListener("change", () => { render(); toAddress(); });
  reset.addEventListener("click", () => {
    for (const facet of facets) for (const box of facet.boxes) box.checked = false;
    render();
    toAddress();
    (facets[0] && facets[0].boxes[0] || status).focus();
  });
  window.addEventListener("popstate", fromAddress);
  const toggle = panel.querySelector("[data-kb-toggle]");
  toggle.addEventListener("click", () => {
    const open = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", String(open));
    panel.classList.toggle("kb-filters--open", open);
  });
  fromAddress();
  panel.dataset.kbReady = "";
})();
