import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The directory of Tandem's package.json, found by walking up from this file, so data files
 * (corpus, models) resolve the same way from `src/` under tsx/vitest and from `dist/` after a build.
 */
export function findPackageRoot(from: string = fileURLToPath(import.meta.url)): string {
  let dir = dirname(from);
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: unknown };
      if (pkg.name === 'tandem') return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find Tandem's package.json above ${from}`);
    dir = parent;
  }
}
