/**
 * `office-addin-mock` requires `office-addin-manifest` only for its `OfficeApp` enum, and that
 * package fails to load in this dependency tree (`ajv-draft-04` is hoisted next to ajv 6 but
 * needs ajv 8: "Cannot find module 'ajv/dist/core'"). Tests put the enum into Node's module
 * cache before the mock is loaded; nothing else of the manifest package is used.
 * Import this module BEFORE `office-addin-mock`.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const id = require.resolve("office-addin-manifest");
if (!require.cache[id]) {
  const OfficeApp = {
    Excel: "excel",
    OneNote: "onenote",
    Outlook: "outlook",
    PowerPoint: "powerpoint",
    Project: "project",
    Word: "word",
  };
  require.cache[id] = { id, filename: id, loaded: true, exports: { OfficeApp }, children: [], paths: [] } as unknown as NodeJS.Module;
}
