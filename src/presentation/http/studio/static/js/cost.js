// The cost panel: what the lesson spent and saved, line by line, and how its estimate was made.

import { byId, el, setText } from "./dom.js";
import { stageLabel, usd } from "./format.js";

function row(line) {
  const units = `${line.units} ${line.unit.replaceAll("_", " ")}${line.provider ? ` (${line.provider})` : ""}`;
  return el("tr", { class: line.kind },
    el("td", { text: stageLabel(line.stage) }),
    el("td", { text: line.kind }),
    el("td", { text: line.note ? `${units}: ${line.note}` : units }),
    el("td", { class: "number", text: usd(line.amount_usd) }));
}

/** Fills the cost panel from the lesson's `cost` object. */
export function renderCost(cost) {
  setText(byId("cost-spent"), usd(cost.total_usd));
  setText(byId("cost-saved"), usd(cost.saved_usd));
  setText(byId("cost-estimated"), usd(cost.estimated_usd));
  const actual = cost.lines.filter((line) => line.kind !== "estimate");
  byId("cost-lines").replaceChildren(...(actual.length ? actual.map(row)
    : [el("tr", {}, el("td", { colspan: "4", class: "muted", text: "Nothing spent or saved yet." }))]));
  byId("estimate-lines").replaceChildren(...cost.lines.filter((line) => line.kind === "estimate").map(row));
}
