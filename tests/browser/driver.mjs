// Drives Debian's Chromium through a list of steps given as JSON (argv[2]) and prints what the
// steps observed as JSON on stdout. tests/browser.rs writes the steps and checks the answers;
// this file knows nothing about what is expected.
//
// Steps: {goto}, {waitFor, state?}, {waitForFunction}, {type, text}, {fill, text}, {click},
// {press}, {write, content}, {rename: [from, to]}, {remove}, {sleep}, {probe: "search"},
// {eval}, {title}, {netReset}, {net} (requests and bytes fetched since the last netReset),
// {viewport: [width, height]}, {screenshot: path, selector?} (a PNG of the page or of the
// first element matching selector),
// {axe: [tags]} (axe-core's violations of those rule tags on the current page),
// {tabWalk: max} (Tab from the top of the page, at most `max` times: each focused element
// with its focus styles, and every link inside an <svg>), {forcedColors: "active" | "none"}
// (emulates Windows high-contrast mode). Every step may carry a `timeout` in milliseconds.

import { chromium } from "playwright-core";
import { promises as fs } from "node:fs";
import { createRequire } from "node:module";

// axe-core's browser bundle, injected into a page by the `axe` step.
const axeSource = () => fs.readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

const steps = JSON.parse(process.argv[2] ?? "[]");
const DEFAULT_TIMEOUT = 15000;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});

const page = await browser.newPage();
// A CSS path that names an element uniquely (`main > ul:nth-of-type(2) > li > a`), for the
// tab walk to tell elements apart and to name them in messages.
await page.addInitScript(() => {
  window.__fouwebPath = (el) => {
    const parts = [];
    for (let e = el; e && e.nodeType === 1 && e !== document.documentElement; e = e.parentElement) {
      if (e.id) {
        parts.unshift(`#${CSS.escape(e.id)}`);
        break;
      }
      const name = e.localName;
      const same = e.parentElement ? [...e.parentElement.children].filter((c) => c.localName === name) : [e];
      parts.unshift(same.length > 1 ? `${name}:nth-of-type(${same.indexOf(e) + 1})` : name);
    }
    return parts.join(" > ");
  };
});
// Said before the first step: a crash after this is not retried (steps may write files).
process.stderr.write("driver: browser ready\n");
const log = [];
page.on("console", (msg) => log.push(`console.${msg.type()}: ${msg.text()}`));
page.on("pageerror", (err) => log.push(`page error: ${err.message}`));
page.on("requestfailed", (req) => log.push(`request failed: ${req.url()} ${req.failure()?.errorText ?? ""}`));

// What the search page shows: status, hits and the filter groups with their counts.
function searchState() {
  const text = (el, sel) => el.querySelector(sel)?.textContent.trim() ?? null;
  const status = document.getElementById("search-status");
  const hits = [...document.querySelectorAll("#search-results > li")].map((li) => ({
    title: text(li, ".card-title a"),
    url: li.querySelector(".card-title a")?.getAttribute("href") ?? null,
    counties: text(li, ".hit-counties"),
    methods: text(li, ".hit-methods"),
    period: text(li, ".hit-period"),
    excerpt: text(li, ".hit-excerpt"),
    excerptHtml: li.querySelector(".hit-excerpt")?.innerHTML ?? null,
    marks: [...li.querySelectorAll(".hit-excerpt mark")].map((m) => m.textContent),
  }));
  const filters = {};
  const checked = {};
  for (const group of document.querySelectorAll(".filter-group")) {
    const key = group.dataset.group;
    filters[key] = {};
    checked[key] = [];
    for (const label of group.querySelectorAll("label")) {
      const name = text(label, ".filter-label");
      filters[key][name] = Number(text(label, ".filter-count"));
      const box = label.querySelector("input");
      if (box?.checked) checked[key].push(box.value);
    }
  }
  return {
    state: status?.dataset.state ?? null,
    status: status?.textContent.trim() ?? null,
    total: Number(status?.dataset.total ?? "NaN"),
    hits,
    filters,
    checked,
    moreVisible: !(document.getElementById("search-more")?.hidden ?? true),
    location: location.pathname + location.search,
    query: document.getElementById("search-q")?.value ?? null,
  };
}

// axe-core's violations of the rules tagged `tags` on the page: rule, impact, help and the
// elements (CSS selectors) that break it.
async function axeViolations(tags) {
  if (!(await page.evaluate(() => typeof window.axe !== "undefined"))) {
    await page.addScriptTag({ content: await axeSource() });
  }
  return page.evaluate(async (tags) => {
    const result = await window.axe.run(document, {
      runOnly: { type: "tag", values: tags },
      resultTypes: ["violations"],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.join(" "), summary: n.failureSummary })),
    }));
  }, tags);
}

