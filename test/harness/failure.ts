/* Engine-level test helper: run a function that must fail with invalid input, get its error. */
import { InputError } from "../../src/excel/errors";
import { formatMessage, type Lang } from "../../src/excel/messages";

/** Run `f`, expect an InputError, return its kind and its rendered message (English by default). */
export function failure(f: () => unknown, lang: Lang = "en"): { kind: string; message: string } {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return { kind: e.cell.kind, message: formatMessage(e.cell, lang) };
    throw e;
  }
  throw new Error("expected an InputError, but the call succeeded");
}
