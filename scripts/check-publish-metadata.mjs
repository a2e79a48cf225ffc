// Run by `npm publish` (prepublishOnly): refuses to publish while package.json lacks the fields
// that make the npm page link somewhere (`repository`, `homepage`, `bugs`). The project has no
// public repository or issue tracker yet (CHANGELOG.md, 0.1.0), and no address is invented for it:
// add the real ones, then publish.
import { readFileSync } from "node:fs";

const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const missing = ["repository", "homepage", "bugs"].filter((field) => manifest[field] === undefined);
if (missing.length > 0) {
  console.error(
    `typed-headers: package.json has no ${missing.join(", ")}; add the project's public addresses before publishing (see CHANGELOG.md).`,
  );
  process.exit(1);
}
