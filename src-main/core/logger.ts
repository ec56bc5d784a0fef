/**
 * Diagnostics for developers. Callers pass fixed texts and error class names
 * only: never user input, passwords, hashes or secrets.
 */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const consoleLogger: Logger = {
  info: (message) => console.info(`[gatehouse] ${message}`),
  warn: (message) => console.warn(`[gatehouse] ${message}`),
  error: (message) => console.error(`[gatehouse] ${message}`),
};

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
