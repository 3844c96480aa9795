// Validates an OpenAPI document (default: api/openapi.yaml of the repo) with swagger-parser:
// prints "valid: <title> <version>, N paths" and exits 0, or the problem and exits 1.
import SwaggerParser from "@apidevtools/swagger-parser";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const file = process.argv[2] ?? path.join(here, "..", "..", "api", "openapi.yaml");
try {
  const api = await SwaggerParser.validate(file);
  console.log(`valid: ${api.info.title} ${api.info.version}, ${Object.keys(api.paths).length} paths`);
} catch (err) {
  console.error(`invalid: ${err.message}`);
  process.exit(1);
}
