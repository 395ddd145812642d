// The sign-in screen: paste a server URL and token, or, on a demo server that offers development sign-in, pick a
// person of a demo tenant, one per role. A server without it (production) shows the token form alone.
import { Button, Card, CardContent, CardDescription, CardHeader, CardTitle, FormField, Input } from '@syncline/ui';
import { useEffect, useState } from 'react';
import { type DevAccount, defaultServerUrl, describeToken, fetchDevAccounts, type Session } from './session';

const NO_ACCOUNTS: DevAccount[] = [];

export function SignIn({ onSignIn }: { onSignIn: (session: Session) => void }) {
  const [accounts, setAccounts] = useState<DevAccount[]>(NO_ACCOUNTS);
  const [serverUrl, setServerUrl] = useState(defaultServerUrl);
  const [token, setToken] = useState('');
  const [tokenError, setTokenError] = useState<string | undefined>();

  useEffect(() => {
    // demo tenants are an extra: a server that cannot list them leaves the token form, which always works
    fetchDevAccounts()
      .then(setAccounts)
      .catch(() => setAccounts(NO_ACCOUNTS));
  }, []);

  const signInWithToken = (event: React.FormEvent) => {
    event.preventDefault();
    const claims = describeToken(token.trim());
    if (!claims) {
      setTokenError(
        'That is not a Syncline token: it needs a `tenant` claim. Mint one with `pnpm syncline-server token --tenant T --sub U`.',
      );
      return;
    }
    onSignIn({ serverUrl, token: token.trim(), tenant: claims.tenant, tenantName: claims.tenant, user: claims.user });
  };

  return (
    <main className="grid min-h-svh place-items-center bg-background p-6">
      <div className="flex w-full max-w-md flex-col gap-6">
        <header className="flex flex-col gap-1 text-center">
          <h1 className="font-display font-semibold text-2xl">Syncline Control Center</h1>
          <p className="text-foreground-muted text-sm">Choose the shop you operate.</p>
        </header>
        {accounts.length > 0 && (
          <Card>
            <CardHeader>
              <CardTitle>Demo tenants</CardTitle>
              <CardDescription>Development sign-in offered by the local sync server.</CardDescription>
            </CardHeader>
            <CardContent className="flex flex-col gap-2">
              {accounts.map((account) => (
                <Button
                  key={`${account.tenant}:${account.user}`}
                  variant="outline"
                  className="justify-between"
                  onClick={() => onSignIn({ serverUrl: defaultServerUrl(), ...account })}
                >
                  <span>{account.tenantName}</span>
                  <span className="text-foreground-subtle text-xs">
                    as {account.user}, <span className="capitalize">{account.role}</span>
                  </span>
                </Button>
              ))}
            </CardContent>
          </Card>
        )}
        <Card>
          <CardHeader>
            <CardTitle>Sign in with a token</CardTitle>
          </CardHeader>
          <CardContent>
            <form className="flex flex-col gap-4" onSubmit={signInWithToken}>
              <FormField label="Sync server" description="The GraphQL endpoint of your Syncline server.">
                <Input value={serverUrl} onChange={(event) => setServerUrl(event.target.value)} />
              </FormField>
              <FormField label="Token" error={tokenError}>
                <Input value={token} onChange={(event) => setToken(event.target.value)} autoComplete="off" />
              </FormField>
              <Button type="submit">Sign in</Button>
            </form>
          </CardContent>
        </Card>
      </div>
    </main>
  );
}
