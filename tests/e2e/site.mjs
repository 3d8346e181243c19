// End-to-end browser checks of the built site (issue 6): serves the site from a sub-folder
// URL with a tiny static server, drives Debian's headless Chromium with playwright-core,
// clicks through the overview to a commune, checks a chart, searches without diacritics,
// repeats the walk from file://, and runs axe-core on every page.
//
//   node tests/e2e/site.mjs [SITE_DIR]              (default: ../../output beside this script)
//   node tests/e2e/site.mjs --axe-only SITE_DIR     (axe-core on every page only: any language)
//   node tests/e2e/site.mjs --sorting SITE_DIR      (a model page whose communes table can be
//                                                    read largest first, without JavaScript)
//
// Environment: CHROMIUM (default /usr/bin/chromium), E2E_VERBOSE=1 to log every request.
// Prints one line per check and ends with "N passed, M failed"; exits 1 on any failure.

import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";
import os from "node:os";

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
// --axe-only: no walk (it follows the Vietnamese example), only axe-core on every page: for
// the example built in English.
const axeOnly = process.argv.includes("--axe-only");
const sortingOnly = process.argv.includes("--sorting");
const siteArg = process.argv.slice(2).find((a) => !a.startsWith("--"));
const siteDir = path.resolve(siteArg ?? path.join(here, "../../output"));
const chromiumPath = process.env.CHROMIUM || "/usr/bin/chromium";
const SUBFOLDER = "/bao-cao/";
const TIMEOUT = 10_000; // every wait (selector, navigation, click)
const WATCHDOG = 300_000; // the whole run

// Every page of the site, checked by axe-core.
function htmlPages(dir, prefix = "") {
  return fs.readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => {
      const rel = prefix + entry.name;
      if (entry.isDirectory()) return htmlPages(path.join(dir, entry.name), `${rel}/`);
      return rel.endsWith(".html") ? [rel] : [];
    });
}
const AXE_PAGES = htmlPages(siteDir);

// The searches of the issue: query, expected first result (page and name).
const SEARCHES = [
  ["tuy loc", "communes/tuy-loc.html", "Tuy Lộc"],
  ["gioi phien", "communes/gioi-phien.html", "Giới Phiên"],
  ["dong tam", "communes/dong-tam.html", "Đồng Tâm"],
  // Issue 17: beyond names, over every page and figure.
  ["phong trao", "campaign.html", "Phong trào “Toàn dân bảo vệ an ninh Tổ quốc”"],
  ["nguon tin", "campaign.html", "177 nguồn tin"],
  ["953", "years/2023.html", "953 mắt camera"],
  ["pccc", "models/to-lien-gia-an-toan-pccc.html", "Tổ liên gia an toàn phòng cháy, chữa cháy"],
  ["du lieu", "data.html", "Dữ liệu mở"],
  ["camera", "models/camera-an-ninh.html", "Camera an ninh"],
];

let passed = 0;
let failed = 0;

async function check(name, body) {
  try {
    const note = await body();
    passed += 1;
    console.log(`ok   ${name}${note ? ` (${note})` : ""}`);
  } catch (error) {
    failed += 1;
    const message = String(error?.message ?? error).replace(/\x1b\[[0-9;]*m/g, "").trim();
    console.log(`FAIL ${name}\n${indent(message)}`);
  }
}

function indent(text) {
  return text
    .split("\n")
    .map((line) => `       ${line}`)
    .join("\n");
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

// ---------------------------------------------------------------- static server

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".gif": "image/gif",
  ".ico": "image/x-icon",
  ".ttf": "font/ttf",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
};

const missing = []; // requests the server answered with 404

function serve(root) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://localhost");
    let pathname;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end("bad request");
      return;
    }
    if (pathname === SUBFOLDER.slice(0, -1)) {
      res.writeHead(301, { Location: SUBFOLDER }).end();
      return;
    }
    if (!pathname.startsWith(SUBFOLDER) || pathname.includes("\0")) {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("outside the site");
      missing.push(pathname);
      return;
    }
    let file = path.join(root, pathname.slice(SUBFOLDER.length));
    if (!file.startsWith(root)) {
      res.writeHead(403).end("forbidden");
      return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
      file = path.join(file, "index.html");
    }
    if (process.env.E2E_VERBOSE) console.log(`  GET ${pathname}`);
    fs.readFile(file, (error, body) => {
      if (error) {
        missing.push(pathname);
        const page404 = path.join(root, "404.html");
        const body404 = fs.existsSync(page404) ? fs.readFileSync(page404) : "not found";
        res.writeHead(404, { "Content-Type": TYPES[".html"] }).end(body404);
        return;
      }
      const type = TYPES[path.extname(file).toLowerCase()] || "application/octet-stream";
      res.writeHead(200, { "Content-Type": type, "Cache-Control": "no-store" }).end(body);
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve(server));
  });
}

