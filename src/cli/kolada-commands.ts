/** The `styrkort kolada …` commands, loaded together when one of them runs. */
export { koladaImportCommand } from './kolada-import.ts';
export { koladaCompareCommand } from './kolada-compare.ts';
export { koladaSyncCommand } from './kolada-sync.ts';
export { koladaLinksCommand } from './kolada-links.ts';
