import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import * as argon2 from 'argon2';
import type { Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import type { Role } from '../common/roles';
import { authConfig } from '../config/configuration';
import { UserEntity } from '../users/user.entity';
import type { TokenPairDto } from './dto/auth.dto';
import type { Principal } from './principal';

interface AccessClaims {
  sub: string;
  roles: Role[];
  ver: number;
  typ: 'access';
}

interface RefreshClaims {
  sub: string;
  ver: number;
  typ: 'refresh';
}

const invalidCredentials = () =>
  new AppError(401, 'invalid_credentials', 'Invalid credentials', 'The email or password is wrong, or the account is deactivated.');

const invalidToken = () => new AppError(401, 'invalid_token', 'Invalid token', 'The token is invalid or has expired. Log in again.');

@Injectable()
export class AuthService {
  /** Verified against when the email is unknown, so timing does not reveal which emails exist. */
  private readonly dummyHash = argon2.hash('signet-timing-equaliser');

  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    @Inject(authConfig.KEY) private readonly settings: ConfigType<typeof authConfig>,
  ) {}

  async login(email: string, password: string, ip: string | null): Promise<TokenPairDto> {
    const user = await this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.email) = lower(:email)', { email })
      .getOne();
    const valid = user ? await argon2.verify(user.passwordHash, password) : await argon2.verify(await this.dummyHash, password);
    if (!user || !valid || !user.active) {
      await this.audit.record({
        actorId: user?.id ?? null,
        action: 'auth.login.failed',
        detail: { email: email.toLowerCase(), reason: !user ? 'unknown_email' : !valid ? 'wrong_password' : 'deactivated' },
        ip,
      });
      throw invalidCredentials();
    }
    await this.users.update(user.id, { lastLoginAt: new Date() });
    await this.audit.record({ actorId: user.id, action: 'auth.login', targetType: 'user', targetId: user.id, ip });
    return this.issue(user);
  }

  async refresh(refreshToken: string): Promise<TokenPairDto> {
    let claims: RefreshClaims;
    try {
      claims = await this.jwt.verifyAsync<RefreshClaims>(refreshToken, { secret: this.settings.jwtRefreshSecret });
    } catch {
      throw invalidToken();
    }
    if (claims.typ !== 'refresh') throw invalidToken();
    const user = await this.users.findOneBy({ id: claims.sub });
    if (!user || !user.active || user.tokenVersion !== claims.ver) throw invalidToken();
    return this.issue(user);
  }

  /** Resolves a bearer access token to the caller, rejecting tokens of deactivated or changed users. */
  async principalFromAccessToken(token: string): Promise<Principal> {
    let claims: AccessClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessClaims>(token, { secret: this.settings.jwtSecret });
    } catch {
      throw invalidToken();
    }
    if (claims.typ !== 'access') throw invalidToken();
    const user = await this.users.findOneBy({ id: claims.sub });
    if (!user || !user.active || user.tokenVersion !== claims.ver) throw invalidToken();
    return { kind: 'user', id: user.id, roles: user.roles, email: user.email, displayName: user.displayName };
  }

  private async issue(user: UserEntity): Promise<TokenPairDto> {
    const access: AccessClaims = { sub: user.id, roles: user.roles, ver: user.tokenVersion, typ: 'access' };
    const refresh: RefreshClaims = { sub: user.id, ver: user.tokenVersion, typ: 'refresh' };
    const [accessToken, refreshToken] = await Promise.all([
      this.jwt.signAsync(access, { secret: this.settings.jwtSecret, expiresIn: this.settings.accessTokenTtlSeconds }),
      this.jwt.signAsync(refresh, { secret: this.settings.jwtRefreshSecret, expiresIn: this.settings.refreshTokenTtlSeconds }),
    ]);
    return { accessToken, refreshToken, expiresIn: this.settings.accessTokenTtlSeconds };
  }
}
