/** Set on CI: tests that need a program of the system (script, zsh, fish) fail there instead of skipping. */
export const IN_CI = Boolean(process.env.CI) && process.env.CI !== 'false' && process.env.CI !== '0';
