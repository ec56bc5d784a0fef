/** Loads keytar with CommonJS require (see requireKeytar.cjs). Throws when it cannot be loaded. */
declare function requireKeytar(): typeof import('keytar');
export = requireKeytar;
