// @vitest-environment node
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import namesFile from '@/data/compiled/names.json';
import { detect } from '@/lib/detect';
import { nameTable } from '@/lib/detect/names';
import { containsStem } from '@/lib/detect/stems';

/** The fields of the names timeline the detector reads; the dataset may add more. */
const Form = v.object({ lang: v.pipe(v.string(), v.minLength(2)), name: v.pipe(v.string(), v.minLength(3)) });
const Timeline = v.object({
  names: v.pipe(
    v.array(
      v.object({
        id: v.string(),
        era: v.picklist(['PICMME', 'ICEM', 'ICM', 'IOM']),
        acronym: v.string(),
        name: v.string(),
        forms: v.array(v.object({ ...Form.entries, acronym: v.optional(v.string()) })),
        variants: v.array(Form),
        aliases: v.array(Form),
      }),
    ),
    v.minLength(4),
  ),
});

const { longNames, acronyms } = nameTable();

describe('names data', () => {
  it('has the fields the detector reads', () => {
    const result = v.safeParse(Timeline, namesFile);
    expect(result.issues?.map((i) => `${v.getDotPath(i)}: ${i.message}`) ?? []).toEqual([]);
  });

  it('gives every form, variant and alias a migration stem, so the detector looks for it', () => {
    const missing = longNames.filter((n) => !containsStem(n.text)).map((n) => n.text);
    expect(missing).toEqual([]);
  });

  it.each(longNames.map((n) => [n.text, n]))('detects the data name "%s" in running text', (text, name) => {
    const sentence = `Yesterday ${text} published figures.`;
    const found = detect(sentence).find((m) => m.kind !== 'acronym');
    expect(found).toMatchObject({ surface: text, name: name.era, nameId: name.nameId, lang: name.lang });
  });

  it.each([...acronyms.values()].map((a) => [a.acronym, a]))(
    'detects the data acronym %s when defined',
    (acr, a) => {
      const long = longNames.find((n) => n.nameId === a.nameId && n.kind === 'long');
      const mentions = detect(`${long?.text} (${acr}) opened an office.`);
      expect(mentions.map((m) => [m.surface, m.name])).toContainEqual([acr, a.era]);
    },
  );
});
