#!/usr/bin/env bash
# Re-vendor the browser libraries the views and the API docs use, from the npm registry (`npm pack`,
# pinned versions). Run by hand when upgrading (`make vendor`); never at install or run time: the files
# are committed in viz/static/ and shipped as package data, so every page works with no network.
set -euo pipefail
cd "$(dirname "$0")/.."
VIS_TIMELINE=8.5.4
SWAGGER_UI=5.35.0
REDOC=2.5.2
OUT=viz/static
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for pkg in "vis-timeline@$VIS_TIMELINE" "swagger-ui-dist@$SWAGGER_UI" "redoc@$REDOC"; do
  name=${pkg%@*}
  (cd "$tmp" && npm pack --silent "$pkg" >/dev/null && mkdir "$name" && tar xzf "$name"-*.tgz -C "$name")
done
p="$tmp/vis-timeline/package"
cp "$p/standalone/umd/vis-timeline-graph2d.min.js" "$p/styles/vis-timeline-graph2d.min.css" "$OUT/"
cp "$p/LICENSE.md" "$OUT/LICENSE.vis-timeline.md"
cp "$p/LICENSE.MIT.txt" "$OUT/LICENSE.vis-timeline.MIT.txt"
cp "$p/LICENSE.Apache-2.0.txt" "$OUT/LICENSE.vis-timeline.Apache-2.0.txt"
p="$tmp/swagger-ui-dist/package"
cp "$p/swagger-ui-bundle.js" "$p/swagger-ui.css" "$OUT/"
cp "$p/LICENSE" "$OUT/LICENSE.swagger-ui.txt"
cp "$p/NOTICE" "$OUT/NOTICE.swagger-ui.txt"
cp "$p/swagger-ui-bundle.js.LICENSE.txt" "$OUT/"
p="$tmp/redoc/package"
cp "$p/bundles/redoc.standalone.js" "$p/bundles/redoc.standalone.js.LICENSE.txt" "$OUT/"
cp "$p/LICENSE" "$OUT/LICENSE.redoc.txt"
# ReDoc's sidebar credit loads its logo from Redocly's CDN: point it at an empty inline SVG instead, so
# /redoc makes no request outside the server (the credit text and link stay).
sed -i -e 's#https://cdn.redoc.ly/redoc/logo-mini.svg#data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22/%3E#' \
  "$OUT/redoc.standalone.js"
# Source maps are not shipped; the comments that name them would make devtools ask for missing files.
sed -i -e '/^\/\/# sourceMappingURL=/d' "$OUT"/*.js
sed -i -e 's#/\*\# sourceMappingURL=[^*]*\*/##' "$OUT"/*.css
cat > "$OUT/VENDORED.json" <<JSON
{
  "vis-timeline": {"version": "$VIS_TIMELINE", "files": ["vis-timeline-graph2d.min.js", "vis-timeline-graph2d.min.css"], "license": "Apache-2.0 OR MIT"},
  "swagger-ui-dist": {"version": "$SWAGGER_UI", "files": ["swagger-ui-bundle.js", "swagger-ui.css"], "license": "Apache-2.0"},
  "redoc": {"version": "$REDOC", "files": ["redoc.standalone.js"], "license": "MIT"}
}
JSON
echo "vendored into $OUT: vis-timeline $VIS_TIMELINE, swagger-ui-dist $SWAGGER_UI, redoc $REDOC"
