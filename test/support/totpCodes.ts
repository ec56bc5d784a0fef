import { generate } from 'otplib';

/**
 * What an authenticator app shows for `secret` at `atMs`, computed independently of the code under
 * test (plain otplib, default SHA-1/6/30): tests type these codes in.
 */
export function authenticatorCode(secret: string, atMs: number): Promise<string> {
  return generate({ secret, epoch: Math.floor(atMs / 1000) });
}
