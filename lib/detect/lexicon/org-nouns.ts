/**
 * Nouns that head the name of an organization. A definition whose expansion has a migration stem and
 * one of these ("International Organisation of Migration (IOM)", a garbled form) is taken as the
 * organization's own rather than as a foreign meaning of the acronym.
 */
export const ORG_NOUNS =
  /(?:^|[^\p{L}])(?:organi[sz]ation|organizaci[óo]n|organiza[çc][ãa]o|organizzazione|committee|comit[ée]|comitato|agency|agence|agencia|ag[êe]ncia|agenzia)/iu;
