#!/usr/bin/env bash
# Builds a self-contained app image (target/jpackage/vigie) from target/vigie.jar.
# The packaging issue adds the trimmed runtime, the .deb and the desktop entry.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/vigie.jar ] || mvn -q -DskipTests package
prop() { grep "^$1=" jpackage/launcher.properties | cut -d= -f2-; }
rm -rf target/jpackage
mkdir -p target/jpackage/input
cp target/vigie.jar target/jpackage/input/
jpackage --type app-image \
  --input target/jpackage/input \
  --dest target/jpackage \
  --name "$(prop name)" \
  --app-version "$(prop app-version)" \
  --main-jar "$(prop main-jar)" \
  --main-class "$(prop main-class)" \
  --java-options "$(prop java-options)"
echo "app image: target/jpackage/$(prop name)/bin/$(prop name)"
