/**
 * `npm run demo:ledger`: the demo's actuals for Timrå's IFO 2017, written into demo/:
 * - timra-ifo-2017-huvudbok.se: a SIE 4 file (PC8) as the economy system would export it —
 *   vouchers for payroll, supplier invoices, payments and grants, each balanced against a balance
 *   account, plus #PSALDO per account and month for the whole account and per responsibility;
 * - timra-ifo-2017-huvudbok.csv: the same ledger's result rows as a CSV export (UTF-8 with BOM,
 *   semicolons, decimal comma);
 * - timra-ifo-2017-volymer.csv: the volume actuals of 2017's months, as the seed printed them;
 * - timra-ifo-mappning.json: the mapping that reads both ledgers into the plan's cost centres.
 *
 * The ledger is generated but realistic, and deterministic (a seeded generator, no clock): each
 * cost centre's income and costs for the year add up exactly to the seed's "Prognos 2017 aug"
 * (demo/timra-ifo-2018-2020.json, × 1 000 kr), spread over Kommun-Bas accounts and over the months
 * in step with the seed's own monthly volumes (HVB and family-home placements, households with
 * försörjningsstöd, unaccompanied children). Responsibility and activity codes are invented:
 * Timrå's code plan is not in the seeds.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';

const DEMO = new URL('../demo/', import.meta.url);
const YEAR = 2017;

type Side = 'income' | 'costs';

interface Unit {
  node: string;
  responsibility: string;
  name: string;
  activities: Array<{ code: string; name: string }>;
  /** Share of the year's amount per account, per side. */
  accounts: Record<Side, Array<{ account: string; weight: number; profile: Profile; activity?: string }>>;
}

type Profile = 'salary' | 'flat' | 'quarterly' | `volume:${string}`;

const ACCOUNTS: Record<string, string> = {
  '1510': 'Kundfordringar',
  '1930': 'Bank',
  '2540': 'Leverantörsskulder',
  '2910': 'Upplupna löner och arbetsgivaravgifter',
  '3140': 'Egenavgifter HVB och familjehem',
  '3510': 'Statsbidrag från Migrationsverket',
  '3590': 'Övriga bidrag och ersättningar',
  '3690': 'Återbetalt försörjningsstöd',
  '4010': 'Förbrukningsmaterial',
  '4510': 'Försörjningsstöd',
  '4610': 'Köp av HVB-placeringar',
  '4620': 'Köp av familjehemsvård',
  '4630': 'Köp av boende för ensamkommande barn',
  '4640': 'Köp av skyddat boende',
  '4650': 'Köp av öppenvård',
  '5110': 'Löner månadsavlönade',
  '5410': 'Arvoden till familjehem och kontaktpersoner',
  '5610': 'Arbetsgivaravgifter och pensioner',
  '6110': 'Lokalhyror',
  '7310': 'Resor och transporter',
};

