/*
 * `npm start` (scripts/start.mjs) on a machine without Excel: it serves a build folder on
 * localhost over https with a freshly generated office-addin-dev-certs certificate (verified
 * here against its own CA, not with verification switched off), falls back to http when no
 * certificate can be made and says so, serves the right MIME types, and stops on SIGTERM.
 * Its development build goes to its own dist-dev/ (never the production dist/), and the manifest
 * it serves points at the port it serves on; its messages name the folder it serves.
 * HOME points into a temp folder, so the developer's real certificates are never touched.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const SCRIPT = path.join(ROOT, "scripts/start.mjs");
let tmp = "";
let site = "";
const TASKPANE = "<!doctype html><title>fixture pane</title><p>任务窗格</p>\n";
const FUNCTIONS = JSON.stringify({ functions: [{ id: "FIXTURE", name: "FIXTURE", description: "d", parameters: [] }] });
const children: ChildProcess[] = [];

beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), "dtc-start-"));
  site = path.join(tmp, "site");
  mkdirSync(path.join(site, "assets"), { recursive: true });
  writeFileSync(path.join(site, "taskpane.html"), TASKPANE);
  writeFileSync(path.join(site, "functions.json"), FUNCTIONS);
  writeFileSync(path.join(site, "functions.js"), "CustomFunctions.associate('FIXTURE', () => 1);\n");
  copyFileSync(path.join(ROOT, "assets/icon-16.png"), path.join(site, "assets/icon-16.png"));
});
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
  rmSync(tmp, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

interface Server {
  child: ChildProcess;
  base: string;
  output: () => string;
  stop: () => Promise<number | null>;
}
/** Start scripts/start.mjs and wait for its "Serving ... at URL" line. */
async function start(args: string[], env: Record<string, string>, timeoutMs = 60_000): Promise<Server> {
  const child = spawn(process.execPath, [SCRIPT, ...args], {
    cwd: ROOT,
    env: { ...process.env, CI: "true", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "Serving" line in ${timeoutMs} ms:\n${out}`)), timeoutMs);
    const check = (): void => {
      const m = /^Serving .* at (https?:\/\/localhost:\d+\/)$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout!.on("data", check);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`start.mjs exited with ${code}:\n${out}`));
    });
  });
  const stop = (): Promise<number | null> =>
    new Promise((resolve) => {
      child.removeAllListeners("exit");
      child.on("exit", (code) => resolve(code));
      child.kill("SIGTERM");
    });
  return { child, base, output: () => out, stop };
}

/** Every URL of a served manifest is https://localhost:<port>/..., and there are some. */
function expectManifestFor(xml: string, port: number): void {
  const urls = [...xml.matchAll(/\b(?:DefaultValue|Value)="(https?:\/\/[^"]*)"/g)].map((m) => m[1]);
  expect(urls.length).toBeGreaterThan(5);
  for (const u of urls) expect(u.startsWith(`https://localhost:${port}/`), u).toBe(true);
}

/** Each file under `dir` with its size and modification time (null when `dir` does not exist). */
function snapshot(dir: string): Record<string, string> | null {
  if (!existsSync(dir)) return null;
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        const st = statSync(p);
        out[path.relative(dir, p)] = `${st.size}:${st.mtimeMs}`;
      }
    }
  };
  walk(dir);
  return out;
}

