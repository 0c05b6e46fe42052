// Builds the Excel add-in: the task pane and the ribbon commands (the manifest's FunctionFile).
//   npm run build   production bundle + production manifest in dist-addin/
//   npm start       dev server on https://localhost:3000 (sideload with office-addin-debugging, see README)
const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { DEV_URL, PLACEHOLDER_URL, publicUrl, productionManifest } = require('./addin/build/productionManifest');
const { contentSecurityPolicy } = require('./addin/build/contentSecurityPolicy');
const { officeJsMode, officeJsSrc, officeJsCopyPatterns } = require('./addin/build/officeJs');
const { bundleSizes, describeSizes } = require('./addin/build/bundleSizes');
const { devCertificates } = require('./addin/build/devCertificates');

// ADDIN_DIST: another folder, so CI can keep a self-hosted build (OFFICE_JS=self) beside the default one.
const OUT = path.resolve(__dirname, process.env.ADDIN_DIST || 'dist-addin');
const PORT = 3000;

/** Prints the gzip sizes after a production build and fails it when the pane outgrows its target. */
class BundleSizePlugin {
  apply(compiler) {
    compiler.hooks.afterEmit.tap('BundleSizePlugin', (compilation) => {
      const sizes = bundleSizes(OUT);
      if (!sizes) return;
      for (const line of describeSizes(sizes)) console.log(line);
      if (sizes.pane.gzip > sizes.paneTarget) {
        compilation.errors.push(
          new compiler.webpack.WebpackError(`task pane first-load JavaScript is ${sizes.pane.gzip} bytes gzip, over the ${sizes.paneTarget}-byte target`),
        );
      }
    });
  }
}

module.exports = async (env, options) => {
  const dev = options.mode === 'development';
  const baseUrl = dev ? DEV_URL : publicUrl();
  if (!dev && baseUrl === PLACEHOLDER_URL) {
    console.warn(`[pledge-check] ADDIN_PUBLIC_URL is not set: the production manifest points at the placeholder ${PLACEHOLDER_URL}`);
  }

  // OFFICE_JS=self: Office.js served with the add-in, for networks without Microsoft's CDN (addin/build/officeJs.js).
  // The dev server's websocket is allowed in development builds only.
  const officeJs = officeJsMode();
  const fixed = { csp: contentSecurityPolicy(officeJs, dev ? { devServerPort: PORT } : {}), officeJs: officeJsSrc(officeJs) };
  // Each page names the loader's hashed file itself (it is a blocking script in <head>, not an injected deferred one).
  const page = (compilation) => ({
    ...fixed,
    officeLoader: compilation.entrypoints
      .get('office-loader')
      .getFiles()
      .find((f) => f.endsWith('.js')),
  });
  if (officeJs === 'self') console.log(`[pledge-check] Office.js is copied into dist-addin/ and loaded from there (OFFICE_JS=self)`);

  const config = {
    devtool: dev ? 'source-map' : false,
    // The code is ES2022 already (tsconfig); saying so lets webpack's runtime use globalThis
    // instead of its `new Function("return this")` fallback, which the CSP would refuse.
    target: ['web', 'es2022'],
    entry: {
      taskpane: './addin/taskpane/taskpane.ts',
      commands: './addin/commands/commands.ts',
      outcome: './addin/outcome/outcome.ts',
      // The first script of each page: loads Office.js only when Office opened the page (addin/officeSigns.ts).
      'office-loader': './addin/officeLoader.ts',
    },
    output: {
      path: OUT,
      filename: '[name].[contenthash:8].js',
      chunkFilename: '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.js'],
      // json-rules-engine reaches jsonpath-plus only for a condition's `path`, which packs may not have;
      // the stub keeps its `new Function` out of pages whose CSP forbids eval.
      alias: { 'jsonpath-plus': path.resolve(__dirname, 'addin/build/jsonPathRefused.js') },
    },
    // Four entries and one lazy chunk, a file each: the Office pane loads exactly office-loader.js and taskpane.js, and the
    // preview (the .xlsx reader and patcher) arrives as preview.js only in a plain browser.
    optimization: { splitChunks: false },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            // ES modules so webpack can drop what the add-in does not use; the add-in's own tsconfig (DOM + office-js types).
            options: { configFile: path.resolve(__dirname, 'addin/tsconfig.json'), compilerOptions: { module: 'es2020', sourceMap: dev } },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './addin/taskpane/taskpane.html', chunks: ['taskpane'], templateParameters: page }),
      // The help page has no script: the same policy, and no chunk injected.
      new HtmlWebpackPlugin({ filename: 'help.html', template: './addin/help/help.html', chunks: [], inject: false, templateParameters: page }),
      new HtmlWebpackPlugin({ filename: 'commands.html', template: './addin/commands/commands.html', chunks: ['commands'], templateParameters: page }),
      // The ribbon commands' outcome dialog.
      new HtmlWebpackPlugin({ filename: 'outcome.html', template: './addin/outcome/outcome.html', chunks: ['outcome'], templateParameters: page }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'addin/assets/*.png', to: 'assets/[name][ext]' },
          { from: 'addin/taskpane/taskpane.css', to: 'taskpane.css' },
          { from: 'addin/help/help.css', to: 'help.css' },
          // The workbook the preview offers to try ("Dùng thử sổ mẫu").
          { from: 'samples/bao-cao-ninh-binh-2025.xlsx', to: 'samples/[name][ext]' },
          ...officeJsCopyPatterns(officeJs),
          { from: 'manifest.xml', to: 'manifest.xml', transform: (content) => (dev ? content : productionManifest(content.toString('utf8'), baseUrl)) },
        ],
      }),
    ],
    // Office.js's own files (OFFICE_JS=self) are Microsoft's size, not ours to warn about.
    performance: { maxAssetSize: 600_000, maxEntrypointSize: 600_000, assetFilter: (name) => !name.startsWith('office-js/') },
  };
  if (!dev) config.plugins.push(new BundleSizePlugin());

  if (dev) {
    const https = await devCertificates();
    config.devServer = {
      host: 'localhost', // the manifest's dev URL; nothing else on the network needs it
      port: PORT,
      hot: false,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: https ? { type: 'https', options: https } : 'http',
      // Reload through the page's own host and port, whichever name (localhost, 127.0.0.1) it was opened with.
      client: { webSocketURL: 'auto://0.0.0.0:0/ws' },
      static: false,
    };
  }
  return config;
};
