// An independent OpenID Provider for the end-to-end tests: the npm package oidc-provider (not written by this
// project), on plain http on loopback, with the app as a static client and accounts matching the registry's demo
// people. Started by the tests as a node process and stopped by its PID.
//
//   node provider.mjs --port 5301 --app http://127.0.0.1:5300 --profile userinfo|idtoken --key-out /tmp/key.json
//
// Profiles: "userinfo" keeps scope claims (email, email_verified, name) out of the ID token and in UserInfo, which is
// what a conforming provider does for the code flow (conformIdTokenClaims). "idtoken" puts them in the ID token and,
// like Entra ID, sends no email_verified.
import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import Provider, { errors } from 'oidc-provider';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string' },
    app: { type: 'string' },
    profile: { type: 'string', default: 'userinfo' },
    'key-out': { type: 'string' },
  },
});
if (!args.port || !args.app || !['userinfo', 'idtoken'].includes(args.profile)) {
  console.error('usage: provider.mjs --port N --app http://127.0.0.1:N --profile userinfo|idtoken [--key-out file]');
  process.exit(2);
}

const issuer = `http://127.0.0.1:${args.port}`;
const app = args.app.replace(/\/$/, '');
const apiAudience = 'api://samordning';
const otherAudience = 'api://another-app';

// The login typed on the provider's sign-in page is the subject. The subjects differ from anything the registry
// holds, so the first sign-in matches by e-mail and the registry records the subject.
const accounts = {
  'ext-kari': { name: 'Kari Nordmann', email: 'kari.koordinator@kmd.example.no', verified: true },
  'ext-per': { name: 'Per Hansen', email: 'per.kontakt@fin.example.no', verified: true },
  'ext-ukjent': { name: 'Ukjent Person', email: 'ukjent@example.no', verified: true },
  // Claims Per's address without the provider having verified it: must not get Per's access.
  'ext-uverifisert': { name: 'Uverifisert', email: 'per.kontakt@fin.example.no', verified: false },
};

// The signing key is written out (private part included) so that the tests can make tokens the app must refuse
// although they carry this provider's signature: expired, for another audience, from another issuer.
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'e2e-signing', alg: 'RS256', use: 'sig' };
if (args['key-out']) {
  writeFileSync(args['key-out'], JSON.stringify({ issuer, key: signingKey }));
}

const configuration = {
  jwks: { keys: [signingKey] },
  cookies: { keys: ['end-to-end-tests-only'] },
  clients: [
    {
      client_id: 'samordning',
      client_secret: 'e2e-client-secret',
      token_endpoint_auth_method: 'client_secret_post',
      grant_types: ['authorization_code'],
      response_types: ['code'],
      redirect_uris: [`${app}/signin-oidc`],
      post_logout_redirect_uris: [`${app}/signout-callback-oidc`],
    },
    {
      // Another system that reads the API with its own token (client credentials).
      client_id: 'rapportsystem',
      client_secret: 'e2e-system-secret',
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
    },
  ],
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  conformIdTokenClaims: args.profile === 'userinfo',
  pkce: { required: () => true },
  async findAccount(_ctx, id) {
    const account = accounts[id];
    if (!account) return undefined;
    return {
      accountId: id,
      async claims() {
        const verified = args.profile === 'userinfo' ? { email_verified: account.verified } : {};
        return { sub: id, name: account.name, email: account.email, ...verified };
      },
    };
  },
  features: {
    devInteractions: { enabled: true },
    clientCredentials: { enabled: true },
    rpInitiatedLogout: { enabled: true },
    resourceIndicators: {
      enabled: true,
      // Only a token request that names a resource gets a JWT for it; the sign-in's access token stays the opaque
      // one UserInfo takes.
      defaultResource: async (_ctx, _client, oneOf) => oneOf,
      useGrantedResource: async () => false,
      async getResourceServerInfo(_ctx, resource) {
        if (resource !== apiAudience && resource !== otherAudience) throw new errors.InvalidTarget();
        return { scope: 'api', audience: resource, accessTokenFormat: 'jwt', accessTokenTTL: 600, jwt: { sign: { alg: 'RS256' } } };
      },
    },
  },
};

const provider = new Provider(issuer, configuration);
const server = provider.listen(Number(args.port), '127.0.0.1', () => {
  console.log(`oidc-provider ready at ${issuer} (profile ${args.profile})`);
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
