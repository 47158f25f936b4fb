// Formatting of money, durations, dates and names for display (plain strings, never markup).

const STAGE_LABELS = {
  understand: "Understand", retrieve: "Retrieve", write: "Write", check: "Check", narrate: "Narrate",
  illustrate: "Illustrate", render_video: "Render video", publish: "Publish",
};

/** A decimal string from the API as dollars, exact (the API sends decimals as strings). */
export function usd(amount) {
  return `$${amount ?? "0"}`;
}

/** Milliseconds as "850 ms" or "3.2 s"; an unknown duration as an en dash. */
export function duration(ms) {
  if (ms === null || ms === undefined) return "–";
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** An ISO timestamp in the reader's locale. */
export function when(iso) {
  return new Date(iso).toLocaleString();
}

/** A stage's display name. */
export function stageLabel(name) {
  return STAGE_LABELS[name] ?? name;
}

/** "Kindergarten" or "Grade N". */
export function gradeLabel(grade) {
  return grade === 0 ? "Kindergarten" : `Grade ${grade}`;
}