const UNITS: Unit[] = [
  {
    node: 'ifo-barn-o-familj',
    responsibility: '72200',
    name: 'IFO, Barn o familj',
    activities: [
      { code: '5720', name: 'Barn- och ungdomsvård' },
      { code: '5780', name: 'Familjerätt och familjerådgivning' },
    ],
    accounts: {
      income: [
        { account: '3140', weight: 60, profile: 'flat' },
        { account: '3590', weight: 40, profile: 'quarterly' },
      ],
      costs: [
        { account: '4610', weight: 30, profile: 'volume:hvb-barn-unga-manadsslut' },
        { account: '4620', weight: 22, profile: 'volume:familjehemsplacerade-barn-unga' },
        { account: '5410', weight: 6, profile: 'volume:familjehemsplacerade-barn-unga' },
        { account: '5110', weight: 25, profile: 'salary' },
        { account: '5610', weight: 9, profile: 'salary' },
        { account: '6110', weight: 4, profile: 'flat', activity: '5780' },
        { account: '4010', weight: 2, profile: 'flat' },
        { account: '7310', weight: 2, profile: 'flat' },
      ],
    },
  },
  {
    node: 'ifo-vuxna',
    responsibility: '72100',
    name: 'IFO, Vuxna',
    activities: [
      { code: '5710', name: 'Missbrukarvård för vuxna' },
      { code: '5730', name: 'Övrig vuxenvård' },
    ],
    accounts: {
      income: [
        { account: '3140', weight: 70, profile: 'flat' },
        { account: '3590', weight: 30, profile: 'quarterly' },
      ],
      costs: [
        { account: '4610', weight: 33, profile: 'volume:hvb-missbruk-klienter' },
        { account: '4640', weight: 6, profile: 'volume:skyddat-boende-vinr', activity: '5730' },
        { account: '4650', weight: 13, profile: 'flat' },
        { account: '5110', weight: 27, profile: 'salary' },
        { account: '5610', weight: 10, profile: 'salary' },
        { account: '6110', weight: 6, profile: 'flat', activity: '5730' },
        { account: '4010', weight: 3, profile: 'flat' },
        { account: '7310', weight: 2, profile: 'flat' },
      ],
    },
  },
  {
    node: 'forsorjningsstod-utbetaln',
    responsibility: '72400',
    name: 'Försörjningsstöd, utbetalning',
    activities: [{ code: '5750', name: 'Ekonomiskt bistånd' }],
    accounts: {
      income: [{ account: '3690', weight: 100, profile: 'flat' }],
      costs: [{ account: '4510', weight: 100, profile: 'volume:hushall-forsorjningsstod' }],
    },
  },
  {
    node: 'ekb',
    responsibility: '72500',
    name: 'EKB, Ensamkommande barn',
    activities: [{ code: '5760', name: 'Ensamkommande barn och unga' }],
    accounts: {
      income: [
        { account: '3510', weight: 95, profile: 'quarterly' },
        { account: '3590', weight: 5, profile: 'flat' },
      ],
      costs: [
        { account: '4630', weight: 45, profile: 'volume:ensamkommande-barn-extern-regi' },
        { account: '5110', weight: 28, profile: 'volume:ensamkommande-barn-egen-regi' },
        { account: '5610', weight: 10, profile: 'volume:ensamkommande-barn-egen-regi' },
        { account: '6110', weight: 10, profile: 'flat' },
        { account: '4010', weight: 4, profile: 'flat' },
        { account: '7310', weight: 3, profile: 'flat' },
      ],
    },
  },
];

/** A seeded generator (mulberry32): the same files every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Integers adding up exactly to `total`, in proportion to the weights (largest remainders). */
function distribute(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((weight) => (total * weight) / sum);
  const parts = exact.map((value) => Math.floor(value));
  let rest = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((value, i) => [value - Math.floor(value), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (rest <= 0) break;
    parts[i]!++;
    rest--;
  }
  return parts;
}

interface SeedPlan {
  budgetTables: Array<{ node: string; rows: Array<{ line: string; cells: Record<string, string> }> }>;
  volumeTables: Array<{ key: string; columns: Array<{ key: string; period: string; kind: string }>; rows: Array<{ measure: string; cells: Record<string, string> }> }>;
}

function readSeed(): SeedPlan {
  return JSON.parse(readFileSync(new URL('timra-ifo-2018-2020.json', DEMO), 'utf8')) as SeedPlan;
}

/** The seed's "Prognos 2017 aug" of a cost centre, in öre: income positive, costs negative. */
function forecastOre(seed: SeedPlan, node: string, line: Side): number {
  const text = seed.budgetTables.find((table) => table.node === node)?.rows.find((row) => row.line === line)?.cells['prognos-2017'];
  if (text === undefined) throw new Error(`Ingen prognos 2017 för ${node} ${line}`);
  return Number(text.replace(/\s/g, '')) * 1000 * 100;
}

function monthlyVolume(seed: SeedPlan, measure: string): number[] {
  const table = seed.volumeTables.find((candidate) => candidate.key === 'ifo-matt-2017')!;
  const row = table.rows.find((candidate) => candidate.measure === measure)!;
  return Array.from({ length: 12 }, (_, i) => Number((row.cells[`utfall-${YEAR}-${String(i + 1).padStart(2, '0')}`] ?? '0').replace(',', '.')));
}

function profileWeights(seed: SeedPlan, profile: Profile, next: () => number): number[] {
  const noisy = (weights: number[]): number[] => weights.map((weight) => weight * (0.92 + 0.16 * next()));
  if (profile === 'salary') return noisy([1, 1, 1, 1, 1, 1.05, 0.72, 0.95, 1, 1, 1, 1.25]);
  if (profile === 'quarterly') return [0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1].map((weight) => weight * (0.9 + 0.2 * next()));
  if (profile === 'flat') return noisy(Array.from({ length: 12 }, () => 1));
  // In step with the month's volume; a month without any still has some cost (bills come late).
  return noisy(monthlyVolume(seed, profile.slice('volume:'.length)).map((volume) => volume + 0.3));
}

/** One booked row of a voucher. */
interface Row {
  account: string;
  responsibility?: string;
  activity?: string;
  ore: number;
}

interface Voucher {
  series: string;
  number: number;
  date: string;
  text: string;
  rows: Row[];
}

function vouchersOf(seed: SeedPlan): Voucher[] {
  const next = random(2262_2017);
  const planned: Array<Omit<Voucher, 'number'>> = [];
  for (const unit of UNITS) {
    for (const side of ['income', 'costs'] as const) {
      const total = Math.abs(forecastOre(seed, unit.node, side));
      if (total === 0) continue;
      const accountTotals = distribute(total, unit.accounts[side].map((a) => a.weight * (0.95 + 0.1 * next())));
      unit.accounts[side].forEach((spec, index) => {
        const months = distribute(accountTotals[index]!, profileWeights(seed, spec.profile, next));
        months.forEach((monthOre, m) => {
          if (monthOre === 0) return;
          planned.push(...monthVouchers(unit, spec, side, m + 1, monthOre, next));
        });
      });
    }
  }
  const order: Record<string, number> = { L: 0, LF: 1, U: 2, K: 3 };
  planned.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : order[a.series]! - order[b.series]!));
  const numbers = new Map<string, number>();
  return planned.map((voucher) => {
    const number = (numbers.get(voucher.series) ?? 0) + 1;
    numbers.set(voucher.series, number);
    return { ...voucher, number };
  });
}

