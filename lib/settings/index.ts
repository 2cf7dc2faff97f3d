/**
 * The settings: a typed, validated, migrated store over `sync:settings`, the pure rule deciding where
 * IOM Lens runs, and the export/import file format.
 */
export {
  type ExpectedSetting,
  type ParsedSettingsFile,
  parseSettingsFile,
  SETTINGS_FILE_NAME,
  type SettingsFileProblem,
  serializeSettingsFile,
} from './file';
export { hostMatches, hostOf, isActiveOn, normalizeHostPattern, type SiteRules } from './host-patterns';
export {
  DEFAULT_SETTINGS,
  defaultSettings,
  ERAS,
  type Era,
  HIGHLIGHT_STYLES,
  type HighlightStyle,
  HOVER_DELAY_MAX_MS,
  HOVER_DELAY_MIN_MS,
  HOVER_DELAY_STEP_MS,
  MAX_HOST_PATTERNS,
  type Settings,
  type SettingsPatch,
} from './schema';
export { type SiteState, siteState } from './site-state';
export {
  createSettingsStore,
  loadSettings,
  migrateStoredSettings,
  type SaveFailure,
  SettingsError,
  type SettingsStore,
  saveSettings,
  watchSettings,
} from './store';
export { SETTINGS_VERSION } from './versions';
