// The sign-in screen: pick a person of a demo tenant, one per role (development tokens from the server), or paste a
// server URL and token.
import { Button, Card, CardContent, CardDescription, CardHeader, CardTitle, FormField, Input } from '@syncline/ui';
import { useEffect, useState } from 'react';
import { type DevAccount, defaultServerUrl, describeToken, fetchDevAccounts, type Session } from './session';

export function SignIn({ onSignIn }: { onSignIn: (session: Session) => void }) {
  const [accounts, setAccounts] = useState<DevAccount[] | undefined>();
  const [loadError, setLoadError] = useState<string | undefined>();
  const [serverUrl, setServerUrl] = useState(defaultServerUrl);
  const [token, setToken] = useState('');
  const [tokenError, setTokenError] = useState<string | undefined>();

  useEffect(() => {
    fetchDevAccounts()
      .then(setAccounts)
      .catch((error: unknown) => setLoadError(error instanceof Error ? error.message : String(error)));
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
        <Card>
          <CardHeader>
            <CardTitle>Demo tenants</CardTitle>
            <CardDescription>Development sign-in offered by the local sync server.</CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-2">
            {accounts?.map((account) => (
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
            {!accounts && !loadError && <p className="text-foreground-muted text-sm">Asking the server…</p>}
            {loadError && <p className="text-foreground-muted text-sm">{loadError}</p>}
          </CardContent>
        </Card>
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
