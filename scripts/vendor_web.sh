#!/usr/bin/env bash
# Rebuilds src/eventwire/web/static/vendor/ from pinned npm packages (run by hand when a
# version changes; the result is committed, so installing eventwire needs no npm).
#   leaflet 1.9.4            (BSD-2-Clause)  the map
#   swagger-ui-dist 5.35.0   (Apache-2.0)    the OpenAPI page at /docs, served offline
#   world-atlas 2.0.2        (ISC; data: Natural Earth, public domain) country outlines
#   topojson-client 3.1.0    (ISC)           converts world-atlas to GeoJSON at build time only
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=src/eventwire/web/static/vendor
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
(cd "$WORK" && npm pack --silent leaflet@1.9.4 swagger-ui-dist@5.35.0 world-atlas@2.0.2 topojson-client@3.1.0 >/dev/null)
for tgz in "$WORK"/*.tgz; do
  name="$(basename "$tgz" .tgz)"
  mkdir -p "$WORK/$name" && tar xzf "$tgz" -C "$WORK/$name"
done
rm -rf "$OUT" && mkdir -p "$OUT/leaflet" "$OUT/swagger-ui" "$OUT/natural-earth"
cp "$WORK"/leaflet-1.9.4/package/dist/leaflet.js "$WORK"/leaflet-1.9.4/package/dist/leaflet.css \
   "$WORK"/leaflet-1.9.4/package/LICENSE "$OUT/leaflet/"
cp "$WORK"/swagger-ui-dist-5.35.0/package/{swagger-ui-bundle.js,swagger-ui.css,LICENSE,NOTICE} "$OUT/swagger-ui/"
cp "$WORK"/world-atlas-2.0.2/package/LICENSE "$OUT/natural-earth/LICENSE-world-atlas"
cp "$WORK"/topojson-client-3.1.0/package/LICENSE "$OUT/natural-earth/LICENSE-topojson-client"
node -e '
const fs = require("fs");
const topojson = require(process.argv[1]);
const topo = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const fc = topojson.feature(topo, topo.objects.countries);
const round = (c) => Array.isArray(c[0]) ? c.map(round) : [Math.round(c[0] * 1000) / 1000, Math.round(c[1] * 1000) / 1000];
fc.features = fc.features.map((f) => ({type: "Feature", properties: {name: f.properties.name},
  geometry: f.geometry && {type: f.geometry.type, coordinates: round(f.geometry.coordinates)}}));
fs.writeFileSync(process.argv[3], JSON.stringify(fc));
' "$WORK/topojson-client-3.1.0/package/dist/topojson-client.js" \
  "$WORK/world-atlas-2.0.2/package/countries-110m.json" "$OUT/natural-earth/countries-110m.geojson"
cat > "$OUT/README.md" <<'TXT'
Front-end files vendored by `scripts/vendor_web.sh` from pinned npm packages; nothing is
loaded from the internet.

| folder | package | licence |
| --- | --- | --- |
| leaflet/ | leaflet 1.9.4 (`dist/leaflet.js`, `dist/leaflet.css`) | BSD-2-Clause (LICENSE) |
| swagger-ui/ | swagger-ui-dist 5.35.0 (`swagger-ui-bundle.js`, `swagger-ui.css`) | Apache-2.0 (LICENSE, NOTICE) |
| natural-earth/ | world-atlas 2.0.2 `countries-110m.json` (Natural Earth 1:110m Admin 0 countries, v4.1.0), converted to GeoJSON with topojson-client 3.1.0, coordinates rounded to 0.001° | world-atlas and topojson-client: ISC (LICENSE-*); Natural Earth data: public domain |
TXT
ls -la "$OUT"/*
