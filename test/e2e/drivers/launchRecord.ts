import type { BrowserContext, Page } from '@playwright/test';
import type { ApiError } from '../../../src-shared/errors';
import { ALERT_BINDING_NAME, alertRecorderScript } from './alertRecorder';
import type { RendererError } from './types';

/**
 * What one launch of the app wrote and which errors reached its renderer, kept in this process so
 * it stays readable after the app closed. Both drivers fill one, so both return the same shapes.
 */
export interface LaunchRecord {
  /** Adds a chunk of output; `source` names where it came from (stdout, stderr, console.error, …). */
  addOutput(source: string, text: string): void;
  /** Records a bridge reply; only ok === false replies are kept. */
  addReply(reply: unknown): void;
  /** Records the page's console messages and page errors. */
  watchPage(page: Page): void;
  /** Records every role="alert" text in every page of `context`, from the first document on. */
  recordAlertsInContext(context: BrowserContext): Promise<void>;
  /** Records every role="alert" text of an already loaded `page` from now on. */
  recordAlertsInPage(page: Page): Promise<void>;
  output(): Promise<string>;
  rendererErrors(): Promise<RendererError[]>;
}

function isFailedReply(reply: unknown): reply is { ok: false; error: ApiError } {
  return typeof reply === 'object' && reply !== null && 'ok' in reply && reply.ok === false && 'error' in reply;
}

export function createLaunchRecord(): LaunchRecord {
  const lines: string[] = [];
  const errors: RendererError[] = [];
  const addAlert = (_source: unknown, text: unknown): void => {
    errors.push({ via: 'alert', text: String(text) });
  };
  return {
    addOutput: (source, text) => lines.push(`[${source}] ${text}`),
    addReply(reply) {
      // A copy: the caller keeps its object, and later changes to it do not rewrite history.
      if (isFailedReply(reply)) errors.push({ via: 'reply', error: structuredClone(reply.error) });
    },
    watchPage(page) {
      page.on('console', (message) => lines.push(`[console.${message.type()}] ${message.text()}`));
      page.on('pageerror', (error) => lines.push(`[pageerror] ${error.stack ?? error.message}`));
    },
    async recordAlertsInContext(context) {
      await context.exposeBinding(ALERT_BINDING_NAME, addAlert);
      await context.addInitScript({ content: alertRecorderScript() });
    },
    async recordAlertsInPage(page) {
      await page.exposeBinding(ALERT_BINDING_NAME, addAlert);
      await page.evaluate(alertRecorderScript());
    },
    output: async () => lines.join('\n'),
    rendererErrors: async () => [...errors],
  };
}
