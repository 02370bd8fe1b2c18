import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import { issueHs256Token, TOKEN_ROLES, type TokenRole } from '#aduan/identity';
import { loadConfig } from '#aduan/infrastructure';
import { UsageError } from '../usage-error.js';

export const TOKEN_USAGE = `token --role ROLE [--agency CODE] [--sub ID] [--expires 12h]
  Prints a bearer token the API accepts with the same JWT_SECRET (development: the default one).
  ROLE is one of ${TOKEN_ROLES.join(', ')}; agency_officer needs --agency.`;

export async function tokenCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      role: { type: 'string' },
      agency: { type: 'string' },
      sub: { type: 'string' },
      expires: { type: 'string', default: '12h' },
    },
    strict: true,
  });
  const role = values.role as TokenRole | undefined;
  if (!role || !TOKEN_ROLES.includes(role)) throw new UsageError(`--role must be one of ${TOKEN_ROLES.join(', ')}`);
  if (role === 'agency_officer' && !values.agency) throw new UsageError('--agency CODE is required for agency_officer');
  const config = loadConfig();
  const token = await issueHs256Token(config.jwtSecret, {
    sub: values.sub ?? `${role}-${randomUUID().slice(0, 8)}`,
    role,
    agency: values.agency ?? null,
    expiresIn: values.expires,
  });
  process.stdout.write(`${token}\n`);
}
