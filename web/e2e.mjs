// The playground end to end in headless Chromium: a query with its reading and steps, a
// definition used on a later line, a plot's SVG, a lesson exercise answered wrongly then rightly,
// history after a reload; then a screenshot for the README. Run by web/test.sh.
import { chromium } from "playwright-core";
import { createServer } from "node:http";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import assert from "node:assert/strict";

const here = new URL(".", import.meta.url).pathname;
const dist = join(here, "dist");
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm" };

const server = createServer((request, response) => {
  const path = new URL(request.url, "http://x").pathname;
  try {
    const body = readFileSync(join(dist, path === "/" ? "index.html" : path.replace(/\.\.+/g, "")));
    response.writeHead(200, { "content-type": TYPES[extname(path) || ".html"] || "application/octet-stream" });
    response.end(body);
  } catch {
    response.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const address = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "nudge-chromium-")), {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  viewport: { width: 1200, height: 900 },
  args: [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});
const failed = [];
try {
  const page = await browser.newPage();
  page.on("pageerror", (error) => failed.push(`page error: ${error.message}`));
  const entries = page.locator("#answers .entry");
  const answer = async (line) => {
    const before = await entries.count();
    await page.fill("#line", line);
    await page.press("#line", "Enter");
    await entries.nth(before).waitFor();
    return entries.nth(before);
  };

  // Load to first answer.
  const started = Date.now();
  await page.goto(address);
  const first = await answer("d/dx sin(x^2)");
  const loadToAnswer = Date.now() - started;
  const text = await first.innerText();
  assert.match(text, /Reading: d\/dx sin\(x²\)/);
  assert.match(text, /chain rule/);
  assert.match(text, /power rule/);
  assert.match(text, /= 2x·cos\(x²\)/);
  assert.equal(await first.locator("details > summary").count(), 1, "the chain rule's step folds");

  // The live reading while typing, and a problem pointed at before Enter.
  await page.fill("#line", "d/dx x^3 + 2x");
  await page.locator("#reading", { hasText: "Reading: d/dx (x³ + 2·x)" }).waitFor();
  await page.fill("#line", "d/dx sin(");
  await page.locator("#reading.problem").waitFor();

  // Definitions stay across lines.
  await answer("f(x) = x^2 sin x");
  assert.match(await (await answer("f'(2)")).innerText(), /4·sin\(2\) \+ 4·cos\(2\)|≈/);

  // A plot is SVG, drawn from the same samples as the terminal's.
  const plot = await answer("plot sin x, cos x");
  assert.equal(await plot.locator("svg.plot polyline").count() >= 2, true, "two curves");
  assert.match(await plot.locator("svg.plot").innerHTML(), /sin\(x\)/);
  assert.equal(await plot.locator("details > pre").count(), 1, "the Braille drawing folded");
  assert.equal(await plot.locator("pre:visible").count(), 0, "only the SVG shows");
  await page.screenshot({ path: join(here, "screenshot.png") });

  // The shrinking nudge's table.
  const table = await (await answer("nudge x^2 at x = 3")).innerText();
  assert.match(table, /0\.000001\s+6\.00000100/);
  assert.match(table, /f′\(3\) = 6/);

  // An error is shown where answers go.
  assert.match(await (await answer("d/dx sinx")).innerText(), /sin/);

  // An answer past the work budget stops its worker; the fresh one knows f again.
  const stopped = await answer("d^16/dx^16 x^x");
  assert.match(await stopped.innerText(), /nudge stopped this answer/);
  assert.match(await (await answer("f(1)")).innerText(), /sin\(1\)/);

  // A lesson: its first exercise answered wrongly, then rightly.
  const source = readFileSync(join(here, "..", "lessons", "03-power-rule.nudge"), "utf8");
  const [, expected] = source.match(/^\? .*=> (.*)$/m);
  await page.click("#tour li:nth-child(3) button");
  const prompt = page.locator("#tutor-prompt");
  while (!(await page.locator("#tutor-answer").isVisible())) {
    await page.click("#tutor-go");
    await page.waitForTimeout(50);
  }
  await page.fill("#tutor-answer", `${expected} + 1`);
  await page.press("#tutor-answer", "Enter");
  await page.locator("#tutor-text", { hasText: `${expected} + 1` }).waitFor();
  const afterWrong = await page.locator("#tutor-text").innerText();
  assert.doesNotMatch(afterWrong.slice(afterWrong.lastIndexOf(`${expected} + 1`)), /Right\./);
  assert.equal(await page.locator("#tutor-answer").isVisible(), true, "asked again");
  await page.fill("#tutor-answer", expected);
  await page.press("#tutor-answer", "Enter");
  await page.locator("#tutor-text", { hasText: "Right." }).waitFor();
  await page.click("#tutor-close");

  // Practice, typed at the prompt, opens the same panel with its first question.
  await page.fill("#line", "practice power");
  await page.press("#line", "Enter");
  await page.locator("#tutor-text", { hasText: "Question 1: d/dx" }).waitFor();
  assert.equal(await page.locator("#tutor-answer").isVisible(), true, "a question asked");
  if (process.env.LESSON_SHOT) await page.screenshot({ path: process.env.LESSON_SHOT });
  await page.click("#tutor-close");
  assert.equal(await prompt.isVisible(), false, "the lesson closed");

  // After a reload: Up recalls the last line, and f is still defined.
  await page.reload();
  await page.waitForSelector("body[data-ready]");
  await page.press("#line", "ArrowUp");
  assert.equal(await page.inputValue("#line"), "practice power");
  await page.press("#line", "ArrowUp");
  assert.equal(await page.inputValue("#line"), "f(1)");
  assert.match(await (await answer("f(2)")).innerText(), /sin\(2\)/);

  console.log(`ok: the playground answered, folded steps, plotted, checked an exercise; load to first answer ${loadToAnswer} ms`);
} catch (error) {
  failed.push(error.stack || String(error));
} finally {
  await browser.close();
  server.close();
}
if (failed.length) {
  console.error(failed.join("\n"));
  process.exit(1);
}
