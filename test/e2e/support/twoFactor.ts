/**
 * Ready-made steps for two-factor specs. Codes are computed in the test from the secret key read off
 * the screen (otplib, HMAC-SHA1, 6 digits, 30 s), exactly as an authenticator app would; the QR image
 * is decoded (pngjs + jsqr) to check that it carries the same secret.
 *
 * The app accepts a code for the current 30-second time step or one step either side, and each step
 * at most once. `Authenticator` hands out codes for ever newer steps: the current one, then the next
 * (already accepted, one step ahead), and only for a third code in the same window does it wait —
 * until the next 30 s boundary, never longer. A spec that may wait should allow for it
 * (`test.slow()`).
 */
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import jsQR from 'jsqr';
import { generate } from 'otplib';
import { PNG } from 'pngjs';
import {
  RECOVERY_CODE_ALPHABET,
  TOTP_ACCEPTED_STEPS,
  TOTP_DRIFT_SEARCH_STEPS,
  TOTP_PERIOD_SECONDS,
} from '../../../src-shared/twoFactorRules';
import { button, field, heading, submitSignIn, type AccountDetails } from './accounts';

const PERIOD_MS = TOTP_PERIOD_SECONDS * 1000;
/** Past a step boundary by this much before using the new step, so the app's clock agrees. */
const BOUNDARY_MARGIN_MS = 250;

/** The TOTP time step (RFC 6238 T) at `nowMs`. */
export function timeStep(nowMs: number = Date.now()): number {
  return Math.floor(nowMs / PERIOD_MS);
}

/** The 6-digit code for time step `step`. */
export function codeForStep(secret: string, step: number): Promise<string> {
  return generate({ secret, epoch: step * TOTP_PERIOD_SECONDS });
}

/** The code an authenticator app shows right now. */
export function currentCode(secret: string): Promise<string> {
  return codeForStep(secret, timeStep());
}

/** The code of the next time step: accepted now as well (one step ahead), and newer than the current one. */
export function nextStepCode(secret: string): Promise<string> {
  return codeForStep(secret, timeStep() + 1);
}

/** Waits until the next 30-second step boundary (plus a small margin): at most 30 s, never a fixed sleep. */
export async function waitForNextTimeStep(): Promise<void> {
  const now = Date.now();
  const boundary = (timeStep(now) + 1) * PERIOD_MS;
  await new Promise((resolve) => setTimeout(resolve, boundary - now + BOUNDARY_MARGIN_MS));
}

/**
 * A test's authenticator app for one secret: every code it hands out is for a strictly newer time
 * step than the last (the app refuses a step twice) and inside the accepted window now.
 */
export class Authenticator {
  /** The step of the last code handed out by freshCode(); null before the first. */
  lastStep: number | null = null;
  lastCode: string | null = null;

  constructor(readonly secret: string) {}

  /** A code the app has not seen yet and accepts now; waits for the next step boundary only when it must. */
  async freshCode(): Promise<string> {
    const newest = (): number => timeStep() + TOTP_ACCEPTED_STEPS;
    const wanted = Math.max(timeStep(), (this.lastStep ?? -Infinity) + 1);
    while (wanted > newest()) await waitForNextTimeStep();
    this.lastStep = wanted;
    this.lastCode = await codeForStep(this.secret, wanted);
    return this.lastCode;
  }
}

/** A well-formed code that matches no step the app recognises (not even as clock drift) right now. */
export async function wrongCode(secret: string): Promise<string> {
  const now = timeStep();
  const spread = TOTP_DRIFT_SEARCH_STEPS + 2; // a little wider, in case a boundary passes meanwhile
  const known = new Set(await Promise.all(Array.from({ length: 2 * spread + 1 }, (_, i) => codeForStep(secret, now - spread + i))));
  for (let candidate = 0; ; candidate += 1) {
    const code = String(candidate).padStart(6, '0');
    if (!known.has(code)) return code;
  }
}

/** A code from `minutes` away (positive: the future), as from a phone whose clock is that far off. */
export function driftedCode(secret: string, minutes: number): Promise<string> {
  return codeForStep(secret, timeStep() + Math.round((minutes * 60) / TOTP_PERIOD_SECONDS));
}

// Screens

/** Open dialogs, including confirmations (role alertdialog). */
export const dialogs = (page: Page): Locator => page.getByRole('dialog').or(page.getByRole('alertdialog'));

