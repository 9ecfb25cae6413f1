// The nudge playground: an input line with a live reading, answers with their steps, plots as
// SVG, the lessons with their exercises. nudge itself runs in worker.js.
import { plotSvg } from "./plot.js";

const LIMIT_MS = 10000; // as long as the terminal's budget lets one answer work
const HISTORY = "nudge.history";
const DEFINITIONS = "nudge.definitions";
const FINISHED = "nudge.finished";
const $ = (id) => document.getElementById(id);
const stored = (key) => JSON.parse(localStorage.getItem(key) || "[]");
const store = (key, value) => localStorage.setItem(key, JSON.stringify(value));

// --- the worker: one request at a time, restarted after a stop or a trap ---
let worker;
let pending = new Map();
let nextId = 1;

function startWorker() {
  worker = new Worker("worker.js");
  worker.onmessage = ({ data }) => {
    const waiting = pending.get(data.id);
    if (!waiting) return;
    pending.delete(data.id);
    clearTimeout(waiting.timer);
    if (data.crashed) {
      // A definition that cannot be typed again must not stop every fresh worker too.
      if (waiting.replay) store(DEFINITIONS, []);
      restart();
      waiting.reject(new Error("crashed"));
    } else waiting.resolve(data.reply);
  };
  // Definitions survive a restart and a reload: they are typed again, unseen.
  for (const line of stored(DEFINITIONS)) ask({ op: "answer", line }, false);
}

function restart() {
  worker.terminate();
  for (const waiting of pending.values()) {
    clearTimeout(waiting.timer);
    waiting.reject(new Error("stopped"));
  }
  pending = new Map();
  startWorker();
}

function ask(request, limited = true) {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const timer = limited
      ? setTimeout(() => {
          restart();
          reject(new Error("too long"));
        }, LIMIT_MS)
      : undefined;
    pending.set(id, { resolve, reject, timer, replay: !limited });
    worker.postMessage({ id, request });
  });
}

// --- answers ---
const KEEPS_DEFINITIONS = new Set(["definition", "undefined", "reset"]);

function remember(line, json) {
  const history = stored(HISTORY).filter((l) => l !== line);
  history.push(line);
  store(HISTORY, history.slice(-500));
  if (!json || !KEEPS_DEFINITIONS.has(json.kind)) return;
  store(DEFINITIONS, json.kind === "reset" ? [] : [...stored(DEFINITIONS), line]);
}

// A step with steps inside it folds: its first line is the summary.
function foldSteps(root) {
  for (const step of root.querySelectorAll("li.step")) {
    const inner = step.querySelector(":scope > ul.steps");
    if (!inner) continue;
    const details = document.createElement("details");
    details.open = true;
    const summary = document.createElement("summary");
    while (step.firstChild && step.firstChild.nodeName !== "P" && step.firstChild !== inner) {
      summary.appendChild(step.firstChild);
    }
    details.appendChild(summary);
    while (step.firstChild) details.appendChild(step.firstChild);
    step.appendChild(details);
  }
}

function show(line, reply) {
  const entry = document.createElement("article");
  entry.className = "entry";
  const query = document.createElement("p");
  query.className = "query";
  query.textContent = line;
  entry.appendChild(query);
  const body = document.createElement("div");
  body.className = "body";
  // The HTML presenter escapes everything that came from the line: its fragment is markup nudge wrote.
  body.innerHTML = reply.html;
  const plot = reply.json && (reply.json.kind === "plot" ? reply.json : reply.json.plot);
  if (plot && plot.curves) {
    // The SVG takes the place of the Braille drawing, which folds underneath it.
    const svg = plotSvg(plot);
    const drawn = [...body.querySelectorAll("pre.picture, pre.nudge-text")].pop();
    if (drawn) {
      if (drawn.matches(".nudge-text") && !body.querySelector(".reading")) {
        const reading = document.createElement("p");
        reading.className = "reading";
        reading.textContent = `Reading: ${reply.json.reading}`;
        drawn.before(reading);
      }
      const fold = document.createElement("details");
      fold.innerHTML = "<summary>as text, as the terminal draws it</summary>";
      drawn.replaceWith(svg);
      fold.appendChild(drawn);
      svg.after(fold);
    } else body.appendChild(svg);
  }
  foldSteps(body);
  entry.appendChild(body);
  $("answers").appendChild(entry);
  entry.scrollIntoView({ block: "end" });
  return entry;
}

