import { closeOnSignals, createErpHttp, createLogger, ConnectorMetrics, SettingsError, startConnectorWorker } from '@signet/connector-core';
import { sapHandlers, SAP_JOB_NAMES } from './handlers';
import { SapClient } from './sap-client';
import { loadSettings } from './settings';

async function main(): Promise<void> {
  let settings;
  try {
    settings = loadSettings(process.env);
  } catch (error) {
    if (error instanceof SettingsError) {
      createLogger('connector-sap').error(`Configuration error: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  const log = createLogger('connector-sap', settings.core.logLevel);
  if (!settings.sap) {
    log.info('SAP connector disabled: SAP_BASE_URL is not set. Nothing to do.');
    return;
  }
  const metrics = new ConnectorMetrics(true);
  const http = createErpHttp({ connector: 'sap', timeoutMs: settings.core.requestTimeoutMs, metrics });
  const client = new SapClient(settings.sap, http);
  const running = await startConnectorWorker({ connector: 'sap', jobNames: SAP_JOB_NAMES, handlers: sapHandlers(client, settings.sap), settings: settings.core, log, http, metrics });
  log.info({ sap: settings.sap.baseUrl, auth: settings.sap.auth.kind, engine: running.engine }, 'SAP connector running');
  closeOnSignals(running, log);
}

main().catch((error: unknown) => {
  process.stdout.write(JSON.stringify({ level: 'error', service: 'connector-sap', msg: error instanceof Error ? error.message : String(error) }) + '\n');
  process.exit(1);
});
