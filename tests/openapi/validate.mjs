// Validates an OpenAPI document with a real validator (@seriousme/openapi-schema-validator,
// the schemas of the OpenAPI Initiative) and resolves every $ref in it.
//   node validate.mjs docs/openapi.yaml        exit 0 when valid, 1 with the errors otherwise
import { Validator } from '@seriousme/openapi-schema-validator';

const file = process.argv[2];
const validator = new Validator();
const result = await validator.validate(file);
if (!result.valid) {
  console.error(`${file} is not a valid OpenAPI document:`);
  console.error(JSON.stringify(result.errors, null, 2));
  process.exit(1);
}
try {
  validator.resolveRefs();
} catch (e) {
  console.error(`${file}: ${e.message}`);
  process.exit(1);
}
console.log(`${file}: valid OpenAPI ${validator.version}`);
