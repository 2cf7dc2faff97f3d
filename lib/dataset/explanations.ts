/**
 * French and Spanish for the dataset's explanations: why a claim was rejected and how a conflict was
 * settled. Editorial decisions' notes and reasons are hand-written and looked up whole in
 * data/translations.json; the reconciliation rules' own sentences follow the patterns below, and the
 * values they quote are written again for the language (numbers and dates with its conventions, text
 * through the translations).
 */
import { parseDate } from './dates';
import { type TranslationTable, writeIn } from './displays';
import type { DisplayLang, Displays } from './types';
import { displayValue, type Value } from './values';

/** Words of a hedged figure, by language. */
const QUALIFIERS: Record<DisplayLang, Record<'over' | 'about' | 'nearly', string>> = {
  fr: { over: 'plus de', about: 'environ', nearly: 'près de' },
  es: { over: 'más de', about: 'unos', nearly: 'casi' },
};

/** A number or date in `lang`'s conventions; other values through the translations. */
export function writeValueIn(value: Value, lang: DisplayLang, table: TranslationTable): string | undefined {
  if (value.type === 'date') {
    const { date, precision } = value;
    if (precision === 'year') return date;
    const options: Intl.DateTimeFormatOptions =
      precision === 'month'
        ? { month: 'long', year: 'numeric', timeZone: 'UTC' }
        : { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' };
    return new Intl.DateTimeFormat(lang, options).format(
      new Date(`${date}${precision === 'month' ? '-01' : ''}`),
    );
  }
  if (value.type === 'number') {
    if (value.measure) return undefined;
    const amount =
      value.unit === 'USD'
        ? `US$ ${new Intl.NumberFormat(lang, { notation: 'compact', compactDisplay: 'long' }).format(value.number)}`
        : new Intl.NumberFormat(lang).format(value.number);
    return value.qualifier ? `${QUALIFIERS[lang][value.qualifier]} ${amount}` : amount;
  }
  return writeIn(value, lang, table);
}

/** Quotation marks of each language. */
const QUOTE: Record<DisplayLang, (s: string) => string> = { fr: (s) => `« ${s} »`, es: (s) => `«${s}»` };

/** One sentence the rules write, and its French and Spanish; `{q1}`, `{q2}`: quoted values, `{1}`…: other parts. */
interface Pattern {
  en: RegExp;
  /** Which capture groups are quoted values (written again for the language), by group number. */
  quoted: number[];
  /** Which capture groups are ISO dates. */
  dates?: number[];
  fr: string;
  es: string;
}

const Q = '"(.+?)"';

/** The rules' sentences (lib/dataset/rules.ts, reconcile.ts); one that is missing here leaves no translation. */
const PATTERNS: readonly Pattern[] = [
  {
    en: /^undated figure for a value that changes over time: it cannot be placed in the history$/,
    quoted: [],
    fr: "chiffre non daté d'une valeur qui change avec le temps : il ne peut pas être placé dans l'historique",
    es: 'cifra sin fecha de un valor que cambia con el tiempo: no se puede situar en el historial',
  },
  {
    en: new RegExp(`^outranked: a tier-(\\d) source gives ${Q}$`),
    quoted: [2],
    fr: 'écarté : une source de niveau {1} donne {2}',
    es: 'descartado: una fuente de nivel {1} da {2}',
  },
  {
    en: new RegExp(
      `^Settled by source tier: ${Q} comes from a tier-(\\d) source; the other values' best source is tier (\\d)\\.$`,
    ),
    quoted: [1],
    fr: "Tranché par le niveau des sources : {1} vient d'une source de niveau {2} ; la meilleure source des autres valeurs est de niveau {3}.",
    es: 'Resuelto por el nivel de las fuentes: {1} procede de una fuente de nivel {2}; la mejor fuente de los demás valores es de nivel {3}.',
  },
  {
    en: new RegExp(`^adds nothing to the series: ${Q} is already met by ${Q} as of (\\S+)$`),
    quoted: [1, 2],
    dates: [3],
    fr: "n'ajoute rien à la série : {1} est déjà atteint par {2} à la date de {3}",
    es: 'no añade nada a la serie: {1} ya se cumple con {2} a fecha de {3}',
  },
  {
    en: new RegExp(`^does not match the settled value ${Q}$`),
    quoted: [1],
    fr: 'ne correspond pas à la valeur retenue {1}',
    es: 'no coincide con el valor establecido {1}',
  },
  {
    en: new RegExp(`^fewer independent sources agree; (\\d+) give ${Q}$`),
    quoted: [2],
    fr: 'moins de sources indépendantes concordent ; {1} donnent {2}',
    es: 'concuerdan menos fuentes independientes; {1} dan {2}',
  },
];

/**
 * `text` (a note or a reason) in French and Spanish. `values` are the typed values it may quote, by
 * their English display. Undefined in a language when the sentence or a value it quotes has no translation.
 */
export function explanationDisplays(
  text: string,
  values: ReadonlyMap<string, Value>,
  table: TranslationTable,
): Displays | undefined {
  const whole = table.get(text);
  if (whole) return { fr: whole.fr, es: whole.es };
  for (const pattern of PATTERNS) {
    const match = pattern.en.exec(text);
    if (!match) continue;
    const out: Displays = {};
    for (const lang of ['fr', 'es'] as const) {
      let complete = true;
      const written = pattern[lang].replace(/\{(\d)\}/g, (_, n: string) => {
        const group = match[Number(n)] ?? '';
        const part = pattern.quoted.includes(Number(n))
          ? quoted(group, values, lang, table)
          : pattern.dates?.includes(Number(n))
            ? writeValueIn({ type: 'date', ...parseDate(group) }, lang, table)
            : group;
        if (part === undefined) complete = false;
        return part ?? '';
      });
      if (complete) out[lang] = written;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }
  return undefined;
}

function quoted(
  display: string,
  values: ReadonlyMap<string, Value>,
  lang: DisplayLang,
  table: TranslationTable,
): string | undefined {
  const value = values.get(display);
  const written = value ? writeValueIn(value, lang, table) : undefined;
  return written === undefined ? undefined : QUOTE[lang](written);
}

/** The values a fact's notes and reasons may quote, by their English display. */
export function quotableValues(values: readonly Value[]): Map<string, Value> {
  return new Map(values.map((v) => [displayValue(v), v]));
}
