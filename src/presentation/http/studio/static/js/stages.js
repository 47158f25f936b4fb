// The live stage list: one table row per pipeline stage with its status, duration and cost.

import { el } from "./dom.js";
import { duration, stageLabel, usd } from "./format.js";

/** Replaces the rows of `tbody` with the lesson's stages. */
export function renderStages(tbody, stages) {
  tbody.replaceChildren(...stages.map((stage) => {
    const status = stage.error ? `${stage.status}: ${stage.error.message}` : stage.status;
    return el("tr", { "data-stage": stage.name, "data-status": stage.status },
      el("th", { scope: "row", text: stageLabel(stage.name) }),
      el("td", {}, el("span", { class: `badge ${stage.status}`, text: status })),
      el("td", { class: "number", text: duration(stage.duration_ms) }),
      el("td", { class: "number", text: usd(stage.cost_usd) }));
  }));
}

/** One sentence for the live region: what the lesson is doing now. */
export function describeProgress(lesson) {
  if (lesson.status === "running" && lesson.current_stage) {
    const names = lesson.stages.filter((s) => s.status !== "skipped").map((s) => s.name);
    const position = names.indexOf(lesson.current_stage) + 1;
    return `Working: ${stageLabel(lesson.current_stage)} (step ${position} of ${names.length}), ${lesson.progress}% done.`;
  }
  const sentences = {
    queued: "Your lesson is queued.",
    completed: "Your lesson is ready.",
    failed: `The lesson failed at ${stageLabel(lesson.error?.stage ?? "")}: ${lesson.error?.message ?? "unknown error"}.`,
    cancelled: "The lesson was cancelled.",
    rejected: `The lesson was declined: ${lesson.rejection_reason ?? "no reason given"}.`,
    not_covered: `${lesson.error?.message ?? "Our curriculum does not cover this question yet."} `
      + (lesson.suggestions ?? []).map((s) => `${s.title} (${s.subject}, grades ${s.grade_band})`).join("; "),
  };
  return sentences[lesson.status] ?? `Status: ${lesson.status}.`;
}
