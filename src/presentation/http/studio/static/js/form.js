// The lesson request form: reads the fields into an API body and shows the API's field errors beside them.

import { byId, setText } from "./dom.js";

const FIELDS = ["student_query", "grade_level", "interest", "requested_modalities"];
// Plain words for the API's error codes (its own messages name types and patterns).
const PLAIN = {
  missing: "This is required.",
  too_long: "This is too long.",
  too_short: "This is too short.",
  invalid_format: "Use letters, numbers and ordinary punctuation here.",
  invalid_choice: "Choose one of the listed options.",
  out_of_range: "This value is out of range.",
};

/** The POST /api/v1/lessons body from the form. */
export function lessonRequest() {
  const body = {
    student_query: byId("student_query").value,
    grade_level: Number(byId("grade_level").value),
    requested_modalities: [...document.querySelectorAll('input[name="modality"]:checked')].map((box) => box.value),
  };
  const interest = byId("interest").value.trim();
  if (interest) body.interest = interest;
  return body;
}

/** Removes every field error. */
export function clearFieldErrors() {
  for (const field of FIELDS) {
    setText(byId(`${field}-error`), "");
    byId(field).removeAttribute("aria-invalid");
  }
}

/** Puts each error detail beside its field (`requested_modalities[0]` → the modalities); focuses the first.
 * Returns whether any detail named a form field. */
export function showFieldErrors(details) {
  let first = null;
  for (const detail of details) {
    const field = String(detail.field ?? "").split(/[.[]/)[0];
    if (!FIELDS.includes(field)) continue;
    setText(byId(`${field}-error`), PLAIN[detail.code] ?? detail.message);
    byId(field).setAttribute("aria-invalid", "true");
    first ??= field;
  }
  if (first) (first === "requested_modalities" ? document.querySelector('input[name="modality"]') : byId(first)).focus();
  return first !== null;
}

/** A fresh Idempotency-Key (crypto.randomUUID needs a secure context; getRandomValues does not). */
export function newIdempotencyKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
