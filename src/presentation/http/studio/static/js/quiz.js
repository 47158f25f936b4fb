// The quiz, answerable in the page: choose an answer, check it, read the feedback and the explanation.

import { el, setText } from "./dom.js";

const LETTERS = "ABCDEFGH";

/** True when `choice` is the item's answer (given as the choice's text or as its letter). */
export function isCorrect(item, choice) {
  const answer = item.answer.trim();
  if (choice.trim().toLowerCase() === answer.toLowerCase()) return true;
  const letter = LETTERS.indexOf(answer.replace(/[).]$/, "").toUpperCase());
  return answer.length <= 2 && letter >= 0 && item.choices[letter] === choice;
}

/** An item without one right choice (short answer, ordering, matching): answer it, then reveal the model answer. */
function selfCheckedItem(item, index) {
  const name = `quiz-${index}`;
  const feedback = el("p", { class: "feedback", id: `${name}-feedback`, "aria-live": "polite" });
  const listed = item.choices.length ? el("ul", {}, ...item.choices.map((choice) => el("li", { text: choice }))) : "";
  const answer = el("textarea", { id: `${name}-answer`, rows: "2", "aria-label": "Your answer" });
  const fieldset = el("fieldset", { class: "quiz-item", "data-quiz-item": String(index), "data-kind": item.kind,
    "aria-describedby": feedback.id }, el("legend", { text: `${index + 1}. ${item.question}` }), listed, answer);
  const reveal = el("button", { type: "button", text: "Show a model answer" });
  reveal.addEventListener("click", () => {
    setText(feedback, `A good answer: ${item.answer} ${item.explanation}`.trim());
    feedback.className = "feedback";
  });
  return el("div", { class: "quiz-entry" }, fieldset, reveal, feedback);
}

function quizItem(item, index, onChecked) {
  if ((item.kind || "multiple_choice") !== "multiple_choice") return selfCheckedItem(item, index);
  const name = `quiz-${index}`;
  const feedback = el("p", { class: "feedback", id: `${name}-feedback`, "aria-live": "polite" });
  const choices = item.choices.map((choice, n) => el("label", { class: "choice" },
    el("input", { type: "radio", name, value: String(n), id: `${name}-${n}` }), ` ${choice}`));
  const fieldset = el("fieldset", { class: "quiz-item", "data-quiz-item": String(index), "aria-describedby": feedback.id },
    el("legend", { text: `${index + 1}. ${item.question}` }), ...choices);
  const check = el("button", { type: "button", text: "Check answer" });
  check.addEventListener("click", () => {
    const picked = fieldset.querySelector("input:checked");
    if (!picked) {
      setText(feedback, "Choose an answer first.");
      feedback.className = "feedback";
      return;
    }
    const right = isCorrect(item, item.choices[Number(picked.value)]);
    setText(feedback, right ? `Correct! ${item.explanation}`
      : `Not quite. The answer is “${item.answer}”. ${item.explanation}`);
    feedback.className = `feedback ${right ? "correct" : "incorrect"}`;
    fieldset.dataset.result = right ? "correct" : "incorrect";
    onChecked(index, right);
  });
  return el("div", { class: "quiz-entry" }, fieldset, check, feedback);
}

/** Renders the quiz into `container`; the score line counts the items checked so far. */
export function renderQuiz(container, scoreLine, quiz) {
  const results = new Map();
  const scored = quiz.filter((item) => (item.kind || "multiple_choice") === "multiple_choice").length;
  setText(scoreLine, `${quiz.length} questions. Pick an answer and check it.`);
  container.replaceChildren(...quiz.map((item, i) => quizItem(item, i, (index, right) => {
    results.set(index, right);
    const correct = [...results.values()].filter(Boolean).length;
    setText(scoreLine, `Score: ${correct} of ${scored} correct (${results.size} answered).`);
  })));
}