const MONTH_NAMES = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

function monthVouchers(
  unit: Unit,
  spec: Unit['accounts'][Side][number],
  side: Side,
  month: number,
  ore: number,
  next: () => number,
): Array<Omit<Voucher, 'number'>> {
  const activity = spec.activity ?? unit.activities[0]!.code;
  const day = (low: number, high: number): string => `${YEAR}-${String(month).padStart(2, '0')}-${String(low + Math.floor(next() * (high - low + 1))).padStart(2, '0')}`;
  const row = (amount: number): Row => ({ account: spec.account, responsibility: unit.responsibility, activity, ore: side === 'costs' ? amount : -amount });
  if (spec.profile === 'salary') {
    return [{ series: 'L', date: day(25, 25), text: `Lön ${MONTH_NAMES[month - 1]} ${unit.name}`, rows: [row(ore), { account: '2910', ore: -ore }] }];
  }
  // Invoices and payments: a few per month, of uneven size.
  const count = spec.profile === 'quarterly' ? 1 : 1 + Math.floor(next() * 4);
  const parts = distribute(ore, Array.from({ length: count }, () => 0.4 + next()));
  const text = `${ACCOUNTS[spec.account]!}, ${MONTH_NAMES[month - 1]}`;
  return parts.map((part) => {
    if (side === 'income') {
      const bank = spec.account === '3140' ? '1510' : '1930';
      return { series: 'K', date: day(5, 28), text, rows: [{ account: bank, ore: part }, row(part)] };
    }
    const series = spec.account === '4510' ? 'U' : 'LF';
    return { series, date: day(3, 28), text, rows: [row(part), { account: series === 'U' ? '1930' : '2540', ore: -part }] };
  });
}

function sieAmount(ore: number): string {
  const sign = ore < 0 ? '-' : '';
  const abs = Math.abs(ore);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

function swedishAmount(ore: number): string {
  const sign = ore < 0 ? '-' : '';
  const abs = Math.abs(ore);
  const kronor = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+$)/g, ' ');
  return `${sign}${kronor},${String(abs % 100).padStart(2, '0')}`;
}

function quote(text: string): string {
  return `"${text.replaceAll('"', '\\"')}"`;
}

function sieFile(vouchers: Voucher[]): Buffer {
  const used = [...new Set(vouchers.flatMap((voucher) => voucher.rows.map((row) => row.account)))].sort();
  const lines = [
    '#FLAGGA 0',
    '#PROGRAM "Styrkort demogenerator" 1.0',
    '#FORMAT PC8',
    '#GEN 20180115',
    '#SIETYP 4',
    '#FNAMN "Timrå kommun"',
    `#RAR 0 ${YEAR}0101 ${YEAR}1231`,
    '#DIM 1 "Ansvar"',
    '#DIM 20 "Verksamhet"',
    ...UNITS.map((unit) => `#OBJEKT 1 ${quote(unit.responsibility)} ${quote(unit.name)}`),
    ...UNITS.flatMap((unit) => unit.activities.map((activity) => `#OBJEKT 20 ${quote(activity.code)} ${quote(activity.name)}`)),
    ...used.flatMap((account) => [`#KONTO ${account} ${quote(ACCOUNTS[account]!)}`, `#KTYP ${account} ${accountType(account)}`]),
    ...periodBalances(vouchers),
  ];
  for (const voucher of vouchers) {
    lines.push(`#VER ${voucher.series} ${voucher.number} ${voucher.date.replaceAll('-', '')} ${quote(voucher.text)}`, '{');
    for (const row of voucher.rows) {
      const objects = row.responsibility === undefined ? '{}' : `{1 ${quote(row.responsibility)} 20 ${quote(row.activity!)}}`;
      lines.push(`   #TRANS ${row.account} ${objects} ${sieAmount(row.ore)}`);
    }
    lines.push('}');
  }
  return iconv.encode(`${lines.join('\r\n')}\r\n`, 'cp437');
}

