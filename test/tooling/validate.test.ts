/*
 * `npm run validate` (scripts/validate.mjs) is the offline gate of the manifest and the
 * functions metadata. These tests run it as a command on fixtures written to a temp folder: the
 * committed manifest must pass, and each kind of damage must be reported, one line per problem,
 * with a non-zero exit code.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const SCRIPT = path.join(ROOT, "scripts/validate.mjs");
const MANIFEST = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
let tmp = "";

beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), "dtc-validate-"));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Run {
  code: number | null;
  /** Problem lines (stderr without the final count line). */
  problems: string[];
  out: string;
}
function run(...args: string[]): Run {
  const r = spawnSync(process.execPath, [SCRIPT, ...args], { cwd: tmp, encoding: "utf8", env: { ...process.env, DTC_DIST: "" } });
  const err = r.stderr.split("\n").filter(Boolean);
  return { code: r.status, problems: err.filter((l) => !l.startsWith("validate:")), out: r.stdout + r.stderr };
}
let n = 0;
function write(name: string, text: string): string {
  const dir = path.join(tmp, `case${++n}`);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}
/** The committed manifest with one edit; the edit must apply exactly once. */
function broken(find: string | RegExp, replace: string): string {
  const count = typeof find === "string" ? MANIFEST.split(find).length - 1 : (MANIFEST.match(new RegExp(find, "g")) ?? []).length;
  expect(count, `fixture edit ${String(find)}`).toBe(1);
  return write("manifest.xml", MANIFEST.replace(find, replace));
}
/** Line (1-based) of the first occurrence of `needle` in `text`. */
const lineOf = (text: string, needle: string): number => text.slice(0, text.indexOf(needle)).split("\n").length;
/** Column (1-based) of the first occurrence of `needle` in its line. */
const colOf = (text: string, needle: string): number => text.indexOf(needle) - text.lastIndexOf("\n", text.indexOf(needle));