interface Got {
  status: number;
  type: string;
  body: Buffer;
}
function get(url: string, ca?: Buffer): Promise<Got> {
  return new Promise((resolve, reject) => {
    const lib = url.startsWith("https:") ? https : http;
    const req = lib.get(url, ca ? { ca } : {}, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"]), body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
  });
}

describe("npm start", () => {
  it("serves a prebuilt folder over https with a generated localhost certificate", async () => {
    const home = path.join(tmp, "home-https");
    mkdirSync(home);
    const port = await freePort();
    const s = await start(["--no-build", "--dist", site], { HOME: home, PORT: String(port) });
    expect(s.base).toBe(`https://localhost:${port}/`);
    const ca = readFileSync(path.join(home, ".office-addin-dev-certs/ca.crt"));

    const pane = await get(`${s.base}taskpane.html`, ca);
    expect(pane.status).toBe(200);
    expect(pane.type).toBe("text/html; charset=utf-8");
    expect(pane.body.toString("utf8")).toBe(TASKPANE);
    const meta = await get(`${s.base}functions.json`, ca);
    expect(meta.type).toBe("application/json; charset=utf-8");
    expect(JSON.parse(meta.body.toString("utf8"))).toEqual(JSON.parse(FUNCTIONS));
    expect((await get(`${s.base}functions.js`, ca)).type).toBe("text/javascript; charset=utf-8");
    const icon = await get(`${s.base}assets/icon-16.png`, ca);
    expect(icon.type).toBe("image/png");
    expect(icon.body.equals(readFileSync(path.join(ROOT, "assets/icon-16.png")))).toBe(true);
    expect((await get(`${s.base}missing.js`, ca)).status).toBe(404);
    expect((await get(`${s.base}..%2f..%2fpackage.json`, ca)).status).toBe(403);
    // Without the CA the certificate is not trusted: the server really is https, not http.
    await expect(get(`${s.base}taskpane.html`)).rejects.toThrow(/self[- ]signed|unable to verify|certificate/i);

    const out = s.output();
    expect(out).toContain(`${s.base}workbench.html`);
    expect(out).toContain(`Serving ${site}/ over https`);
    expect(out).toContain(`${site}/ has no manifest.xml: nothing to sideload`);
    expect(out).toMatch(/not installed/);
    expect(await s.stop()).toBe(0);
  });

  it("falls back to http when no certificate can be made, and says so", async () => {
    const notADir = path.join(tmp, "home-file");
    writeFileSync(notADir, "a file where the home folder should be");
    const port = await freePort();
    const s = await start(["--no-build", "--dist", site, "--port", String(port)], { HOME: path.join(notADir, "home") });
    expect(s.base).toBe(`http://localhost:${port}/`);
    expect(s.output()).toMatch(/no https certificate: .+/);
    const pane = await get(`${s.base}taskpane.html`);
    expect(pane.status).toBe(200);
    expect(pane.body.toString("utf8")).toBe(TASKPANE);
    expect(await s.stop()).toBe(0);
  });

  it("builds (development) before serving unless --no-build; the manifest follows --port", async () => {
    const dist = path.join(tmp, "built");
    const port = await freePort();
    const s = await start(["--no-watch", "--http", "--dist", dist, "--port", String(port)], {}, 120_000);
    const out = s.output();
    expect(out).toContain(`built ${dist} (development)`);
    expect(out).toContain(`Serving ${dist}/ over http at http://localhost:${port}/`);
    const meta = JSON.parse((await get(`${s.base}functions.json`)).body.toString("utf8"));
    expect(meta.functions.map((f: { id: string }) => f.id)).toContain("AIPL");
    const manifest = await get(`${s.base}manifest.xml`);
    expect(manifest.type).toBe("application/xml; charset=utf-8");
    const xml = manifest.body.toString("utf8");
    expect(xml).toContain("<Namespace resid=\"Functions.Namespace\"/>");
    expectManifestFor(xml, port);
    // The file on disk is the one served, and the sideload lines name it, with this port.
    expect(readFileSync(path.join(dist, "manifest.xml"), "utf8")).toBe(xml);
    expect(out).toContain(`office-addin-debugging start ${dist}/manifest.xml desktop --dev-server-port ${port}`);
    expect(out).toContain(`Upload My Add-in > ${dist}/manifest.xml`);
    expect(existsSync(path.join(dist, "workbench.html"))).toBe(true);
    expect(await s.stop()).toBe(0);
  }, 150_000);

  it("builds into dist-dev/ and never touches dist/; PORT sets the manifest's port", async () => {
    const before = snapshot(path.join(ROOT, "dist"));
    const port = await freePort();
    const s = await start(["--no-watch", "--http"], { PORT: String(port) }, 120_000);
    const out = s.output();
    expect(s.base).toBe(`http://localhost:${port}/`);
    expect(out).toContain("built dist-dev (development)");
    expect(out).toContain(`Serving dist-dev/ over http at ${s.base}`);
    expect(out).toContain(`office-addin-debugging start dist-dev/manifest.xml desktop --dev-server-port ${port}`);
    expect(out).toContain("Upload My Add-in > dist-dev/manifest.xml");
    expect(out).not.toMatch(/(^|[\s>(])dist\//m); // no message names the production folder
    const xml = (await get(`${s.base}manifest.xml`)).body.toString("utf8");
    expectManifestFor(xml, port);
    // This build went to dist-dev/ (its manifest names the fresh port), the workbench with it;
    // dist/ is exactly as it was. (Webpack leaves unchanged files alone, so no mtimes here.)
    expect(readFileSync(path.join(ROOT, "dist-dev", "manifest.xml"), "utf8")).toBe(xml);
    for (const f of ["functions.js", "functions.json", "taskpane.html", "workbench.html", "hyperformula.full.min.js"])
      expect(existsSync(path.join(ROOT, "dist-dev", f)), f).toBe(true);
    expect(snapshot(path.join(ROOT, "dist"))).toEqual(before);
    expect(await s.stop()).toBe(0);
  }, 150_000);

  it("serves a prebuilt folder's manifest with the port it serves on (--no-build)", async () => {
    const dir = path.join(tmp, "prebuilt");
    mkdirSync(dir);
    writeFileSync(path.join(dir, "taskpane.html"), TASKPANE);
    const source = readFileSync(path.join(ROOT, "manifest.xml"), "utf8"); // https://localhost:3000/ URLs
    writeFileSync(path.join(dir, "manifest.xml"), source);
    const port = await freePort();
    const s = await start(["--no-build", "--http", "--dist", dir, "--port", String(port)], {});
    const xml = (await get(`${s.base}manifest.xml`)).body.toString("utf8");
    expectManifestFor(xml, port);
    expect(xml).toBe(source.split("https://localhost:3000/").join(`https://localhost:${port}/`));
    expect(readFileSync(path.join(dir, "manifest.xml"), "utf8")).toBe(source); // the file is left as it is
    expect(s.output()).toContain(`${dir}/manifest.xml names other URLs: save ${s.base}manifest.xml`);
    expect(await s.stop()).toBe(0);
  });

  it("refuses a port that is taken, with a clear message", async () => {
    const blocker = net.createServer();
    const port = await new Promise<number>((resolve) => blocker.listen(0, "127.0.0.1", () => resolve((blocker.address() as net.AddressInfo).port)));
    try {
      const child = spawn(process.execPath, [SCRIPT, "--no-build", "--http", "--dist", site, "--port", String(port)], { stdio: ["ignore", "pipe", "pipe"] });
      children.push(child);
      let err = "";
      child.stderr.on("data", (d) => (err += d));
      const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
      expect(code).toBe(1);
      expect(err).toContain(`port ${port} is in use`);
    } finally {
      blocker.close();
    }
  });
});
