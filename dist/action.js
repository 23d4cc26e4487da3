#!/usr/bin/env node
import { createRequire as __fastestCreateRequire } from 'node:module';
import { fileURLToPath as __fastestFileURLToPath } from 'node:url';
import { dirname as __fastestDirname } from 'node:path';
const __filename = __fastestFileURLToPath(import.meta.url);
const __dirname = __fastestDirname(__filename);
const require = __fastestCreateRequire(import.meta.url);
var __webpack_exports__ = {};
// This entry need to be wrapped in an IIFE because it uses a non-standard name for the exports (exports).
(() => {
var exports = __webpack_exports__;

Object.defineProperty(exports, "B", ({ value: true }));

})();

var __webpack_exports___esModule = __webpack_exports__.B;
export { __webpack_exports___esModule as __esModule };