/** The password pop-up ("Password", "Confirm"). */
export const passwordDialog = (page: Page): Locator => dialogs(page).filter({ has: page.getByLabel('Password', { exact: true }) });

/** Fills the password pop-up and clicks "Confirm"; does not check the outcome. */
export async function confirmPassword(page: Page, password: string): Promise<void> {
  const dialog = passwordDialog(page);
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Password', { exact: true }).fill(password);
  await dialog.getByRole('button', { name: 'Confirm', exact: true }).click();
}

/** The "Two-factor Authentication" heading of Account Settings → Security. */
export const twoFactorHeading = (page: Page): Locator => heading(page, 'Two-factor Authentication');

/** A button inside the open dialog (the section behind it may have one with the same name). */
export const dialogButton = (page: Page, name: string): Locator => dialogs(page).getByRole('button', { name, exact: true });

/** The enrollment QR code image. */
export const qrCodeImage = (page: Page): Locator => page.getByRole('img', { name: /QR code/ });

/** The list of recovery codes (one item per code). */
export const recoveryCodeList = (page: Page): Locator => page.getByRole('list', { name: 'Recovery codes', exact: true });

/** The list item that shows `code`. */
export const recoveryCodeItem = (page: Page, code: string): Locator =>
  recoveryCodeList(page).getByRole('listitem').filter({ hasText: code });

/** The secret key shown beside the QR code, spaces (grouping) removed. */
export async function readSecretKey(page: Page): Promise<string> {
  const element = page.getByLabel('Secret key', { exact: true });
  await expect(element).toBeVisible();
  const text = await element.evaluate((node) => (node instanceof HTMLInputElement ? node.value : (node.textContent ?? '')));
  const secret = text.replace(/\s+/g, '');
  expect(secret, 'the secret key is base32').toMatch(/^[A-Z2-7]+$/);
  return secret;
}

/** Decodes a PNG data URL holding a QR code; returns the text it encodes. */
export function decodeQrDataUrl(dataUrl: string): string {
  const match = /^data:image\/png;base64,([A-Za-z0-9+/=]+)$/.exec(dataUrl);
  if (!match) throw new Error(`Gatehouse e2e: not a PNG data URL: ${dataUrl.slice(0, 40)}…`);
  const png = PNG.sync.read(Buffer.from(match[1]!, 'base64'));
  const pixels = new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length);
  const qr = jsQR(pixels, png.width, png.height);
  if (!qr) throw new Error('Gatehouse e2e: no QR code found in the image');
  return qr.data;
}

/** The otpauth:// URI the enrollment QR code encodes. */
export async function readQrCodeUri(page: Page): Promise<string> {
  const image = qrCodeImage(page);
  await expect(image).toBeVisible();
  const src = await image.getAttribute('src');
  if (!src) throw new Error('Gatehouse e2e: the QR code image has no src');
  return decodeQrDataUrl(src);
}

/** The recovery codes as shown (`xxxxx-xxxxx`), in list order, used ones included. */
export async function readRecoveryCodes(page: Page): Promise<string[]> {
  await expect(recoveryCodeList(page)).toBeVisible();
  const pattern = new RegExp(`[${RECOVERY_CODE_ALPHABET}]{5}-[${RECOVERY_CODE_ALPHABET}]{5}`, 'i');
  const texts = await recoveryCodeList(page).getByRole('listitem').allInnerTexts();
  return texts.map((text) => {
    const code = pattern.exec(text)?.[0];
    if (!code) throw new Error(`Gatehouse e2e: no recovery code in list item ${JSON.stringify(text)}`);
    return code;
  });
}

// Flows (start on Account Settings → Security, see openSecurity in ./accounts)

export interface Enrollment {
  readonly secret: string;
  /** What the QR code encodes. */
  readonly uri: string;
  readonly authenticator: Authenticator;
}

/** "Activate" → password pop-up → the QR code and secret key; returns them without entering a code. */
export async function beginActivation(page: Page, password: string): Promise<Enrollment> {
  await expect(twoFactorHeading(page)).toBeVisible();
  await button(page, 'Activate').click();
  await confirmPassword(page, password);
  await expect(qrCodeImage(page)).toBeVisible();
  const secret = await readSecretKey(page);
  const uri = await readQrCodeUri(page);
  return { secret, uri, authenticator: new Authenticator(secret) };
}

/**
 * Types `code` into "6-digit code" and clicks `submit` in the same form ("Activate" in the
 * enrollment dialog, "Submit" at sign-in); does not check the outcome.
 */
