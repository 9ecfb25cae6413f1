// A plot as SVG from the samples nudge computed (the JSON's `curves`, `x_range`, `y_range`):
// the same points the terminal draws with Braille dots.
const NS = "http://www.w3.org/2000/svg";
const WIDTH = 640;
const HEIGHT = 320;
const PAD = 40;
const COLOURS = ["#1f6feb", "#d1242f", "#1a7f37", "#8250df", "#bc4c00"];

function element(name, attributes, text) {
  const node = document.createElementNS(NS, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

const label = (value) => String(Number(value.toPrecision(3)));

export function plotSvg({ curves, x_range: [x0, x1], y_range: [yLow, yHigh] }) {
  // A flat curve still gets a band to sit in.
  const [y0, y1] = yLow === yHigh ? [yLow - 1, yHigh + 1] : [yLow, yHigh];
  const x = (v) => PAD + ((v - x0) / (x1 - x0)) * (WIDTH - 2 * PAD);
  const y = (v) => HEIGHT - PAD - ((v - y0) / (y1 - y0)) * (HEIGHT - 2 * PAD);
  const svg = element("svg", {
    class: "plot",
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    role: "img",
    "aria-label": `plot of ${curves.map((c) => c.expr).join(", ")}`,
  });
  svg.appendChild(element("rect", { x: PAD, y: PAD, width: WIDTH - 2 * PAD, height: HEIGHT - 2 * PAD, class: "frame" }));
  if (y0 < 0 && y1 > 0) svg.appendChild(element("line", { x1: PAD, x2: WIDTH - PAD, y1: y(0), y2: y(0), class: "axis" }));
  if (x0 < 0 && x1 > 0) svg.appendChild(element("line", { x1: x(0), x2: x(0), y1: PAD, y2: HEIGHT - PAD, class: "axis" }));
  svg.appendChild(element("text", { x: PAD, y: HEIGHT - PAD + 16, class: "tick" }, label(x0)));
  svg.appendChild(element("text", { x: WIDTH - PAD, y: HEIGHT - PAD + 16, class: "tick end" }, label(x1)));
  svg.appendChild(element("text", { x: PAD - 4, y: HEIGHT - PAD, class: "tick end" }, label(y0)));
  svg.appendChild(element("text", { x: PAD - 4, y: PAD + 10, class: "tick end" }, label(y1)));
  curves.forEach((curve, i) => {
    const colour = COLOURS[i % COLOURS.length];
    // A sample with no value (null) breaks the line, as at an asymptote.
    const pieces = [[]];
    for (const [px, py] of curve.rows) {
      if (py === null || py < y0 - (y1 - y0) || py > y1 + (y1 - y0)) {
        if (pieces[pieces.length - 1].length) pieces.push([]);
      } else pieces[pieces.length - 1].push(`${x(px).toFixed(1)},${y(py).toFixed(1)}`);
    }
    for (const piece of pieces.filter((p) => p.length)) {
      svg.appendChild(element("polyline", { points: piece.join(" "), stroke: colour, class: "curve" }));
    }
    svg.appendChild(element("text", { x: WIDTH - PAD - 4, y: PAD + 16 + 16 * i, fill: colour, class: "legend end" }, curve.expr));
  });
  return svg;
}
