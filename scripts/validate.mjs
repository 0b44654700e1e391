#!/usr/bin/env node
/*
 * `npm run validate`: OFFLINE checks of the add-in manifest and the custom-functions metadata.
 * (`npm run validate:online` posts the manifest to Microsoft's service; it needs a network.)
 *
 * Usage: node scripts/validate.mjs [PATH...]
 *   no PATH      the build folder: $DTC_DIST or dist/ (manifest.xml, functions.json,
 *                functions.zh-CN.json); without a build, the source manifest.xml
 *   a folder     the same three files inside it, plus: every URL of the manifest that points
 *                into the add-in's own base URL names a file of that folder, icons have their size
 *   FILE.xml     a manifest;  FILE.zh-CN.json  localized metadata;  FILE.json  metadata
 *
 * Prints one line per problem ("file:line: message", "file:line:column: message" for XML syntax)
 * and exits 1, or prints a summary and exits 0.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

// ---------------------------------------------------------------------------------------------
// XML: fast-xml-parser checks well-formedness (XMLValidator) and builds the tree (XMLParser)
// ---------------------------------------------------------------------------------------------

const XML_ENTITIES = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
const PARSER = new XMLParser({
  preserveOrder: true, // element order is a manifest rule
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  htmlEntities: XML_ENTITIES, // the five XML entities and character references, nothing else
  captureMetaData: true, // startIndex of every element, for line numbers
  ignoreDeclaration: true,
  ignorePiTags: true,
});
const META = XMLParser.getMetaDataSymbol();

/**
 * Parse a manifest into { name, attrs, children, text, line } nodes (the root element), or
 * return { error: { line, column, message } } for XML that is not well-formed.
 */
export function parseXml(source) {
  const s = source.replace(/^\uFEFF/, "");
  const lineAt = (i) => s.slice(0, i).split("\n").length;
  const fail = (message, i) => ({ error: { line: lineAt(i), column: i - s.lastIndexOf("\n", i - 1), message } });
  const checked = XMLValidator.validate(s);
  if (checked !== true) return { error: { line: checked.err.line, column: checked.err.col, message: checked.err.msg } };
  // What XMLValidator lets through: a DOCTYPE (whose entities the parser would expand), entity
  // names other than XML's five, and character references to characters XML does not allow.
  const markup = s.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g, (m) => m.replace(/[^\n]/g, " "));
  const doctype = markup.search(/<!DOCTYPE/i);
  if (doctype >= 0) return fail("a manifest has no DOCTYPE", doctype);
  for (const m of markup.matchAll(/&(#x[0-9a-fA-F]+|#[0-9]+|[^;\s]*);/g)) {
    const code = m[1][0] !== "#" ? null : m[1][1] === "x" ? parseInt(m[1].slice(2), 16) : Number(m[1].slice(1));
    if (code === null && !Object.hasOwn(XML_ENTITIES, m[1])) return fail(`unknown entity &${m[1]};`, m.index);
    if (code !== null && !(code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0x10ffff)))
      return fail(`invalid character reference &${m[1]};`, m.index);
  }
  const toNode = (entry) => {
    const name = Object.keys(entry).find((k) => k !== ":@");
    const node = { name, attrs: entry[":@"] ?? {}, children: [], text: "", line: lineAt(entry[META].startIndex) };
    for (const c of entry[name]) {
      if ("#text" in c) node.text += c["#text"];
      else node.children.push(toNode(c));
    }
    return node;
  };
  const roots = PARSER.parse(s).filter((e) => !("#text" in e));
  if (roots.length > 1) return fail("a second root element", roots[1][META].startIndex);
  return { root: toNode(roots[0]) };
}

// ---------------------------------------------------------------------------------------------
// Manifest
// ---------------------------------------------------------------------------------------------

