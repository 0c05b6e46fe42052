// office-addin-mock imports office-addin-manifest, whose dependencies are ESM-only and break jest.
module.exports = {};
