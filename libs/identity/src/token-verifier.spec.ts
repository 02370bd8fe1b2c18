import { SignJWT } from 'jose';
import { InvalidTokenError } from './identity.errors.js';
import { Hs256TokenVerifier, issueHs256Token, TOKEN_AUDIENCE, TOKEN_ISSUER } from './token-verifier.js';

const SECRET = 'test-secret-of-sufficient-length-0123456789';
const verifier = new Hs256TokenVerifier(SECRET);

describe('HS256 token verifier', () => {
  it('accepts a token it issued and reads sub, role and agency', async () => {
    const token = await issueHs256Token(SECRET, {
      sub: 'officer-7',
      role: 'agency_officer',
      agency: 'KAB-BANJAR-DINKES',
    });
    await expect(verifier.verify(token)).resolves.toEqual({
      id: 'officer-7',
      role: 'agency_officer',
      agencyCode: 'KAB-BANJAR-DINKES',
    });
  });

  it('refuses a token signed with another key', async () => {
    const token = await issueHs256Token('another-secret-of-sufficient-length-xyz', { sub: 'x', role: 'operator' });
    await expect(verifier.verify(token)).rejects.toThrow(new InvalidTokenError('The token is not valid'));
  });

  it('refuses an expired token', async () => {
    const token = await new SignJWT({ role: 'operator' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('op')
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(new TextEncoder().encode(SECRET));
    await expect(verifier.verify(token)).rejects.toThrow(/expired/);
  });

  it('refuses an unknown role, and an officer without an agency', async () => {
    const sign = (claims: Record<string, unknown>) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('s')
        .setIssuer(TOKEN_ISSUER)
        .setAudience(TOKEN_AUDIENCE)
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode(SECRET));
    await expect(verifier.verify(await sign({ role: 'king' }))).rejects.toThrow(/role must be one of/);
    await expect(verifier.verify(await sign({ role: 'system' }))).rejects.toThrow(/role must be one of/);
    await expect(verifier.verify(await sign({ role: 'agency_officer' }))).rejects.toThrow(/must name its agency/);
  });

  it('refuses garbage', async () => {
    await expect(verifier.verify('not-a-jwt')).rejects.toBeInstanceOf(InvalidTokenError);
  });
});
