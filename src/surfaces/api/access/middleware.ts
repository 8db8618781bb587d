import type { Context, MiddlewareHandler } from 'hono';
import type { IncomingMessage } from 'node:http';
import { allows } from '../../../store/access.js';
import { errorBody } from '../errors.js';
import { bearer, type AccessControl } from './control.js';
import { RateLimiter } from './rate-limit.js';
import { requiredScope } from './rules.js';

type WithCaller = Context<{ Variables: { caller: string } }>;

/** Who made this request, for the audit trail: a token's name, or `anonymous@<address>`. */
export function callerOf(c: Context): string {
  return (c as WithCaller).get('caller') ?? 'anonymous@local';
}

const setCaller = (c: Context, who: string) => (c as WithCaller).set('caller', who);

function remoteAddress(c: Context): string {
  return (c.env as { incoming?: IncomingMessage } | undefined)?.incoming?.socket?.remoteAddress ?? 'local';
}

/**
 * Every request: rate limit per client, then the scope its method and path need (rules.ts) against the token it
 * carries. Reads may go without a token when the server allows it (loopback); writes and admin never do.
 */
export function accessMiddleware(access: AccessControl): MiddlewareHandler {
  const limiter = new RateLimiter(access.settings.rateLimit);
  return async (c, next) => {
    const header = c.req.header('authorization');
    const token = bearer(header);
    const address = remoteAddress(c);
    if (!limiter.take(token ? `token:${token.slice(0, 16)}` : `address:${address}`)) {
      c.header('Retry-After', '1');
      return errorBody(c, 429, `more than ${access.settings.rateLimit} requests per second from this client: slow down`);
    }
    const needs = requiredScope(c.req.method, c.req.path);
    if (header !== undefined && !token) return errorBody(c, 401, 'Authorization header not understood: send "Bearer <token>"');
    if (token) {
      const caller = await access.identify(token);
      if (!caller) return errorBody(c, 401, 'unknown or revoked API token');
      if (!allows(caller.scope, needs)) {
        return errorBody(c, 403, `this request needs a token with the ${needs} scope; token "${caller.name}" has ${caller.scope}`);
      }
      setCaller(c, caller.name);
    } else {
      if (needs !== 'read' || !access.settings.openReads) {
        return errorBody(c, 401, needs === 'read'
          ? 'this server answers only requests with an API token: send Authorization: Bearer <token>'
          : `this request ${needs === 'admin' ? 'administers the server' : 'changes data'}: send Authorization: Bearer <token> ` +
            `with a token of the ${needs} scope (make one with \`chokepoint token create NAME --scope ${needs}\`)`);
      }
      setCaller(c, `anonymous@${address}`);
    }
    await next();
  };
}
