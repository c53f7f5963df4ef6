// Preloaded by the benchmark: reports the process's peak resident memory (KiB) on stderr as it exits.
process.on('exit', () => {
  process.stderr.write(`\nBENCH_MAXRSS ${process.resourceUsage().maxRSS}\n`);
});