// What the focused element looks like: its path, its name and the styles that can show focus.
function focused() {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const style = getComputedStyle(el);
  const rect = el.getBoundingClientRect();
  return {
    path: window.__fouwebPath(el),
    tag: el.localName,
    name: (el.getAttribute("aria-label") ?? el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 80),
    inSvg: el.closest("svg") !== null,
    outlineStyle: style.outlineStyle,
    outlineWidth: style.outlineWidth,
    outlineColor: style.outlineColor,
    boxShadow: style.boxShadow,
    size: [rect.width, rect.height],
  };
}

// Tabs through the page from its top, at most `max` times, until focus leaves the page or
// comes back to an element it reached before.
async function tabWalk(max) {
  await page.evaluate(() => {
    document.activeElement?.blur?.();
    window.scrollTo(0, 0);
  });
  const stops = [];
  const seen = new Set();
  let complete = false;
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const now = await page.evaluate(focused);
    if (now === null || seen.has(now.path)) {
      complete = true;
      break;
    }
    seen.add(now.path);
    stops.push(now);
  }
  const svgLinks = await page.evaluate(() =>
    [...document.querySelectorAll("svg a")].map((a) => window.__fouwebPath(a)),
  );
  return { stops, svgLinks, complete };
}

// Bytes on the wire (headers and body as received) per finished request.
let net = { requests: 0, bytes: 0 };
const pendingSizes = [];
page.on("requestfinished", (req) => {
  pendingSizes.push(
    req.sizes().then((s) => {
      net.requests += 1;
      net.bytes += s.responseBodySize + s.responseHeadersSize;
    }),
  );
});

const results = [];
let failed = null;
for (const [i, step] of steps.entries()) {
  const timeout = step.timeout ?? DEFAULT_TIMEOUT;
  try {
    if (step.goto !== undefined) {
      await page.goto(step.goto, { timeout });
    } else if (step.waitFor !== undefined) {
      await page.waitForSelector(step.waitFor, { state: step.state ?? "visible", timeout });
    } else if (step.waitForFunction !== undefined) {
      await page.waitForFunction(step.waitForFunction, null, { timeout });
    } else if (step.type !== undefined) {
      await page.locator(step.type).pressSequentially(step.text, { delay: 20, timeout });
    } else if (step.fill !== undefined) {
      await page.locator(step.fill).fill(step.text, { timeout });
    } else if (step.click !== undefined) {
      await page.locator(step.click).click({ timeout });
    } else if (step.press !== undefined) {
      await page.keyboard.press(step.press);
    } else if (step.write !== undefined) {
      await fs.writeFile(step.write, step.content);
    } else if (step.rename !== undefined) {
      await fs.rename(step.rename[0], step.rename[1]);
    } else if (step.remove !== undefined) {
      await fs.rm(step.remove);
    } else if (step.sleep !== undefined) {
      await new Promise((resolve) => setTimeout(resolve, step.sleep));
    } else if (step.probe === "search") {
      await page.waitForFunction(
        () => ["done", "idle", "error"].includes(document.getElementById("search-status")?.dataset.state),
        null,
        { timeout },
      );
      results.push(await page.evaluate(searchState));
    } else if (step.eval !== undefined) {
      results.push(await page.evaluate(step.eval));
    } else if (step.netReset !== undefined) {
      await Promise.all(pendingSizes.splice(0));
      net = { requests: 0, bytes: 0 };
    } else if (step.net !== undefined) {
      await Promise.all(pendingSizes.splice(0));
      results.push({ ...net });
    } else if (step.viewport !== undefined) {
      await page.setViewportSize({ width: step.viewport[0], height: step.viewport[1] });
    } else if (step.screenshot !== undefined) {
      const target = step.selector ? page.locator(step.selector).first() : page;
      await target.screenshot({ path: step.screenshot, timeout });
    } else if (step.axe !== undefined) {
      results.push(await axeViolations(step.axe));
    } else if (step.tabWalk !== undefined) {
      results.push(await tabWalk(step.tabWalk));
    } else if (step.forcedColors !== undefined) {
      await page.emulateMedia({ forcedColors: step.forcedColors });
    } else if (step.title !== undefined) {
      results.push(await page.title());
    } else {
      throw new Error(`unknown step ${JSON.stringify(step)}`);
    }
  } catch (err) {
    failed = { step: i, what: step, error: String(err?.message ?? err) };
    break;
  }
}

await browser.close();
// Exit only once the answer is written: a pipe takes large answers in parts.
process.stdout.write(JSON.stringify({ results, failed, log }) + "\n", () => process.exit(failed ? 1 : 0));
