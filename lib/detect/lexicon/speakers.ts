/**
 * Speaker and citation patterns: words right before or right after an acronym that make it a body that
 * speaks, counts, employs and spends ("according to IOM", "IOM estimates", "IOM's budget", "a spokesperson
 * for IOM", "director of operations at the IOM"). They show an organization, not which one: the Institute
 * of Medicine is cited the same way, so they weigh like one cue and its own words (medicine, nutrition,
 * pregnancy) still outweigh them. Detector knowledge; plain regular-expression sources, in lower case:
 * they are matched against lower-cased text (a unit test keeps them so).
 */

/**
 * Text that ends right before the acronym (an optional article included). The scorer anchors each at a
 * word start and at the acronym, so "according to the" counts in "… according to the IOM".
 */
export const SPEAKER_BEFORE: readonly string[] = [
  // en
  'according\\s+to(?:\\s+the)?',
  'spokes(?:person|man|woman)\\s+(?:for|of)(?:\\s+the)?',
  // "director of operations at the", "head of the … office at": a post, a few words, then at/of/for.
  '(?:director|head|chief|officer|coordinator|manager|representative)[^.!?\\n;]{0,40}\\s(?:at|of|for|with)(?:\\s+the)?',
  '(?:figures|data|estimates|statistics)\\s+(?:from|by|of|compiled\\s+by|released\\s+by|published\\s+by)(?:\\s+the)?',
  '(?:logged|recorded|registered|counted|compiled|collected|gathered|documented|verified|tracked)\\s+by(?:\\s+the)?',
  // fr, es
  "selon(?:\\s+l['’]|\\s+la|\\s+les\\s+(?:chiffres|donn[ée]es|estimations)\\s+de\\s+(?:l['’]|la))?",
  "d['’]apr[èe]s(?:\\s+l['’]|\\s+la)",
  "porte-parole\\s+de\\s+(?:l['’]|la)",
  'seg[úu]n(?:\\s+la|\\s+(?:datos|cifras|estimaciones)\\s+de\\s+la)?',
  'de\\s+acuerdo\\s+con\\s+la',
  'portavoz\\s+de\\s+la',
  // pt
  'segundo(?:\\s+a|\\s+(?:dados|estimativas|n[úu]meros)\\s+da)?',
  'de\\s+acordo\\s+com(?:\\s+a)?',
  'conforme(?:\\s+a)?',
  '(?:dados|estimativas|n[úu]meros)\\s+da',
  'porta-voz\\s+da',
  // it
  "secondo(?:\\s+l['’]|\\s+la|\\s+(?:i\\s+dati|le\\s+stime)\\s+dell['’])?",
  "(?:dati|stime|cifre)\\s+dell['’]",
  "portavoce\\s+dell['’]",
  // de
  'laut(?:\\s+der)?',
  'nach\\s+(?:angaben|sch[äa]tzungen|zahlen)\\s+der',
  '(?:zahlen|angaben|daten|sch[äa]tzungen)\\s+der',
  'sprecher(?:in)?\\s+der',
  // pl
  'wed[łl]ug(?:\\s+(?:szacunk[óo]w|danych))?',
  'jak\\s+podaje',
  '(?:dane|szacunki)',
  'rzeczni(?:k|czka)',
  // ru
  'по\\s+(?:данным|оценкам|словам)',
  'согласно(?:\\s+данным)?',
  'представитель',
  'как\\s+сообщает',
  // ar: the conjunction و is written onto the word
  'و?(?:بحسب|حسب)',
  'و?وفقا\\s+(?:لتقديرات\\s*|لبيانات\\s*)?لـ?',
  'و?(?:قالت|أعلنت|أفادت|ذكرت|أكدت)',
  'متحدث\\s+باسم',
];

/** Text that starts right after the acronym. */
export const SPEAKER_AFTER: readonly string[] = [
  // en: the possessive, then what the organization has
  "['’]s?\\s+(?:budget|staff|office|offices|mission|chief|head|director|spokes(?:person|man|woman)|figures|data|estimates?|teams?|operations?|country\\s+office|regional\\s+office|field\\s+offices?|appeal|member\\s+states)\\b",
  // en: the organization acting or counting
  '\\s+(?:estimates?|estimated|said|says|reported|recorded|registered|counted|figures|data|spokes(?:person|man|woman)|staff|teams?|officials?)\\b',
  // en: what the organization runs, named after it ("IOM operations", "IOM country office")
  '\\s+(?:operations|projects|programmes|field\\s+offices?|country\\s+office|regional\\s+office|chief\\s+of\\s+mission)\\b',
  // fr, es, pt, it, de
  '\\s+(?:estime|estima|calcula|informou|afirmou|disse|registrou|registou|a\\s+d[ée]clar[ée]|indique)',
  '\\s+(?:stima|segnala|riferisce|ha\\s+(?:stimato|detto|dichiarato|registrato|segnalato|comunicato))',
  '\\s+(?:sch[äa]tzt|teilte|berichtete?|registrierte|z[äa]hlte)',
  // pl
  '\\s+(?:szacuje|podaje|poda[łl]a|poinformowa[łl]a|oszacowa[łl]a)',
  // hu: postpositions and possessed nouns ("az IOM szerint", "az IOM szóvivője")
  '\\s+(?:szerint|becsl[ée]se|adatai|sz[óo]viv[őo]je|k[öo]z[öo]lte|jelent[ée]se|f[őo]igazgat[óo]ja|irod[áa]ja|tag[áa]llamai)',
  // ru
  '\\s+(?:оценивает|оценила|сообщила|сообщает|заявила|считает)',
];
