/**
 * Cue lexicon: words around an acronym that speak for the organization (positive weight) or for one of
 * the other meanings of the same letters (negative weight). Detector knowledge, not names: the names come
 * from data/compiled/names.json.
 *
 * Patterns are regular-expression sources matched at the start of a word: prefix stems, unless they end
 * in `$`, which here means "and the word ends" (see END in cues.ts). Start each with a literal character:
 * the scanner dispatches on it. `ci` sources are case-insensitive; `cs` sources are case-sensitive
 * (acronyms, proper nouns that are ordinary words in lower case). A cue counts once per window however
 * often it occurs. Plain string literals only, so bundlers can drop the lexicon from code that does not use it.
 */

/** One cue: a group of words, in several languages, that count as one piece of evidence. */
export interface CueSpec {
  /** Stable name, used in explanations and tests. */
  id: string;
  /** Evidence for (+) or against (−) the organization; 1 is one ordinary cue. */
  weight: number;
  /** Case-insensitive pattern sources. */
  ci?: readonly string[];
  /** Case-sensitive pattern sources. */
  cs?: readonly string[];
  /** Acronyms the cue speaks to; all when absent (e.g. "workers" only argues against the union ICEM). */
  only?: readonly string[];
}

/** Evidence for the organization: its field, its partners, its city, its heads. */
export const PRO_CUES: readonly CueSpec[] = [
  {
    id: 'migration',
    weight: 1,
    // migrant(s), migration(s), migratory, migración, migrações, migrazione, emigrants, immigration;
    // not "migrate(d)", which is mostly software talk, nor "migraine".
    ci: [
      // The endings mark the field, not the software verb "migrate".
      'migra(?:nt|tion|to|cion|ción|ç|z)',
      // Emigrate and immigrate are always about people.
      'emigra',
      'immigra',
      'inmigra',
      'мигра',
      'مهاجر',
      'هجرة',
      '移民',
      '移住',
    ],
  },
  {
    id: 'refugees',
    weight: 1,
    ci: [
      'refugee',
      'r[ée]fugi[ée]',
      'refugiad',
      'rifugiat',
      'flüchtling',
      'geflüchtet',
      'беженц',
      'لاجئ',
      '难民',
    ],
  },
  {
    id: 'displacement',
    weight: 1,
    ci: [
      'displace',
      'd[ée]plac[ée]',
      'desplazad',
      'desplazamiento',
      'deslocad',
      'deslocamento',
      'sfollat',
      'fle(?:d|e|eing|es)$',
      'huy(?:eron|endo)',
      'fuyant',
      'binnenvertrieben',
      'vertriebene',
      'перемещ',
      'نازح',
    ],
    cs: ['IDPs?$'],
  },
  {
    id: 'resettlement',
    weight: 1,
    ci: [
      'resettle',
      'r[ée]installation',
      'reasentamiento',
      'reassentamento',
      'reinsediament',
      'neuansiedlung',
    ],
  },
  {
    id: 'return',
    weight: 1,
    ci: [
      'returnee',
      'voluntary\\s+return',
      'assisted\\s+voluntary',
      'retour\\s+volontaire',
      'retorno\\s+volunt',
      'rimpatri',
      'rückkehr',
    ],
    cs: ['AVRR?$'],
  },
  { id: 'reintegration', weight: 1, ci: ['reintegra', 'r[ée]int[ée]gra'] },
  { id: 'repatriation', weight: 1, ci: ['repatria', 'rapatri'] },
  { id: 'humanitarian', weight: 1, ci: ['humanit(?:ar|air|är)', 'гуманитар'] },
  {
    id: 'trafficking',
    weight: 1,
    ci: [
      'traffick',
      'smuggl',
      'trata\\s+de\\s+(?:personas|seres)',
      'tr[áa]fico\\s+de\\s+(?:pessoas|personas|seres|migrantes)',
      'traite\\s+des\\s+(?:personnes|[êe]tres)',
      'tratta\\s+di',
      'menschenhandel',
      'schleus',
    ],
  },
  { id: 'asylum', weight: 1, ci: ['asylum', 'asile', 'asilo', 'asyl', 'убежищ'] },
  { id: 'mediterranean', weight: 1, ci: ['mediterr', 'm[ée]diterran', 'mittelmeer', 'lampedusa'] },
  {
    id: 'shipwreck',
    weight: 1,
    ci: ['shipwreck', 'naufr[aá]g', 'schiffbruch', 'capsiz', 'chavir', 'zozobr', 'drown'],
  },
  {
    id: 'crossings',
    weight: 1,
    ci: [
      'crossings?$',
      'cross(?:ed|ing)?\\s+the\\s+(?:sea|mediterranean|channel|desert|border|dari[ée]n)',
      'travessia',
      'traves[íi]a',
      'traversée',
    ],
  },
  {
    id: 'deaths',
    weight: 0.5,
    ci: ['died$', 'deaths?$', 'missing$', 'bodies$', 'muertos', 'mortos', 'morts'],
  },
  {
    id: 'united-nations',
    weight: 1,
    ci: [
      'united\\s+nations',
      'nations\\s+unies',
      'naciones\\s+unidas',
      'na[çc][õo]es\\s+unidas',
      'nazioni\\s+unite',
      'vereinten?\\s+nationen',
      'الأمم المتحدة',
      '联合国',
    ],
    cs: ['UN$', 'U\\.N\\.', 'ONU$', 'UNO$', 'ООН$'],
  },
  {
    id: 'un-agencies',
    weight: 1,
    cs: ['UNHCR$', 'ACNUR$', 'HCR$', 'UNICEF$', 'OCHA$', 'UNRWA$', 'UNDP$'],
    ci: ['refugee\\s+agency'],
  },
  {
    id: 'geneva',
    weight: 1,
    ci: ['geneva', 'gen[èe]ve', 'ginebra', 'genebra', 'ginevra', 'genf$', 'женев'],
  },
  { id: 'dtm', weight: 1, cs: ['DTM$'], ci: ['displacement\\s+tracking'] },
  { id: 'missing-migrants', weight: 1, ci: ['missing\\s+migrants'] },
  {
    id: 'director-general',
    weight: 1,
    ci: [
      'director[\\s-]+general',
      'directeur\\s+g[ée]n[ée]ral',
      'directora\\s+general',
      'diretora?[\\s-]+geral',
      'direttore\\s+generale',
      'generaldirektor',
    ],
  },
  {
    // Heads of the organization (reference/iom-facts.md §4): surnames alone only where they are rare.
    id: 'heads',
    weight: 1,
    cs: [
      'Gibson$',
      'Tittmann$',
      'Haveman$',
      'Carlin$',
      'Purcell$',
      'McKinley$',
      'Lacy\\s+Swing$',
      'Vitorino$',
      'Amy\\s+(?:E\\.\\s+)?Pope$',
    ],
  },
  {
    id: 'member-states',
    weight: 0.5,
    ci: [
      'member\\s+states',
      'états\\s+membres',
      'etats\\s+membres',
      'estados\\s+miembros',
      'estados[\\s-]+membros',
      'stati\\s+membri',
      'mitglied(?:s)?staaten',
    ],
  },
  { id: 'borders', weight: 0.5, ci: ['border', 'fronti[èe]re', 'frontera', 'fronteira'] },
  { id: 'diaspora', weight: 1, ci: ['diaspora', 'remittance', 'remesa', 'remessa', 'rimess'] },
  { id: 'evacuation', weight: 0.5, ci: ['stranded', 'evacuat', 'évacuation'] },
  {
    id: 'spokesperson',
    weight: 0.5,
    ci: ['spokes(?:person|man|woman)', 'porte-parole', 'portavo(?:z|ce)', 'porta-voz', 'sprecher'],
  },
  {
    // "the agency", "the UN agency": lower case only, so "International Agency for Research on Cancer" stays out.
    id: 'agency',
    weight: 0.5,
    cs: ['agency$', 'agence$', 'agencia$', 'ag[êe]ncia$', 'agenzia$'],
  },
  {
    id: 'chief-of-mission',
    weight: 1,
    ci: ['chief\\s+of\\s+mission', 'chef\\s+de\\s+mission', 'jef[ae]\\s+de\\s+misi[óo]n'],
  },
  { id: 'camps', weight: 0.5, ci: ['camps?$', 'campamentos?$', 'campi$', 'lager$'] },
  { id: 'detention', weight: 0.5, ci: ['detention', 'd[ée]tention', 'detenci[óo]n', 'deten[çc][ãa]o'] },
  {
    id: 'host-communities',
    weight: 1,
    ci: [
      'host\\s+communit',
      "communaut[ée]s\\s+d['’]accueil",
      'comunidades\\s+de\\s+(?:acogida|acolhida)',
      'people\\s+on\\s+the\\s+move',
    ],
  },
  {
    // Emergency work the organization is known for; the other meanings of its acronyms rarely come with it.
    id: 'relief',
    weight: 1,
    ci: [
      'shelters?$',
      'non-food\\s+items',
      'relief$',
      'emergency\\s+response',
      'cyclone',
      'earthquake',
      'hurricane',
      'typhoon',
      'floods?$',
      'affected\\s+(?:families|populations|communities)',
      'camp\\s+coordination',
      'hygiene\\s+kits?',
      'food\\s+(?:aid|assistance|distribution)',
      'cash\\s+assistance',
      'abris',
      'albergues?',
      'abrigos?',
    ],
    cs: ['CCCM$', 'NFIs?$'],
  },
  { id: 'livelihoods', weight: 0.5, ci: ['livelihood', 'stabili[sz]ation'] },
  {
    // The post-war committee's work: moving Europe's "surplus population" overseas.
    id: 'movement',
    weight: 0.5,
    ci: [
      'movements?$',
      'mouvements?',
      'movimientos?',
      'movimentos?',
      'over-?\\s?population',
      'surplus\\s+population',
      'overseas',
    ],
    only: ['PICMME', 'ICEM', 'CIME'],
  },
  {
    // A year of the committee's own era (1951–1980) beside ICEM: the look-alikes came later (the union
    // federation 1995–2012, the CFD software in the 1990s), so an era year is evidence on its own.
    id: 'committee-era-year',
    weight: 1,
    cs: ['19(?:5[1-9]|[67]\\d|80)$'],
    only: ['PICMME', 'ICEM', 'CIME'],
  },
];