function accountType(account: string): string {
  return account.startsWith('1') ? 'T' : account.startsWith('2') ? 'S' : account.startsWith('3') ? 'I' : 'K';
}

/** #PSALDO of the result accounts per month: for the whole account ({}) and per responsibility. */
function periodBalances(vouchers: Voucher[]): string[] {
  const sums = new Map<string, number>();
  for (const voucher of vouchers) {
    const period = voucher.date.slice(0, 7).replace('-', '');
    for (const row of voucher.rows) {
      if (row.responsibility === undefined) continue;
      for (const view of ['{}', `{1 ${quote(row.responsibility)}}`]) {
        const key = `${period} ${row.account} ${view}`;
        sums.set(key, (sums.get(key) ?? 0) + row.ore);
      }
    }
  }
  return [...sums.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, ore]) => {
      const [period, account, ...view] = key.split(' ');
      return `#PSALDO 0 ${period} ${account} ${view.join(' ')} ${sieAmount(ore)}`;
    });
}

function csvFile(vouchers: Voucher[]): Buffer {
  const lines = ['Period;Ansvar;Verksamhet;Konto;Kontonamn;Belopp;Verifikation;Text'];
  for (const voucher of vouchers) {
    for (const row of voucher.rows) {
      if (row.responsibility === undefined) continue;
      const text = voucher.text.includes(';') ? `"${voucher.text}"` : voucher.text;
      lines.push([voucher.date.slice(0, 7), row.responsibility, row.activity, row.account, ACCOUNTS[row.account], swedishAmount(row.ore), `${voucher.series}${voucher.number}`, text].join(';'));
    }
  }
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')]);
}

function volumesFile(seed: SeedPlan): Buffer {
  const table = seed.volumeTables.find((candidate) => candidate.key === 'ifo-matt-2017')!;
  const months = table.columns.filter((column) => column.kind === 'actual' && column.period.startsWith(`${YEAR}-`));
  const lines = ['mått;period;värde'];
  for (const row of table.rows) {
    for (const column of months) {
      const text = row.cells[column.key];
      if (text !== undefined) lines.push(`${row.measure};${column.period};${text}`);
    }
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

function mappingFile(): string {
  const mapping = {
    format: 'styrkort-ledger-mapping',
    formatVersion: 1,
    key: 'timra-ifo',
    name: 'Timrå kommun, IFO: ekonomisystemets ansvar till verksamhetsplanens resultatenheter',
    municipality: '2262',
    sie: { responsibility: '1', activity: '20' },
    columns: { period: 'Period', account: 'Konto', amount: 'Belopp', responsibility: 'Ansvar', activity: 'Verksamhet' },
    amountSign: 'debit-positive',
    accounts: [],
    rules: UNITS.map((unit) => ({ match: { responsibility: unit.responsibility }, target: { node: unit.node }, note: unit.name })),
  };
  return `${JSON.stringify(mapping, null, 2)}\n`;
}

/** The demo files by name, generated from the seed. */
export function demoLedgerFiles(): Record<string, Buffer> {
  const seed = readSeed();
  const vouchers = vouchersOf(seed);
  return {
    'timra-ifo-2017-huvudbok.se': sieFile(vouchers),
    'timra-ifo-2017-huvudbok.csv': csvFile(vouchers),
    'timra-ifo-2017-volymer.csv': volumesFile(seed),
    'timra-ifo-mappning.json': Buffer.from(mappingFile(), 'utf8'),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [name, bytes] of Object.entries(demoLedgerFiles())) {
    writeFileSync(new URL(name, DEMO), bytes);
    console.log(`demo/${name}: ${bytes.length} byte`);
  }
}