const local = (n) => n.slice(n.indexOf(":") + 1);
/** Whether requirement-set version `v` ("1.10") is `min` ("1.3") or later, part by part; false when malformed. */
const atLeast = (v, min) => {
  if (!/^\d+(\.\d+)*$/.test(String(v))) return false;
  const a = String(v).split(".").map(Number);
  const b = min.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  return true;
};
const kids = (node, n) => (node ? node.children.filter((c) => local(c.name) === n) : []);
const kid = (node, n) => kids(node, n)[0];
function* walk(node, parents = []) {
  yield [node, parents];
  for (const c of node.children) yield* walk(c, [...parents, node]);
}

/** Children of a TaskPaneApp <OfficeApp>, in the order of the schema; `true` = required here. */
const OFFICEAPP_ORDER = [
  ["Id", true],
  ["AlternateId", false],
  ["Version", true],
  ["ProviderName", true],
  ["DefaultLocale", true],
  ["DisplayName", true],
  ["Description", true],
  ["IconUrl", true],
  ["HighResolutionIconUrl", true],
  ["SupportUrl", true],
  ["AppDomains", false],
  ["Hosts", true],
  ["Requirements", true],
  ["DefaultSettings", true],
  ["Permissions", true],
  ["AllowSnapshot", false],
  ["Dictionary", false],
  ["VersionOverrides", true],
  ["ExtendedOverrides", false],
];
const PERMISSIONS = ["Restricted", "ReadDocument", "ReadAllDocument", "WriteDocument", "ReadWriteDocument"];
const RESOURCE_KINDS = { Images: "image", Urls: "url", ShortStrings: "short string", LongStrings: "long string" };
/** Which resource kind a `resid` on an element (by local name) must refer to. */
const RESID_KIND = {
  Image: "image",
  SourceLocation: "url",
  FunctionFile: "url",
  LearnMoreUrl: "url",
  Runtime: "url",
  Label: "short string",
  Title: "short string",
  Namespace: "short string",
  Description: "long string",
};
const MAX_LENGTH = { "short string": 125, "long string": 250 };
/** Elements whose DefaultValue (and Override Values) must be an absolute https URL. */
const URL_ELEMENTS = new Set(["IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation", "Image", "Url"]);

