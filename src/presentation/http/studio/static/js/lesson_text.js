// The written lesson: sections whose citations open the passage they cite, and the list of sources.

import { byId, el, setText } from "./dom.js";
import { gradeLabel } from "./format.js";

/** A citation button that shows or hides the cited passage right below the section. */
function citation(source, number, panelId) {
  const label = source ? `[${number}] ${source.title}` : `[?] unknown passage`;
  const button = el("button", {
    type: "button", class: "citation", "aria-expanded": "false", "aria-controls": panelId, text: label,
  });
  const panel = el("blockquote", { id: panelId, class: "passage", hidden: true },
    el("p", { text: source ? source.text : "This passage is not among the lesson's sources." }),
    source ? el("footer", { text: `${source.title} · ${source.subject} · grades ${source.grade_band}` }) : null);
  button.addEventListener("click", () => {
    const open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", String(open));
    panel.hidden = !open;
  });
  return { button, panel };
}

function section(item, index, sources) {
  const cites = item.citations.map((id, n) => {
    const number = sources.findIndex((s) => s.id === id) + 1;
    return citation(sources[number - 1], number || "?", `passage-${index}-${n}`);
  });
  return el("section", { class: "lesson-section" },
    el("h3", { text: item.heading }),
    el("p", { text: item.body }),
    cites.length ? el("p", { class: "citations" }, el("span", { class: "muted", text: "Sources: " }),
      ...cites.map((c) => c.button)) : null,
    ...cites.map((c) => c.panel));
}

function readingLevel(level) {
  if (!level) return "";
  const verdict = level.within_target ? "on target" : "outside the target";
  return `Reading level ${level.measured.toFixed(1)} (target ${level.target_low}–${level.target_high}, ${verdict})`;
}

/** Fills the lesson article from the lesson document. */
export function renderLessonText(doc) {
  const lesson = doc.lesson;
  setText(byId("lesson-title"), lesson.title);
  const degraded = doc.degraded_from ? `Asked for ${doc.degraded_from.join(", ")}: ${doc.degradation_reason}` : "";
  setText(byId("lesson-meta"), [gradeLabel(doc.grade_level), readingLevel(lesson.reading_level), degraded]
    .filter(Boolean).join(" · "));
  setText(byId("hook"), lesson.hook);
  byId("sections").replaceChildren(...lesson.sections.map((s, i) => section(s, i, lesson.sources)));
  setText(byId("worked-example"), lesson.worked_example);
  setText(byId("summary"), lesson.summary);
  byId("sources").replaceChildren(...lesson.sources.map((source) =>
    el("li", { class: "source" },
      el("details", {},
        el("summary", { text: `${source.title} (${source.subject}, grades ${source.grade_band})` }),
        el("p", { text: source.text })))));
}
