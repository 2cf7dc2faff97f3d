/**
 * How much each acronym needs before the detector accepts it as the organization. Scores are sums of
 * cue weights (one ordinary cue = 1); an acronym is accepted when its score reaches `threshold`.
 */

/** Per-acronym prior knowledge. */
export interface AcronymPolicy {
  /** Score before any cue: how often the letters mean the organization on the open web. */
  prior: number;
  /** Score needed to accept. */
  threshold: number;
  /**
   * Accept only when the document shows the organization by other means (a definition, a long name,
   * another confident mention). ICM is a pollster, a congress, a confederation and a French migration
   * institute; CIM is a dozen things. Bare, they are not enough even in a migration-themed text.
   */
  needsOrgEvidence?: boolean;
  /** Document languages in which the acronym usually means the organization, and the bonus. */
  languages?: { langs: readonly string[]; bonus: number };
  /** Articles right before the acronym that fit the organization's gender in a language, each with its bonus. */
  articles?: readonly { pattern: string; bonus: number }[];
}

/** Used for acronyms the data adds that the detector has no specific knowledge of. */
export const DEFAULT_POLICY: AcronymPolicy = { prior: 0, threshold: 1 };

/**
 * Feminine articles for "Organisation", "Organización", "Organização", "Organizzazione": no English text
 * puts "la", "l'", "della" or "pela" before an acronym, so they count as much as a cue.
 */
const FEMININE =
  "(?:la|l['’]|à|da|na|pela|della|dell['’]|alla|all['’]|nella|nell['’]|dalla|dall['’]|sulla|sull['’])";
/** Portuguese "a" is also English "a" (even if "an OIM" is correct there): half as much. */
const FEMININE_AMBIGUOUS = 'a';
/** Masculine articles for "Comité", "Comitato". */
const MASCULINE = "(?:le|l['’]|du|au|el|del|al|il|dello|do|no|pelo|ao)";

export const ACRONYM_POLICIES: Readonly<Record<string, AcronymPolicy>> = {
  // Unique: no other common meaning.
  PICMME: { prior: 5, threshold: 1 },
  IOM: { prior: 0, threshold: 1, articles: [{ pattern: '(?:die|der)', bonus: 0.5 }] },
  ICEM: { prior: 0, threshold: 1 },
  ICM: { prior: 0, threshold: 1, needsOrgEvidence: true },
  CIM: { prior: 0, threshold: 1, needsOrgEvidence: true },
  // In French, Spanish, Portuguese and Italian text, "la OIM" / "l'OIM" / "a OIM" is nearly always
  // the organization; in English text OIM is mostly Oracle Identity Manager (whose cues then weigh in).
  OIM: {
    prior: 0,
    threshold: 1,
    languages: { langs: ['fr', 'es', 'pt', 'it'], bonus: 0.5 },
    articles: [
      { pattern: FEMININE, bonus: 1 },
      { pattern: FEMININE_AMBIGUOUS, bonus: 0.5 },
    ],
  },
  CIME: {
    prior: 0,
    threshold: 1,
    languages: { langs: ['fr', 'es'], bonus: 0.5 },
    articles: [{ pattern: MASCULINE, bonus: 0.5 }],
  },
  МОМ: { prior: 0, threshold: 1, languages: { langs: ['ru'], bonus: 0.5 } },
};

/** The policy for an acronym. */
export function policyFor(acronym: string): AcronymPolicy {
  return ACRONYM_POLICIES[acronym] ?? DEFAULT_POLICY;
}
