#!/usr/bin/env bash
# Compiles services and libraries with swc into dist/ (path aliases rewritten to relative paths)
# and copies the portal's web assets. Type checking is separate: `npm run typecheck`.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf dist
npx swc services libs bench -d dist --copy-files --quiet \
  --ignore '**/*.spec-fixtures.ts,**/*.spec.ts,**/*.int-spec.ts,**/*.e2e-spec.ts,**/*.check-spec.ts,**/public/**'
mkdir -p dist/services/portal/src/web
cp -r services/portal/src/web/public dist/services/portal/src/web/
# The QR decoder the desk falls back on where the browser has no BarcodeDetector (Apache-2.0).
mkdir -p dist/services/portal/src/web/public/vendor
cp node_modules/jsqr/dist/jsQR.js dist/services/portal/src/web/public/vendor/jsQR.js
# The portal's scripts and styles bundled, minified and named by content hash for phones (issue 17).
node scripts/bundle-portal.js dist/services/portal/src/web/public
