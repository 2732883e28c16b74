#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
if (!existsSync(entry)) {
  process.stderr.write('tandem: not built yet. Run `npm install` (it builds) or `npm run build`.\n');
  process.exit(2);
}
await import(entry);
