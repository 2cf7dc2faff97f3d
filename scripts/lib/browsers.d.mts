/** Chromium binary (Debian's `chromium` package); override with CHROMIUM_PATH. */
export declare const CHROMIUM_PATH: string;
/** Firefox ESR binary (Debian's `firefox-esr` package); override with FIREFOX_PATH. */
export declare const FIREFOX_PATH: string;
/** Chromium flags that load one unpacked extension and keep the browser quiet. */
export declare function chromiumArgs(extensionDir: string): string[];
/** Debian package names of the browsers whose binary is missing. */
export declare function missingBrowsers(): string[];
/** Installs missing browsers when root; returns null when both are present, else a message naming what to install. */
export declare function ensureBrowsers(): string | null;
