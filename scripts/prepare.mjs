// npm runs this after `npm install` or `npm ci` in a clone, and before `npm pack`. The build needs esbuild,
// a development dependency: an install without them (--omit=dev) says so and skips the build rather than
// failing. Installing the packed tarball never runs it: the tarball carries dist/.
import { createRequire } from 'node:module';

let esbuildFound = true;
try {
  createRequire(import.meta.url).resolve('esbuild');
} catch {
  esbuildFound = false;
}
if (esbuildFound) await import('./build.mjs');
else console.warn('rmprep: dist/ not built, because esbuild (a development dependency) is not installed; `npm install` then `npm run build` builds it');
