// Test code, not product code: loaded with `-r` into the app's main process by the electron
// driver, before Gatehouse starts. The damaged-database question comes before any window exists,
// so a test cannot click it: this answers it as a person keeping their data would (restore the
// backup when one is offered, else start with no accounts). Every other message box is untouched.
const { dialog } = require('electron');

const showMessageBox = dialog.showMessageBox.bind(dialog);
dialog.showMessageBox = async (...args) => {
  const options = args.at(-1) ?? {};
  if (options.title !== 'Gatehouse found a damaged database') return showMessageBox(...args);
  const buttons = options.buttons ?? [];
  const restore = buttons.findIndex((label) => label.startsWith('Restore backup from '));
  return { response: restore >= 0 ? restore : buttons.indexOf('Start with no accounts'), checkboxChecked: false };
};
