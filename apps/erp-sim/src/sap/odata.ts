import type { ServerResponse } from 'node:http';

/** OData v2 JSON error body as SAP Gateway sends it. */
export function odataErrorBody(code: string, message: string, details: Array<{ code: string; message: string }> = []): unknown {
  return {
    error: {
      code,
      message: { lang: 'en', value: message },
      innererror: {
        application: { component_id: 'SD-SLS-API', service_namespace: '/SAP/', service_id: 'API_SALES_ORDER_SRV', service_version: '0001' },
        transactionid: 'SIMULATED',
        errordetails: details.map((d) => ({ code: d.code, message: d.message, propertyref: '', severity: 'error', target: '' })),
      },
    },
  };
}

export function sendOData(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', dataserviceversion: '2.0', ...headers }).end(body === undefined ? undefined : JSON.stringify(body));
}

export function sendODataError(res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}, details: Array<{ code: string; message: string }> = []): void {
  sendOData(res, status, odataErrorBody(code, message, details), headers);
}

/** `/Date(1764288000000)/` ↔ epoch ms (OData v2 JSON for Edm.DateTime). */
export const ODATA_DATE = /^\/Date\((-?\d+)(?:[+-]\d{4})?\)\/$/;

export function odataDate(ms: number): string {
  return `/Date(${ms})/`;
}

export function odataDateTimeOffset(ms: number): string {
  return `/Date(${ms}+0000)/`;
}

/** Parses `PurchaseOrderByCustomer eq 'ABC'` (the one filter the subset supports); '' escapes a quote. */
export function parseEqFilter(filter: string): { property: string; value: string } | null {
  const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s+eq\s+'((?:[^']|'')*)'\s*$/.exec(filter);
  return match ? { property: match[1], value: match[2].replace(/''/g, "'") } : null;
}
