/**
 * Dataset values written for people in the card's language: dates and figures through Intl, words
 * such as "over" and "billion" from the card's strings, countries through Intl.DisplayNames. Text values
 * (places, people, phrases) are data: their French and Spanish words come from the dataset's `displays`.
 */
import type { DateValue } from '@/lib/dataset/dates';
import type { Value } from '@/lib/dataset/values';
import type { Translate } from '@/lib/i18n';
import { formatIsoDate } from '@/lib/i18n/dates';
import { countryIn } from './countries';

/** A dataset date at its own precision: "1951", "October 1952", "14 Nov 1989" (in the card's language). */
export function formatDateValue(value: DateValue, t: Translate): string {
  return formatIsoDate(value.date, t.lang);
}

/** Most fraction digits in a scaled amount: 3.43 billion reads as precisely as anyone needs. */
const AMOUNT_FRACTION_DIGITS = 2;

function formatUsd(amount: number, t: Translate): string {
  const scaled = (n: number) =>
    new Intl.NumberFormat(t.lang, { maximumFractionDigits: AMOUNT_FRACTION_DIGITS }).format(n);
  if (amount >= 1e9) return t('card_usdBillions', scaled(amount / 1e9));
  if (amount >= 1e6) return t('card_usdMillions', scaled(amount / 1e6));
  return new Intl.NumberFormat(t.lang, {
    style: 'currency',
    currency: 'USD',
    maximumFractionDigits: 0,
  }).format(amount);
}

const QUALIFIER_KEYS = {
  over: 'card_qualifier_over',
  about: 'card_qualifier_about',
  nearly: 'card_qualifier_nearly',
} as const;

/** A typed dataset value written for people in the card's language. */
export function formatValue(value: Value, t: Translate): string {
  switch (value.type) {
    case 'date':
      return formatDateValue(value, t);
    case 'number': {
      const figure =
        value.unit === 'USD'
          ? formatUsd(value.number, t)
          : new Intl.NumberFormat(t.lang).format(value.number);
      const hedged = value.qualifier ? t(QUALIFIER_KEYS[value.qualifier], figure) : figure;
      return value.measure ? `${hedged} (${value.measure})` : hedged;
    }
    case 'text':
      return value.text;
    case 'list':
      return new Intl.ListFormat(t.lang, { type: 'conjunction' }).format(value.list);
    case 'person':
      return value.country ? `${value.person} (${countryIn(value.country, t.lang)})` : value.person;
    case 'place':
      return value.country ? `${value.place}, ${countryIn(value.country, t.lang)}` : value.place;
    case 'name':
      return value.acronym ? `${value.name} (${value.acronym})` : value.name;
  }
}