// ---------------------------------------------------------------- browser helpers

function watchPage(page, problems) {
  page.on("pageerror", (error) => problems.push(`${page.url()}: uncaught ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`${page.url()}: console error: ${message.text()}`);
  });
  page.on("requestfailed", (request) => {
    // ERR_ABORTED: the browser dropped a request (a favicon, say) because the test navigated on.
    if (request.failure()?.errorText === "net::ERR_ABORTED") return;
    problems.push(`${request.url()}: request failed: ${request.failure()?.errorText}`);
  });
}

async function clickAndWait(page, locator, urlSuffix) {
  await Promise.all([page.waitForURL((url) => url.href.endsWith(urlSuffix)), locator.click()]);
  await page.waitForLoadState("load");
}

async function chartVisible(page) {
  const charts = page.locator("svg[role=img]");
  const count = await charts.count();
  assert(count > 0, `no svg[role=img] on ${page.url()}`);
  const chart = charts.first();
  await chart.scrollIntoViewIfNeeded();
  await chart.waitFor({ state: "visible" });
  const box = await chart.boundingBox();
  assert(box && box.width > 0 && box.height > 0, `first chart has no size: ${JSON.stringify(box)}`);
  const label = await chart.evaluate((svg) => {
    const ids = (svg.getAttribute("aria-labelledby") || "").split(/\s+/).filter(Boolean);
    const byIds = ids.map((id) => document.getElementById(id)?.textContent ?? "").join(" ");
    return (svg.getAttribute("aria-label") || byIds || svg.querySelector(":scope > title")?.textContent || "").trim();
  });
  assert(label, "first chart has no text alternative (aria-label, aria-labelledby or <title>)");
  return `${count} charts, first ${Math.round(box.width)}×${Math.round(box.height)} px`;
}

// Under the first chart of the page: "copy link" puts the chart's address on the clipboard,
// and SVG, PNG and CSV download it (from http and from file:// alike).
async function chartTools(page) {
  const figure = page.locator("figure.chart[id]").first();
  const id = await figure.getAttribute("id");
  const tools = figure.locator(".chart-tools");
  await tools.waitFor({ state: "visible" });
  await tools.getByRole("button", { name: "Sao chép liên kết" }).click();
  await tools.getByText("Đã sao chép liên kết").waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert(copied.endsWith(`#${id}`), `copied "${copied}"`);
  const got = [];
  for (const kind of ["SVG", "PNG", "CSV"]) {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      tools.getByRole("button", { name: kind, exact: true }).click(),
    ]);
    const name = download.suggestedFilename();
    assert(name === `${id}.${kind.toLowerCase()}`, `${kind} saved as ${name}`);
    const bytes = fs.readFileSync(await download.path());
    const head = bytes.subarray(0, 8).toString("latin1");
    const ok = { SVG: head.startsWith("<svg"), PNG: head.startsWith("\x89PNG"), CSV: bytes.toString("utf8").startsWith("\ufeff") }[kind];
    assert(ok && bytes.length > 100, `${kind}: ${bytes.length} bytes starting ${JSON.stringify(head)}`);
    got.push(`${name} ${bytes.length} B`);
  }
  return got.join(", ");
}

// The page states one figure in a sentence where a single bar would say nothing more.
async function singleFigure(page, text) {
  const sentence = page.locator("p.chart-single", { hasText: text });
  await sentence.waitFor({ state: "visible" });
  assert((await page.locator("svg[role=img]").count()) === 0, `a chart on ${page.url()}`);
  return (await sentence.textContent()).trim();
}

// Types the query into the search box of search.html and returns the first result link.
async function search(page, query) {
  const box = page.locator("#q");
  await box.waitFor({ state: "visible" });
  await box.fill("");
  await box.pressSequentially(query);
  const first = page.locator("#ket-qua a").first();
  await first.waitFor({ state: "visible" });
  return first;
}

