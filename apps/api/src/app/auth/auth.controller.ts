import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import { ALL_ROLES } from '../common/roles';
import { AuthService } from './auth.service';
import { LoginDto, MeDto, RefreshDto, TokenPairDto } from './dto/auth.dto';
import { LoginThrottlerGuard } from './login-throttler.guard';
import { clientIp, CurrentPrincipal, type Principal } from './principal';
import { Public, Roles } from './roles.decorator';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @UseGuards(LoginThrottlerGuard)
  @ApiOkResponse({ type: TokenPairDto })
  @ApiUnauthorizedResponse({ description: 'Wrong email or password (problem+json).' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts for this email from this address.' })
  login(@Body() body: LoginDto, @Req() request: Request): Promise<TokenPairDto> {
    return this.auth.login(body.email, body.password, clientIp(request));
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPairDto })
  refresh(@Body() body: RefreshDto): Promise<TokenPairDto> {
    return this.auth.refresh(body.refreshToken);
  }

  @Get('me')
  @Roles(...ALL_ROLES)
  @ApiBearerAuth()
  @ApiOkResponse({ type: MeDto })
  me(@CurrentPrincipal() principal: Principal): MeDto {
    return { id: principal.id, kind: principal.kind, email: principal.email, displayName: principal.displayName, roles: principal.roles };
  }
}
