import { describe, expect, it } from 'vitest';
import { startUrlWithScreen } from '../../../src-shared/startScreen';

describe('startUrlWithScreen', () => {
  it.each([
    ['gatehouse://app/index.html', 'sign-in', 'gatehouse://app/index.html#/sign-in'],
    ['gatehouse://app/index.html', 'create-account', 'gatehouse://app/index.html#/create-account'],
    ['http://localhost:5173', 'sign-in', 'http://localhost:5173#/sign-in'],
    ['http://gatehouse.localhost/#/dashboard', 'sign-in', 'http://gatehouse.localhost/#/sign-in'],
    ['gatehouse://app/index.html', null, 'gatehouse://app/index.html'],
  ] as const)('%s with %s → %s', (url, screen, expected) => {
    expect(startUrlWithScreen(url, screen)).toBe(expected);
  });
});
