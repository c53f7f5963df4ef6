#!/usr/bin/env node
// CommonJS on purpose (see bin/package.json): Node starts a CommonJS entry faster than an ES module one.
require('../dist/rmprep.cjs');