export async function enterCode(page: Page, code: string, submit: 'Activate' | 'Submit'): Promise<void> {
  const codeField = field(page, '6-digit code');
  await codeField.fill(code);
  await page.locator('form').filter({ has: codeField }).getByRole('button', { name: submit, exact: true }).click();
}

export interface ActiveTwoFactor extends Enrollment {
  /** The recovery codes shown right after activation. */
  readonly recoveryCodes: string[];
}

/**
 * The whole activation from Account Settings → Security: Activate, password, a fresh code,
 * Activate; reads the recovery codes, copies them, clicks "Done" and waits for the section to
 * offer "Deactivate".
 */
export async function activateTwoFactor(page: Page, password: string): Promise<ActiveTwoFactor> {
  const enrollment = await beginActivation(page, password);
  await enterCode(page, await enrollment.authenticator.freshCode(), 'Activate');
  const recoveryCodes = await readRecoveryCodes(page);
  await closeRecoveryCodes(page);
  await expect(button(page, 'Deactivate')).toBeVisible();
  return { ...enrollment, recoveryCodes };
}

/** Confirms the password if the pop-up asks for it (it does not within 15 minutes of the last time), then waits for the codes. */
async function passwordIfAsked(page: Page, password: string): Promise<void> {
  await expect(passwordDialog(page).or(recoveryCodeList(page))).toBeVisible();
  if (await passwordDialog(page).isVisible()) await confirmPassword(page, password);
}

/** "See Recovery Codes" (password if asked); returns the codes shown and leaves the view open. */
export async function seeRecoveryCodes(page: Page, password: string): Promise<string[]> {
  await button(page, 'See Recovery Codes').click();
  await passwordIfAsked(page, password);
  return readRecoveryCodes(page);
}

/** "Regenerate Codes", confirmed in its dialog (password if asked); returns the new codes and leaves the view open. */
export async function regenerateRecoveryCodes(page: Page, password: string): Promise<string[]> {
  await button(page, 'Regenerate Codes').click();
  await dialogButton(page, 'Regenerate Codes').click();
  await passwordIfAsked(page, password);
  return readRecoveryCodes(page);
}

/**
 * Closes the recovery codes view with "Done". New codes (after activation or Regenerate Codes)
 * must be kept first, so while "Done" is unavailable this copies them, as a person would.
 */
export async function closeRecoveryCodes(page: Page): Promise<void> {
  const done = dialogButton(page, 'Done');
  await expect(done).toBeVisible();
  if ((await done.getAttribute('aria-disabled')) === 'true') {
    await dialogButton(page, 'Copy').click();
    await expect(done).toBeEnabled();
  }
  await done.click();
  await expect(recoveryCodeList(page)).toBeHidden();
}

/** "Deactivate", confirmed in its dialog, then the password pop-up; waits until the section offers "Activate" again. */
export async function deactivateTwoFactor(page: Page, password: string): Promise<void> {
  await button(page, 'Deactivate').click();
  await dialogButton(page, 'Deactivate').click();
  await confirmPassword(page, password);
  await expect(button(page, 'Activate')).toBeVisible();
}

/** Email and password, then waits for the second step ("6-digit code"). */
export async function startTwoFactorSignIn(page: Page, account: Pick<AccountDetails, 'email' | 'password'>): Promise<void> {
  await submitSignIn(page, account);
  await expect(field(page, '6-digit code')).toBeVisible();
}

/** Signs in with email, password and a fresh code; waits for the Dashboard. */
export async function signInWithCode(page: Page, account: AccountDetails, authenticator: Authenticator): Promise<void> {
  await startTwoFactorSignIn(page, account);
  await enterCode(page, await authenticator.freshCode(), 'Submit');
  await expect(heading(page, 'Dashboard')).toBeVisible();
}

/** From the second sign-in step: "Use a recovery code", types `code`, "Submit"; does not check the outcome. */
export async function submitRecoveryCode(page: Page, code: string): Promise<void> {
  await button(page, 'Use a recovery code').click();
  await field(page, 'Recovery code').fill(code);
  await button(page, 'Submit').click();
}

/** Signs in with email, password and a recovery code; waits for the Dashboard. */
export async function signInWithRecoveryCode(page: Page, account: AccountDetails, code: string): Promise<void> {
  await startTwoFactorSignIn(page, account);
  await submitRecoveryCode(page, code);
  await expect(heading(page, 'Dashboard')).toBeVisible();
}
