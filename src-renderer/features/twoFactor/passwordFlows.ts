/** The two-factor flows that may ask for the password, and what the password pop-up says for each. */
export type PasswordFlow = 'activate' | 'deactivate' | 'codes' | 'regenerate';

export const PURPOSES: Readonly<Record<PasswordFlow, string>> = {
  activate: 'Enter your password to activate two-factor authentication.',
  deactivate: 'Enter your password to deactivate two-factor authentication.',
  codes: 'Enter your password to see your recovery codes.',
  regenerate: 'Enter your password to create new recovery codes.',
};
