/*
 * Build-time generator of the per-locale custom-functions metadata (functions.zh-CN.json).
 * Input: the functions.json that CustomFunctionsMetadataPlugin generated from the JSDoc, and
 * the one translation table functions/functions.zh-CN.json:
 *   { "FAST": { "description": "...", "parameters": { "aipl_start": "...", ... } }, ... }
 * Output: the same metadata with Chinese descriptions, plus the list of missing entries so the
 * build fails when a function or parameter has no translation.
 */
function localizeMetadata(meta, table) {
  const missing = [];
  const functions = meta.functions.map((f) => {
    const t = table[f.id];
    if (!t || !t.description) missing.push(`description of ${f.id}`);
    const parameters = (f.parameters || []).map((p) => {
      const d = t && t.parameters && t.parameters[p.name];
      if (!d) missing.push(`parameter ${f.id}.${p.name}`);
      return { ...p, description: d || p.description };
    });
    const result = t && t.result ? { ...f.result, description: t.result } : f.result;
    return { ...f, description: (t && t.description) || f.description, parameters, result };
  });
  return { json: { ...meta, functions }, missing };
}
module.exports = { localizeMetadata };
