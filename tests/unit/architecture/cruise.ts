/**
 * Runs dependency-cruiser over a project folder with a set of rules and returns each violation as one
 * line naming the rule and the import, so a failing test says what to change.
 */
import path from 'node:path';
import { cruise, type IForbiddenRuleType, type IViolation } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

export interface CruiseRequest {
  /** The project folder: rules' paths are relative to it, and `@/` resolves to it. */
  root: string;
  /** Files and folders to start from, relative to `root`. */
  from: string[];
  rules: IForbiddenRuleType[];
  /**
   * Whether `import type` counts: yes for layers (a type names what a module depends on); no for what
   * a bundle holds (type-only imports are erased before bundling).
   */
  typeOnlyImports: boolean;
}

/** The project's compiler options, read once: the parser uses them to read TypeScript and JSX. */
let compilerOptions: ReturnType<typeof extractTSConfig> | undefined;

/**
 * One line per violation: `rule: from → to`, with the path between them for reachability rules and
 * cycles; `rule: module` for a rule about one module (one that should be reachable and is not).
 */
export async function violations(request: CruiseRequest): Promise<string[]> {
  compilerOptions ??= extractTSConfig(path.resolve('tsconfig.json'));
  const result = await cruise(
    request.from,
    {
      baseDir: request.root,
      validate: true,
      ruleSet: { forbidden: request.rules },
      tsPreCompilationDeps: request.typeOnlyImports,
      // Packages count as a whole: what they import is theirs.
      doNotFollow: { path: '(^|/)node_modules/' },
    },
    {
      // The project's `@/` (WXT's tsconfig paths); the paths plugin would resolve them against the wrong folder.
      alias: { '@': request.root },
      // Resolve packages as the bundler does: by their `exports`, as ES modules.
      exportsFields: ['exports'],
      conditionNames: ['import', 'default'],
    },
    { tsConfig: compilerOptions },
  );
  if (typeof result.output === 'string') throw new Error('dependency-cruiser returned text, not a result');
  return result.output.summary.violations.map(describe);
}

function describe(violation: IViolation): string {
  if (violation.from === violation.to) return `${violation.rule.name}: ${violation.from}`;
  const line = `${violation.rule.name}: ${violation.from} → ${violation.to}`;
  const through = violation.via ?? violation.cycle;
  if (!through || through.length === 0) return line;
  return `${line} (via ${through.map((step) => step.name).join(' → ')})`;
}
