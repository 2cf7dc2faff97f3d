/**
 * Which of the organization's names a written surface is (ICEM, CIME, "Intergovernmental Committee for
 * European Migration", a known variant or alias), for tools that start from text rather than from the
 * detector's mentions (the card CLI). Case-, accent- and punctuation-blind.
 */
import type { CompiledName } from '@/lib/dataset/types';
import { normalizeText } from '@/lib/dataset/values';

/** The name `surface` is a form, variant or alias of; null when it is none. */
export function nameOfSurface(names: readonly CompiledName[], surface: string): CompiledName | null {
  const written = normalizeText(surface);
  if (!written) return null;
  return (
    names.find((n) =>
      [n, ...n.forms, ...n.variants, ...n.aliases].some(
        (f) =>
          normalizeText(f.name) === written ||
          (f.acronym !== undefined && normalizeText(f.acronym) === written),
      ),
    ) ?? null
  );
}
