/*
 * Open the BUILT task pane (DIST/taskpane.html) in a headless Chromium page without Excel:
 * the page's files are served from DIST under a fake https origin, Office's CDN script is
 * replaced by `officeScript`, and any other request is aborted. Resolves once the pane has
 * rendered its tabs; fails with the collected page errors otherwise (e.g. a stale build).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { DIST } from "./bundle";

export const PANE_ORIGIN = "https://dtc.test";

/** Collect uncaught errors and console errors of a page. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  return errors;
}

export async function loadPane(page: Page, officeScript: string, errors: string[]): Promise<void> {
  await page.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.host === "appsforoffice.microsoft.com") {
      return route.fulfill({ contentType: "text/javascript", body: officeScript });
    }
    if (url.origin === PANE_ORIGIN) {
      const file = path.join(DIST, decodeURIComponent(url.pathname));
      if (existsSync(file)) {
        const type = file.endsWith(".html") ? "text/html" : file.endsWith(".js") ? "text/javascript" : "application/octet-stream";
        return route.fulfill({ contentType: type, body: readFileSync(file) });
      }
      return route.fulfill({ status: 404, body: "" });
    }
    return route.abort();
  });
  await page.goto(`${PANE_ORIGIN}/taskpane.html`);
  try {
    await page.getByRole("tab").first().waitFor({ timeout: 15_000 });
  } catch {
    throw new Error(`the pane did not render from ${DIST}/taskpane.html (stale build? errors: ${errors.join(" | ") || "none"})`);
  }
}
