/*
 * Build of the add-in: functions.js (+ functions.json), taskpane.*, manifest.xml.
 * Production (`npm run build`) goes to dist/, the folder to deploy; development goes to its own
 * dist-dev/ (git-ignored; `npm start` serves it), so it never overwrites a production build.
 * `--output-path DIR` overrides either.
 */
const fs = require("fs");
const path = require("path");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { localizeMetadata } = require("./scripts/localize-metadata.cjs");

const DEV_URL = "https://localhost:3000/";
// DuckDB-WASM's worker and wasm for the Datasets view, served from the add-in's own origin
// (dist/duckdb/; taskpane/datasets/duckdb.ts loads them): "eh", and "mvp" for engines without
// WebAssembly exceptions. Copied as they are (already minified).
const DUCKDB_DIST = path.dirname(require.resolve("@duckdb/duckdb-wasm/dist/duckdb-eh.wasm"));
const DUCKDB_FILES = ["duckdb-eh.wasm", "duckdb-browser-eh.worker.js", "duckdb-mvp.wasm", "duckdb-browser-mvp.worker.js"];
const FUNCTIONS_DIR = path.resolve(__dirname, "functions");
// Every wrapper file (all of functions/ except the shared edge and the entry) feeds functions.json.
const wrapperFiles = fs
  .readdirSync(FUNCTIONS_DIR)
  .filter((f) => f.endsWith(".ts") && !["shape.ts", "index.ts", "runtime.ts"].includes(f))
  .sort()
  .map((f) => path.join("functions", f));

/**
 * Emit extra assets after the metadata exists: zh-CN metadata, manifest, static files.
 * The manifest's https://localhost:3000/ URLs become `url` (`--env addinUrl=...`, as `npm start`
 * passes for its port), else $ADDIN_URL, else stay as they are.
 */
class AddinAssetsPlugin {
  constructor(options = {}) {
    this.url = options.url;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("AddinAssetsPlugin", (compilation) => {
      const { sources, Compilation } = compiler.webpack;
      compilation.hooks.processAssets.tap(
        { name: "AddinAssetsPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const meta = compilation.getAsset("functions.json");
          if (meta) {
            // The zh-CN translation table, kept beside each wrapper file as <family>.zh-CN.json.
            const table = Object.assign(
              {},
              ...fs
                .readdirSync(FUNCTIONS_DIR)
                .filter((f) => f.endsWith(".zh-CN.json"))
                .sort()
                .map((f) => JSON.parse(fs.readFileSync(path.join(FUNCTIONS_DIR, f), "utf8"))),
            );
            const { json, missing } = localizeMetadata(JSON.parse(meta.source.source().toString()), table);
            missing.forEach((m) => compilation.errors.push(new compiler.webpack.WebpackError(`zh-CN translation (functions/*.zh-CN.json): missing ${m}`)));
            compilation.emitAsset("functions.zh-CN.json", new sources.RawSource(JSON.stringify(json, null, 2)));
          }
          const given = this.url || process.env.ADDIN_URL;
          const url = given ? given.replace(/\/?$/, "/") : DEV_URL;
          const manifest = fs.readFileSync(path.join(__dirname, "manifest.xml"), "utf8").split(DEV_URL).join(url);
          compilation.emitAsset("manifest.xml", new sources.RawSource(manifest));
          for (const f of DUCKDB_FILES) {
            compilation.emitAsset(`duckdb/${f}`, new sources.RawSource(fs.readFileSync(path.join(DUCKDB_DIST, f))), { minimized: true });
          }
          const assets = path.join(__dirname, "assets");
          if (fs.existsSync(assets)) {
            for (const f of fs.readdirSync(assets)) {
              compilation.emitAsset(`assets/${f}`, new sources.RawSource(fs.readFileSync(path.join(assets, f))));
            }
          }
        },
      );
    });
  }
}

module.exports = (env, argv) => {
  const dev = argv.mode !== "production";
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      functions: "./functions/index.ts",
      taskpane: "./taskpane/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, dev ? "dist-dev" : "dist"),
      filename: "[name].js",
      // The lazily loaded chunk (DuckDB for the Datasets view): named, hashed so a host cache never serves an old one.
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
      // Every host of the add-in has globalThis; without this webpack's runtime falls back to new Function.
      environment: { globalThis: true },
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        // The task pane uses zod under a CSP without eval: no Function constructor in the bundle.
        { test: /[\\/]node_modules[\\/]zod[\\/].*\.js$/, loader: path.resolve(__dirname, "taskpane/build/zod-no-eval-loader.cjs") },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
      ],
    },
    performance: { hints: false },
    optimization: {
      // ASCII-only output: every other character is written as an escape (\u8ba4 for 认). A host
      // that serves functions.js without a charset, to a page without <meta charset>, would
      // otherwise decode UTF-8 as windows-1252 and every Chinese label would stop matching.
      // Applies where webpack minifies (production); the rest is webpack's default.
      // reduce_funcs off: Terser would inline single-use functions, moving the row loops into the
      // closure each call creates, and V8 then recompiles them on every call (FAST.ROWS 2x its
      // floor instead of 1.5x; docs/performance.md, test/bundle/hot-loops.test.ts).
      minimizeOptions: { javascript: { compress: { passes: 2, reduce_funcs: false }, format: { ascii_only: true } } },
      // The Datasets view's lazy chunk stays one file (DuckDB-WASM's API with apache-arrow), not a separate vendors chunk.
      splitChunks: { cacheGroups: { defaultVendors: false } },
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: wrapperFiles }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./taskpane/taskpane.html",
        // functions.js first: the shared runtime registers the functions from this page too.
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        inject: "body",
      }),
      new AddinAssetsPlugin({ url: env && env.addinUrl }),
    ],
    // No devServer block and no webpack-dev-server: `npm start` is scripts/start.mjs, which
    // builds with webpack's own watch into dist-dev/ on disk (sideloading and the tests read the
    // files there), serves it with a small static handler that the workbench tests and
    // screenshots reuse without webpack, rewrites the manifest to the port it serves on, and
    // falls back to http without a certificate. webpack-dev-server would serve from memory and
    // still need all of that around it.
  };
};
