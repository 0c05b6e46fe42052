// Stands in for jsonpath-plus in the add-in's bundles. json-rules-engine only calls it for a
// condition's `path`, which rule packs may not have (src/packs/packSafety.ts refuses them before
// the engine sees a pack); the real module would bring `new Function` into a page whose CSP bans it.
exports.JSONPath = function JSONPath() {
  throw new Error('Pledge Check: rule packs cannot use "path" in conditions');
};
