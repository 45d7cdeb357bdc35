#!/usr/bin/env node
// Bundles and minifies the portal's web front end for phones (issue 17), with esbuild:
//   node scripts/bundle-portal.js [<public folder of the build>]   (default: dist's)
// The source (services/portal/src/web/public) stays plain ES modules that a browser runs as they
// are; the build's copy gets one script and one style sheet, minified, named by a hash of their
// content (build/app-<hash>.js, build/portal-<hash>.css), which the web controller serves with a
// year's cache, and an index.html that names them. One script rather than one per view: on a 3G
// round trip of two seconds, a second request for the view's code costs more than its bytes.
'use strict';
const { build } = require('esbuild');
const { readFileSync, rmSync, writeFileSync } = require('node:fs');
const { basename, join, relative } = require('node:path');

const ROOT = join(__dirname, '..');
const SOURCE = join(ROOT, 'services/portal/src/web/public');

async function main() {
  const target = process.argv[2] ?? join(ROOT, 'dist/services/portal/src/web/public');
  const out = join(target, 'build');
  rmSync(out, { recursive: true, force: true });
  const { metafile } = await build({
    entryPoints: [join(SOURCE, 'js/app.js'), join(SOURCE, 'portal.css')],
    outdir: out,
    entryNames: '[name]-[hash]',
    bundle: true, // dynamic imports of the views are inlined: no second round trip
    format: 'esm', // app.js awaits at its top level
    target: ['es2022', 'chrome100', 'safari15.4', 'firefox100'],
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    metafile: true,
    logLevel: 'warning',
  });
  const built = (ext) => {
    const [file] = Object.keys(metafile.outputs).filter((f) => f.endsWith(ext));
    if (!file) throw new Error(`esbuild wrote no ${ext} file`);
    return `/assets/build/${basename(file)}`;
  };
  const html = bundledIndex(readFileSync(join(SOURCE, 'index.html'), 'utf8'), built('.js'), built('.css'));
  writeFileSync(join(target, 'index.html'), html);
  // The separate modules are not served from the build: one truth, the bundle.
  rmSync(join(target, 'js'), { recursive: true, force: true });
  rmSync(join(target, 'portal.css'), { force: true });
  for (const [file, { bytes }] of Object.entries(metafile.outputs))
    console.log(`  ${relative(target, join(ROOT, file))}  ${(bytes / 1024).toFixed(1)} KiB`);
}

/** The source page, pointed at the bundle: its module preloads dropped, its script and style sheet replaced. */
function bundledIndex(source, script, styles) {
  const replace = (text, pattern, by) => {
    if (!pattern.test(text)) throw new Error(`index.html no longer has ${pattern}`);
    return text.replace(pattern, by);
  };
  let html = replace(source, /[ \t]*<!--[^>]*import waterfall[\s\S]*?-->\n/, '');
  html = replace(html, /[ \t]*<link rel="modulepreload"[^>]*>\n/g, '');
  html = replace(html, /href="\/assets\/portal\.css"/, `href="${styles}"`);
  return replace(html, /src="\/assets\/js\/app\.js"/, `src="${script}"`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
