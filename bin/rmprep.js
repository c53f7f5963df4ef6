#!/usr/bin/env node
import '../dist/rmprep.js';
