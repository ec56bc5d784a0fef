import { expect, test } from './fixtures';
import { ACCOUNT_MANAGEMENT_SCREENS, walkAccountManagement } from './support/accountManagementWalk';
import { axeViolations } from './support/axeScreens';

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test('Change email and Delete account: every screen and dialog has no WCAG 2.2 A/AA violation (axe)', async ({ app, page }) => {
      // Eleven axe runs plus about ten scrypt password checks and a two-factor activation: on a loaded
      // 2-core machine this took up to 3 minutes, so the walk gets room beyond test.slow()'s 3.
      test.setTimeout(6 * 60_000);
      const found: Record<string, string[]> = {};
      await walkAccountManagement(page, async (screen) => {
        found[screen] = await axeViolations(app.page);
      });
      expect(Object.keys(found)).toEqual([...ACCOUNT_MANAGEMENT_SCREENS]);
      expect(Object.entries(found).filter(([, violations]) => violations.length > 0)).toEqual([]);
      // The theme really is the one asked for (the check above would pass on either).
      expect(await app.page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(colorScheme === 'dark');
    });
  });
}
