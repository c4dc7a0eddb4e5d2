// A browser/bundler consumer (moduleResolution bundler): the ESM build with its async init().
import init, { validate } from 'slb-msgroup';
import type { InitOutput, Report, Request } from 'slb-msgroup';

export async function check(request: Request): Promise<Report> {
  const instance: InitOutput = await init();
  void instance.memory;
  return validate(request);
}

export async function checkWithUrl(url: URL): Promise<boolean> {
  await init({ module_or_path: url });
  return validate({ RegionId: 'cn-hangzhou' }).ok;
}
