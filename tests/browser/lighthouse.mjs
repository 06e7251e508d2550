// Runs Lighthouse (npm, pinned in package-lock.json) with Debian's Chromium over a list of
// addresses, one Chromium for all of them, and prints one JSON object: per address and run, the
// score of each category and the audits that did not pass.
//
//   node tests/browser/lighthouse.mjs --categories accessibility,best-practices,seo --runs 1 URL...
//
// Mobile emulation and simulated throttling are Lighthouse's defaults (a mid-range phone on a
// slow 4G connection). Used by tests/browser/test_lighthouse.py (accessibility, best practices,
// SEO) and by `make lighthouse` (performance, median of three runs).
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const args = process.argv.slice(2);
let categories = ["performance", "accessibility", "best-practices", "seo"];
let runs = 1;
const urls = [];
for (let i = 0; i < args.length; i++) {
    if (args[i] === "--categories") {
        categories = args[++i].split(",");
    } else if (args[i] === "--runs") {
        runs = Number(args[++i]);
    } else {
        urls.push(args[i]);
    }
}

// Without the performance category nothing needs waits for a quiet network and CPU or the
// full-page screenshot: the other audits read the loaded page, so they run in seconds. The
// throttling method stays "simulate" (the page loads unthrottled; only performance metrics would
// be simulated): any other method makes Lighthouse raise every one of these waits to 5.25 s.
const QUICK = {
    pauseAfterFcpMs: 0,
    pauseAfterLoadMs: 0,
    networkQuietThresholdMs: 0,
    cpuQuietThresholdMs: 0,
    disableFullPageScreenshot: true,
};

const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH || "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"],
});
const results = {};
try {
    for (const url of urls) {
        results[url] = [];
        for (let run = 0; run < runs; run++) {
            // A busy machine now and then spoils the trace of a load (NO_NAVSTART and the
            // like): such a run is repeated, up to twice, rather than counted.
            let lhr;
            for (let attempt = 0; attempt < 3; attempt++) {
                ({ lhr } = await lighthouse(url, {
                    port: chrome.port,
                    output: "json",
                    logLevel: "error",
                    onlyCategories: categories,
                    ...(categories.includes("performance") ? {} : QUICK),
                }));
                if (!lhr.runtimeError) {
                    break;
                }
            }
            const scores = {};
            for (const [id, category] of Object.entries(lhr.categories)) {
                scores[id] = category.score === null ? null : Math.round(category.score * 100);
            }
            const failed = {};
            for (const category of Object.values(lhr.categories)) {
                for (const ref of category.auditRefs) {
                    const audit = lhr.audits[ref.id];
                    if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
                        failed[ref.id] = audit.title + (audit.displayValue ? ` (${audit.displayValue})` : "");
                    }
                }
            }
            const metrics = {};
            for (const id of ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"]) {
                if (lhr.audits[id]) {
                    metrics[id] = lhr.audits[id].numericValue;
                }
            }
            const error = lhr.runtimeError ? `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` : null;
            results[url].push({ scores, failed, metrics, runtimeError: error });
        }
    }
} finally {
    await chrome.kill();
}
process.stdout.write(JSON.stringify(results, null, 2) + "\n");
