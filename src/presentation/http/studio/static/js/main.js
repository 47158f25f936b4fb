// The studio's controller: sign-in, the request form, polling a lesson until it finishes, then its result.

import { Api, ApiError } from "./api.js";
import { renderCost } from "./cost.js";
import { byId, setText, show } from "./dom.js";
import { clearFieldErrors, lessonRequest, newIdempotencyKey, showFieldErrors } from "./form.js";
import { History } from "./history.js";
import { renderLessonText } from "./lesson_text.js";
import { MediaShelf } from "./media.js";
import { renderQuiz } from "./quiz.js";
import { describeProgress, renderStages } from "./stages.js";

const PAGE_TITLE = "Lessonsmith studio";
const POLL_MS = 500;
const MAX_POLL_FAILURES = 5;
const TERMINAL = new Set(["completed", "failed", "cancelled", "rejected", "not_covered"]);

const api = new Api();
const media = new MediaShelf(api);
const history = new History(api, (id) => openLesson(id), reportError);
let opened = 0; // bumped whenever another lesson is opened: a stale poll loop sees the change and stops
let currentId = null;
let lastAnnounced = "";

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function announce(text) {
  setText(byId("status"), text);
}

function alertUser(text) {
  setText(byId("alert"), text);
  show(byId("alert"), Boolean(text));
}

/** An API message as a sentence: capitalised, with a full stop. */
const sentence = (text) => {
  const capital = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
};

function reportError(error) {
  if (error instanceof ApiError && error.sessionEnded) return; // the sign-in form says so already
  const wait = error instanceof ApiError && error.retryAfter ? ` Try again in ${error.retryAfter} s.` : "";
  alertUser(error instanceof ApiError ? sentence(error.message) + wait : `Something went wrong: ${error.message}`);
}

function showSignIn(message) {
  opened += 1;
  media.reset();
  for (const id of ["workspace", "account"]) show(byId(id), false);
  show(byId("sign-in-panel"));
  alertUser(message);
  byId("username").focus();
}

function hideLesson() {
  document.title = PAGE_TITLE;
  media.reset();
  for (const id of ["lesson", "quiz-panel", "progress-panel", "cost-panel"]) show(byId(id), false);
}

function renderProgress(doc) {
  const state = byId("lesson-state");
  state.dataset.status = doc.status;
  setText(state, `“${doc.student_query}”: ${describeProgress(doc)}`);
  byId("progress").value = doc.progress;
  renderStages(byId("stages").tBodies[0], doc.stages);
  renderCost(doc.cost);
  show(byId("cancel-lesson"), doc.status === "queued" || doc.status === "running");
  show(byId("retry-lesson"), doc.status === "failed");
  const key = `${doc.status}:${doc.current_stage}`;
  if (key !== lastAnnounced) {
    lastAnnounced = key;
    if (!TERMINAL.has(doc.status)) announce(describeProgress(doc));
  }
}

async function renderOutcome(doc, isCurrent) {
  if (doc.status !== "completed" || !doc.lesson) {
    alertUser(describeProgress(doc));
    announce(describeProgress(doc));
    return;
  }
  renderLessonText(doc);
  document.title = `${doc.lesson.title} – ${PAGE_TITLE}`;
  show(byId("lesson"));
  renderQuiz(byId("quiz"), byId("quiz-score"), doc.lesson.quiz);
  show(byId("quiz-panel"), doc.lesson.quiz.length > 0);
  try {
    await media.show(doc, isCurrent);
  } catch (error) {
    reportError(error);
  }
  if (isCurrent()) announce(`Your lesson “${doc.lesson.title}” is ready.`);
}

/** Shows lesson `id`, polling it until it reaches a final state. */
async function openLesson(id) {
  const generation = ++opened;
  const isCurrent = () => generation === opened;
  currentId = id;
  lastAnnounced = "";
  alertUser("");
  hideLesson();
  show(byId("progress-panel"));
  show(byId("cost-panel"));
  let failures = 0;
  while (isCurrent()) {
    let doc;
    try {
      doc = await api.getLesson(id);
      failures = 0;
    } catch (error) {
      const transient = !(error instanceof ApiError) || error.status >= 500;
      if (!isCurrent() || !transient || ++failures > MAX_POLL_FAILURES) return isCurrent() && reportError(error);
      await sleep(POLL_MS * 2 ** failures);
      continue;
    }
    if (!isCurrent()) return;
    renderProgress(doc);
    if (TERMINAL.has(doc.status)) {
      await renderOutcome(doc, isCurrent).catch(reportError);
      if (isCurrent()) history.refresh();
      return;
    }
    await sleep(POLL_MS);
  }
}

byId("sign-in-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const username = byId("username").value.trim();
  alertUser("");
  try {
    await api.signIn(username, byId("password").value);
  } catch (error) {
    reportError(error);
    return;
  }
  byId("password").value = "";
  setText(byId("signed-in-as"), `Signed in as ${username}`);
  show(byId("sign-in-panel"), false);
  show(byId("account"));
  show(byId("workspace"));
  announce(`Signed in as ${username}.`);
  byId("student_query").focus();
  history.refresh();
  if (currentId) openLesson(currentId);
});

byId("sign-out").addEventListener("click", async () => {
  currentId = null;
  hideLesson();
  history.clear();
  try {
    await api.signOut();
  } finally {
    showSignIn("");
    announce("Signed out.");
  }
});

api.onSignedOut = () => showSignIn("Your session has ended. Please sign in again.");

byId("lesson-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  clearFieldErrors();
  alertUser("");
  if (!byId("student_query").value.trim()) {
    showFieldErrors([{ field: "student_query", code: "missing" }]);
    return;
  }
  const button = byId("create-lesson");
  button.disabled = true;
  try {
    const accepted = await api.createLesson(lessonRequest(), newIdempotencyKey());
    announce("Lesson requested.");
    openLesson(accepted.id);
    history.refresh();
  } catch (error) {
    if (!(error instanceof ApiError && showFieldErrors(error.details))) reportError(error);
    else alertUser(sentence(error.message));
  } finally {
    button.disabled = false;
  }
});

/** Calls `action` again while the lesson was being saved by a worker at the same moment (409 `conflict`). */
async function despiteConcurrentSaves(action, attempts = 4) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await action();
    } catch (error) {
      if (!(error instanceof ApiError && error.code === "conflict") || attempt >= attempts) throw error;
      await sleep(100 * attempt);
    }
  }
}

for (const [id, call, message] of [["cancel-lesson", (x) => api.cancelLesson(x), "Cancelling the lesson."],
  ["retry-lesson", (x) => api.retryLesson(x), "Retrying the lesson."]]) {
  byId(id).addEventListener("click", async () => {
    try {
      await despiteConcurrentSaves(() => call(currentId));
      announce(message);
      openLesson(currentId);
    } catch (error) {
      reportError(error);
    }
  });
}
