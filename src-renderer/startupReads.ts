/**
 * The two start-up reads, sent as soon as the bundle starts to run: main.ts imports this module
 * first, so the calls are on their way while the rest of the app (Vue, the router, the stores, the
 * screens) is evaluated and set up, instead of after. main.ts hands the replies to the session and
 * accounts stores, which would otherwise send the same calls. Neither needs a session: getSession
 * says whether there is one, and listAccounts is the sign-in screen's list of accounts on this
 * computer. When the start URL names the first screen (main chose it), that screen does not wait
 * for them: the list arrives after the first paint (router/index.ts).
 */
import { callGatehouse } from './api/gatehouseApi';

export const startupReads = {
  session: callGatehouse('getSession', {}),
  accounts: callGatehouse('listAccounts', {}),
};
