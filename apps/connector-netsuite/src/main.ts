import { closeOnSignals, createLogger, startConnectorWorker } from '@signet/connector-core';
import { JOB_NAMES, netsuiteHandlers } from './handlers';
import { DEFAULT_RATE_LIMIT_WAIT_MS } from './netsuite-error';
import { loadSettings, SettingsError } from './settings';

async function main(): Promise<void> {
  const log = createLogger('connector-netsuite', process.env['LOG_LEVEL'] || 'info');
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
  if (!settings) {
    log.info('NetSuite connector disabled: NETSUITE_BASE_URL, NETSUITE_ACCOUNT and the TBA credentials are not set. Nothing to do.');
    return;
  }
  const running = await startConnectorWorker({
    connector: 'netsuite',
    jobNames: JOB_NAMES,
    handlers: netsuiteHandlers(settings),
    settings: settings.core,
    log,
    defaultRateLimitMs: DEFAULT_RATE_LIMIT_WAIT_MS,
  });
  log.info({ baseUrl: settings.baseUrl, account: settings.credentials.account, engine: running.engine }, 'NetSuite connector running');
  closeOnSignals(running, log);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
