#!/usr/bin/env node
/*
 * `npm start`: build the add-in and the workbench (webpack, development mode, rebuilt on every
 * change) into dist-dev/, its own git-ignored folder (the production dist/ of `npm run build` is
 * never touched), and serve that folder on port 3000, over https with the office-addin-dev-certs
 * certificate when one can be had, over plain http otherwise (it says which). The manifest it
 * builds and serves points at https://localhost:<the port it serves on>/. Then print how to
 * sideload into Excel and where the workbench (the add-in without Excel) is. Opens no
 * application: it works on a machine without Excel or a desktop.
 *
 * Not webpack-dev-server (removed, with webpack.config.js's unused devServer block): the build
 * must be on disk in dist-dev/ (sideloading, office-addin-debugging and the tests read it),
 * staticHandler is also the server of the workbench tests and screenshots (no webpack there),
 * and the port-following manifest, the http fallback and --no-build would all sit around it
 * anyway.
 *
 * Options: see USAGE.
 */
import { X509Certificate } from "node:crypto";
import { createReadStream, existsSync, readFileSync, rmSync, statSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const USAGE = `Usage: node scripts/start.mjs [--no-build] [--no-watch] [--http] [--dist DIR] [--port N]
  --no-build   serve DIR as it is (no webpack)
  --no-watch   build once, then serve (default: rebuild on every change)
  --http       plain http even when a certificate can be had
  --dist DIR   the folder to build into and serve (default: dist-dev/; never dist/ unless given)
  --port N     the port (default: $PORT, else 3000; 0 = any free port); the served manifest.xml
               points at https://localhost:N/`;

/** The development build's own folder (git-ignored), apart from the production dist/. */
export const DEV_DIST = path.join(ROOT, "dist-dev");
/** The add-in's default port: package.json config.dev_server_port, which office-addin-debugging checks. */
const DEFAULT_PORT = 3000;

export const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".jpg": "image/jpeg",
  ".gif": "image/gif",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".wasm": "application/wasm",
};

/** A path relative to the working folder when it lies inside it, else absolute. */
function shortPath(p) {
  const r = path.relative(process.cwd(), p);
  return r && !r.startsWith("..") && !path.isAbsolute(r) ? r : p;
}

function parseArgs(argv) {
  const o = { build: true, watch: true, http: false, dist: DEV_DIST, port: process.env.PORT || String(DEFAULT_PORT) };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--no-build") o.build = false;
    else if (a === "--no-watch") o.watch = false;
    else if (a === "--http") o.http = true;
    else if (a === "--dist") o.dist = path.resolve(argv[++i] ?? "");
    else if (a === "--port") o.port = argv[++i];
    else if (a === "--help" || a === "-h") o.help = true;
    else throw new Error(`unknown option ${a} (try --help)`);
  }
  const port = Number(o.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`the port must be a whole number 0-65535, got "${o.port}"`);
  return { ...o, port };
}

// ---------------------------------------------------------------------------------------------
// Build
// ---------------------------------------------------------------------------------------------

/**
 * Build with webpack (development) into `dist`, the manifest's URLs pointing at `addinUrl`.
 * Resolves after the first build; with `watch`, keeps rebuilding.
 */
