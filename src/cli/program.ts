/**
 * The `styrkort` command line as a function: one fresh program per call, so `bin/styrkort.js`
 * (through main.ts) and tests that run commands in their own process (tests/helpers/cli.ts) go
 * through exactly the same parsing, checks, commands and exit codes. One file per command; shared
 * options and exit codes in context.ts.
 */
import { Command, CommanderError } from 'commander';
import { StyrkortError } from '../domain/errors.ts';
import { textProblem } from '../domain/text-input.ts';
import { exitCodeOf, exitCodes, printError } from './context.ts';

// Each command's module is loaded when it runs, so `styrkort plans` does not load the web server.
const serveCommand = async (o: any) => (await import('./serve.ts')).serveCommand(o);
const plansCommand = async (o: any) => (await import('./plans.ts')).plansCommand(o);
const importCommand = async (f: string | undefined, o: any) => (await import('./import.ts')).importCommand(f, o);
const exportCommand = async (p: string, o: any) => (await import('./export.ts')).exportCommand(p, o);
const reportCommand = async (p: string, o: any) => (await import('./report.ts')).reportCommand(p, o);
const checkCommand = async (p: string, o: any) => (await import('./check.ts')).checkCommand(p, o);
const demoCommand = async (o: any) => (await import('./demo.ts')).demoCommand(o);
const jsonSchemaCommand = async (o: any) => (await import('./json-schema.ts')).jsonSchemaCommand(o);
const userCommands = async () => import('./user.ts');
const rolloverCommand = async (p: string, o: any) => (await import('./rollover.ts')).rolloverCommand(p, o);
const statusCommand = async (p: string, o: any) => (await import('./status.ts')).statusCommand(p, o);
const forecastCommand = async (p: string, o: any) => (await import('./forecast.ts')).forecastCommand(p, o);
const deviationsCommand = async (p: string, o: any) => (await import('./deviations.ts')).deviationsCommand(p, o);
const diffCommand = async (a: string, b: string, o: any) => (await import('./diff.ts')).diffCommand(a, b, o);
const koladaCommands = async () => import('./kolada-commands.ts');
const backupCommand = async (o: any) => (await import('./backup.ts')).backupCommand(o);
const restoreCommand = async (f: string, o: any) => (await import('./restore.ts')).restoreCommand(f, o);
const importActualsCommand = async (f: string, o: any) => (await import('./import-actuals.ts')).importActualsCommand(f, o);
const importsCommand = async (o: any) => (await import('./imports.ts')).importsCommand(o);
const importLedgerCommand = async (f: string, o: any) => (await import('./import-ledger.ts')).importLedgerCommand(f, o);
const mappingCommands = async () => import('./mapping.ts');
const roundCommands = async () => import('./round.ts');

/** Runs one command line (the arguments after `styrkort`) and returns its exit code; errors are printed, not thrown. */
export async function runCommandLine(args: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync([...args], { from: 'user' });
    return exitCodes.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      const ok = ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code);
      return ok ? exitCodes.ok : exitCodes.usage;
    }
    printError(error);
    return exitCodeOf(error);
  }
}

