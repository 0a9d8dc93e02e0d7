/** The `styrkort` command line (bin/styrkort.js): the program of program.ts on this process's arguments. */
import { runCommandLine } from './program.ts';

// `styrkort export … | head` closes the pipe early; that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await runCommandLine(process.argv.slice(2));
