// Runs every @hansei/core benchmark and prints its figures:
//   pnpm bench        (from the repository root)
import * as slo from './slo.js';
import * as uptime from './uptime.js';

slo.print(slo.run());
uptime.print(uptime.run());