function buildProgram(): Command {
  const program = new Command('styrkort')
    .description('Styrkort: planera och följ upp kommunens verksamhet.\nDatabas: --data KATALOG eller STYRKORT_DATA (inbäddad), eller DATABASE_URL=postgres://… (server).')
    .option('--data <katalog>', 'datakatalog för den inbäddade databasen (standard ./data eller STYRKORT_DATA)')
    .showHelpAfterError('(se styrkort --help)')
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text.replace(/^error:/, 'Fel:')) });

  const globals = () => program.opts<{ data?: string }>();

  // Arguments go through the same text rule as files and API bodies (issue 10, defect 6).
  program.hook('preAction', (_program, action) => {
    const texts = [...action.args, ...Object.values(action.opts()), ...Object.values(globals())].filter((value): value is string => typeof value === 'string');
    for (const text of texts) {
      const problem = textProblem(text);
      if (problem) throw new StyrkortError('usage', `Argumentet ${JSON.stringify(text.slice(0, 40))}: ${problem}`);
    }
  });

  program
    .command('serve')
    .description('starta servern (läser in demoplanerna i en tom databas)')
    .option('--port <port>', 'port', process.env.PORT ?? '3000')
    .option('--host <värd>', 'adress att lyssna på', process.env.HOST ?? '0.0.0.0')
    .action((options) => serveCommand({ ...globals(), ...options }));

  program.command('plans').description('lista planerna').action(() => plansCommand(globals()));

  program
    .command('import')
    .description('läs in en planfil (JSON); allt kontrolleras först, vid fel sparas ingenting')
    .argument('[fil]', 'planfil')
    .option('--replace', 'ersätt ett utkast (läser dess version nu, om inte --if-match anges)')
    .option('--if-match <version>', 'ersätt bara om planen fortfarande har den här versionen')
    .option('--restore-audit <id>', 'återställ planfilen som en händelse i ändringsloggen sparade (ersatt eller borttagen plan)')
    .option('--reason <text>', 'anledning, sparas i ändringsloggen')
    .action((file, options) => importCommand(file, { ...globals(), ...options }));

  program
    .command('export')
    .description('skriv ut en plan')
    .argument('<plan>', 'planens nyckel, t.ex. timra-sn-2020-2022')
    .requiredOption('--format <format>', 'format: json (planfil), pdf, docx, xlsx eller html (verksamhetsplanen som dokument)')
    .option('--out <fil>', 'skriv till fil i stället för standard ut')
    .action((plan, options) => exportCommand(plan, { ...globals(), ...options }));

  program
    .command('report')
    .description('uppföljningsrapport för en period: styrtal med status, volymer och budget mot plan, prognos, avvikelser, aktiviteter, analyser')
    .argument('<plan>', 'planens nyckel, t.ex. timra-ifo-2018-2020')
    .requiredOption('--period <period>', 'ÅÅÅÅ-MM (månadsuppföljning; -08 ger delårsrapport), ÅÅÅÅ-H1, ÅÅÅÅ-T1, ÅÅÅÅ-Q1 eller ÅÅÅÅ (verksamhetsberättelse)')
    .requiredOption('--format <format>', 'format: pdf, docx, xlsx eller html')
    .option('--out <fil>', 'skriv till fil i stället för standard ut')
    .action((plan, options) => reportCommand(plan, { ...globals(), ...options }));

  program
    .command('check')
    .description('stäm av tryckta summor mot beräknade (netto, enheter mot total, varav-rader, investeringar)')
    .argument('<plan>', 'planens nyckel')
    .option('--only-findings', 'visa bara avvikelser, avrundningar och noteringar, inte det som stämmer')
    .action((plan, options) => checkCommand(plan, { ...globals(), ...options }));

  program.command('demo').description('läs in demoplanerna (Timrå kommun) om de saknas').action(() => demoCommand(globals()));

  const user = program.command('user').description('användarkonton (lösenord från STYRKORT_PASSWORD eller terminalen)');
  user
    .command('add')
    .description('skapa ett konto')
    .argument('<namn>', 'användarnamn')
    .requiredOption('--role <roll>', 'admin, ledning, redaktör, ekonom eller läsare')
    .option('--unit <nod>', 'organisationsnod vars delträd kontot arbetar i')
    .option('--municipality <kommunkod>', 'kommunen kontot arbetar i (krävs när noden finns i flera kommuner)')
    .option('--name <visningsnamn>', 'namn som visas')
    .action(async (name, options) => (await userCommands()).userAddCommand(name, { ...globals(), ...options }));
  user.command('list').description('lista konton').action(async () => (await userCommands()).userListCommand(globals()));
  user
    .command('passwd')
    .description('byt lösenord (avslutar kontots inloggningar)')
    .argument('<namn>', 'användarnamn')
    .action(async (name) => (await userCommands()).userPasswdCommand(name, globals()));

  program
    .command('rollover')
    .description('skapa nästa periods plan från en plan (mål, styrtal med målvärden, pågående aktiviteter, budgetrader)')
    .argument('<plan>', 'planens nyckel')
    .requiredOption('--to <period>', 'ny period, t.ex. 2021-2023')
    .option('--key <nyckel>', 'den nya planens nyckel (standard: perioden byts i nyckeln)')
    .option('--preview', 'visa bara vad som skulle kopieras')
    .action((plan, options) => rolloverCommand(plan, { ...globals(), ...options }));

  program
    .command('status')
    .description('styrkortet: styrtal, målvärde, utfall, status och förklaring, och målens status')
    .argument('<plan>', 'planens nyckel')
    .option('--period <period>', 'ÅÅÅÅ, ÅÅÅÅ-H1, ÅÅÅÅ-T1, ÅÅÅÅ-Q1 eller ÅÅÅÅ-MM (standard: senaste perioden med utfall)')
    .action((plan, options) => statusCommand(plan, { ...globals(), ...options }));

  program
    .command('forecast')
    .description('helårsprognoser för volymer och budgetrader från månadsutfallen, bredvid inlagda prognoser')
    .argument('<plan>', 'planens nyckel')
    .option('--as-of <månad>', 'prognos från månaderna t.o.m. ÅÅÅÅ-MM (standard: senaste månaden med utfall)')
    .action((plan, options) => forecastCommand(plan, { ...globals(), ...options }));

  program
    .command('deviations')
    .description('avvikelser mot plan för en period, störst först, med analyserna')
    .argument('<plan>', 'planens nyckel')
    .option('--period <period>', 'ÅÅÅÅ, ÅÅÅÅ-H1, ÅÅÅÅ-T1, ÅÅÅÅ-Q1 eller ÅÅÅÅ-MM (standard: senaste perioden med utfall)')
    .action((plan, options) => deviationsCommand(plan, { ...globals(), ...options }));

  program
    .command('diff')
    .description('vad som ändrats mellan två planer: mål, styrtal, målvärden, volymer, budgetrader')
    .argument('<plan-a>', 'den tidigare planens nyckel')
    .argument('<plan-b>', 'den senare planens nyckel')
    .action((a, b) => diffCommand(a, b, globals()));

  const kolada = program.command('kolada').description('Kolada: nyckeltal för alla kommuner (källa: Kolada), jämförelser med liknande kommuner och riket');
  kolada
    .command('import')
    .description('läs in sparade Kolada-svar och CSV-filer; allt kontrolleras först, vid fel sparas ingenting')
    .argument('<fil...>', 'filer eller kataloger (CSV och JSON)')
    .action(async (files, options) => (await koladaCommands()).koladaImportCommand(files, { ...globals(), ...options }));
  kolada
    .command('sync')
    .description('hämta från Kolada (STYRKORT_KOLADA_URL): nyckeltal, kommuner, grupper och värden för kommunen, dess jämförelsegrupper och riket; bara det som ändrats sedan förra synken')
    .option('--kpi <id...>', 'nyckeltal att hämta värden för (standard: STYRKORT_KOLADA_KPIS och de som hämtats förut)')
    .option('--since <datum>', 'hämta värden ändrade sedan ÅÅÅÅ-MM-DD i stället för sedan förra synken')
    .option('--municipality <kommun>', 'kommunkod eller namn (standard: kommunen vars planer finns, eller STYRKORT_KOLADA_MUNICIPALITY)')
    .action(async (options) => (await koladaCommands()).koladaSyncCommand({ ...globals(), ...options }));
  kolada
    .command('compare')
    .description('jämför kommunens värde med jämförelsegruppens (medelvärde, min, kvartiler, median, max, plats) och rikets')
    .argument('<nyckeltal>', 'nyckeltalets id, t.ex. N31807')
    .requiredOption('--year <år>', 'år, ÅÅÅÅ')
    .option('--municipality <kommun>', 'kommunkod eller namn (standard: kommunen vars planer finns, eller STYRKORT_KOLADA_MUNICIPALITY)')
    .option('--group <grupp>', 'jämförelsegrupp: område ("IFO"), titel ("Liknande kommuner IFO") eller id (standard: övergripande)')
    .option('--gender <kön>', 'T, K eller M (standard: T, och K och M när nyckeltalet är könsuppdelat)')
    .option('--rank-order <ordning>', 'lowest-first (lägst värde är plats 1, standard) eller highest-first')
    .action(async (kpi, options) => (await koladaCommands()).koladaCompareCommand(kpi, { ...globals(), ...options }));
  kolada
    .command('links')
    .description('planens mått som är kopplade till Kolada: kommunens värde, jämförelsegruppens medelvärde och riket')
    .argument('<plan>', 'planens nyckel, t.ex. timra-sn-2020-2022')
    .option('--year <år>', 'år, ÅÅÅÅ (standard: senaste året med kommunens värde)')
    .action(async (plan, options) => (await koladaCommands()).koladaLinksCommand(plan, { ...globals(), ...options }));
  const round = program.command('round').description('uppföljningsomgångar: uppdrag per nod med ansvarig, sista dag och påminnelser');
  round
    .command('open')
    .description('öppna en uppföljningsomgång för en period (ett uppdrag per nod som har något att följa upp)')
    .argument('<plan>', 'planens nyckel, t.ex. timra-ifo-2018-2020')
    .requiredOption('--period <period>', 'ÅÅÅÅ-MM (-08: delårsrapport), ÅÅÅÅ-T1, ÅÅÅÅ-H1, ÅÅÅÅ-Q1 eller ÅÅÅÅ (verksamhetsberättelse)')
    .requiredOption('--deadline <datum>', 'sista dag, ÅÅÅÅ-MM-DD')
    .option('--reminder-days <dagar>', 'påminnelse så många dagar före sista dag (standard 3)')
    .option('--owner <konto>', 'kontot som äger omgången och får sammanställningarna')
    .option('--reason <text>', 'anledning, sparas i ändringsloggen')
    .action(async (plan, options) => (await roundCommands()).roundOpenCommand(plan, { ...globals(), ...options }));
  round
    .command('status')
    .description('var varje nods uppdrag står: inte påbörjad, pågår, klar, skickad tillbaka; försenade')
    .argument('<plan>', 'planens nyckel')
    .requiredOption('--period <period>', 'omgångens period')
    .action(async (plan, options) => (await roundCommands()).roundStatusCommand(plan, { ...globals(), ...options }));

  program
    .command('backup')
    .description('säkerhetskopiera hela databasen (planer, användare, ändringsloggen …) till en fil; samma format för inbäddad databas och PostgreSQL')
    .requiredOption('--out <fil>', 'filen att skriva (gzip-komprimerad)')
    .action((options) => backupCommand({ ...globals(), ...options }));

  program
    .command('restore')
    .description('återställ databasen från en säkerhetskopia, i en transaktion (en databas som inte är tom ersätts bara med --force)')
    .argument('<fil>', 'säkerhetskopian')
    .option('--force', 'ersätt allt i en databas som inte är tom')
    .action((file, options) => restoreCommand(file, { ...globals(), ...options }));

  program
    .command('import-actuals')
    .description('läs in utfall för volymer och styrtal från CSV eller Excel (lång eller bred layout); vid fel sparas ingenting')
    .argument('<fil>', 'CSV- eller Excel-fil (.xlsx)')
    .requiredOption('--plan <plan>', 'planens nyckel')
    .option('--dry-run', 'visa bara vad som skulle ändras')
    .option('--source <system>', 'källsystemet som cellerna visar (standard: verksamhetssystemet); en rättad fil från samma källa ersätter dess värden för perioderna')
    .option('--layout <layout>', 'auto, long (mått;period;värde) eller wide (mått som rader, perioder som kolumner)')
    .option('--year <år>', 'året för månadsrubriker utan år ("Utfall jan")')
    .option('--sheet <blad>', 'Excel-bladets namn eller nummer (standard: det första)')
    .option('--encoding <kodning>', 'auto, utf-8, windows-1252 (ansi), pc8 (cp437) eller iso-8859-1')
    .option('--delimiter <tecken>', 'fältavgränsare: ; , eller tab (standard: den filen använder)')
    .option('--decimal <tecken>', 'decimaltecken: , eller . (standard: det talen använder)')
    .action((file, options) => importActualsCommand(file, { ...globals(), ...options }));

  program
    .command('import-ledger')
    .description('läs in ekonomiskt utfall från en huvudbok (SIE 4, CSV eller Excel) per enhet och månad enligt en mappning; vid fel sparas ingenting')
    .argument('<fil>', 'SIE-, CSV- eller Excel-fil')
    .requiredOption('--mapping <namn>', 'mappningens nyckel (se styrkort mapping list), eller en mappningsfil (.json)')
    .option('--plan <plan>', 'planen som får utfallet (standard: kommunens plan som följer upp filens månader)')
    .option('--dry-run', 'visa tabellen per enhet och månad och de omappade koderna, spara ingenting')
    .option('--source <system>', 'källsystemet som cellerna visar (standard: ekonomisystemet)')
    .option('--sheet <blad>', 'Excel-bladets namn eller nummer (standard: det första)')
    .option('--encoding <kodning>', 'auto, utf-8, windows-1252 (ansi), pc8 (cp437) eller iso-8859-1')
    .option('--delimiter <tecken>', 'fältavgränsare: ; , eller tab (standard: den filen använder)')
    .option('--decimal <tecken>', 'decimaltecken: , eller . (standard: det beloppen använder)')
    .action((file, options) => importLedgerCommand(file, { ...globals(), ...options }));

  const mapping = program.command('mapping').description('kommunens mappningar från ekonomisystemets koder till planens enheter (JSON-filer)');
  mapping.command('list').description('lista mappningarna').action(async () => (await mappingCommands()).mappingListCommand(globals()));
  mapping
    .command('save')
    .description('spara en mappningsfil (kontrolleras först)')
    .argument('<fil>', 'mappningsfil (.json)')
    .option('--replace', 'ersätt en sparad mappning med samma nyckel')
    .option('--reason <text>', 'anledning, sparas i ändringsloggen')
    .action(async (file, options) => (await mappingCommands()).mappingSaveCommand(file, { ...globals(), ...options }));
  mapping
    .command('export')
    .description('skriv ut en sparad mappning som fil')
    .argument('<nyckel>', 'mappningens nyckel')
    .option('--out <fil>', 'skriv till fil i stället för standard ut')
    .action(async (key, options) => (await mappingCommands()).mappingExportCommand(key, { ...globals(), ...options }));

  program
    .command('imports')
    .description('importerna av utfall: historiken, en imports celler, eller ångra en import')
    .option('--plan <plan>', 'bara importerna till en plan')
    .option('--show <id>', 'visa en import och cellerna den ändrade')
    .option('--undo <id>', 'ångra en import (nekas om cellerna ändrats efter den)')
    .option('--reason <text>', 'anledning, sparas i ändringsloggen')
    .action((options) => importsCommand({ ...globals(), ...options }));

  program
    .command('json-schema')
    .description('skriv ut planfilens JSON Schema')
    .option('--out <fil>', 'skriv till fil')
    .action((options) => jsonSchemaCommand(options));

  return program;
}
