import { closeOnSignals, createLogger, startConnectorWorker } from '@signet/connector-core';
import { JOB_NAMES, webhookHandlers } from './handlers';
import { loadSettings, SettingsError } from './settings';

async function main(): Promise<void> {
  const log = createLogger('connector-webhook', process.env['LOG_LEVEL'] || 'info');
  let settings;
  try {
    settings = loadSettings(process.env);
  } catch (error) {
    if (error instanceof SettingsError) {
      log.error(`Configuration error: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  if (settings.targets.length === 0) {
    log.info('Webhook connector disabled: WEBHOOK_TARGETS is empty. Nothing to do.');
    return;
  }
  const running = await startConnectorWorker({ connector: 'webhook', jobNames: JOB_NAMES, handlers: webhookHandlers(settings.targets), settings: settings.core, log });
  log.info({ targets: settings.targets.map((t) => t.url), engine: running.engine }, 'Webhook connector running');
  closeOnSignals(running, log);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
