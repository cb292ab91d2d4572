import { projectRoot } from '../project-root';
import { defaultStateDir } from '../local/auth';
import { runOrganiserCli } from './organisers';

process.exitCode = await runOrganiserCli(process.argv.slice(2), {
  localStateDir: defaultStateDir(projectRoot),
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
