/*
 * Build of the workbench page (the add-in without Excel): workbench.html, workbench.js and
 * hyperformula.full.min.js, into the same folder as the add-in's build, which it must follow (it
 * loads that folder's functions.js, functions.json and taskpane.js; it never rebuilds them).
 * Like webpack.config.js: dist-dev/ in development (what `npm start` builds and serves), dist/
 * in production (`npm run build:workbench`), or `--output-path DIR`.
 *
 * HyperFormula is GPL v3: it is copied as its own prebuilt file and referenced as the global
 * `HyperFormula` (webpack `externals`), so it never enters functions.js or taskpane.js, which
 * the main config (webpack.config.js) builds without it. `clean: false`: the main build owns the
 * folder.
 *
 *   npx webpack --mode production --config webpack.workbench.js [--output-path DIR]
 */
const fs = require("fs");
const path = require("path");

const HF_FILE = "hyperformula.full.min.js";

/** Emit the page and the engine as they are. */
class WorkbenchAssetsPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("WorkbenchAssetsPlugin", (compilation) => {
      const { sources, Compilation } = compiler.webpack;
      compilation.hooks.processAssets.tap({ name: "WorkbenchAssetsPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const page = path.join(__dirname, "workbench", "workbench.html");
        const hf = path.join(path.dirname(require.resolve("hyperformula")), "..", "dist", HF_FILE);
        compilation.fileDependencies.add(page);
        compilation.emitAsset("workbench.html", new sources.RawSource(fs.readFileSync(page)));
        // Already minified upstream: marked so that Terser leaves it alone (it would take ~30 s).
        compilation.emitAsset(HF_FILE, new sources.RawSource(fs.readFileSync(hf)), { minimized: true });
      });
    });
  }
}

module.exports = (env, argv) => {
  const dev = (argv && argv.mode) !== "production";
  return {
    name: "workbench",
    mode: dev ? "development" : "production",
    devtool: dev ? "source-map" : false,
    entry: { workbench: "./workbench/index.ts" },
    output: {
      path: path.resolve(__dirname, dev ? "dist-dev" : "dist"),
      filename: "[name].js",
      clean: false,
    },
    externals: { hyperformula: "HyperFormula" },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [new WorkbenchAssetsPlugin()],
  };
};
