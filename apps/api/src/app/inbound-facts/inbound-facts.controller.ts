import { Controller, Headers, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiBody, ApiNotFoundResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { inboundFactErrors, type InboundFactPayload, isConnectorId } from '@signet/sync-contracts';
import type { Request } from 'express';
import { Public } from '../auth/roles.decorator';
import { AppError, invalidInput } from '../common/app-error';
import { inboundConfig } from '../config/configuration';
import { FactOutcomeDto, InboundFactDto } from './dto/inbound-fact.dto';
import { InboundFactsService } from './inbound-facts.service';
import { type SignatureHeaders, verifyInboundSignature } from './inbound-signature';

/**
 * Facts pushed by ERPs. Public in the sense of the route × role walk: no JWT or API key, the
 * Standard Webhooks signature with the connector's own secret is the authentication.
 */
@ApiTags('sync')
@Controller('integrations')
export class InboundFactsController {
  constructor(
    @Inject(inboundConfig.KEY) private readonly settings: ConfigType<typeof inboundConfig>,
    private readonly facts: InboundFactsService,
  ) {}

  @Post(':connector/events')
  @Public()
  @HttpCode(202)
  @ApiOperation({ summary: 'One fulfilment or invoice fact from an ERP, signed per Standard Webhooks with the connector secret (INBOUND_WEBHOOK_SECRETS).' })
  @ApiBody({ type: InboundFactDto })
  @ApiAcceptedResponse({ type: FactOutcomeDto, description: 'Received: applied, ignored (duplicate, out_of_order) or rejected (recorded, with the reason).' })
  @ApiBadRequestResponse({ description: 'The fact is malformed; errors name the fields (problem+json). Nothing is recorded.' })
  @ApiUnauthorizedResponse({ description: 'Missing or wrong signature, stale timestamp, replayed webhook-id (problem+json).' })
  @ApiNotFoundResponse({ description: 'No inbound secret configured for this connector.' })
  async receive(
    @Param('connector') connector: string,
    @Req() req: Request & { rawBody?: Buffer },
    @Headers() headers: SignatureHeaders,
  ): Promise<FactOutcomeDto> {
    const secret = this.settings.secrets.get(connector);
    if (!secret || !isConnectorId(connector))
      throw new AppError(404, 'not_found', 'Not found', `Inbound events are not enabled for connector '${connector}'.`);
    const messageId = verifyInboundSignature(secret, req.rawBody, headers);
    const body: unknown = req.body;
    if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
      const value = body as Record<string, unknown>;
      if (value['connector'] === undefined) value['connector'] = connector;
      else if (value['connector'] !== connector) throw invalidInput([{ field: 'connector', message: `must be '${connector}' (the connector in the path)` }]);
    }
    const errors = inboundFactErrors(body);
    if (errors.length > 0) throw invalidInput(errors, `The fact is invalid: ${errors.map((e) => e.field).join(', ')}.`);
    return this.facts.apply(body as InboundFactPayload, 'webhook', messageId);
  }
}
