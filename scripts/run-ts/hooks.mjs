// Module hooks for register.mjs: `#aduan/<lib>` resolves to libs/<lib>/src/index.ts (as in jest's
// moduleNameMapper), `./x.js` from a .ts file to ./x.ts, and .ts files are compiled by SWC.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath, URL } from 'node:url';
import swc from '@swc/core';
import jestConfig from '../../jest.config.js';

const root = new URL('../../', import.meta.url);
const [, swcOptions] = jestConfig.transform['^.+\\.ts$'];

const LIBRARY = /^#aduan\/([^/]+)(?:\/([^/]+))?$/;

export async function resolve(specifier, context, nextResolve) {
  const library = LIBRARY.exec(specifier);
  if (library) {
    const [, name, sub] = library;
    const url = new URL(`libs/${name}/src/${sub ? `${sub}/` : ''}index.ts`, root);
    if (existsSync(fileURLToPath(url))) return { url: url.href, shortCircuit: true };
  }
  if (/^\.{1,2}\//.test(specifier) && specifier.endsWith('.js') && context.parentURL?.endsWith('.ts')) {
    const url = new URL(`${specifier.slice(0, -3)}.ts`, context.parentURL);
    if (existsSync(fileURLToPath(url))) return { url: url.href, shortCircuit: true };
  }
  return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return nextLoad(url, context);
  const filename = fileURLToPath(url);
  const { code } = await swc.transform(await readFile(filename, 'utf8'), { ...swcOptions, filename });
  return { format: 'module', source: code, shortCircuit: true };
}
