// Builds everything the server serves from web/dist:
//   v2/js/opentok.js      the OT SDK as an IIFE that sets window.OT (OpenTok's script URL)
//   v2/js/opentok.min.js  the same, minified (the URL OpenTok's samples load)
//   v2/js/opentok.esm.js  the same SDK as an ES module
//   v2/js/types/          .d.ts types (emitted by tsc)
//   app/…                 the one-to-one app and the <duet-call> element, plus web/app/public copied as is
// Run by `npm run build`, which the server project's build runs for you.
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const dist = join(root, 'dist');
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

const common = { bundle: true, sourcemap: true, target: ['chrome100', 'safari15', 'firefox100'], logLevel: 'warning', loader: { '.css': 'text' } };

await Promise.all([
  esbuild.build({ ...common, entryPoints: [join(root, 'sdk/src/global.ts')], format: 'iife', outfile: join(dist, 'v2/js/opentok.js') }),
  esbuild.build({ ...common, entryPoints: [join(root, 'sdk/src/global.ts')], format: 'iife', minify: true, outfile: join(dist, 'v2/js/opentok.min.js') }),
  esbuild.build({ ...common, entryPoints: [join(root, 'sdk/src/index.ts')], format: 'esm', outfile: join(dist, 'v2/js/opentok.esm.js') }),
  esbuild.build({ ...common, entryPoints: [join(root, 'app/src/main.ts')], format: 'esm', outfile: join(dist, 'app/app.js') }),
  esbuild.build({ ...common, entryPoints: [join(root, 'app/src/duet-call.ts')], format: 'esm', outfile: join(dist, 'app/duet-call.js') }),
]);

execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'sdk'), '--noEmit', 'false', '--emitDeclarationOnly', '--declaration', '--outDir', join(dist, 'v2/js/types')], { stdio: 'inherit' });
cpSync(join(root, 'app/public'), dist, { recursive: true });
writeFileSync(join(dist, '.stamp'), new Date().toISOString());
