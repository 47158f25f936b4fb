// The student's lessons, newest first, each one a button that opens it; older pages on request.

import { byId, el, show } from "./dom.js";
import { gradeLabel, when } from "./format.js";

export class History {
  constructor(api, onOpen, onError) {
    this.api = api;
    this.onOpen = onOpen;
    this.onError = onError;
    this.cursor = null;
    byId("history-more").addEventListener("click", () => this.#load(false));
  }

  /** Reloads the first page. */
  refresh() {
    return this.#load(true);
  }

  clear() {
    byId("history").replaceChildren();
    show(byId("history-more"), false);
  }

  async #load(first) {
    try {
      const page = await this.api.listLessons(first ? null : this.cursor);
      const rows = page.items.map((item) => this.#row(item));
      if (first) byId("history").replaceChildren(...rows);
      else byId("history").append(...rows);
      if (first && !rows.length) byId("history").append(el("li", { class: "muted", text: "No lessons yet." }));
      this.cursor = page.next_cursor;
      show(byId("history-more"), Boolean(page.next_cursor));
    } catch (error) {
      this.onError(error);
    }
  }

  #row(item) {
    const open = el("button", { type: "button", class: "history-open", "data-lesson-id": item.id,
      text: item.title || item.student_query });
    open.addEventListener("click", () => this.onOpen(item.id));
    const meta = `${item.status} · ${item.requested_modalities.join(", ")} · ${gradeLabel(item.grade_level)} · ${when(item.created_at)}`;
    return el("li", { "data-status": item.status }, open, el("span", { class: "muted", text: meta }));
  }
}