/** PNG width and height from the IHDR chunk, or null when the file is not a PNG. */
function pngSize(file) {
  const b = readFileSync(file);
  if (b.length < 24 || b.toString("latin1", 1, 4) !== "PNG" || b.toString("latin1", 12, 16) !== "IHDR") return null;
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

/**
 * Check a manifest. `options.dir`: the build folder, to check that the add-in's own URLs name
 * files in it. `options.namespace`: the expected custom-functions namespace (default DTC).
 * Returns a list of { line, message }.
 */
export function checkManifest(text, options = {}) {
  const problems = [];
  const add = (line, message) => problems.push({ line, message });
  const { root, error } = parseXml(text);
  if (error) return [{ line: error.line, column: error.column, message: `not well-formed XML: ${error.message}` }];
  if (root.name !== "OfficeApp") return [{ line: root.line, message: `the root element is <${root.name}>, expected <OfficeApp>` }];
  if (root.attrs.xmlns !== "http://schemas.microsoft.com/office/appforoffice/1.1")
    add(root.line, `<OfficeApp> must have xmlns="http://schemas.microsoft.com/office/appforoffice/1.1"`);
  if (root.attrs["xsi:type"] !== "TaskPaneApp") add(root.line, `<OfficeApp> must have xsi:type="TaskPaneApp" (Excel)`);

  // Required elements, in schema order.
  const order = OFFICEAPP_ORDER.map(([n]) => n);
  let last = -1;
  const seen = new Set();
  for (const c of root.children) {
    const at = order.indexOf(c.name);
    if (at < 0) {
      add(c.line, `<${c.name}> is not allowed in <OfficeApp>`);
      continue;
    }
    if (seen.has(c.name)) add(c.line, `<${c.name}> appears twice`);
    else if (at < last) add(c.line, `<${c.name}> must come before <${order[last]}> (schema order: ${order.join(", ")})`);
    seen.add(c.name);
    last = Math.max(last, at);
  }
  for (const [n, required] of OFFICEAPP_ORDER) if (required && !seen.has(n)) add(root.line, `missing <${n}> in <OfficeApp>`);

  const top = (n) => kid(root, n);
  const id = top("Id");
  if (id && !/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(id.text.trim()))
    add(id.line, `<Id> must be a GUID, got "${id.text.trim()}"`);
  const version = top("Version");
  if (version && !/^\d{1,5}(\.\d{1,5}){0,3}$/.test(version.text.trim())) add(version.line, `<Version> must be like 1.0.0.0, got "${version.text.trim()}"`);
  for (const n of ["ProviderName", "DefaultLocale"]) {
    const e = top(n);
    if (e && !e.text.trim()) add(e.line, `<${n}> is empty`);
  }
  for (const n of ["DisplayName", "Description", "IconUrl", "HighResolutionIconUrl", "SupportUrl"]) {
    const e = top(n);
    if (e && !(e.attrs.DefaultValue ?? "").trim()) add(e.line, `<${n}> needs a non-empty DefaultValue`);
  }
  const displayName = top("DisplayName");
  if (displayName && (displayName.attrs.DefaultValue ?? "").length > 125) add(displayName.line, "<DisplayName> is longer than 125 characters");
  const permissions = top("Permissions");
  if (permissions && !PERMISSIONS.includes(permissions.text.trim()))
    add(permissions.line, `<Permissions> must be one of ${PERMISSIONS.join(", ")}, got "${permissions.text.trim()}"`);
  const hosts = kids(top("Hosts"), "Host");
  if (top("Hosts") && !hosts.some((h) => h.attrs.Name === "Workbook")) add(top("Hosts").line, `<Hosts> must contain <Host Name="Workbook"/> (Excel)`);

  // Resources: every id once, every resid defined, of the right kind, within length limits.
  const overrides = top("VersionOverrides");
  const resources = kid(overrides, "Resources");
  const defined = new Map(); // id -> { kind, value, node }
  if (overrides && !resources) add(overrides.line, "missing <Resources> in <VersionOverrides>");
  for (const group of resources ? resources.children : []) {
    const kind = RESOURCE_KINDS[local(group.name)];
    if (!kind) {
      add(group.line, `<${group.name}> is not a resource group (bt:Images, bt:Urls, bt:ShortStrings, bt:LongStrings)`);
      continue;
    }
    for (const r of group.children) {
      const rid = r.attrs.id;
      if (!rid) {
        add(r.line, `<${r.name}> in <${group.name}> has no id`);
        continue;
      }
      if (rid.length > 32) add(r.line, `resource id "${rid}" is longer than 32 characters`);
      if (defined.has(rid)) add(r.line, `resource id "${rid}" is defined twice (also line ${defined.get(rid).node.line})`);
      else defined.set(rid, { kind, value: r.attrs.DefaultValue ?? "", node: r });
      if (!(r.attrs.DefaultValue ?? "").trim()) add(r.line, `resource "${rid}" has no DefaultValue`);
      const max = MAX_LENGTH[kind];
      for (const v of [r.attrs.DefaultValue ?? "", ...kids(r, "Override").map((o) => o.attrs.Value ?? "")])
        if (max && v.length > max) add(r.line, `resource "${rid}": a ${kind} may have at most ${max} characters, got ${v.length}`);
    }
  }
  for (const [node] of walk(root)) {
    const rid = node.attrs.resid;
    if (rid === undefined) continue;
    const def = defined.get(rid);
    if (!def) {
      add(node.line, `resid "${rid}" of <${node.name}> is not defined in <Resources>`);
      continue;
    }
    const want = RESID_KIND[local(node.name)];
    if (want && def.kind !== want) add(node.line, `resid "${rid}" of <${node.name}> must name a ${want}, but it is a ${def.kind}`);
  }
  const url = (rid) => defined.get(rid)?.value;

  // URLs: the URL-bearing elements hold absolute https URLs; no http:// anywhere.
  const urls = []; // { url, node (the element or its Override), owner (the URL element) }
  for (const [node, parents] of walk(root)) {
    const ln = local(node.name);
    const owner = ln === "Override" ? parents[parents.length - 1] : node;
    if (URL_ELEMENTS.has(local(owner.name))) {
      const v = ln === "Override" ? node.attrs.Value : node.attrs.DefaultValue;
      if (v !== undefined) {
        urls.push({ url: v, node, owner });
        let parsed = null;
        try {
          parsed = new URL(v);
        } catch {
          /* reported below */
        }
        if (!parsed || parsed.protocol !== "https:") add(node.line, `<${node.name}> must hold an absolute https URL, got "${v}"`);
      }
    }
    if (ln === "AppDomain" && !/^https:\/\/[^\s/]+/.test(node.text.trim())) add(node.line, `<AppDomain> must be an https origin, got "${node.text.trim()}"`);
    for (const [a, v] of Object.entries(node.attrs))
      if (!a.startsWith("xmlns") && /^\s*http:\/\//i.test(v) && !URL_ELEMENTS.has(local(owner.name)))
        add(node.line, `${a} of <${node.name}> uses http, not https: "${v}"`);
    if (/^\s*http:\/\//i.test(node.text) && ln !== "AppDomain") add(node.line, `<${node.name}> uses http, not https: "${node.text.trim()}"`);
  }

  // Shared runtime: the requirement, one long-lived runtime, and every page of the add-in in it.
  const sets = kids(kid(top("Requirements"), "Sets"), "Set");
  const shared = sets.find((x) => x.attrs.Name === "SharedRuntime");
  if (!shared) add(top("Requirements")?.line ?? root.line, `<Requirements> must contain <Set Name="SharedRuntime" MinVersion="1.1"/>`);
  else if (!(Number(shared.attrs.MinVersion) >= 1.1)) add(shared.line, `SharedRuntime needs MinVersion 1.1 or later, got "${shared.attrs.MinVersion}"`);
  // CustomFunctions.Error and the ErrorCode values the functions return need CustomFunctionsRuntime 1.3.
  const cfr = sets.find((x) => x.attrs.Name === "CustomFunctionsRuntime");
  const cfrVersion = cfr && (cfr.attrs.MinVersion ?? kid(top("Requirements"), "Sets")?.attrs.DefaultMinVersion ?? "1.1");
  if (!cfr) add(top("Requirements")?.line ?? root.line, `<Requirements> must contain <Set Name="CustomFunctionsRuntime" MinVersion="1.3"/> (CustomFunctions.Error and ErrorCode)`);
  else if (!atLeast(cfrVersion, "1.3")) add(cfr.line, `CustomFunctionsRuntime needs MinVersion 1.3 or later (CustomFunctions.Error and ErrorCode), got "${cfrVersion}"`);
  const workbook = kids(kid(overrides, "Hosts"), "Host").find((h) => h.attrs["xsi:type"] === "Workbook");
  if (overrides && !workbook) add(overrides.line, `<VersionOverrides> has no <Host xsi:type="Workbook">`);
  const runtimes = kids(kid(workbook, "Runtimes"), "Runtime");
  if (workbook && runtimes.length !== 1) add(workbook.line, `the Workbook host needs exactly one <Runtime> in <Runtimes> (shared runtime), found ${runtimes.length}`);
  const runtime = runtimes[0];
  if (runtime && runtime.attrs.lifetime !== "long") add(runtime.line, `<Runtime> must have lifetime="long" (shared runtime)`);

  // Custom functions: script, page, metadata, and the namespace.
  const cf = [...walk(root)].map(([n]) => n).find((n) => local(n.name) === "ExtensionPoint" && n.attrs["xsi:type"] === "CustomFunctions");
  if (workbook && !cf) add(workbook.line, `no <ExtensionPoint xsi:type="CustomFunctions">`);
  if (cf) {
    for (const part of ["Script", "Page", "Metadata"])
      if (!kid(kid(cf, part), "SourceLocation")?.attrs.resid) add(cf.line, `the CustomFunctions extension point needs <${part}><SourceLocation resid="..."/></${part}>`);
    const ns = kid(cf, "Namespace");
    const want = options.namespace ?? "DTC";
    if (!ns) add(cf.line, "the CustomFunctions extension point needs a <Namespace resid=...>");
    else if (url(ns.attrs.resid) !== undefined && url(ns.attrs.resid) !== want)
      add(ns.line, `the custom-functions namespace is "${url(ns.attrs.resid)}", expected "${want}"`);
  }
  if (runtime && url(runtime.attrs.resid)) {
    const runtimeUrl = url(runtime.attrs.resid);
    const pages = [...walk(root)]
      .map(([n, parents]) => [n, parents])
      .filter(([n, parents]) => {
        const parent = parents[parents.length - 1];
        return (
          (local(n.name) === "SourceLocation" && parent && local(parent.name) === "Page") ||
          local(n.name) === "FunctionFile" ||
          (local(n.name) === "SourceLocation" && parent && local(parent.name) === "Action" && parent.attrs["xsi:type"] === "ShowTaskpane")
        );
      });
    for (const [n] of pages)
      if (url(n.attrs.resid) !== undefined && url(n.attrs.resid) !== runtimeUrl)
        add(n.line, `<${n.name} resid="${n.attrs.resid}"> must load the shared runtime page ${runtimeUrl}, not ${url(n.attrs.resid)}`);
  }

  // Files of the build: URLs under the add-in's base URL exist; icons have their declared size.
  const base = kid(top("DefaultSettings"), "SourceLocation")?.attrs.DefaultValue;
  const prefix = base && /^https:\/\//.test(base) ? base.slice(0, base.lastIndexOf("/") + 1) : null;
  /** The file of the build folder that an add-in URL names (null for URLs outside the add-in's base). */
  const fileFor = (u) =>
    options.dir && prefix && u.startsWith(prefix)
      ? path.join(options.dir, decodeURIComponent(new URL(u).pathname.slice(new URL(prefix).pathname.length)))
      : null;
  if (options.dir && prefix) {
    /** The pixel size an icon URL must have: bt:Image size, 32 for IconUrl, 64 for the high-resolution icon. */
    const imageSizes = new Map(); // image resource id -> the sizes its uses declare (<bt:Image size resid>)
    for (const [n] of walk(root))
      if (local(n.name) === "Image" && n.attrs.resid && n.attrs.size)
        imageSizes.set(n.attrs.resid, new Set([...(imageSizes.get(n.attrs.resid) ?? []), Number(n.attrs.size)]));
    const sizeOf = (owner) => {
      if (local(owner.name) === "Image") {
        const sizes = [...(imageSizes.get(owner.attrs.id) ?? [])];
        if (sizes.length > 1) add(owner.line, `image "${owner.attrs.id}" is used with sizes ${sizes.join(" and ")}`);
        return sizes[0] ?? null;
      }
      if (owner.name === "IconUrl") return 32;
      if (owner.name === "HighResolutionIconUrl") return 64;
      return null;
    };
    for (const { url: u, node, owner } of urls) {
      const file = fileFor(u);
      if (!file) continue;
      const rel = path.relative(options.dir, file);
      if (!existsSync(file) || !statSync(file).isFile()) {
        add(node.line, `${u} names ${rel}, which is not in ${options.dir}`);
        continue;
      }
      const size = sizeOf(owner);
      if (size && /\.png$/i.test(rel)) {
        const wh = pngSize(file);
        if (!wh) add(node.line, `${rel} is not a PNG image`);
        else if (wh[0] !== size || wh[1] !== size) add(node.line, `${rel} is ${wh[0]}x${wh[1]} px, the manifest needs ${size}x${size}`);
      }
    }
  }
  // Shared runtime in the build: the runtime page itself loads the custom-functions script.
  const scriptRid = cf && kid(kid(cf, "Script"), "SourceLocation")?.attrs.resid;
  const pageUrl = runtime && url(runtime.attrs.resid);
  const page = pageUrl && url(scriptRid) ? fileFor(pageUrl) : null;
  if (page && existsSync(page) && statSync(page).isFile()) {
    const srcs = [...readFileSync(page, "utf8").matchAll(/<script\b[^>]*?\bsrc\s*=\s*["']?([^"'\s>]+)/gi)].map((m) => new URL(m[1], pageUrl).href);
    if (!srcs.includes(url(scriptRid)))
      add(runtime.line, `the shared runtime page ${path.basename(page)} does not load ${url(scriptRid)} (scripts: ${srcs.join(", ") || "none"})`);
  }
  return problems.sort((a, b) => a.line - b.line);
}

// ---------------------------------------------------------------------------------------------
// Custom-functions metadata
// ---------------------------------------------------------------------------------------------

const ID = /^[A-Z0-9._]{3,}$/;
const nonEmpty = (v) => typeof v === "string" && v.trim() !== "";

/**
 * Check functions.json (and, with `english`, a localized copy against it: same ids and
 * parameters, every description present and translated). Returns a list of messages.
 */
export function checkFunctions(text, english) {
  const problems = [];
  let meta;
  try {
    meta = JSON.parse(text);
  } catch (e) {
    return [`not valid JSON: ${e.message}`];
  }
  if (!meta || !Array.isArray(meta.functions)) return [`no "functions" array`];
  if (meta.functions.length === 0) problems.push("no functions");
  const ids = new Set();
  meta.functions.forEach((f, k) => {
    const where = `function ${k + 1}${f && typeof f.id === "string" ? ` (${f.id})` : ""}`;
    if (!f || typeof f !== "object") return problems.push(`${where}: not an object`);
    if (typeof f.id !== "string" || !ID.test(f.id)) problems.push(`${where}: id ${JSON.stringify(f.id)} must be 3 or more of A-Z 0-9 . _`);
    else if (ids.has(f.id)) problems.push(`${where}: id ${f.id} is used twice`);
    ids.add(f.id);
    if (!nonEmpty(f.name)) problems.push(`${where}: no name`);
    if (!nonEmpty(f.description)) problems.push(`${where}: no description`);
    const params = Array.isArray(f.parameters) ? f.parameters : [];
    if (f.parameters !== undefined && !Array.isArray(f.parameters)) problems.push(`${where}: "parameters" is not an array`);
    const names = new Set();
    params.forEach((p, j) => {
      const pw = `${where} parameter ${j + 1}${p && nonEmpty(p.name) ? ` (${p.name})` : ""}`;
      if (!p || !nonEmpty(p.name)) return problems.push(`${pw}: no name`);
      if (names.has(p.name)) problems.push(`${pw}: name ${p.name} is used twice`);
      names.add(p.name);
      if (!nonEmpty(p.description)) problems.push(`${pw}: no description`);
    });
  });
  if (english) {
    const en = new Map(english.functions.map((f) => [f.id, f]));
    const here = meta.functions.map((f) => f && f.id);
    for (const eid of en.keys()) if (!here.includes(eid)) problems.push(`function ${eid} of functions.json is missing`);
    meta.functions.forEach((f) => {
      if (!f || typeof f.id !== "string") return;
      const e = en.get(f.id);
      if (!e) return problems.push(`function ${f.id} is not in functions.json`);
      const pn = (x) => (Array.isArray(x.parameters) ? x.parameters.map((p) => p && p.name) : []);
      if (pn(f).join(",") !== pn(e).join(","))
        problems.push(`function ${f.id}: parameters (${pn(f).join(", ")}) differ from functions.json (${pn(e).join(", ")})`);
      if (nonEmpty(f.description) && f.description === e.description) problems.push(`function ${f.id}: description is not translated`);
      (f.parameters || []).forEach((p) => {
        const ep = (e.parameters || []).find((q) => q && p && q.name === p.name);
        if (ep && nonEmpty(p.description) && p.description === ep.description)
          problems.push(`function ${f.id} parameter ${p.name}: description is not translated`);
      });
    });
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Command line
// ---------------------------------------------------------------------------------------------

/** Run the checks on the given paths; returns { problems: string[], summary: string[] }. */
export function validate(args, cwd = process.cwd()) {
  const problems = [];
  const summary = [];
  const targets = { manifest: null, functions: null, zh: null, dir: null };
  const rel = (f) => {
    const r = path.relative(cwd, f);
    return r && !r.startsWith("..") && !path.isAbsolute(r) ? r : f;
  };
  if (args.length === 0) {
    const dist = path.resolve(cwd, process.env.DTC_DIST ?? "dist");
    if (existsSync(path.join(dist, "manifest.xml"))) args = [dist];
    else {
      targets.manifest = path.resolve(cwd, "manifest.xml");
      problems.push(`${rel(dist)}: no build found (run npm run build); checked the source manifest.xml only`);
    }
  }
  for (const a of args) {
    const p = path.resolve(cwd, a);
    if (!existsSync(p)) {
      problems.push(`${a}: no such file or folder`);
      continue;
    }
    if (statSync(p).isDirectory()) {
      targets.dir = p;
      targets.manifest = path.join(p, "manifest.xml");
      targets.functions = path.join(p, "functions.json");
      targets.zh = path.join(p, "functions.zh-CN.json");
      for (const f of [targets.manifest, targets.functions, targets.zh]) if (!existsSync(f)) problems.push(`${rel(f)}: missing`);
    } else if (/\.xml$/i.test(p)) targets.manifest = p;
    else if (/\.zh-CN\.json$/i.test(p)) targets.zh = p;
    else if (/\.json$/i.test(p)) targets.functions = p;
    else problems.push(`${a}: not a manifest (.xml), functions metadata (.json) or folder`);
  }
  if (targets.manifest && existsSync(targets.manifest)) {
    const found = checkManifest(readFileSync(targets.manifest, "utf8"), { dir: targets.dir });
    for (const p of found) problems.push(`${rel(targets.manifest)}:${p.line}${p.column ? `:${p.column}` : ""}: ${p.message}`);
    if (!found.length) summary.push(`${rel(targets.manifest)}: ok`);
  }
  let english = null;
  if (targets.functions && existsSync(targets.functions)) {
    const text = readFileSync(targets.functions, "utf8");
    const found = checkFunctions(text);
    for (const p of found) problems.push(`${rel(targets.functions)}: ${p}`);
    try {
      english = JSON.parse(text);
    } catch {
      english = null;
    }
    if (!found.length) summary.push(`${rel(targets.functions)}: ok, ${english.functions.length} functions`);
  }
  if (targets.zh && existsSync(targets.zh)) {
    if (targets.functions && !english) problems.push(`${rel(targets.zh)}: not compared, functions.json is unreadable`);
    const found = checkFunctions(readFileSync(targets.zh, "utf8"), english && Array.isArray(english.functions) ? english : undefined);
    for (const p of found) problems.push(`${rel(targets.zh)}: ${p}`);
    if (!found.length) summary.push(`${rel(targets.zh)}: ok`);
  }
  return { problems, summary };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { problems, summary } = validate(process.argv.slice(2));
  if (problems.length) {
    for (const p of problems) console.error(p);
    console.error(`validate: ${problems.length} problem${problems.length === 1 ? "" : "s"}`);
    process.exit(1);
  }
  for (const s of summary) console.log(s);
  console.log("validate: ok (offline checks; `npm run validate:online` asks Microsoft's service)");
}
