import { loadConfig } from '../../src/config';
import { createApp } from '../../src/main';
import { createNlu } from '../../src/nlu';
import { runNluBench } from '../micro/nlu-bench';
import { DbMonitor } from './db-monitor';
import { WindowProfiler } from './window-profiler';
import type { BenchServer, ServerOptions } from './protocol';

const NLU_MEASURED_PASSES = 2;

/**
 * The assistant as `npm start` builds it (createApp, production mode, LOG_LEVEL=warn), on the
 * benchmark's database. The NLU is built with the same factory and options createApp uses and handed
 * in, so the NLU micro-benchmark can time that very instance without training it twice.
 */
export async function startAssistant(options: ServerOptions): Promise<BenchServer> {
  if (!options.databaseUri) throw new Error('the assistant needs databaseUri');
  const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: '0' });
  const nlu = await createNlu({ dataDir: config.paths.nlu, log: () => undefined });
  const uri = options.monitorDb ? `${options.databaseUri}?monitorCommands=true` : options.databaseUri;
  const app = await createApp(config, uri, { nlu });
  const monitor = options.monitorDb ? new DbMonitor(app.connection) : undefined;
  const profiler = options.profileDir ? new WindowProfiler(options.profileDir) : undefined;
  const needProfiler = (): WindowProfiler => {
    if (!profiler) throw new Error('start the assistant with profileDir to profile it');
    return profiler;
  };
  const url = await app.http.listen({ host: config.HOST, port: config.PORT });
  await app.start();
  return {
    url,
    commands: {
      'nlu-bench': () => runNluBench(nlu, config.paths.nlu, NLU_MEASURED_PASSES),
      'db-stats': async () => (monitor ? monitor.takeStats() : { commands: [], totalCount: 0, totalMs: 0 }),
      'profile-start': () => needProfiler().start(),
      'profile-stop': () => needProfiler().stop(),
    },
    close: () => app.close(),
  };
}