async function firstResultIs(page, query, target, name) {
  const first = await search(page, query);
  const href = await first.getAttribute("href");
  const text = (await first.textContent()) ?? "";
  assert(href && href.endsWith(target), `first result for "${query}" links to ${href}, expected …${target}`);
  assert(text.includes(name), `first result for "${query}" reads "${text}", expected it to contain "${name}"`);
  return `→ ${text}`;
}

function formatViolations(violations) {
  const lines = [];
  for (const v of violations) {
    lines.push(`[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})`);
    for (const node of v.nodes) {
      lines.push(`  at ${node.target.join(" ")}`);
      lines.push(`     ${node.html.replace(/\s+/g, " ").slice(0, 300)}`);
      for (const summary of (node.failureSummary || "").split("\n")) {
        if (summary.trim()) lines.push(`     ${summary.trim()}`);
      }
    }
  }
  return lines.join("\n");
}

// ---------------------------------------------------------------- sorting

// The rows' first cells of the table visible in `.sortable`.
async function visibleRows(page) {
  const wraps = page.locator(".sortable > .table-wrap");
  const visible = [];
  for (let i = 0; i < (await wraps.count()); i++) {
    if (await wraps.nth(i).isVisible()) visible.push(wraps.nth(i));
  }
  assert(visible.length === 1, `${visible.length} tables visible at once`);
  return visible[0].locator("tbody th").allTextContents();
}

// A model page of a project where several communes report it: the table can be read largest
// first and back, with JavaScript off, and the numbers follow.
async function sortingChecks(browser, base, axeSource) {
  const noJs = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  noJs.setDefaultTimeout(TIMEOUT);
  const page = await noJs.newPage();
  try {
    await page.goto(`${base}models/camera-an-ninh.html`);
    const byName = await visibleRows(page);
    await check("sorting: the table first lists communes by name", async () => {
      assert(byName.length >= 3, `${byName.length} rows`);
      return byName.slice(0, 3).join(", ");
    });
    await check("sorting: without JavaScript, 'lớn nhất trước' shows the largest first", async () => {
      await page.getByRole("link", { name: "lớn nhất trước", exact: true }).click();
      const rows = await visibleRows(page);
      assert(rows.length === byName.length, `${rows.length} rows, not ${byName.length}`);
      const counts = await page.locator(".sortable > .sorted tbody td").allTextContents();
      const values = counts.map((c) => Number.parseInt(c.replace(/\./g, ""), 10)).filter((v) => !Number.isNaN(v));
      assert(values.length >= 2, `counts ${counts}`);
      for (let i = 1; i < values.length; i++) assert(values[i - 1] >= values[i], `not largest first: ${values}`);
      assert(rows.join() !== byName.join(), "the order did not change");
      return rows.slice(0, 3).join(", ");
    });
    await check("sorting: 'theo tên' shows the names' order again", async () => {
      await page.getByRole("link", { name: "theo tên", exact: true }).click();
      const rows = await visibleRows(page);
      assert(rows.join() === byName.join(), `rows ${rows}`);
    });
  } finally {
    await noJs.close();
  }
  const withJs = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const axePage = await withJs.newPage();
  try {
    for (const anchor of ["", "#bang-theo-xa-lon-nhat"]) {
      await check(`axe: models/camera-an-ninh.html${anchor}`, async () => {
        await axePage.goto(`${base}models/camera-an-ninh.html${anchor}`);
        await axePage.addScriptTag({ content: axeSource });
        // eslint-disable-next-line no-undef
        const found = await axePage.evaluate(async () => (await axe.run(document, { resultTypes: ["violations"] })).violations);
        assert(found.length === 0, formatViolations(found));
      });
    }
  } finally {
    await withJs.close();
  }
}

// ---------------------------------------------------------------- the run

