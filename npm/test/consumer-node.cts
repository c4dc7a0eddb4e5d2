// A Node CommonJS consumer: `require` with no init call, typed by the same declarations.
import slb = require('slb-msgroup');

const report: slb.Report = slb.validate({ RegionId: 'cn-hangzhou', LoadBalancerId: 'lb-1' });
const first: slb.Diagnostic | undefined = report.diagnostics[0];
const version: string = slb.version();
void [first, version];