describe("manifest", () => {
  it("the committed manifest passes", () => {
    const r = run(write("manifest.xml", MANIFEST));
    expect(r.problems).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("manifest.xml: ok");
  });

  it("reports a resid that Resources does not define, at the line that uses it", () => {
    const file = broken(/\s*<bt:String id="GetStarted.Title"[\s\S]*?<\/bt:String>/, "");
    const r = run(file);
    expect(r.code).toBe(1);
    const line = lineOf(MANIFEST, `<Title resid="GetStarted.Title"/>`);
    expect(r.problems).toEqual([`case${n}/manifest.xml:${line}: resid "GetStarted.Title" of <Title> is not defined in <Resources>`]);
  });

  it("reports an http URL", () => {
    const r = run(broken(`"https://localhost:3000/functions.js"`, `"http://localhost:3000/functions.js"`));
    expect(r.code).toBe(1);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatch(/manifest\.xml:\d+: <bt:Url> must hold an absolute https URL, got "http:\/\/localhost:3000\/functions\.js"$/);
  });

  it("reports a wrong custom-functions namespace", () => {
    const r = run(broken(`<bt:String id="Functions.Namespace" DefaultValue="DTC"/>`, `<bt:String id="Functions.Namespace" DefaultValue="CONTOSO"/>`));
    expect(r.code).toBe(1);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatch(/: the custom-functions namespace is "CONTOSO", expected "DTC"$/);
  });

  it("reports a missing SharedRuntime requirement", () => {
    const r = run(broken(`<Set Name="SharedRuntime" MinVersion="1.1"/>`, `<Set Name="ExcelApi" MinVersion="1.1"/>`));
    expect(r.code).toBe(1);
    expect(r.problems.join("\n")).toMatch(/<Requirements> must contain <Set Name="SharedRuntime" MinVersion="1.1"\/>/);
  });

  it("requires CustomFunctionsRuntime 1.3 (CustomFunctions.Error and ErrorCode)", () => {
    expect(MANIFEST).toMatch(/<Requirements>\s*<Sets DefaultMinVersion="1.1">[\s\S]*<Set Name="CustomFunctionsRuntime" MinVersion="1.3"\/>[\s\S]*<\/Sets>\s*<\/Requirements>/);
    const gone = run(broken(/\s*<Set Name="CustomFunctionsRuntime" MinVersion="1.3"\/>/, ""));
    expect(gone.code).toBe(1);
    expect(gone.problems.join("\n")).toMatch(/<Requirements> must contain <Set Name="CustomFunctionsRuntime" MinVersion="1.3"\/>/);
    const old = run(broken(`<Set Name="CustomFunctionsRuntime" MinVersion="1.3"/>`, `<Set Name="CustomFunctionsRuntime" MinVersion="1.2"/>`));
    expect(old.code).toBe(1);
    expect(old.problems).toHaveLength(1);
    expect(old.problems[0]).toMatch(/:\d+: CustomFunctionsRuntime needs MinVersion 1.3 or later .*got "1.2"$/);
    // Without MinVersion the set takes DefaultMinVersion (1.1 here): too old as well.
    expect(run(broken(`<Set Name="CustomFunctionsRuntime" MinVersion="1.3"/>`, `<Set Name="CustomFunctionsRuntime"/>`)).problems.join("\n")).toMatch(/got "1.1"/);
    // Versions compare part by part: 1.10 is later than 1.3.
    expect(run(broken(`<Set Name="CustomFunctionsRuntime" MinVersion="1.3"/>`, `<Set Name="CustomFunctionsRuntime" MinVersion="1.10"/>`)).code).toBe(0);
  });

  it("reports a resource id longer than Office's 32 characters", () => {
    const long = "Functions.Metadata.Url.Is.Far.Too.Long"; // 38 characters
    const r = run(write("manifest.xml", MANIFEST.split("Functions.Metadata.Url").join(long)));
    expect(r.code).toBe(1);
    expect(r.problems).toEqual([`case${n}/manifest.xml:${lineOf(MANIFEST, `<bt:Url id="Functions.Metadata.Url"`)}: resource id "${long}" is longer than 32 characters`]);
  });

  it("reports a task pane outside the shared runtime", () => {
    const file = broken(
      /(<Action xsi:type="ShowTaskpane">\s*<TaskpaneId>ButtonId1<\/TaskpaneId>\s*)<SourceLocation resid="Taskpane.Url"\/>/,
      `$1<SourceLocation resid="GetStarted.LearnMoreUrl"/>`,
    );
    const r = run(file);
    expect(r.code).toBe(1);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatch(/must load the shared runtime page https:\/\/localhost:3000\/taskpane\.html/);
  });

  it("reports elements out of schema order and missing ones", () => {
    // DefaultSettings moved after Permissions; SupportUrl removed.
    const moved = MANIFEST.replace(/(\s*<DefaultSettings>[\s\S]*?<\/DefaultSettings>)(\s*<Permissions>ReadWriteDocument<\/Permissions>)/, "$2$1").replace(
      /\s*<SupportUrl [^>]*\/>/,
      "",
    );
    expect(moved).not.toBe(MANIFEST);
    const r = run(write("manifest.xml", moved));
    expect(r.code).toBe(1);
    expect(r.problems.join("\n")).toMatch(/<DefaultSettings> must come before <Permissions>/);
    expect(r.problems.join("\n")).toMatch(/missing <SupportUrl> in <OfficeApp>/);
  });

  it("reports XML that is not well-formed, with the line and column", () => {
    const r = run(broken(`</DefaultSettings>`, `</DefaultSetting>`));
    expect(r.code).toBe(1);
    const at = (needle: string): string => `${lineOf(MANIFEST, needle)}:${colOf(MANIFEST, needle)}`;
    expect(r.problems).toEqual([
      `case${n}/manifest.xml:${at("</DefaultSettings>")}: not well-formed XML: Expected closing tag 'DefaultSettings' (opened in line ${lineOf(MANIFEST, "<DefaultSettings>")}, col ${colOf(MANIFEST, "<DefaultSettings>")}) instead of closing tag 'DefaultSetting'.`,
    ]);
    for (const [bad, why] of [
      [`<Permissions a=1>`, /manifest\.xml:\d+:\d+: not well-formed XML: Attribute 'a' is without value/],
      [`<Permissions>R & D`, /manifest\.xml:\d+:\d+: not well-formed XML: char '&' is not expected/],
      [`<Permissions>&nbsp;`, /manifest\.xml:\d+:\d+: not well-formed XML: unknown entity &nbsp;/],
      [`<Permissions>&#0;`, /invalid character reference &#0;/],
      [`<!DOCTYPE x><Permissions>`, /a manifest has no DOCTYPE/],
    ] as const) {
      const r2 = run(write("manifest.xml", MANIFEST.replace("<Permissions>", bad)));
      expect(r2.code).toBe(1);
      expect(r2.problems.join("\n")).toMatch(why);
    }
  });
});

describe("build folder", () => {
  // Minified the way html-webpack-plugin writes it: unquoted attributes.
  const PANE = "<!doctype html><html><head><title>t</title></head><body><script defer src=functions.js></script><script defer src='taskpane.js'></script></body></html>";
  /** A build-like folder: the manifest plus every file its URLs name, with the real icons. */
  function folder(): string {
    const dir = path.dirname(write("manifest.xml", MANIFEST));
    mkdirSync(path.join(dir, "assets"));
    for (const s of [16, 32, 64, 80]) copyFileSync(path.join(ROOT, `assets/icon-${s}.png`), path.join(dir, `assets/icon-${s}.png`));
    for (const f of ["functions.js", "assets/help.html"]) writeFileSync(path.join(dir, f), "x");
    writeFileSync(path.join(dir, "taskpane.html"), PANE);
    writeFileSync(path.join(dir, "functions.json"), JSON.stringify(FUNCTIONS));
    writeFileSync(path.join(dir, "functions.zh-CN.json"), JSON.stringify(FUNCTIONS_ZH));
    return dir;
  }
  it("passes when every URL names a file of the folder and the icons have their sizes", () => {
    const r = run(folder());
    expect(r.problems).toEqual([]);
    expect(r.code).toBe(0);
  });
  it("reports a shared-runtime page that does not load functions.js", () => {
    const dir = folder();
    writeFileSync(path.join(dir, "taskpane.html"), PANE.replace("functions.js", "other.js"));
    const r = run(dir);
    expect(r.code).toBe(1);
    expect(r.problems).toEqual([
      `case${n}/manifest.xml:${lineOf(MANIFEST, "<Runtime ")}: the shared runtime page taskpane.html does not load https://localhost:3000/functions.js (scripts: https://localhost:3000/other.js, https://localhost:3000/taskpane.js)`,
    ]);
  });
  it("reports a missing icon and an icon of the wrong size", () => {
    const dir = folder();
    rmSync(path.join(dir, "assets/icon-80.png"));
    copyFileSync(path.join(ROOT, "assets/icon-32.png"), path.join(dir, "assets/icon-16.png"));
    const r = run(dir);
    expect(r.code).toBe(1);
    expect(r.problems).toHaveLength(2);
    expect(r.problems.join("\n")).toMatch(/names assets\/icon-80\.png, which is not in/);
    expect(r.problems.join("\n")).toMatch(/assets\/icon-16\.png is 32x32 px, the manifest needs 16x16/);
  });
});

const FUNCTIONS = {
  functions: [
    {
      id: "AIPL",
      name: "AIPL",
      description: "Counts per stage.",
      parameters: [
        { name: "stages", description: "One stage per consumer." },
        { name: "with_headers", description: "TRUE adds headers.", optional: true },
      ],
    },
    { id: "AIPL.FLOW", name: "AIPL.FLOW", description: "Transitions.", parameters: [{ name: "stage_start", description: "Start stage." }] },
  ],
};
const FUNCTIONS_ZH = {
  functions: [
    {
      ...FUNCTIONS.functions[0],
      description: "各阶段人数。",
      parameters: [
        { name: "stages", description: "每位消费者的阶段。" },
        { name: "with_headers", description: "TRUE 时添加表头。", optional: true },
      ],
    },
    { ...FUNCTIONS.functions[1], description: "流转。", parameters: [{ name: "stage_start", description: "期初阶段。" }] },
  ],
};
type Meta = typeof FUNCTIONS;
const clone = (m: Meta): Meta => JSON.parse(JSON.stringify(m));

describe("functions.json", () => {
  const check = (meta: unknown, zh?: unknown): Run => {
    const file = write("functions.json", JSON.stringify(meta));
    const args = [file];
    if (zh) {
      const z = path.join(path.dirname(file), "functions.zh-CN.json");
      writeFileSync(z, JSON.stringify(zh));
      args.push(z);
    }
    return run(...args);
  };

  it("valid metadata and its translation pass", () => {
    const r = check(FUNCTIONS, FUNCTIONS_ZH);
    expect(r.problems).toEqual([]);
    expect(r.code).toBe(0);
  });

  it("reports bad and duplicate ids", () => {
    const m = clone(FUNCTIONS);
    m.functions[0].id = "AI";
    m.functions.push({ ...clone(FUNCTIONS).functions[1] });
    m.functions.push({ ...clone(FUNCTIONS).functions[1], id: "aipl.deepen" });
    const r = check(m);
    expect(r.code).toBe(1);
    expect(r.problems.map((l) => l.replace(/^.*functions\.json: /, ""))).toEqual([
      `function 1 (AI): id "AI" must be 3 or more of A-Z 0-9 . _`,
      `function 3 (AIPL.FLOW): id AIPL.FLOW is used twice`,
      `function 4 (aipl.deepen): id "aipl.deepen" must be 3 or more of A-Z 0-9 . _`,
    ]);
  });

  it("reports a function or parameter without a description", () => {
    const m = clone(FUNCTIONS);
    m.functions[0].description = " ";
    m.functions[1].parameters[0].description = "";
    const r = check(m);
    expect(r.code).toBe(1);
    expect(r.problems.map((l) => l.replace(/^.*functions\.json: /, ""))).toEqual([
      "function 1 (AIPL): no description",
      "function 2 (AIPL.FLOW) parameter 1 (stage_start): no description",
    ]);
  });

  it("reports a zh-CN file that lost a function, renamed a parameter, or left English in place", () => {
    const z = clone(FUNCTIONS_ZH);
    z.functions[0].parameters[1].name = "headers";
    z.functions[1].description = FUNCTIONS.functions[1].description;
    const r = check(FUNCTIONS, z);
    expect(r.code).toBe(1);
    const lines = r.problems.map((l) => l.replace(/^.*functions\.zh-CN\.json: /, ""));
    expect(lines).toContain("function AIPL: parameters (stages, headers) differ from functions.json (stages, with_headers)");
    expect(lines).toContain("function AIPL.FLOW: description is not translated");
    const r2 = check(FUNCTIONS, { functions: [FUNCTIONS_ZH.functions[0]] });
    expect(r2.problems.map((l) => l.replace(/^.*functions\.zh-CN\.json: /, ""))).toEqual(["function AIPL.FLOW of functions.json is missing"]);
  });

  it("reports JSON that does not parse", () => {
    const file = write("functions.json", "{ functions: [] }");
    const r = run(file);
    expect(r.code).toBe(1);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatch(/functions\.json: not valid JSON/);
  });
});
