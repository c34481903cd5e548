/**
 * The languages pydeploy speaks, and how a shell's setting names one: English, the default and the fallback of every
 * text, and Simplified Chinese.
 */
export type Locale = 'en' | 'zh-cn';

export const LOCALES: readonly Locale[] = ['en', 'zh-cn'];

/**
 * The locale a language tag asks for: VS Code's `zh-cn`, a POSIX locale's `zh_CN.UTF-8`, `zh-Hans`... read as
 * Simplified Chinese; Traditional Chinese (`zh-TW`, `zh-HK`, `zh-Hant`) and any other language get English.
 * Undefined for no tag, or for the POSIX `C`/`POSIX` locales, which name no language.
 */
export function localeOfTag(tag: string | undefined): Locale | undefined {
  const normalized = tag?.trim().toLowerCase().replace(/_/g, '-').replace(/[.@].*$/, '');
  if (!normalized || normalized === 'c' || normalized === 'posix') return undefined;
  if (!/^zh(-|$)/.test(normalized)) return 'en';
  return /^zh-(tw|hk|mo|hant)/.test(normalized) ? 'en' : 'zh-cn';
}

/** The locale of a command's environment, as the C library picks the messages' language: LC_ALL, LC_MESSAGES, LANG. */
export function localeOfEnvironment(env: Readonly<Record<string, string | undefined>>): Locale {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value) return localeOfTag(value) ?? 'en';
  }
  return 'en';
}
