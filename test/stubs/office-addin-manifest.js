// office-addin-mock imports office-addin-manifest, whose dependencies are ESM-only and break jest.
// The mock only reads the OfficeApp enum (host names), so that is all this stub provides.
module.exports = {
  OfficeApp: { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' },
};
