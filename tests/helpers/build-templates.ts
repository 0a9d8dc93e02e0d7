/** `node --import tsx tests/helpers/build-templates.ts DIR`: builds the test run's template databases into DIR. */
import { buildTemplates } from './templates.ts';

const dir = process.argv[2];
if (!dir) throw new Error('Ange katalogen för mallarna');
await buildTemplates(dir);
