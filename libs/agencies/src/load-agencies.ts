import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Agency } from './agency.js';
import { AgencyDirectory } from './agency-directory.js';

const DATA_FILE = join('libs', 'agencies', 'data', 'agencies.json');

/**
 * The seed file ships beside the sources; compiled code runs from dist/, so look upward from this
 * module for the project folder that holds it.
 */
export function defaultAgenciesFile(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(folder, DATA_FILE);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`Cannot find ${DATA_FILE} above ${fileURLToPath(import.meta.url)}`);
    folder = parent;
  }
}

export function loadAgencyDirectory(file: string = defaultAgenciesFile()): AgencyDirectory {
  let agencies: Agency[];
  try {
    agencies = JSON.parse(readFileSync(file, 'utf8')) as Agency[];
  } catch (error) {
    throw new Error(`Cannot read the agency directory ${file}: ${(error as Error).message}`, { cause: error });
  }
  if (!Array.isArray(agencies)) throw new Error(`${file} must hold a JSON array of agencies`);
  return new AgencyDirectory(agencies);
}
