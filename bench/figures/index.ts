import type { Figure } from '../lib/figure';

export interface FigureEntry {
  readonly id: string;
  /** Loaded on demand, so a figure's process holds only that figure's code (the memory figure weighs its heap). */
  load(): Promise<Figure>;
}

/** Every figure, in the order of issue 5 (the timing figures of issue 11 next to their kin). */
export const FIGURES: readonly FigureEntry[] = [
  { id: 'startup', load: async () => (await import('./startup')).startup },
  { id: 'backendStartup', load: async () => (await import('./backendStartup')).backendStartup },
  { id: 'rendererWeight', load: async () => (await import('./rendererWeight')).rendererWeight },
  { id: 'eventLoopDelay', load: async () => (await import('./eventLoopDelay')).eventLoopDelay },
  { id: 'signInCost', load: async () => (await import('./signInCost')).signInCost },
  { id: 'signInEnumeration', load: async () => (await import('./signInEnumeration')).signInEnumeration },
  { id: 'totpVerify', load: async () => (await import('./totpVerify')).totpVerify },
  { id: 'recoveryCodeCheck', load: async () => (await import('./recoveryCodeCheck')).recoveryCodeCheck },
  { id: 'statusReads', load: async () => (await import('./statusReads')).statusReads },
  { id: 'scale', load: async () => (await import('./scale')).scale },
  { id: 'memory', load: async () => (await import('./memory')).memory },
];
