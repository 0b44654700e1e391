/**
 * The built-in templates (`taskpane/templates/*.json`), bundled statically and validated once:
 * an invalid one is left out rather than offered (test/plan/templates.test.ts keeps them valid).
 */
import { parsePlanValue, type Plan } from "../../src/plan/schema";
import double11 from "../templates/double11-gta.json";
import gta618 from "../templates/618-gta.json";
import launch from "../templates/launch-hotplan.json";

export const TEMPLATES: readonly Plan[] = [double11, gta618, launch].flatMap((t) => {
  const r = parsePlanValue(t);
  return r.ok ? [r.plan] : [];
});
