import {
  type ExpectedSetting,
  HOVER_DELAY_MAX_MS,
  HOVER_DELAY_MIN_MS,
  MAX_HOST_PATTERNS,
  type SaveFailure,
  type SettingsFileProblem,
} from '@/lib/settings';
import type { Translate } from './index';

/** What a field should hold, in the UI's language. */
function expectedText(t: Translate, expected: ExpectedSetting): string {
  switch (expected) {
    case 'object':
      return t('expectObject');
    case 'boolean':
      return t('expectBoolean');
    case 'delay':
      return t('expectDelay', [String(HOVER_DELAY_MIN_MS), String(HOVER_DELAY_MAX_MS)]);
    case 'style':
      return t('expectStyle');
    case 'hosts':
      return t('expectHosts', String(MAX_HOST_PATTERNS));
    case 'host':
      return t('expectHost');
  }
}

/** Why a settings file was refused, in the UI's language: what is wrong and where. */
export function settingsFileProblemText(t: Translate, problem: SettingsFileProblem): string {
  switch (problem.kind) {
    case 'syntax':
      return t('importProblemSyntax', [String(problem.line), String(problem.column)]);
    case 'not-settings':
      return t('importProblemNotSettings');
    case 'bad-version':
      return t('importProblemBadVersion');
    case 'newer-version':
      return t('importProblemNewer', String(problem.version));
    case 'unknown-field':
      return t('importProblemUnknown', problem.path);
    case 'invalid':
      return t('importProblemInvalid', [problem.path, expectedText(t, problem.expected), problem.found]);
  }
}

/** Why settings were not saved, in the UI's language. */
export function saveFailureText(t: Translate, failure: SaveFailure): string {
  switch (failure.kind) {
    case 'invalid':
      return t('saveInvalid', failure.path);
    case 'too-large':
      return t('saveTooLarge', [String(failure.bytes), String(failure.limit)]);
    case 'quota':
      return t('saveQuota');
    case 'rate':
      return t('saveRate');
    case 'storage':
      return t('saveFailed');
  }
}