/** Evidence for the other meanings of the same letters. */
export const CON_CUES: readonly CueSpec[] = [
  {
    id: 'isle-of-man',
    weight: -1.5,
    ci: [
      'manx',
      'gambling',
      'e-gaming',
      'tynwald',
      'ronaldsway',
      'ellan\\s+vannin',
      'steam\\s+packet',
      'crown\\s+dependenc',
      'jersey',
      'guernsey',
    ],
    // Douglas is the island's capital; IM1–IM99 are its postcodes.
    cs: [
      'Douglas$',
      'TT$',
      'IM[1-9]\\d?\\s\\d[A-Z]{2}$',
      'Castletown',
      'Laxey',
      'Onchan',
      'Port\\s+Erin',
      'Port\\s+St\\.?\\s+Mary',
      'Snaefell',
    ],
  },
  { id: 'races', weight: -1, ci: ['races$', 'racing', 'motorcycl', 'motorbike', 'riders?$'] },
  {
    id: 'medicine',
    weight: -1,
    ci: [
      'medicine',
      'medical',
      'médical',
      'healthcare',
      'health\\s+care',
      'physician',
      'clinical',
      'clinician',
      'nursing',
      'nurses?$',
      'patients?$',
      'pharmac',
    ],
  },
  {
    // The Institute of Medicine writes about health above all; the organization's health work comes with
    // migration words that outweigh this.
    id: 'health',
    weight: -0.5,
    ci: ['health$', 'santé', 'salud', 'saúde'],
    only: ['IOM'],
  },
  { id: 'nutrition', weight: -1, ci: ['nutrition', 'dietary', 'vitamin', 'obesity'] },
  { id: 'hospital', weight: -1, ci: ['hospital', 'h[ôo]pital', 'ospedal', 'krankenhaus'] },
  {
    id: 'surgery',
    weight: -1,
    ci: [
      'surg(?:ery|ical|eon)',
      'intra-?\\s?operative',
      'neurophysiolog',
      'anesthe',
      'anaesthe',
      'evoked\\s+potential',
      'neuromonitor',
      'spinal',
    ],
    cs: ['EEG$'],
  },
  {
    id: 'epidemiology',
    weight: -1,
    ci: [
      'epidemiolog',
      'carcinogen',
      'cancer',
      'tumou?r',
      'toxicolog',
      'asbestos',
      'pneumoconiosis',
      'lung$',
      'coal$',
      'mineral\\s+wool',
    ],
  },
  { id: 'occupational', weight: -1, ci: ['occupational'] },
  { id: 'edinburgh', weight: -1, ci: ['edinburgh'] },
  {
    id: 'health-policy',
    weight: -1,
    ci: [
      'national\\s+academ',
      'quality\\s+chasm',
      'health\\s+and\\s+medicine',
      'national\\s+research\\s+council',
      'food\\s+and\\s+nutrition\\s+board',
    ],
  },
  {
    id: 'cardiology',
    weight: -1,
    ci: [
      'cardiomyopath',
      'cardiac',
      'cardio',
      'isch(?:a)?emi',
      'atrial',
      'stroke$',
      'implantable',
      'arrhythm',
      'myocard',
    ],
  },
  { id: 'embryology', weight: -1, ci: ['blastocyst', 'embryo', 'inner\\s+cell\\s+mass', 'trophectoderm'] },
  { id: 'polls', weight: -1, ci: ['polls?$', 'polling', 'pollster', 'sondage', 'sondaggi', 'umfrage'] },
  { id: 'survey', weight: -0.5, ci: ['survey', 'fieldwork', 'encuesta'] },
  {
    id: 'pollsters',
    weight: -1,
    cs: [
      'YouGov',
      'Ipsos',
      'MORI$',
      'Populus',
      'ComRes',
      'Gallup',
      'Opinium',
      'Survation',
      'Savanta',
      'Deltapoll',
    ],
  },
  {
    id: 'uk-politics',
    weight: -1,
    cs: ['Guardian$', 'Labour$', 'Tor(?:y|ies)$', 'Conservatives', 'Lib\\s+Dems?$'],
    ci: ['voters', 'voting\\s+intention', 'point\\s+lead', '%\\s+lead', 'lead\\s+over$'],
  },
  {
    id: 'midwives',
    weight: -1.5,
    ci: ['midwi(?:fe|ves|fery)', 'sages?-femmes?', 'matronas?$', 'parteiras?$', 'ostetric', 'hebamme'],
  },
  {
    id: 'mathematics',
    weight: -1,
    ci: [
      'mathemati',
      'math[ée]mati',
      'matem[áa]tic',
      'fields\\s+medal',
      'theorem',
      'plenary',
      'summer\\s+school',
      'cetraro',
    ],
    cs: ['IMU$'],
  },
  { id: 'congress', weight: -0.5, ci: ['congress(?:es)?$'] },
  {
    id: 'unions',
    weight: -1,
    ci: [
      'unions$',
      'trade\\s+union',
      'global\\s+union',
      'industriall',
      'federation',
      'f[ée]d[ée]ration',
      'affiliates?$',
      'collective\\s+bargaining',
      'strikes?$',
      'icftu',
      'syndica',
      'sindica',
      'gewerkschaft',
    ],
    only: ['ICEM', 'CIME'],
  },
  {
    id: 'workers',
    weight: -1,
    ci: ['workers?$', 'mining', 'miners?$', 'chemical', 'labou?r$'],
    only: ['ICEM', 'CIME'],
  },
  {
    id: 'cfd',
    weight: -1.5,
    cs: ['CFD$', 'ANSYS', 'Ansys'],
    ci: ['meshing', 'mesh(?:es)?$', 'hexa$', 'solver', 'computational\\s+fluid'],
  },
  {
    id: 'engineering',
    weight: -1,
    ci: ['engineering', 'mechanic', 'simulation', 'finite\\s+element', 'turbulen'],
    only: ['ICEM', 'CIME'],
  },
  {
    id: 'identity-software',
    weight: -1.5,
    cs: ['Oracle$', 'OAM$', 'OID$', 'LDAP', 'SSO$', 'WebLogic'],
    ci: [
      'identity\\s+manag',
      'access\\s+manag',
      'provisioning',
      'user\\s+lifecycle',
      'single\\s+sign-on',
      'connector',
    ],
  },
  { id: 'software', weight: -0.5, ci: ['software', 'firmware', 'kernel'], only: ['ICEM', 'OIM', 'CIM'] },
  {
    id: 'hardware',
    weight: -1,
    ci: ['chassis', 'enclosure', 'backplane', 'midplane', 'storage\\s+array'],
    cs: ['I/O'],
    only: ['IOM'],
  },
  { id: 'talent-agency', weight: -1, ci: ['talent', 'hollywood', 'entertainment', 'box\\s+office'] },
  { id: 'registry', weight: -1, ci: ['\\.xxx', 'icann', 'registry', 'domain\\s+names?'], cs: ['TLD$'] },
  { id: 'educational-media', weight: -1, ci: ['educational\\s+media', 'media\\s+education'] },
  { id: 'sailing', weight: -1, ci: ['yachts?$', 'regatta', 'sailing'] },
  {
    id: 'computing-cim',
    weight: -1,
    ci: ['wbem', 'dmtf', 'manufactur', 'marketing'],
    cs: ['WMI$'],
    only: ['CIM', 'ICM'],
  },
  {
    id: 'research-institute',
    weight: -1,
    ci: ['convergences', 'condorcet', 'chercheu', 'laboratoire'],
    only: ['ICM', 'CIM'],
  },
];
