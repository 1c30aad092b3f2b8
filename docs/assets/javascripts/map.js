/* The partnership map (kb/svgmap.py): pointing at a node, or focusing its link in the list under the map, brings
   out its lines and neighbours; the rest fades. Only classes change: without this script the map is the same. */
(() => {
  "use strict";
  const svg = document.querySelector("[data-kb-map]");
  const list = document.querySelector(".kb-map__list");
  if (!svg || !list) return;
  const nodes = new Map([...svg.querySelectorAll("[data-kb-node]")].map(a => [a.dataset.kbNode, a]));
  const edges = [...svg.querySelectorAll("[data-kb-from]")];
  function light(id) {
    svg.classList.toggle("kb-map--lit", Boolean(id));
    for (const [key, node] of nodes) node.classList.remove("kb-map--on", "kb-map--near");
    for (const edge of edges) {
      const on = id && (edge.dataset.kbFrom === id || edge.dataset.kbTo === id);
      edge.classList.toggle("kb-map--on", Boolean(on));
      if (on) nodes.get(edge.dataset.kbFrom === id ? edge.dataset.kbTo : edge.dataset.kbFrom).classList.add("kb-map--near");
    }
    if (id && nodes.has(id)) nodes.get(id).classList.add("kb-map--on");
  }
  const from = (event, pick) => { const el = event.target.closest(pick); return el && el.dataset.kbNode; };
  svg.addEventListener("mouseover", e => light(from(e, "[data-kb-node]")));
  svg.addEventListener("mouseleave", () => light(null));
  list.addEventListener("focusin", e => light(from(e, "li[data-kb-node]")));
  list.addEventListener("focusout", () => light(null));
})();
