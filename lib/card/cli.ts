/**
 * The card CLI's arguments and output: `card -- --json --mention SURFACE [--date YYYY[-MM[-DD]]]
 * [--lang en|fr|es]` prints the model the hover card would render for that mention, built by the same
 * factory as the UI (createCardModel). Pure: scripts/card.ts only reads the dataset and prints.
 */
import { isIsoDate } from '@/lib/dataset/dates';
import { UI_LANGUAGES, type UiLanguage } from '@/lib/i18n';
import { EARLIEST_PAGE_YEAR } from '@/lib/page-date';
import { type CardDataset, createCardModel } from './model';
import { nameOfSurface } from './surface';
import type { CardModel } from './types';

export const CARD_USAGE =
  'usage: npm run --silent card -- --json --mention SURFACE [--date YYYY[-MM[-DD]]] [--lang en|fr|es]';

/** What the command line asks for. */
export interface CardRequest {
  /** The mention as written (ICEM, CIME, a full name). */
  mention: string;
  /** The page's date, if any. */
  date: string | null;
  /** The card's language. */
  lang: UiLanguage;
}

/** The request, or what is wrong with the arguments (one message naming the argument). */
export type ParsedCardArgs = { ok: true; request: CardRequest } | { ok: false; error: string };

const VALUE_FLAGS = ['--mention', '--date', '--lang'] as const;

/** Reads the arguments strictly: unknown flags, missing values and malformed dates are refused. */
export function parseCardArgs(argv: readonly string[], today: Date = new Date()): ParsedCardArgs {
  const fail = (error: string): ParsedCardArgs => ({ ok: false, error: `${error}\n${CARD_USAGE}` });
  const values = new Map<string, string>();
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--json') {
      json = true;
      continue;
    }
    if (!(VALUE_FLAGS as readonly string[]).includes(arg)) return fail(`unknown argument "${arg}"`);
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) return fail(`${arg} needs a value`);
    if (values.has(arg)) return fail(`${arg} is given twice`);
    values.set(arg, value);
    i++;
  }
  if (!json) return fail('--json is required (the only output this command has)');
  const mention = values.get('--mention')?.trim();
  if (!mention) return fail('--mention SURFACE is required');
  const date = values.get('--date') ?? null;
  if (date !== null) {
    if (!isIsoDate(date))
      return fail(`--date "${date}" is not a calendar date written YYYY, YYYY-MM or YYYY-MM-DD`);
    if (Number(date.slice(0, 4)) < EARLIEST_PAGE_YEAR)
      return fail(`--date "${date}" is before ${EARLIEST_PAGE_YEAR}`);
    if (date > today.toISOString().slice(0, date.length)) return fail(`--date "${date}" is in the future`);
  }
  const lang = values.get('--lang') ?? 'en';
  if (!(UI_LANGUAGES as readonly string[]).includes(lang))
    return fail(`--lang "${lang}" is not one of ${UI_LANGUAGES.join(', ')}`);
  return { ok: true, request: { mention, date, lang: lang as UiLanguage } };
}

/** The card model for a request, as the UI would render it; throws naming the surface when it is no name. */
export function cardForRequest(dataset: CardDataset, request: CardRequest): CardModel {
  const name = nameOfSurface(dataset.names, request.mention);
  if (!name) {
    const known = dataset.names.map((n) => n.acronym).join(', ');
    throw new Error(
      `--mention "${request.mention}" is not a name of the organization (known: ${known}, their full names, forms and variants)`,
    );
  }
  return createCardModel(
    dataset,
    { surface: request.mention, nameId: name.id, lang: request.lang },
    request.date ? { pageDate: { date: request.date, origin: 'given' } } : {},
  );
}
