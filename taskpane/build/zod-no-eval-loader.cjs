/**
 * Webpack loader for zod's own files: zod probes `new Function("")` and, when that works, compiles
 * object validators with the Function constructor (a speed-up). The task pane's CSP forbids
 * eval, the pane runs zod with `jitless: true`, and the production bundles must not contain a
 * Function constructor at all (test/security/bundle-safety.test.ts). So the alias zod uses for it
 * (`const F = Function;`) becomes a function that throws: the probe then reports "no eval" and
 * the code-generation paths, unreachable under jitless, cannot run either.
 */
const ALIAS = /const F = Function;/g;

module.exports = function zodNoEval(source) {
  return source.replace(ALIAS, 'const F = function () { throw new EvalError("code generation is disabled (CSP)"); };');
};
