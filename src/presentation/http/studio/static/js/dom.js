// Builds DOM from text only: data always goes in through textContent or text nodes, never as HTML.

/** The element with this id. */
export const byId = (id) => document.getElementById(id);

/**
 * A new element. `props`: `class`, `text` (set as textContent), `on<event>` handlers, and attributes
 * (names chosen by the code, values possibly data: setAttribute never parses HTML). Children are nodes
 * or strings; strings become text nodes.
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
}

/** Shows or hides an element. */
export function show(node, visible = true) {
  node.hidden = !visible;
}

/** Sets an element's text (an empty string clears it). */
export function setText(node, text) {
  node.textContent = text ?? "";
}
