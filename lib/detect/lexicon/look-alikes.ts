/**
 * Look-alikes: other things the organization's acronyms stand for. Written out anywhere in a document
 * ("the Institute of Medicine", "Isle of Man") they argue strongly against the acronym there; inside a
 * definition ("Isle of Man (IOM)") they settle it. Detector knowledge, not names of the organization.
 */

/** The expansions of one acronym that are not the organization. */
export interface LookAlikeSpec {
  /** The acronym these expansions compete with. */
  acronym: string;
  /** Case-insensitive pattern sources for the expansion written out. */
  expansions: readonly string[];
  /**
   * Case-sensitive pattern sources that contain the acronym itself and name a different thing
   * ("ICEM CFD", "ICM Registry"); a candidate inside one of these is rejected outright.
   */
  compounds?: readonly string[];
}

/** Company suffixes: "IOM Ltd" is a company, not the organization. Applied to every acronym. */
export const COMPANY_SUFFIXES = '(?:Ltd|Limited|Inc|LLC|GmbH|PLC|plc|Pty|Corp|Holdings|S\\.A\\.|SARL|AG)';

export const LOOK_ALIKES: readonly LookAlikeSpec[] = [
  {
    acronym: 'IOM',
    expansions: [
      'isle\\s+of\\s+man',
      'institute\\s+of\\s+occupational\\s+medicine',
      'institute\\s+of\\s+medicine',
      'intra-?\\s?operative\\s+(?:neuro(?:physiological)?\\s+)?monitoring',
      'i/o\\s+modules?',
      'input/output\\s+modules?',
      'international\\s+one\\s+metre',
      // The island and the Institute of Medicine in the languages the cue lexicon covers
      'isola\\s+di\\s+man',
      'ilha\\s+de\\s+man',
      'isla\\s+de\\s+man',
      '[îi]le\\s+de\\s+man',
      'insel\\s+man',
      'wysp[aięy]\\s+man',
      'man-sziget',
      'остров\\S{0,2}\\s+мэн',
      'جزيرة\\s+مان',
      'instituto\\s+de\\s+medicina',
      'istituto\\s+di\\s+medicina',
      'instytut\\S{0,2}\\s+medycyny',
      'институт\\S{0,2}\\s+медицины',
      'istituto\\s+oncologico\\s+del\\s+mediterraneo',
      'intra-?operativ\\S{0,3}\\s+neuro-?monitor',
    ],
    // The island's institutions written with the acronym: "IOM Government", "IOM Treasury".
    compounds: ['IOM\\s{1,3}(?:Government|Treasury|Post\\s+Office|Steam\\s+Packet|Constabulary|Bank)'],
  },
  {
    acronym: 'ICM',
    expansions: [
      'international\\s+confederation\\s+of\\s+midwives',
      'international\\s+congress\\s+of\\s+mathematicians',
      'international\\s+creative\\s+management',
      'institut\\s+convergences\\s+migrations',
      'isch(?:a)?emic\\s+cardiomyopathy',
      'implantable\\s+cardiac\\s+monitor',
      'inner\\s+cell\\s+mass',
      'institut\\s+du\\s+cerveau',
    ],
    compounds: ['ICM\\s{1,3}(?:Partners|Registry|Research|Unlimited)'],
  },
  {
    acronym: 'ICEM',
    expansions: [
      'international\\s+federation\\s+of\\s+chemical',
      "chemical,\\s+energy,\\s+mine\\s+and\\s+general\\s+workers['’]?\\s+unions",
      'international\\s+council\\s+(?:for|of)\\s+educational\\s+media',
    ],
    compounds: ['ICEM\\s{1,3}(?:CFD|Surf)', 'ANSYS\\s{1,3}ICEM', 'Ansys\\s{1,3}ICEM'],
  },
  { acronym: 'OIM', expansions: ['oracle\\s+identity\\s+manager'] },
  {
    acronym: 'CIM',
    expansions: [
      'common\\s+information\\s+model',
      'computer[\\s-]+integrated\\s+manufacturing',
      'chartered\\s+institute\\s+of\\s+marketing',
      'comisi[óo]n\\s+interamericana\\s+de\\s+mujeres',
      'centrum\\s+f[üu]r\\s+internationale\\s+migration',
    ],
  },
  { acronym: 'CIME', expansions: ['centro\\s+internazionale\\s+matematico\\s+estivo'] },
];