function showStop(line, why) {
  const words =
    why === "too long"
      ? "nudge stopped this answer after 10 seconds: it was taking too long. Ask for a lower order, or for its value at a point."
      : "nudge stopped this answer: it grew past what it works out in one answer. Ask for a lower order, or for its value at a point.";
  const html = `<section class="nudge-error" data-code="budget_exceeded"><p class="message"></p></section>`;
  show(line, { html }).querySelector(".message").textContent = words;
}

async function submit(line) {
  if (!line.trim()) return;
  const started = performance.now();
  let reply;
  try {
    reply = await ask({ op: "answer", line });
  } catch (error) {
    remember(line, null);
    return showStop(line, error.message);
  }
  remember(line, reply.json);
  if (reply.tutor) return openTutor(reply.tutor);
  show(line, reply);
  document.body.dataset.answered = Math.round(performance.now() - started);
}

// --- the input line: a live reading, history on Up and Down ---
let recalled = null;
let previewing = 0;

async function preview() {
  const mine = ++previewing;
  const line = $("line").value;
  let reply = {};
  try {
    reply = await ask({ op: "preview", line });
  } catch {
    return;
  }
  if (mine !== previewing) return;
  const reading = $("reading");
  reading.classList.toggle("problem", Boolean(reply.problem));
  reading.textContent = reply.reading ? `Reading: ${reply.reading}` : reply.problem || "";
}

$("line").addEventListener("input", () => {
  recalled = null;
  preview();
});
$("line").addEventListener("keydown", (event) => {
  if (event.key !== "ArrowUp" && event.key !== "ArrowDown") return;
  const history = stored(HISTORY);
  if (!history.length) return;
  event.preventDefault();
  const up = event.key === "ArrowUp";
  recalled = recalled === null ? (up ? history.length - 1 : null) : recalled + (up ? -1 : 1);
  if (recalled !== null && (recalled < 0 || recalled >= history.length)) {
    recalled = up ? 0 : null;
  }
  $("line").value = recalled === null ? "" : history[recalled];
  preview();
});
$("ask").addEventListener("submit", (event) => {
  event.preventDefault();
  const line = $("line").value;
  $("line").value = "";
  $("reading").textContent = "";
  recalled = null;
  submit(line);
});
for (const button of document.querySelectorAll("#examples button")) {
  button.addEventListener("click", () => submit(button.textContent));
}

// --- lessons and practice: played again with the learner's answers so far (src/web/tutor.rs) ---
let tutor = null;
const titles = new Map();

async function playTutor() {
  const reply = await ask({ op: "tutor", line: tutor.line, answers: tutor.answers, seed: tutor.seed });
  $("tutor-text").textContent = reply.text;
  $("tutor-text").scrollTop = $("tutor-text").scrollHeight;
  const waiting = reply.prompt !== null && reply.prompt !== undefined;
  $("tutor-form").hidden = !waiting;
  $("tutor-prompt").textContent = waiting ? reply.prompt.trim() : "";
  const pause = waiting && reply.prompt.includes("Enter");
  $("tutor-answer").hidden = pause;
  $("tutor-go").textContent = pause ? "Go on" : "Answer";
  if (waiting) (pause ? $("tutor-go") : $("tutor-answer")).focus();
  if (!waiting && tutor.line.startsWith("lesson ")) {
    store(FINISHED, [...new Set([...stored(FINISHED), tutor.line])]);
    listLessons();
  }
}

function openTutor(line) {
  if (line === "lessons") return $("tour").scrollIntoView();
  tutor = { line, answers: [], seed: Math.floor(Math.random() * 2 ** 31) };
  $("tutor").hidden = false;
  $("tutor-title").textContent = titles.get(line) || line;
  playTutor();
}

$("tutor-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const answer = $("tutor-answer").hidden ? "" : $("tutor-answer").value;
  $("tutor-answer").value = "";
  tutor.answers.push(answer);
  playTutor();
});
$("tutor-close").addEventListener("click", () => {
  tutor = null;
  $("tutor").hidden = true;
  $("line").focus();
});

async function listLessons() {
  const lessons = await ask({ op: "lessons" });
  const finished = new Set(stored(FINISHED));
  $("tour").replaceChildren(
    ...lessons.map(({ n, title }) => {
      titles.set(`lesson ${n}`, `Lesson ${n}: ${title}`);
      const item = document.createElement("li");
      const button = document.createElement("button");
      button.textContent = title;
      button.addEventListener("click", () => openTutor(`lesson ${n}`));
      item.appendChild(button);
      if (finished.has(`lesson ${n}`)) item.classList.add("finished");
      return item;
    }),
  );
}

startWorker();
listLessons().then(() => {
  document.body.dataset.ready = Math.round(performance.now());
});
$("line").focus();
