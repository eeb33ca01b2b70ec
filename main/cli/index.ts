import { runCli } from './run';

// Entry point of `npm run duewatch -- COMMAND` under Node.
void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