async function main() {
  assert(fs.existsSync(path.join(siteDir, "index.html")), `no index.html in ${siteDir}: build the site first`);
  assert(fs.existsSync(chromiumPath), `no Chromium at ${chromiumPath}: apt-get install -y chromium`);
  const { chromium } = require("playwright-core");
  const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

  const server = await serve(siteDir);
  const base = `http://127.0.0.1:${server.address().port}${SUBFOLDER}`;
  const fileBase = pathToFileURL(siteDir + path.sep).href;
  console.log(`site ${siteDir}\nserved at ${base}\nchromium ${chromiumPath}`);

  const problems = [];
  let browser;
  try {
    // Playwright gives Chromium a fresh temporary --user-data-dir and removes it on close.
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      timeout: 60_000,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: "vi-VN",
      acceptDownloads: true,
      permissions: ["clipboard-read", "clipboard-write"],
    });
    context.setDefaultTimeout(TIMEOUT);
    context.setDefaultNavigationTimeout(TIMEOUT);
    const page = await context.newPage();
    watchPage(page, problems);
    const nav = page.getByRole("navigation", { name: "Điều hướng chính" });

    if (sortingOnly) {
      await sortingChecks(browser, base, axeSource);
      return;
    }

    if (!axeOnly) {
      // --- served from a sub-folder URL
      await check("http: overview opens from the sub-folder URL", async () => {
        const response = await page.goto(base);
        assert(response && response.status() === 200, `status ${response?.status()}`);
        const h1 = (await page.locator("h1").first().textContent())?.trim();
        assert(h1, "overview has no <h1>");
        return h1;
      });

      await check("http: clicking the nav link opens the commune index", async () => {
        await clickAndWait(page, nav.getByRole("link", { name: "Xã, phường", exact: true }), `${SUBFOLDER}communes/index.html`);
      });

      await check('http: clicking "Tuy Lộc" opens communes/tuy-loc.html', async () => {
        await clickAndWait(page, page.locator("main").getByRole("link", { name: "Tuy Lộc", exact: true }), `${SUBFOLDER}communes/tuy-loc.html`);
        const h1 = (await page.locator("h1").first().textContent())?.trim() ?? "";
        assert(h1.includes("Tuy Lộc"), `<h1> is "${h1}"`);
        return h1;
      });

      await check("http: one year of cameras on the commune page is a sentence with its share, not a bar", () =>
        singleFigure(page, "Đó là 23 trong 953 mắt camera của toàn thành phố (2,4%)."),
      );
      await check("http: the camera chart of the overview is visible with a size", async () => {
        await page.goto(new URL("../index.html", page.url()).href);
        return chartVisible(page);
      });
      await check("http: a chart's link is copied, and it downloads as SVG, PNG and CSV", () => chartTools(page));

      await check("http: skip link is the first Tab stop and moves focus to the main content", async () => {
        await page.goto(`${base}communes/tuy-loc.html`);
        await page.keyboard.press("Tab");
        const first = await page.evaluate(() => ({ cls: document.activeElement?.className, href: document.activeElement?.getAttribute("href") }));
        assert(first.href && first.href.startsWith("#"), `first Tab stop is ${JSON.stringify(first)}`);
        const skip = page.locator(`a[href="${first.href}"]`).first();
        const box = await skip.boundingBox();
        const viewport = page.viewportSize();
        assert(box && box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width && box.width > 0,
          `focused skip link is not on screen: ${JSON.stringify(box)}`);
        await page.keyboard.press("Enter");
        await page.waitForURL((url) => url.hash === first.href);
        const target = page.locator(first.href);
        assert((await target.count()) === 1, `skip target ${first.href} missing`);
        return `${first.href}`;
      });

      await check("http: keyboard focus is visible on the first Tab stops", async () => {
        await page.goto(`${base}communes/tuy-loc.html`);
        const seen = [];
        for (let i = 0; i < 8; i += 1) {
          await page.keyboard.press("Tab");
          const f = await page.evaluate(() => {
            const el = document.activeElement;
            if (!el || el === document.body) return null;
            const cs = getComputedStyle(el);
            const ring = (cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) > 0) || cs.boxShadow !== "none";
            return { what: `${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute("aria-label") || el.id || "").trim().slice(0, 30)}"`, ring };
          });
          if (!f) break;
          seen.push(f);
        }
        const bad = seen.filter((f) => !f.ring).map((f) => f.what);
        assert(seen.length > 0, "Tab focuses nothing");
        assert(bad.length === 0, `no focus ring on: ${bad.join(", ")}`);
        return `${seen.length} stops`;
      });

      await check("http: the focus ring stands out 3:1 against what is behind it, on the header and on the page", async () => {
        await page.goto(`${base}communes/tuy-loc.html`);
        const rings = [];
        for (const selector of [".site-header nav a", "main a"]) {
          await page.locator(selector).first().focus();
          rings.push(await page.evaluate(() => {
            const el = document.activeElement;
            const rgb = (c) => (c.match(/\d+(\.\d+)?/g) || []).slice(0, 3).map(Number);
            const behind = (node) => {
              for (let n = node.parentElement; n; n = n.parentElement) {
                const c = getComputedStyle(n).backgroundColor;
                if (c && !c.startsWith("rgba(0, 0, 0, 0)") && c !== "transparent") return rgb(c);
              }
              return [255, 255, 255];
            };
            const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
              .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
            const a = lum(rgb(getComputedStyle(el).outlineColor));
            const b = lum(behind(el));
            return { what: el.textContent.trim().slice(0, 20), ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) };
          }));
        }
        const weak = rings.filter((r) => r.ratio < 3);
        assert(weak.length === 0, `weak focus rings: ${JSON.stringify(weak)}`);
        return rings.map((r) => `${r.what}: ${r.ratio.toFixed(2)}:1`).join(", ");
      });

      await check("mobile: a table wider than the screen scrolls and shows it", async () => {
        const phone = await browser.newContext({ viewport: { width: 358, height: 740 } });
        const p = await phone.newPage();
        try {
          await p.goto(`${base}years/2023.html`);
          const wide = await p.evaluate(() => [...document.querySelectorAll(".table-wrap")]
            .filter((w) => w.scrollWidth > w.clientWidth + 1)
            .map((w) => ({ width: w.scrollWidth, shown: w.clientWidth, cue: getComputedStyle(w).backgroundImage })));
          assert(wide.length > 0, "no table is wider than the screen");
          const bad = wide.filter((w) => !w.cue.includes("gradient"));
          assert(bad.length === 0, `no scroll cue on ${JSON.stringify(bad)}`);
          const page = await p.evaluate(() => document.documentElement.scrollWidth);
          assert(page <= 358, `the page itself is ${page} px wide`);
          const num = await p.locator("td.num").first().evaluate((td) => getComputedStyle(td).textAlign);
          assert(num === "right", `numbers are aligned ${num}`);
          return `${wide.length} wide tables, ${wide[0].width} px in ${wide[0].shown} px`;
        } finally {
          await phone.close();
        }
      });

      await check("mobile: long source addresses wrap at 320 px", async () => {
        const phone = await browser.newContext({ viewport: { width: 320, height: 640 } });
        const p = await phone.newPage();
        try {
          await p.goto(`${base}sources.html`);
          const width = await p.evaluate(() => document.documentElement.scrollWidth);
          assert(width <= 320, `sources.html is ${width} px wide`);
        } finally {
          await phone.close();
        }
      });

      await check("http: the header search box leads to the search page with results", async () => {
        await page.goto(base);
        const box = page.locator("header").getByRole("searchbox").first();
        await box.fill("tuy loc");
        await Promise.all([page.waitForURL((url) => url.pathname.endsWith(`${SUBFOLDER}search.html`)), box.press("Enter")]);
        const first = page.locator("#ket-qua a").first();
        await first.waitFor({ state: "visible" });
        const href = await first.getAttribute("href");
        assert(href?.endsWith("communes/tuy-loc.html"), `first result links to ${href}`);
      });

      await check('http: search "tuy loc", click the first result → communes/tuy-loc.html', async () => {
        await page.goto(`${base}search.html`);
        const first = await search(page, "tuy loc");
        await clickAndWait(page, first, `${SUBFOLDER}communes/tuy-loc.html`);
      });

      for (const [query, target, name] of SEARCHES.slice(1)) {
        await check(`http: search "${query}" finds ${name}`, async () => {
          await page.goto(`${base}search.html`);
          return firstResultIs(page, query, target, name);
        });
    }

    await check('http: "camera" finds the model, the figures and the communes that count cameras', async () => {
      await page.goto(`${base}search.html?q=camera`);
      await page.locator("#ket-qua a").first().waitFor({ state: "visible" });
      const results = await page.locator("#ket-qua li").allTextContents();
      for (const expected of ["953 mắt camera", "Xã Tuy Lộc"]) {
        assert(results.some((r) => r.includes(expected)), `no "${expected}" in ${JSON.stringify(results)}`);
      }
      const status = (await page.locator("#trang-thai").textContent()).trim();
      assert(status === `${results.length} kết quả cho “camera”`, `status "${status}"`);
      return `${results.length} results`;
    });

    await check("http: a hit in a page's text quotes the words around it", async () => {
      await page.goto(`${base}search.html?q=nhan+dan`);
      const quote = page.locator("#ket-qua .search-quote").first();
      await quote.waitFor({ state: "visible" });
      const text = (await quote.textContent()).trim();
      assert(/nhân dân/i.test(text), `quote "${text}"`);
      return text.slice(0, 60);
    });

    await check("http: the language switch leads to the English page and back, names marked Vietnamese", async () => {
      await page.goto(`${base}communes/tuy-loc.html`);
      await clickAndWait(page, page.getByRole("link", { name: "English", exact: true }), `${SUBFOLDER}en/communes/tuy-loc.html`);
      const lang = await page.locator("html").getAttribute("lang");
      assert(lang === "en", `<html lang="${lang}">`);
      const name = page.locator("h1 span[lang=vi]");
      assert((await name.textContent()) === "Xã Tuy Lộc", `<h1> marks "${await name.textContent()}"`);
      const marked = await page.locator("main [lang=vi]").count();
      assert(marked >= 10, `only ${marked} texts marked Vietnamese`);
      const navText = (await page.getByRole("navigation", { name: "Main navigation" }).textContent()) ?? "";
      assert(navText.includes("Communes and wards"), `English menu: ${navText}`);
      await clickAndWait(page, page.getByRole("link", { name: "Tiếng Việt", exact: true }), `${SUBFOLDER}communes/tuy-loc.html`);
      return `${marked} texts marked`;
    });

    await check("http: search page without JavaScript lists every page", async () => {
      const noJs = await browser.newContext({ javaScriptEnabled: false });
      noJs.setDefaultTimeout(TIMEOUT);
      const p = await noJs.newPage();
      try {
        await p.goto(`${base}search.html`);
        const list = p.locator("#tat-ca");
        await list.waitFor({ state: "visible" });
        const link = list.getByRole("link", { name: /Tuy Lộc/ });
        assert((await link.count()) >= 1, "no Tuy Lộc link in the full list");
        const total = await list.locator("a").count();
        for (const name of ["Phong trào “Toàn dân bảo vệ an ninh Tổ quốc”", "Nguồn", "Dữ liệu mở"]) {
          assert((await list.getByRole("link", { name, exact: true }).count()) === 1, `no "${name}" link`);
        }
        const note = p.locator("p.notice");
        assert(await note.isVisible(), "no note that the search box needs JavaScript");
        const said = (await note.textContent()) ?? "";
        assert(said.includes("cần JavaScript"), `the note says "${said}"`);
        return `${total} links`;
      } finally {
        await noJs.close();
      }
    });

    await check("http: a missing page three folders deep gets the styled 404 page with working links", async () => {
      // Its own context: the 404 page looks for the site's root with requests that miss.
      const deep = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      deep.setDefaultTimeout(TIMEOUT);
      const p = await deep.newPage();
      const before = missing.length;
      try {
        const response = await p.goto(`${base}communes/khong/co/trang-nay.html`);
        assert(response && response.status() === 404, `status ${response?.status()}`);
        const header = p.locator(".site-header");
        // The page's script has found the site's root when the style sheet is there.
        const found = () => p.waitForFunction(() => [...document.styleSheets].some((s) => s.href && s.href.endsWith("assets/style.css")));
        await found();
        const background = await header.evaluate((e) => getComputedStyle(e).backgroundColor);
        assert(background === "rgb(11, 79, 138)", `header background ${background}`);
        await clickAndWait(p, p.getByRole("main").getByRole("link", { name: "trang tổng quan" }), `${SUBFOLDER}index.html`);
        await p.goBack();
        await found();
        const communes = p.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Xã, phường" });
        await clickAndWait(p, communes, `${SUBFOLDER}communes/index.html`);
        return `${missing.length - before} requests missed on the way`;
      } finally {
        missing.splice(before);
        await deep.close();
      }
    });

    await check("print: the full report prints its key figures, contents, chart tables and numbered pages", async () => {
      const printing = await browser.newContext();
      const p = await printing.newPage();
      const file = path.join(os.tmpdir(), `baocao-e2e-${process.pid}.pdf`);
      try {
        await p.goto(`${base}years/2023-full.html`);
        fs.writeFileSync(file, await p.pdf({ preferCSSPageSize: true }));
        // pypdf reads the text back (.ci/run installs it).
        const script = "import sys, pypdf\nfor page in pypdf.PdfReader(sys.argv[1]).pages:\n    print(page.extract_text())\n    print('\\f')";
        const pages = execFileSync("python3", ["-c", script, file]).toString().split("\f").slice(0, -1);
        const all = pages.join("\n");
        assert(pages.length >= 3, `${pages.length} pages`);
        for (const [i, text] of pages.entries()) {
          assert(text.includes(`Trang ${i + 1} / ${pages.length}`), `page ${i + 1} has no page number:\n${text.slice(0, 400)}`);
          assert(text.includes("Báo cáo an ninh trật tự năm 2023"), `page ${i + 1} has no title in its margin`);
        }
        for (const expected of ["Số liệu chính năm 2023", "Mục lục", "Tỷ lệ có giá trị", "24.527"]) {
          assert(all.includes(expected), `the PDF lacks "${expected}"`);
        }
        const once = all.split("baoyenbai.com.vn/13/321972").length - 1;
        assert(once === 1, `the source's address prints ${once} times`);
        return `${pages.length} pages`;
      } finally {
        fs.rmSync(file, { force: true });
        await printing.close();
      }
    });

    // --- straight from the disk (file://)
    await check("file: overview opens from file://", async () => {
      await page.goto(`${fileBase}index.html`);
      assert((await page.locator("h1").count()) > 0, "no <h1>");
    });

    await check('file: nav link then "Tuy Lộc" open the commune page', async () => {
      await clickAndWait(page, nav.getByRole("link", { name: "Xã, phường", exact: true }), "communes/index.html");
      await clickAndWait(page, page.locator("main").getByRole("link", { name: "Tuy Lộc", exact: true }), "communes/tuy-loc.html");
      assert(page.url().startsWith("file://"), page.url());
    });

    await check("file: one year of cameras on the commune page is a sentence with its share, not a bar", () =>
      singleFigure(page, "Đó là 23 trong 953 mắt camera của toàn thành phố (2,4%)."),
    );
    await check("file: the camera chart of the overview is visible with a size", async () => {
      await page.goto(new URL("../index.html", page.url()).href);
      return chartVisible(page);
    });
    await check("file: a chart's link is copied, and it downloads as SVG, PNG and CSV", () => chartTools(page));

    await check('file: search "tuy loc", click the first result → communes/tuy-loc.html', async () => {
      await page.goto(`${fileBase}search.html`);
      const first = await search(page, "tuy loc");
      await clickAndWait(page, first, "communes/tuy-loc.html");
      assert(page.url() === `${fileBase}communes/tuy-loc.html`, page.url());
    });

    for (const [query, target, name] of SEARCHES.slice(1)) {
      await check(`file: search "${query}" finds ${name}`, async () => {
        await page.goto(`${fileBase}search.html`);
        return firstResultIs(page, query, target, name);
      });
    }

    }

    // --- axe-core on one page of every type
    async function axe(url) {
      await page.addScriptTag({ content: axeSource });
      const result = await page.evaluate(async () => {
        // eslint-disable-next-line no-undef
        const r = await axe.run(document, { resultTypes: ["violations"] });
        return { violations: r.violations, version: r.testEngine.version };
      });
      assert(result.violations.length === 0, `${url}: ${result.violations.length} violation(s)\n${formatViolations(result.violations)}`);
      return `axe ${result.version}`;
    }

    for (const rel of AXE_PAGES) {
      await check(`axe: ${rel}`, async () => {
        const response = await page.goto(`${base}${rel}`);
        assert(response && response.ok(), `status ${response?.status()}`);
        return axe(rel);
      });
    }

    if (!axeOnly) await check('axe: search.html showing results for "tuy loc"', async () => {
      await page.goto(`${base}search.html`);
      await search(page, "tuy loc");
      return axe("search.html?q=tuy loc");
    });

    await check("no JavaScript errors, console errors or failed requests", async () => {
      const all = [...problems, ...missing.map((p) => `${p}: 404 from the server`)];
      assert(all.length === 0, all.join("\n"));
    });
  } catch (error) {
    failed += 1;
    console.log(`FAIL run aborted\n${indent(String(error?.stack ?? error))}`);
  } finally {
    if (browser) await browser.close().catch(() => {});
    server.close();
  }
}

const watchdog = setTimeout(() => {
  console.log(`FAIL watchdog: the run took longer than ${WATCHDOG / 1000} s`);
  console.log(`${passed} passed, ${failed + 1} failed`);
  process.exit(1);
}, WATCHDOG);

try {
  await main();
} catch (error) {
  failed += 1;
  console.log(`FAIL setup\n${indent(String(error?.message ?? error))}`);
}
clearTimeout(watchdog);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
