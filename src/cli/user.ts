/** `styrkort user add|list|passwd`: accounts. The password comes from STYRKORT_PASSWORD or the terminal. */
import { createInterface } from 'node:readline/promises';
import { StyrkortError } from '../domain/errors.ts';
import { changePassword, createUser, listUsers } from '../services/auth-service.ts';
import { withDatabase, type GlobalOptions } from './context.ts';

/** Asks for a password without echoing it, or takes STYRKORT_PASSWORD (for scripts). */
async function readPassword(prompt: string): Promise<string> {
  const fromEnv = process.env.STYRKORT_PASSWORD;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) throw new StyrkortError('usage', 'Ange lösenordet i STYRKORT_PASSWORD eller kör kommandot i en terminal');
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const output = rl as unknown as { _writeToOutput: (text: string) => void };
  process.stdout.write(prompt);
  output._writeToOutput = () => undefined; // do not echo what is typed
  try {
    return await rl.question('');
  } finally {
    rl.close();
    process.stdout.write('\n');
  }
}

export async function userAddCommand(name: string, options: GlobalOptions & { role: string; unit?: string; municipality?: string; name?: string }): Promise<void> {
  const password = await readPassword(`Lösenord för ${name}: `);
  const user = await withDatabase(options, 'styrkort user add', ({ db }) =>
    createUser(db, { username: name, password, role: options.role, unitKey: options.unit ?? null, municipality: options.municipality ?? null, displayName: options.name ?? null, actor: process.env.USER ?? 'cli' }),
  );
  console.log(`Skapade ${user.username} (${user.role}${user.unitKey ? `, ${user.unitKey}` : ''})`);
}

export async function userListCommand(options: GlobalOptions): Promise<void> {
  const users = await withDatabase(options, 'styrkort user list', ({ db }) => listUsers(db));
  if (users.length === 0) console.log('Inga användare.');
  for (const user of users) {
    // A scope is a municipality and a node of it: "2262/ifo"; without a node, the whole municipality.
    const scope = user.unitKey ? `${user.municipality ? `${user.municipality}/` : ''}${user.unitKey}` : user.municipality ? `hela kommunen ${user.municipality}` : 'hela kommunen';
    console.log(`${user.username}\t${user.role}\t${scope}${user.isDemo ? '\tdemo' : ''}`);
  }
}

export async function userPasswdCommand(name: string, options: GlobalOptions): Promise<void> {
  const password = await readPassword(`Nytt lösenord för ${name}: `);
  await withDatabase(options, 'styrkort user passwd', ({ db }) => changePassword(db, { username: name, password, actor: process.env.USER ?? 'cli' }));
  console.log(`Bytte lösenord för ${name}; användarens inloggningar är avslutade`);
}