async function build(dist, watch, addinUrl) {
  const webpack = require("webpack");
  const config = require(path.join(ROOT, "webpack.config.js"))({ addinUrl }, { mode: "development" });
  config.mode = "development";
  config.output = { ...config.output, path: dist };
  // The workbench page (webpack.workbench.js) builds after the add-in, into the same folder.
  config.name = config.name ?? "addin";
  const workbench = require(path.join(ROOT, "webpack.workbench.js"))({}, { mode: "development" });
  workbench.output = { ...workbench.output, path: dist };
  workbench.dependencies = [config.name];
  const compiler = webpack([config, workbench]);
  const report = (stats) => {
    const info = stats.toJson({ all: false, errors: true, warnings: true, timings: true });
    for (const e of info.errors ?? []) console.error(`build error: ${e.message}`);
    for (const w of info.warnings ?? []) console.warn(`build warning: ${w.message}`);
    return !stats.hasErrors();
  };
  const t0 = Date.now();
  if (!watch) {
    const stats = await new Promise((resolve, reject) => compiler.run((err, s) => (err ? reject(err) : resolve(s))));
    await new Promise((resolve) => compiler.close(resolve));
    if (!report(stats)) throw new Error("the build failed");
    console.log(`built ${shortPath(dist)} (development) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return null;
  }
  let first = true;
  return new Promise((resolve, reject) => {
    const watching = compiler.watch({ aggregateTimeout: 300 }, (err, stats) => {
      if (err) {
        if (first) reject(err);
        else console.error(`build error: ${err.message}`);
        return;
      }
      const ok = report(stats);
      if (first) {
        first = false;
        if (!ok) {
          watching.close(() => reject(new Error("the build failed")));
          return;
        }
        console.log(`built ${shortPath(dist)} (development) in ${((Date.now() - t0) / 1000).toFixed(1)} s; rebuilding on changes`);
        resolve(watching);
      } else console.log(`${new Date().toLocaleTimeString()} rebuilt${ok ? "" : " with errors"}`);
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Certificate
// ---------------------------------------------------------------------------------------------

/**
 * The localhost certificate of office-addin-dev-certs: reuse a valid one, else generate one
 * (and, in an interactive terminal, try to trust its CA, which needs sudo on Linux).
 * Returns { key, cert, ca, notes } or { error } when no certificate can be had.
 */
async function certificate() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { ca: path.join(dir, "ca.crt"), cert: path.join(dir, "localhost.crt"), key: path.join(dir, "localhost.key") };
  const notes = [];
  let trusted = false;
  const usable = () => {
    if (!Object.values(files).every((f) => existsSync(f))) return false;
    try {
      const x = new X509Certificate(readFileSync(files.cert));
      return Date.parse(x.validTo) > Date.now() + 3600_000 && x.checkHost("localhost") !== undefined;
    } catch {
      return false;
    }
  };
  try {
    if (!usable()) {
      const certs = require("office-addin-dev-certs");
      // The library writes only when ca.crt is absent: remove an expired or partial set first.
      for (const f of Object.values(files)) rmSync(f, { force: true });
      await certs.generateCertificates();
      notes.push(`generated a development certificate in ${dir}`);
      if (process.stdin.isTTY && !process.env.CI) {
        try {
          await certs.installCaCertificate();
          trusted = true;
          notes.push("its CA is now trusted by this machine");
        } catch (e) {
          notes.push(`could not trust its CA (${String(e.message).split("\n")[0].trim()}); serving with it anyway`);
        }
      } else notes.push("its CA was not installed (not an interactive terminal); serving with it anyway");

      if (!usable()) throw new Error(`no usable certificate in ${dir} after generating one`);
    }
    return { key: readFileSync(files.key), cert: readFileSync(files.cert), notes, files, trusted };
  } catch (e) {
    return { error: String(e.message).split("\n")[0] };
  }
}

// ---------------------------------------------------------------------------------------------
// Static server
// ---------------------------------------------------------------------------------------------

/** The add-in's own localhost URLs in a manifest (any port, http or https). */
const LOCAL_URL = /\bhttps?:\/\/localhost(?::\d+)?\//g;

/** A manifest's text with its localhost URLs moved to `base` (other hosts are left alone). */
export function manifestFor(text, base) {
  return text.replace(LOCAL_URL, base);
}

/**
 * The request handler: GET/HEAD of files under `dist`, with their MIME type, never cached.
 * With `manifestUrl`, /manifest.xml is served with its localhost URLs pointing there (so a
 * prebuilt folder served on another port still gives a manifest of this server).
 */
export function staticHandler(dist, { manifestUrl } = {}) {
  const root = path.resolve(dist);
  return (req, res) => {
    const headers = { "Access-Control-Allow-Origin": "*", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };
    if (req.method === "OPTIONS") {
      res.writeHead(204, { ...headers, "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS", "Access-Control-Allow-Headers": "*" });
      return res.end();
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { ...headers, Allow: "GET, HEAD, OPTIONS" });
      return res.end();
    }
    let rel;
    try {
      rel = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
    } catch {
      res.writeHead(400, headers);
      return res.end("bad request\n");
    }
    if (rel === "/") {
      const home = ["index.html", "workbench.html", "taskpane.html"].find((f) => existsSync(path.join(root, f)));
      if (home) {
        res.writeHead(302, { ...headers, Location: `/${home}` });
        return res.end();
      }
    }
    const file = path.resolve(root, "." + rel);
    if (rel.includes("\0") || (file !== root && !file.startsWith(root + path.sep))) {
      res.writeHead(403, headers);
      return res.end("forbidden\n");
    }
    let stat;
    try {
      stat = statSync(file);
    } catch {
      stat = null;
    }
    if (!stat || !stat.isFile()) {
      res.writeHead(404, { ...headers, "Content-Type": "text/plain; charset=utf-8" });
      return res.end(`not found: ${rel}\n`);
    }
    const type = MIME[path.extname(file).toLowerCase()] ?? "application/octet-stream";
    if (manifestUrl && file === path.join(root, "manifest.xml")) {
      const body = Buffer.from(manifestFor(readFileSync(file, "utf8"), manifestUrl), "utf8");
      res.writeHead(200, { ...headers, "Content-Type": type, "Content-Length": body.length });
      return res.end(req.method === "HEAD" ? undefined : body);
    }
    res.writeHead(200, { ...headers, "Content-Type": type, "Content-Length": stat.size });
    if (req.method === "HEAD") return res.end();
    createReadStream(file).pipe(res);
  };
}

/** Listen on the loopback addresses (IPv4, and IPv6 where the machine has it). */
async function listen(make, port) {
  const listenOn = (server, host, p) =>
    new Promise((resolve, reject) => {
      server.once("error", reject);
      server.listen(p, host, () => {
        server.off("error", reject);
        resolve(server.address().port);
      });
    });
  const v4 = make();
  const actual = await listenOn(v4, "127.0.0.1", port);
  const servers = [v4];
  const v6 = make();
  try {
    await listenOn(v6, "::1", actual);
    servers.push(v6);
  } catch {
    /* no IPv6 loopback here */
  }
  return { port: actual, servers };
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

async function main() {
  let o;
  try {
    o = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`start: ${e.message}`);
    process.exit(2);
  }
  if (o.help) {
    console.log(USAGE);
    return;
  }
  if (!o.build && !existsSync(path.join(o.dist, "taskpane.html"))) {
    const how = o.dist === DEV_DIST ? "npm run build:dev" : `npx webpack --mode development --output-path ${shortPath(o.dist)}`;
    console.error(`start: ${shortPath(o.dist)} has no taskpane.html; build it first (${how}) or drop --no-build`);
    process.exit(1);
  }

  // Listen first: the port is then known (also for --port 0) before the manifest is built for it.
  const cert = o.http ? { error: "--http was given" } : await certificate();
  const secure = !cert.error;
  let port = o.port;
  const manifestUrl = () => `https://localhost:${port}/`;
  const handler = (req, res) => staticHandler(o.dist, { manifestUrl: manifestUrl() })(req, res);
  const make = () => (secure ? https.createServer({ key: cert.key, cert: cert.cert }, handler) : http.createServer(handler));
  let bound;
  try {
    bound = await listen(make, o.port);
  } catch (e) {
    const why = e.code === "EADDRINUSE" ? `port ${o.port} is in use (another npm start?); set PORT or --port to use another one` : e.message;
    console.error(`start: ${why}`);
    process.exit(1);
  }
  port = bound.port;
  const closeServers = () => {
    for (const s of bound.servers) {
      s.close();
      s.closeAllConnections?.();
    }
  };

  let watching = null;
  if (o.build) {
    try {
      watching = await build(o.dist, o.watch, manifestUrl());
    } catch (e) {
      console.error(`start: ${e.message}`);
      closeServers();
      process.exit(1);
    }
  }

  const base = `${secure ? "https" : "http"}://localhost:${port}/`;
  const shown = shortPath(o.dist);
  const has = (f) => existsSync(path.join(o.dist, f));
  // The manifest file to sideload: the folder's own when it is what this server serves.
  const file = path.join(o.dist, "manifest.xml");
  const text = has("manifest.xml") ? readFileSync(file, "utf8") : null;
  const fileServed = text !== null && manifestFor(text, manifestUrl()) === text;
  const shownManifest = fileServed ? `${shown}/manifest.xml` : "<the saved manifest.xml>";
  const usual = fileServed && o.dist === DEV_DIST && port === DEFAULT_PORT; // what the npm scripts name
  const debugging = (app) => `npx office-addin-debugging start ${shownManifest} ${app} --dev-server-port ${port}`;
  const lines = [
    `Serving ${shown}/ over ${secure ? "https" : "http"} at ${base}`,
    ...(secure
      ? [`  certificate ${cert.files.cert} (office-addin-dev-certs)`, ...cert.notes.map((n) => `  ${n}`)]
      : [
          `  no https certificate: ${cert.error}`,
          "  Excel loads add-ins only over https, so sideloading needs a certificate; the workbench works over http.",
        ]),
    "",
    `  workbench   ${base}workbench.html${has("workbench.html") ? "" : "  (not in this build yet)"}   the add-in without Excel`,
    `  task pane   ${base}taskpane.html`,
    `  functions   ${base}functions.json, ${base}functions.js`,
    `  manifest    ${base}manifest.xml   (its URLs: ${manifestUrl()})`,
    "",
    "Sideload into Excel (while this server runs):",
    ...(text === null
      ? [`  ${shown}/ has no manifest.xml: nothing to sideload`]
      : [
          ...(fileServed ? [] : [`  ${shown}/manifest.xml names other URLs: save ${base}manifest.xml (it points here) and use that file`]),
          usual
            ? `  Excel desktop   npm run start:desktop   (registers ${shownManifest} and opens Excel; Windows or Mac)`
            : `  Excel desktop   ${debugging("desktop")}   (Windows or Mac)`,
          usual
            ? "  Excel on the web  npm run start:web -- --document <URL of a workbook on OneDrive/SharePoint>,"
            : `  Excel on the web  ${debugging("web")} --document <URL of a workbook on OneDrive/SharePoint>,`,
          `                  or in the workbook: Home > Add-ins > More Add-ins > Upload My Add-in > ${shownManifest}`,
        ]),
    ...(secure && !cert.trusted ? ["  If Excel refuses the certificate, trust its CA once: npx office-addin-dev-certs install"] : []),
    "",
    `Press Ctrl+C to stop.`,
  ];
  console.log(lines.join("\n"));

  const stop = () => {
    closeServers();
    if (watching) watching.close(() => process.exit(0));
    else process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
