/*
 * DTC.CLUSTER's profile seeds the GTA view's crowd names (issue #15), in the BUILT pane over the
 * workbench (DTC_DIST): select the profile's cluster column on the sample's Segments sheet,
 * "Use selection" in the GTA view opens the crowds × stages preset with one crowd per cluster,
 * and adding it writes a row per ticked stage × cluster; in English and Chinese.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { showSheet, values, workbenchSuite } from "./page";

const suite = workbenchSuite();
const pane = (page: Page) => page.locator("#root");
const panel = (page: Page) => pane(page).locator('[role="tabpanel"]:not([hidden])');

async function select(page: Page, range: string): Promise<void> {
  await page.fill(".wb-name", range);
  await page.press(".wb-name", "Enter");
}

/** The crowd names of the GTA editor's rows, in order. */
async function crowdNames(page: Page): Promise<string[]> {
  return panel(page).getByRole("textbox", { name: /^Crowd$|^人群$/ }).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
}

describe("CLUSTER profile → GTA crowds", () => {
  it("seeds the preset with the profile's clusters and adds them per stage (en)", async () => {
    const { page } = await suite.open();
    await showSheet(page, "Segments");
    // The profile spills from K2: its header row, then one row per cluster (6 in the sample).
    await expect.poll(async () => (await values(page, "K2:K8")).map((r) => r[0]), { timeout: 20_000 }).toEqual(["cluster", 1, 2, 3, 4, 5, 6]);
    await select(page, "K2:K8");
    await panel(page).getByRole("button", { name: "Use selection", exact: true }).click();
    await expect.poll(() => pane(page).textContent()).toContain("Read 6 clusters from Segments!K2:K8");
    const preset = panel(page).getByRole("group", { name: "Strategy crowds × stages" });
    const crowds = preset.getByRole("group", { name: "Crowds from DTC.CLUSTER" });
    expect(await crowds.getByRole("checkbox").count()).toBe(6);
    // Keep stages A and I, drop cluster 6.
    await preset.getByRole("checkbox", { name: "P", exact: true }).uncheck();
    await preset.getByRole("checkbox", { name: "L", exact: true }).uncheck();
    await crowds.getByRole("checkbox", { name: "Cluster 6" }).uncheck();
    await preset.getByRole("button", { name: "Add 10 rows" }).click();
    const names = await crowdNames(page);
    expect(names).toEqual([1, 2, 3, 4, 5, 1, 2, 3, 4, 5].map((n) => `Cluster ${n}`));

    // The labels column (one cluster per segment) works too; "Use the eight strategy crowds" goes back.
    await select(page, "I1:I121");
    await panel(page).getByRole("button", { name: "Use selection", exact: true }).click();
    await expect.poll(() => pane(page).textContent()).toContain("Read 6 clusters from Segments!I1:I121");
    await preset.getByRole("button", { name: "Use the eight strategy crowds instead" }).click();
    expect(await preset.getByRole("group", { name: "Strategy crowds" }).getByRole("checkbox").count()).toBe(8);
  });

  it("names the clusters in Chinese", async () => {
    const { page } = await suite.open("?lang=zh-CN");
    await showSheet(page, "Segments");
    await expect.poll(async () => (await values(page, "K3:K3"))[0][0], { timeout: 20_000 }).toBe(1);
    await select(page, "K3:K8");
    await panel(page).getByRole("button", { name: "使用所选区域", exact: true }).click();
    await expect.poll(() => pane(page).textContent()).toContain("已从 Segments!K3:K8 读取 6 个聚类");
    const crowds = panel(page).getByRole("group", { name: "DTC.CLUSTER 聚类人群" });
    expect(await crowds.getByRole("checkbox").count()).toBe(6);
    expect(await crowds.textContent()).toContain("聚类人群 1");
  });
});
