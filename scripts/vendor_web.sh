#!/usr/bin/env bash
# Reproduces src/eventwire/serve/static/vendor/ from the npm registry (pinned versions).
# The web map loads only these files: no CDN, works offline. Run from the repository root:
#   bash scripts/vendor_web.sh
set -euo pipefail

LEAFLET=1.9.4
MARKERCLUSTER=1.5.3
TOPOJSON_CLIENT=3.1.0
WORLD_ATLAS=2.0.2

root="$(cd "$(dirname "$0")/.." && pwd)"
dest="$root/src/eventwire/serve/static/vendor"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$work"
for pkg in "leaflet@$LEAFLET" "leaflet.markercluster@$MARKERCLUSTER" \
           "topojson-client@$TOPOJSON_CLIENT" "world-atlas@$WORLD_ATLAS"; do
  npm pack --silent "$pkg" >/dev/null
done
for tgz in *.tgz; do
  name="${tgz%.tgz}"
  mkdir -p "$name" && tar -xzf "$tgz" -C "$name" --strip-components=1
done

rm -rf "$dest"
mkdir -p "$dest/leaflet/images" "$dest/markercluster" "$dest/topojson-client" "$dest/world-atlas"
cp "leaflet-$LEAFLET/dist/leaflet.js" "leaflet-$LEAFLET/dist/leaflet.css" "$dest/leaflet/"
cp "leaflet-$LEAFLET/dist/images/"*.png "$dest/leaflet/images/"
cp "leaflet-$LEAFLET/LICENSE" "$dest/leaflet/LICENSE"
cp "leaflet.markercluster-$MARKERCLUSTER/dist/leaflet.markercluster.js" \
   "leaflet.markercluster-$MARKERCLUSTER/dist/MarkerCluster.css" \
   "leaflet.markercluster-$MARKERCLUSTER/dist/MarkerCluster.Default.css" "$dest/markercluster/"
cp "leaflet.markercluster-$MARKERCLUSTER/MIT-LICENCE.txt" "$dest/markercluster/LICENSE"
cp "topojson-client-$TOPOJSON_CLIENT/dist/topojson-client.min.js" "$dest/topojson-client/"
cp "topojson-client-$TOPOJSON_CLIENT/LICENSE" "$dest/topojson-client/LICENSE"
cp "world-atlas-$WORLD_ATLAS/countries-50m.json" "$dest/world-atlas/"
cp "world-atlas-$WORLD_ATLAS/LICENSE" "$dest/world-atlas/LICENSE"

cat > "$dest/VENDOR.md" <<MD
# Vendored web libraries

Copied from the npm registry by \`scripts/vendor_web.sh\` (re-run it to reproduce or upgrade).
The web map loads only these files; no CDN is referenced anywhere.

| npm package | version | license | files |
|---|---|---|---|
| leaflet | $LEAFLET | BSD-2-Clause | leaflet/leaflet.js, leaflet/leaflet.css, leaflet/images/*.png, leaflet/LICENSE |
| leaflet.markercluster | $MARKERCLUSTER | MIT | markercluster/leaflet.markercluster.js, markercluster/MarkerCluster.css, markercluster/MarkerCluster.Default.css, markercluster/LICENSE |
| topojson-client | $TOPOJSON_CLIENT | ISC | topojson-client/topojson-client.min.js, topojson-client/LICENSE |
| world-atlas | $WORLD_ATLAS | ISC (package); data: Natural Earth, public domain | world-atlas/countries-50m.json, world-atlas/LICENSE |

The basemap is \`countries-50m.json\`: Natural Earth 1:50m country outlines as TopoJSON
(made with Natural Earth; public domain), drawn by the app as a Leaflet GeoJSON layer.
MD
echo "vendored into $dest"
