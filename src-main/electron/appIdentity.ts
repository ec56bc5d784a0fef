import { KEYCHAIN_SERVICE } from '../core/secrets/keytarSecretStore';

/**
 * Who this Gatehouse is. A development run (`npm start`, `npm run dev`, the e2e electron driver:
 * Electron not packaged) is "Gatehouse Dev", with its own app name, data folder, Chromium folder and
 * keychain service, so it never reads or changes what an installed Gatehouse keeps. A packaged app
 * is named by its package.json (electron-builder's productName): the release "Gatehouse", the
 * testable build "Gatehouse (testable)", which likewise keeps apart from the release.
 */
export interface AppIdentity {
  /** The app's name (menus, About) and the name of its data and cache folders. */
  readonly name: string;
  /** Keychain entries are stored under this service name. */
  readonly keychainService: string;
}

export const INSTALLED_IDENTITY: AppIdentity = { name: 'Gatehouse', keychainService: KEYCHAIN_SERVICE };
export const DEVELOPMENT_IDENTITY: AppIdentity = { name: 'Gatehouse Dev', keychainService: 'Gatehouse Dev' };

/** `packagedName`: app.getName() before any setName, i.e. the packaged productName. */
export function appIdentity(isPackaged: boolean, packagedName: string): AppIdentity {
  if (!isPackaged) return DEVELOPMENT_IDENTITY;
  return packagedName === INSTALLED_IDENTITY.name ? INSTALLED_IDENTITY : { name: packagedName, keychainService: packagedName };
}
