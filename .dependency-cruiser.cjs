/** Layers (cli -> ui -> core) and no cycles; see the README's "For contributors". */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment:
        'Modules that import each other cannot be understood, tested or bundled apart. A lazy loader (import()) ' +
        'does not count: the manifest loads a command only when it runs, and the completion command reads the manifest.',
      from: {},
      to: { circular: true, dynamic: false, viaOnly: { dependencyTypesNot: ['dynamic-import'] } },
    },
    {
      name: 'core-is-pure',
      severity: 'error',
      comment: 'core is the logic; it knows nothing of the command line, the terminal or the network.',
      from: { path: '^src/core/' },
      to: { path: '^src/(cli|ui|adapters)/' },
    },
    {
      name: 'adapters-below-cli',
      severity: 'error',
      comment: 'adapters reach outside services for core ports; the command line wires them in, never the other way round.',
      from: { path: '^src/adapters/' },
      to: { path: '^src/(cli|ui)/' },
    },
    {
      name: 'ui-below-cli',
      severity: 'error',
      comment: 'ui renders and asks; the command line calls it, never the other way round.',
      from: { path: '^src/ui/' },
      to: { path: '^src/cli/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
